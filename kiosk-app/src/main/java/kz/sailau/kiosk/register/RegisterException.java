package kz.sailau.kiosk.register;

/**
 * A register package cannot be built, read or loaded. Carries a message key for the administrator or
 * clerk and a technical message for the log; never personal data (CSV problems name the line and field,
 * not the value).
 */
public class RegisterException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key for the user
     * @param technicalMessage message for the log
     * @param cause            the underlying failure, may be null
     */
    public RegisterException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key for the user. */
    public String messageKey() {
        return messageKey;
    }
}
