package kz.sailau.fingerprint;

/**
 * The sensor refused the handshake password (VfyPwd answered confirmation code 0x13).
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class WrongPasswordException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.wrong-password";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     */
    public WrongPasswordException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param technicalMessage what happened, for the log (no image or personal data)
     * @param cause            the underlying cause
     */
    public WrongPasswordException(String technicalMessage, Throwable cause) {
        super(MESSAGE_KEY, technicalMessage, cause);
    }
}
