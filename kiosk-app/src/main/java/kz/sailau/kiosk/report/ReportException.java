package kz.sailau.kiosk.report;

/**
 * A report that cannot be made now (the opening report after the first check-in, the closing tally before the
 * close, a log without a signed head): a message key for the administrator and a technical message for the log,
 * neither holding personal data.
 */
public final class ReportException extends Exception {

    private final String messageKey;

    /**
     * @param messageKey       the bundle key the administrator reads
     * @param technicalMessage for the log
     */
    public ReportException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = messageKey;
    }

    /** The bundle key of the message. */
    public String messageKey() {
        return messageKey;
    }
}
