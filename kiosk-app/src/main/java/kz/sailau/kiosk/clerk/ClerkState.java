package kz.sailau.kiosk.clerk;

/** Where a clerk stands in the roster. */
public enum ClerkState {
    /** May log in with the PIN. */
    ACTIVE,
    /** Locked after {@link ClerkRoster#MAX_FAILED_ATTEMPTS} wrong PINs in a row; the administrator resets the PIN. */
    LOCKED,
    /** Removed by the administrator; the PIN hash is deleted and the login is never given out again. */
    REMOVED
}
