package kz.sailau.kiosk.checkin;

/**
 * Thrown by a {@link CheckInLedger} whose storage is full (the disk, or the database's size cap): nothing was
 * recorded. The engine calls the clerk with {@link ClerkReason#STORE_FULL}, so the clerk reads that the disk is full
 * rather than that a device failed (decision 0450). The message is technical (for the log) and holds no personal data.
 */
public final class LedgerFullException extends RuntimeException {

    /**
     * @param technicalMessage for the log, never about the voter
     * @param cause            the storage's own failure
     */
    public LedgerFullException(String technicalMessage, Throwable cause) {
        super(technicalMessage, cause);
    }
}
