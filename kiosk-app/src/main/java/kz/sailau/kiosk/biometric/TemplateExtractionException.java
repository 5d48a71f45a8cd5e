package kz.sailau.kiosk.biometric;

/**
 * Thrown when no usable template can be made or read. Carries a message key for the user and a
 * technical message for the log; never any biometric data.
 */
public final class TemplateExtractionException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key for the user
     * @param technicalMessage message for the log, without biometric data
     * @param cause            the underlying failure, may be null
     */
    public TemplateExtractionException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key for the user. */
    public String messageKey() {
        return messageKey;
    }
}
