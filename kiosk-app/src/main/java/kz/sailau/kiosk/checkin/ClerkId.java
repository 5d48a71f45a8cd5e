package kz.sailau.kiosk.checkin;

import java.util.Objects;

/**
 * A commission member's kiosk login: 1 to 16 characters of letters and digits. Not personal data of a
 * voter; it is written to the audit log with every clerk action.
 *
 * @param value the login
 */
public record ClerkId(String value) {

    /** @throws IllegalArgumentException if not 1-16 ASCII letters and digits */
    public ClerkId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("clerk id must be 1-16 letters and digits");
        }
    }
}
