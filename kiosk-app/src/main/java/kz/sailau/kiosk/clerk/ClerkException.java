package kz.sailau.kiosk.clerk;

/**
 * A roster change or PIN was refused: unknown or removed clerk, duplicate login, malformed login, weak PIN.
 * Carries a message key for the administrator and a technical message for the log; never a PIN, a hash or
 * a salt.
 */
public final class ClerkException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key, e.g. {@code clerk.error.pinTooShort}
     * @param technicalMessage message for the log
     */
    public ClerkException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key for the administrator. */
    public String messageKey() {
        return messageKey;
    }
}
