package kz.sailau.kiosk.clerk;

import java.util.Objects;
import kz.sailau.kiosk.checkin.ClerkId;

/**
 * One line of the roster as the administrator sees it: never a PIN, hash or salt.
 *
 * @param login          the clerk's kiosk login
 * @param state          active, locked or removed
 * @param failedAttempts wrong PINs in a row since the last good one or reset
 */
public record ClerkEntry(ClerkId login, ClerkState state, int failedAttempts) {

    /** @throws IllegalArgumentException on a negative count */
    public ClerkEntry {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(state, "state");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failed attempts must not be negative");
        }
    }
}
