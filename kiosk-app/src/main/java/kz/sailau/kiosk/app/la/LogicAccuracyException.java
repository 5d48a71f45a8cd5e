package kz.sailau.kiosk.app.la;

import java.util.Objects;

/**
 * The logic-and-accuracy test cannot start or end: a message key for the administrator (e.g.
 * {@code la.error.pollsOpen}, or the register's refusal key for a refused test package) and a technical
 * message for the log, without personal data.
 */
public final class LogicAccuracyException extends Exception {

    private final String messageKey;

    /**
     * @param messageKey       the bundle key of the message the administrator reads
     * @param technicalMessage for the log, no personal data
     * @param cause            the cause, or null
     */
    public LogicAccuracyException(String messageKey, String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** The bundle key of the message the administrator reads. */
    public String messageKey() {
        return messageKey;
    }
}
