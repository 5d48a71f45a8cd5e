package kz.sailau.fingerprint;

/**
 * A packet arrived with a wrong checksum (R30x user manual, data package format: the checksum is the low 16 bits of the sum of identifier, length and contents), also after the bounded retries.
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class ChecksumException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.checksum";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public ChecksumException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public ChecksumException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
