package kz.sailau.fingerprint;

/**
 * No finger was placed on the sensor before the finger timeout ran out.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class NoFingerException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.no-finger";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public NoFingerException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public NoFingerException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
