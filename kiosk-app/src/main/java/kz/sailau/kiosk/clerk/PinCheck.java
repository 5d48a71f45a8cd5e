package kz.sailau.kiosk.clerk;

/** The outcome of checking a clerk's PIN against the roster. */
public enum PinCheck {
    /** The right PIN of an active clerk. */
    ACCEPTED,
    /** A wrong PIN; the clerk's failed-attempt count went up. */
    REJECTED,
    /** This wrong PIN was the last allowed one: the clerk is now locked. */
    LOCKED_NOW,
    /** The clerk was already locked; the PIN was not counted. */
    LOCKED,
    /** No such clerk, or a removed one. */
    UNKNOWN;

    /** Whether the clerk may act. */
    public boolean accepted() {
        return this == ACCEPTED;
    }
}
