package kz.sailau.kiosk.accuracy;

/**
 * The accuracy command cannot run on its input: a missing or misnamed folder, an image it cannot read or whose
 * resolution is unknown, impression lists that do not fit the images. Carries a message key and a one-line technical
 * message; never an image or a score of a person.
 */
public final class AccuracyException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       e.g. {@code accuracy.error.layout}
     * @param technicalMessage one line for the console
     */
    public AccuracyException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = messageKey;
    }

    /** The message key. */
    public String messageKey() {
        return messageKey;
    }
}
