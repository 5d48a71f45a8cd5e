package kz.sailau.kiosk.token;

import java.util.Objects;

/** Thrown when text is not a token; carries the refusal (with its message key) and a technical message. */
public final class TokenFormatException extends IllegalArgumentException {

    private final TokenRefusal refusal;

    /**
     * @param refusal          {@link TokenRefusal#MALFORMED}, {@link TokenRefusal#BAD_CHECK_CHARACTER} or
     *                         {@link TokenRefusal#UNSUPPORTED_VERSION}
     * @param technicalMessage for the log
     */
    public TokenFormatException(TokenRefusal refusal, String technicalMessage) {
        super(technicalMessage);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** The refusal. */
    public TokenRefusal refusal() {
        return refusal;
    }

    /** Resource-bundle key for the desk clerk. */
    public String messageKey() {
        return refusal.messageKey();
    }
}
