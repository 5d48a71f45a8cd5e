package kz.sailau.fingerprint;

/**
 * The sensor did not answer (or stopped sending) within the response timeout, also after the bounded retries.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class ScannerTimeoutException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.timeout";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public ScannerTimeoutException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public ScannerTimeoutException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
