package kz.sailau.fingerprint;

/**
 * The capture was cancelled by {@link FingerprintScanner#cancel()} or by interrupting the capturing thread.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class CaptureCancelledException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.cancelled";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public CaptureCancelledException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public CaptureCancelledException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
