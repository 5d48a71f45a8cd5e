package kz.sailau.kiosk.ledger;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctOutcome;

/**
 * The check-in ledger of a kiosk on a precinct network: a check-in counts only when the precinct's majority
 * committed "check in this blind index if not yet checked in" ({@link PrecinctNode#checkIn}); then the kiosk's
 * own ledger records it with its counters and audit event as in standalone mode. A voter checked in at another
 * kiosk gives {@link AlreadyCheckedInException}; a kiosk cut off from the majority throws
 * {@link kz.sailau.kiosk.precinct.PrecinctUnavailableException} and records nothing, and the engine asks the clerk.
 */
public final class ReplicatedCheckInLedger implements CheckInLedger {

    private final CheckInLedger local;
    private final PrecinctNode node;
    private final BlindIndex voterIndex;

    /**
     * @param local      this kiosk's own ledger (its audit log and counters)
     * @param node       this kiosk's node of the precinct network
     * @param voterIndex the precinct's blind index for IINs (domain {@code iin}); every kiosk of the precinct must
     *                   use the same key, or one voter would have one index per kiosk
     */
    public ReplicatedCheckInLedger(CheckInLedger local, PrecinctNode node, BlindIndex voterIndex) {
        this.local = Objects.requireNonNull(local, "local");
        this.node = Objects.requireNonNull(node, "node");
        this.voterIndex = Objects.requireNonNull(voterIndex, "voterIndex");
    }

    /** Whether any node of the precinct checked the voter in (this node's replica; the check-in itself decides). */
    @Override
    public boolean isCheckedIn(Iin iin) {
        byte[] index = voterIndex.of(Objects.requireNonNull(iin, "iin").digits());
        return node.read(state -> state.isCheckedIn(index)) || local.isCheckedIn(iin);
    }

    @Override
    public Counters record(CheckInRecord record) {
        Objects.requireNonNull(record, "record");
        PrecinctOutcome outcome = node.checkIn(voterIndex.of(record.iin().digits()), record.method().ordinal());
        if (outcome == PrecinctOutcome.ALREADY_CHECKED_IN) {
            throw new AlreadyCheckedInException();
        }
        if (outcome != PrecinctOutcome.ACCEPTED) {
            throw new IllegalStateException("the precinct ledger answered " + outcome);
        }
        return local.record(record);
    }

    @Override
    public Counters recordVoidedToken(Optional<ClerkId> clerk) {
        return local.recordVoidedToken(clerk);
    }

    @Override
    public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        local.audit(event, detail, clerk);
    }

    @Override
    public Counters counters() {
        return local.counters();
    }
}
