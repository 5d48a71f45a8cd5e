package kz.sailau.kiosk.checkin;

/** Thrown by a {@link CheckInLedger} when the voter's check-in is already recorded. No personal data. */
public final class AlreadyCheckedInException extends RuntimeException {

    /** Creates the exception. */
    public AlreadyCheckedInException() {
        super("voter already checked in");
    }

    /** Resource-bundle key for the clerk. */
    public String messageKey() {
        return Refusal.ALREADY_CHECKED_IN.messageKey();
    }
}
