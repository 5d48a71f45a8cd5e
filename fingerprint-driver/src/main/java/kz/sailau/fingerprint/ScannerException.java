package kz.sailau.fingerprint;

import java.util.Objects;

/**
 * Base of every failure reported by a {@link FingerprintScanner}.
 *
 * <p>Each subtype carries a {@linkplain #messageKey() message key} that the user interface turns into a sentence
 * for the clerk (resource bundles live in the kiosk), and a technical message ({@link #getMessage()}) for the log.
 * Neither ever contains image data or any personal data.
 */
public abstract class ScannerException extends Exception {

    private final String messageKey;

    /**
     * Creates an exception.
     *
     * @param messageKey       resource-bundle key for the user, e.g. {@code scanner.error.timeout}
     * @param technicalMessage what happened, for the log
     * @param cause            the underlying cause, may be {@code null}
     */
    protected ScannerException(String messageKey, String technicalMessage, Throwable cause) {
        super(Objects.requireNonNull(technicalMessage, "technicalMessage"), cause);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /**
     * Returns the resource-bundle key that names this failure for the user.
     *
     * @return a key such as {@code scanner.error.disconnected}
     */
    public String messageKey() {
        return messageKey;
    }

    /**
     * Returns the technical message meant for the log (same as {@link #getMessage()}).
     *
     * @return the technical message
     */
    public String technicalMessage() {
        return getMessage();
    }
}
