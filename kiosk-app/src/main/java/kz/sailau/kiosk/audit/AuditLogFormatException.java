package kz.sailau.kiosk.audit;

/** A row of the audit log cannot be read at all (unknown type, broken fields); names its sequence. */
public final class AuditLogFormatException extends RuntimeException {

    private final long sequence;

    /** @param sequence the row's sequence number; @param cause what failed */
    public AuditLogFormatException(long sequence, Throwable cause) {
        super("audit log entry " + sequence + " cannot be read: " + cause.getClass().getSimpleName());
        this.sequence = sequence;
    }

    /** The sequence number of the unreadable row. */
    public long sequence() {
        return sequence;
    }
}
