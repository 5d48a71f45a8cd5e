package kz.sailau.kiosk.token;

import java.util.Objects;

/** Thrown when a token table cannot be read or written; carries a message key and a technical message. */
public final class TokenStoreException extends RuntimeException {

    /** Resource-bundle key for the clerk. */
    public static final String MESSAGE_KEY = "token.error.store";

    private final String messageKey;

    /**
     * @param technicalMessage for the log, no personal data (there is none in token tables)
     * @param cause            the SQL failure
     */
    public TokenStoreException(String technicalMessage, Throwable cause) {
        this(MESSAGE_KEY, technicalMessage, cause);
    }

    /**
     * @param messageKey       resource-bundle key, e.g. {@code token.error.ledger}
     * @param technicalMessage for the log
     * @param cause            the failure, may be null
     */
    public TokenStoreException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** Resource-bundle key for the clerk. */
    public String messageKey() {
        return messageKey;
    }
}
