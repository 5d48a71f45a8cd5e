package kz.sailau.kiosk.checkin;

import java.util.Objects;

/**
 * Thrown by a {@link CheckInLedger} of a precinct network when the kiosk cannot reach the majority of the
 * precinct's machines in time: nothing was recorded, and the engine shows the cut-off screen
 * ({@link CheckInState.CutOff}). Also thrown, with the key {@value #REGISTER_MISMATCH_KEY}, when the precinct
 * opened with another register than this kiosk's: the kiosk checks nobody in. The message is technical (for the log) and holds no personal data.
 */
public final class NetworkCutOffException extends RuntimeException {

    /** The message key of what the voter and the clerk are told. */
    public static final String MESSAGE_KEY = "precinct.error.cutOff";
    /** The message key when the precinct refused this kiosk's register (another version or package). */
    public static final String REGISTER_MISMATCH_KEY = "precinct.error.registerMismatch";
    /** The message key when the precinct's day is sealed: the ledger takes no more check-ins (decision 0471). */
    public static final String DAY_SEALED_KEY = "precinct.error.daySealed";

    private final String messageKey;

    /** @param technicalMessage for the log: what the network answered, never about the voter */
    public NetworkCutOffException(String technicalMessage) {
        this(MESSAGE_KEY, technicalMessage);
    }

    /**
     * @param messageKey       {@value #MESSAGE_KEY}, {@value #REGISTER_MISMATCH_KEY} or {@value #DAY_SEALED_KEY}
     * @param technicalMessage for the log, never about the voter
     */
    public NetworkCutOffException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** Resource-bundle key for the voter and the clerk. */
    public String messageKey() {
        return messageKey;
    }
}
