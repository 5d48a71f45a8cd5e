package kz.sailau.kiosk.precinct;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The node's own ledger files (its consensus log and snapshot in the data directory) cannot be read, so the node
 * does not start: nothing was joined and nothing recorded; the node is not "cut off". Message key
 * {@code node.error.ledger}; the technical message names the directory, never content.
 */
public final class NodeLedgerException extends PrecinctUnavailableException {

    /** The message key for the administrator. */
    public static final String MESSAGE_KEY = "node.error.ledger";

    private static final long serialVersionUID = 1L;

    /** @param dataDirectory the node's ledger directory */
    public NodeLedgerException(Path dataDirectory) {
        super("the node's ledger in " + Objects.requireNonNull(dataDirectory, "dataDirectory") + " cannot be read "
                + "(a damaged file): nothing was started; call the technician (moved aside, the node catches up with "
                + "node run --rejoin while every other machine of the precinct runs)");
    }

    @Override
    public String messageKey() {
        return MESSAGE_KEY;
    }
}
