package kz.sailau.kiosk.token;

/** Thrown when a token table cannot be read or written; carries a message key and a technical message. */
public final class TokenStoreException extends RuntimeException {

    /** Resource-bundle key for the clerk. */
    public static final String MESSAGE_KEY = "token.error.store";

    /**
     * @param technicalMessage for the log, no personal data (there is none in token tables)
     * @param cause            the SQL failure
     */
    public TokenStoreException(String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
    }

    /** Resource-bundle key for the clerk. */
    public String messageKey() {
        return MESSAGE_KEY;
    }
}
