package kz.sailau.kiosk.precinct;

/**
 * The precinct network could not commit a command in time: this node is cut off from the majority, or no leader
 * is elected yet. Nothing was recorded by this node's request (if the command was committed after all, a retry
 * with the same command id is answered with its recorded outcome). Message key
 * {@code precinct.error.cutOff}. A node that could not even listen on its address throws the subclass
 * {@link NodeBindException} ({@code node.error.bind}).
 */
public class PrecinctUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message key for the clerk. */
    public static final String MESSAGE_KEY = "precinct.error.cutOff";

    /** @param technicalMessage for the log */
    public PrecinctUnavailableException(String technicalMessage) {
        super(technicalMessage);
    }

    /** The message key for the clerk. */
    public String messageKey() {
        return MESSAGE_KEY;
    }
}
