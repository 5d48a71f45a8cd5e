package kz.sailau.fingerprint;

/**
 * The serial port exists but another program (or another scanner object) already holds it open.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class PortBusyException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.port-busy";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public PortBusyException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public PortBusyException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
