package kz.sailau.kiosk.store;

/**
 * The kiosk database failed: cannot open, schema from a newer kiosk, disk full, I/O error. Carries a
 * message key for the clerk and a technical message for the log, never personal data (SQL parameters are
 * not part of any message).
 */
public class StoreException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key for the user
     * @param technicalMessage message for the log
     * @param cause            the underlying failure, may be null
     */
    public StoreException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key for the user. */
    public String messageKey() {
        return messageKey;
    }
}
