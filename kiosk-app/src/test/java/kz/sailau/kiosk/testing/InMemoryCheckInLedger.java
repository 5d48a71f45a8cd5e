package kz.sailau.kiosk.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.PaperFormReference;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.model.Iin;

/**
 * A {@link CheckInLedger} in memory, for tests and the simulation: atomic by synchronisation, not durable.
 * The audit trail is kept as plain entries for assertions, and the issued token ids with their void flags.
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
    private final Map<String, Boolean> issued = new HashMap<>();
    private Counters counters = Counters.ZERO;

    @Override
    public synchronized boolean isCheckedIn(Iin iin) {
        return checkedIn.contains(Objects.requireNonNull(iin, "iin"));
    }

    @Override
    public synchronized Counters record(CheckInRecord record, Optional<PreparedToken> token) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(token, "token");
        if (checkedIn.contains(record.iin())) {
            throw new AlreadyCheckedInException();
        }
        token.ifPresent(t -> requireNew(t.id()));
        checkedIn.add(record.iin());
        counters = counters.plus(record.method());
        audit.add(new AuditEntry(CheckInAuditEvent.CHECKED_IN,
                record.method().name() + record.overrideReason().map(r -> ":" + r.name()).orElse(""),
                record.clerk()));
        issue(token);
        return counters;
    }

    @Override
    public synchronized PaperFormReference recordPaperMark(Iin iin, ClerkId clerk) {
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(clerk, "clerk");
        if (checkedIn.contains(iin)) {
            throw new AlreadyCheckedInException();
        }
        checkedIn.add(iin);
        counters = counters.plusPaperMark();
        PaperFormReference reference = PaperFormReference.forPaperMark(counters);
        audit.add(new AuditEntry(CheckInAuditEvent.PAPER_MARK_ENTERED, reference.text(),
                Optional.of(clerk)));
        return reference;
    }

    @Override
    public synchronized Counters replaceToken(PreparedToken voided, Optional<PreparedToken> replacement,
                                              ClerkId clerk) {
        Objects.requireNonNull(voided, "voided");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(clerk, "clerk");
        if (!Boolean.FALSE.equals(issued.get(voided.id()))) {
            throw new IllegalStateException("only an issued, valid token can be voided");
        }
        replacement.ifPresent(t -> requireNew(t.id()));
        issued.put(voided.id(), true);
        counters = counters.plusVoidedToken();
        audit.add(new AuditEntry(CheckInAuditEvent.TOKEN_VOIDED, "", Optional.of(clerk)));
        issue(replacement);
        return counters;
    }

    private void requireNew(String id) {
        if (issued.containsKey(id)) {
            throw new IllegalStateException("token id issued twice");
        }
    }

    private void issue(Optional<PreparedToken> token) {
        if (token.isPresent()) {
            issued.put(token.get().id(), false);
            audit.add(new AuditEntry(CheckInAuditEvent.TOKEN_ISSUED, "", Optional.empty()));
        } else {
            audit.add(new AuditEntry(CheckInAuditEvent.TOKEN_NOT_ISSUED, "", Optional.empty()));
        }
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

    /** The issued token ids and whether each was voided, in no particular order. */
    public synchronized Map<String, Boolean> issuedTokens() {
        return Map.copyOf(issued);
    }
}
