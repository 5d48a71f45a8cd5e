package kz.sailau.kiosk.cli;

/** A command cannot proceed; carries a message key and a technical message. */
public final class CliException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey       resource-bundle key
     * @param technicalMessage message for the console and the log
     */
    public CliException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = messageKey;
    }

    /** Resource-bundle key. */
    public String messageKey() {
        return messageKey;
    }
}
