package kz.sailau.kiosk.register;

import java.util.Objects;

/**
 * A suspected duplicate that the authority examined and accepted, with its written reason; kept inside
 * the encrypted records of the package for the audit trail.
 *
 * @param id     the duplicate's id as printed by {@code register build}, e.g. {@code finger:V0004+V0012}
 * @param reason the administrator's reason, non-blank
 */
public record AcceptedDuplicate(String id, String reason) {

    /** @throws IllegalArgumentException on a blank id or reason */
    public AcceptedDuplicate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        if (id.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("an accepted duplicate needs an id and a reason");
        }
    }
}
