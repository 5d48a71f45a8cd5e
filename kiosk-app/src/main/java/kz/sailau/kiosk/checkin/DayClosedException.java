package kz.sailau.kiosk.checkin;

/**
 * The election day is closed: the ledger refuses every further check-in (nothing is changed). The kiosk
 * shows the closed screen; the clerk sends the voter to the precinct commission.
 */
public final class DayClosedException extends RuntimeException {

    /** Message key for the UI. */
    public static final String MESSAGE_KEY = "checkin.error.dayClosed";

    /** A refusal after close. */
    public DayClosedException() {
        super("check-in refused: the election day is closed");
    }

    /** Resource-bundle key of the message shown on the kiosk. */
    public String messageKey() {
        return MESSAGE_KEY;
    }
}
