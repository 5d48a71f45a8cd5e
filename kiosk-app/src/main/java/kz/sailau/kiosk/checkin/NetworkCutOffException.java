package kz.sailau.kiosk.checkin;

/**
 * Thrown by a {@link CheckInLedger} of a precinct network when the kiosk cannot reach the majority of the
 * precinct's machines in time: nothing was recorded, and the engine shows the cut-off screen
 * ({@link CheckInState.CutOff}). The message is technical (for the log) and holds no personal data.
 */
public final class NetworkCutOffException extends RuntimeException {

    /** The message key of what the voter and the clerk are told. */
    public static final String MESSAGE_KEY = "precinct.error.cutOff";

    /** @param technicalMessage for the log: what the network answered, never about the voter */
    public NetworkCutOffException(String technicalMessage) {
        super(technicalMessage);
    }

    /** Resource-bundle key for the voter and the clerk. */
    public String messageKey() {
        return MESSAGE_KEY;
    }
}
