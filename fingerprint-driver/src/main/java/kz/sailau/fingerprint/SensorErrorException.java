package kz.sailau.fingerprint;

/**
 * The sensor answered a command with a failure confirmation code the driver cannot recover from (for example 0x03 image capture failed, 0x0F image upload failed).
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class SensorErrorException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.sensor";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public SensorErrorException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public SensorErrorException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
