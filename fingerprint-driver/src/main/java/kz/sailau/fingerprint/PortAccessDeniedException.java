package kz.sailau.fingerprint;

/**
 * The operating system refused to open the serial port for this user (on Linux: add the user to the group
 * {@code dialout}, or install a udev rule for the adapter).
 *
 * <p>Message key: {@value #MESSAGE_KEY}.
 */
public class PortAccessDeniedException extends ScannerException {

    /** Resource-bundle key of this failure. */
    public static final String MESSAGE_KEY = "scanner.error.port-access-denied";

    /**
     * Creates the exception.
     *
     * @param technicalMessage what happened, for the log
     */
    public PortAccessDeniedException(String technicalMessage) {
        super(MESSAGE_KEY, technicalMessage, null);
    }
}
