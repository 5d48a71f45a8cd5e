package kz.sailau.kiosk.checkin;

/** Port: checks a clerk's own PIN. Implementations must compare in constant time and never log the PIN. */
public interface ClerkAuthenticator {

    /**
     * Whether {@code pin} is the PIN of {@code clerk}. The caller clears the array afterwards.
     *
     * @return true only for a known clerk with the right PIN
     */
    boolean authenticate(ClerkId clerk, char[] pin);
}
