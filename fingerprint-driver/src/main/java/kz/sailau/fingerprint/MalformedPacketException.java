package kz.sailau.fingerprint;

/**
 * Bytes arrived that cannot be a packet of the sensor protocol: an impossible length, an unknown packet identifier, a foreign address, or a reply that does not fit the command sent.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class MalformedPacketException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.protocol";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public MalformedPacketException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public MalformedPacketException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
