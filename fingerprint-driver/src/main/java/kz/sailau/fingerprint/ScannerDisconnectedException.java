package kz.sailau.fingerprint;

/**
 * The sensor went away: the serial line reported end-of-file or an I/O error (USB-UART adapter unplugged), or the port path does not exist. The port has been closed; the next call reopens it.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class ScannerDisconnectedException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.disconnected";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public ScannerDisconnectedException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public ScannerDisconnectedException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
