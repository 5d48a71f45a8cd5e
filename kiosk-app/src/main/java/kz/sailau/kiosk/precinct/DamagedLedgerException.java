package kz.sailau.kiosk.precinct;

/**
 * The node's consensus log or snapshot on disk cannot be read (a damaged file, a file of another program): raised
 * by {@link DurableSnapshotLog} and the ledger's state machine so that {@link PrecinctNode#start} can tell it apart
 * from a network that cannot be joined. The message names the reason, never content.
 */
final class DamagedLedgerException extends Exception {

    private static final long serialVersionUID = 1L;

    DamagedLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
