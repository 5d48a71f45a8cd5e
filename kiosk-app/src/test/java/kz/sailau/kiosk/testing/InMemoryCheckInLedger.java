package kz.sailau.kiosk.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.model.Iin;

/**
 * A {@link CheckInLedger} in memory, for tests and the simulation: atomic by synchronisation, not durable.
 * The audit trail is kept as plain entries for assertions.
 */
public final class InMemoryCheckInLedger implements CheckInLedger {

    /**
     * One audit entry.
     *
     * @param event  the kind
     * @param detail the fixed detail code
     * @param clerk  the acting clerk, if any
     */
    public record AuditEntry(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
    }

    private final Set<Iin> checkedIn = new HashSet<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private Counters counters = Counters.ZERO;

    @Override
    public synchronized boolean isCheckedIn(Iin iin) {
        return checkedIn.contains(Objects.requireNonNull(iin, "iin"));
    }

    @Override
    public synchronized Counters record(CheckInRecord record) {
        Objects.requireNonNull(record, "record");
        if (checkedIn.contains(record.iin())) {
            throw new AlreadyCheckedInException();
        }
        checkedIn.add(record.iin());
        counters = counters.plus(record.method());
        audit.add(new AuditEntry(CheckInAuditEvent.CHECKED_IN,
                record.method().name() + record.overrideReason().map(r -> ":" + r.name()).orElse(""),
                record.clerk()));
        return counters;
    }

    @Override
    public synchronized Counters recordVoidedToken(Optional<ClerkId> clerk) {
        counters = counters.plusVoidedToken();
        audit.add(new AuditEntry(CheckInAuditEvent.TOKEN_VOIDED, "", clerk));
        return counters;
    }

    @Override
    public synchronized void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        audit.add(new AuditEntry(event, detail, clerk));
    }

    @Override
    public synchronized Counters counters() {
        return counters;
    }

    /** A copy of the audit trail so far. */
    public synchronized List<AuditEntry> auditTrail() {
        return List.copyOf(audit);
    }
}
