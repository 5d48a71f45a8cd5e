package kz.sailau.kiosk.devices;

/** The MRZ reader cannot be used; carries a message key for the clerk and a technical message for the log. */
public final class MrzReaderException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key, e.g. {@code device.mrz.disconnected}
     * @param technicalMessage for the log, without card data
     * @param cause            the underlying failure, may be null
     */
    public MrzReaderException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key for the clerk. */
    public String messageKey() {
        return messageKey;
    }
}
