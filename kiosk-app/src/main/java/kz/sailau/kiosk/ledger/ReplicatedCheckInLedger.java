package kz.sailau.kiosk.ledger;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.LedgerFullException;
import kz.sailau.kiosk.checkin.NetworkCutOffException;
import kz.sailau.kiosk.checkin.PaperFormReference;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.precinct.PrecinctLedgerState;
import kz.sailau.kiosk.precinct.PrecinctLedgerState.AgreedRegister;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctOutcome;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in ledger of a kiosk on a precinct network: a check-in counts only when the precinct's majority
 * committed "check in this blind index if not yet checked in" ({@link PrecinctNode#checkIn}); then the kiosk's
 * own ledger records it with its counters, token and audit events as in standalone mode.
 *
 * <p>The token id and the check-in are two commands, so the consensus log never links a voter to a token
 * ({@code PrecinctCommand}). The id is issued precinct-wide first, then the voter is checked in: if the check-in
 * is refused (the voter was checked in at another kiosk) or cannot be committed, the id, which nobody was shown,
 * is voided again. A voter checked in elsewhere gives {@link AlreadyCheckedInException}; a kiosk cut off from the
 * majority throws {@link NetworkCutOffException} (message key {@code precinct.error.cutOff}) and records nothing,
 * and the engine shows the cut-off screen.
 *
 * <p>Every write first asks the kiosk's own ledger for its room ({@link CheckInLedger#requireRoom}): a kiosk whose
 * disk is (nearly) full throws {@link LedgerFullException} before it issues a token id or
 * submits anything to the precinct, so the precinct never counts a voter whose local record cannot be written
 * (decision 0455). That check is the only one: the local ledger is given with its own check left to this class
 * ({@code SqliteCheckInLedger.roomCheckedByCaller}), so once the precinct counted the voter the local write is not
 * refused by a margin that shrank meanwhile, only by a disk really full (decision 0475).
 *
 * <p>Before its first check-in the kiosk opens with its register ({@link #openRegister}): the precinct keeps the
 * first register a kiosk opened with, and a kiosk holding another (another version, or another package of the
 * same version) is refused with
 * {@link NetworkCutOffException} under the key {@code precinct.error.registerMismatch} and checks nobody in.
 */
public final class ReplicatedCheckInLedger implements CheckInLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedCheckInLedger.class);

    private final CheckInLedger local;
    private final PrecinctNode node;
    private final BlindIndex voterIndex;
    private final Optional<AgreedRegister> register;
    private volatile boolean registerAgreed;

    /**
     * @param local      this kiosk's own ledger (its audit log, counters and issued-ids table)
     * @param node       this kiosk's node of the precinct network
     * @param voterIndex the precinct's blind index for IINs; every kiosk of the precinct must use the same key, or
     *                   one voter would have one index per kiosk ({@code PrecinctVoterIndex})
     * @param register   the register version this kiosk holds, empty when none is loaded
     */
    public ReplicatedCheckInLedger(CheckInLedger local, PrecinctNode node, BlindIndex voterIndex,
                                   Optional<AgreedRegister> register) {
        this.local = Objects.requireNonNull(local, "local");
        this.node = Objects.requireNonNull(node, "node");
        this.voterIndex = Objects.requireNonNull(voterIndex, "voterIndex");
        this.register = Objects.requireNonNull(register, "register");
    }

    /**
     * Opens this kiosk for check-ins with its register, once: nothing to do when it was accepted before or no
     * register is loaded.
     *
     * @throws NetworkCutOffException       {@code precinct.error.registerMismatch} when the precinct opened with
     *                                      another register; nothing changed
     * @throws PrecinctUnavailableException when the cluster cannot be reached to commit it
     */
    public void openRegister() {
        if (registerAgreed || register.isEmpty()) {
            return;
        }
        AgreedRegister own = register.get();
        PrecinctOutcome outcome = node.openRegister(own.version(), own.packageSha256());
        if (outcome == PrecinctOutcome.ACCEPTED) {
            registerAgreed = true;
            return;
        }
        if (outcome == PrecinctOutcome.REGISTER_MISMATCH) {
            String agreed = node.read(PrecinctLedgerState::register).map(AgreedRegister::describe)
                    .orElse("another register");
            LOG.warn("the precinct opened with {}; this kiosk holds {}: it checks nobody in [{}]", agreed,
                    own.describe(), NetworkCutOffException.REGISTER_MISMATCH_KEY);
            throw new NetworkCutOffException(NetworkCutOffException.REGISTER_MISMATCH_KEY,
                    "the precinct opened with " + agreed + ", this kiosk holds " + own.describe());
        }
        throw new IllegalStateException("the precinct ledger answered " + outcome + " to the register");
    }

    /** Whether any node of the precinct checked the voter in (this node's replica; the check-in itself decides). */
    @Override
    public boolean isCheckedIn(Iin iin) {
        byte[] index = voterIndex.of(Objects.requireNonNull(iin, "iin").digits());
        return node.read(state -> state.isCheckedIn(index)) || local.isCheckedIn(iin);
    }

    @Override
    public Counters record(CheckInRecord record, Optional<PreparedToken> token) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(token, "token");
        local.requireRoom();
        try {
            openRegister();
            token.ifPresent(this::issue);
        } catch (PrecinctUnavailableException e) {
            throw new NetworkCutOffException(e.getMessage());
        }
        PrecinctOutcome outcome;
        try {
            outcome = node.checkIn(voterIndex.of(record.iin().digits()), record.method().ordinal());
        } catch (PrecinctUnavailableException e) {
            token.ifPresent(this::voidQuietly);
            throw new NetworkCutOffException(e.getMessage());
        } catch (RuntimeException e) {
            token.ifPresent(this::voidQuietly);
            throw e;
        }
        if (outcome != PrecinctOutcome.ACCEPTED) {
            token.ifPresent(this::voidQuietly);
            if (outcome == PrecinctOutcome.ALREADY_CHECKED_IN) {
                throw new AlreadyCheckedInException();
            }
            throw unexpected(outcome, "the precinct ledger answered " + outcome);
        }
        return local.record(record, token);
    }

    /**
     * A paper mark counts only when the precinct's majority committed "mark this blind index if nobody checked it in"
     * ({@link PrecinctNode#enterPaperMark}); then this kiosk's own ledger records it with its counter and audit event.
     * A voter checked in or marked at any node gives {@link AlreadyCheckedInException}; cut off from the majority,
     * {@link NetworkCutOffException} and nothing recorded.
     */
    @Override
    public PaperFormReference recordPaperMark(Iin iin, ClerkId clerk) {
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(clerk, "clerk");
        local.requireRoom();
        PrecinctOutcome outcome;
        try {
            openRegister();
            outcome = node.enterPaperMark(voterIndex.of(iin.digits()));
        } catch (PrecinctUnavailableException e) {
            throw new NetworkCutOffException(e.getMessage());
        }
        if (outcome == PrecinctOutcome.ALREADY_CHECKED_IN) {
            throw new AlreadyCheckedInException();
        } else if (outcome != PrecinctOutcome.ACCEPTED) {
            throw unexpected(outcome, "the precinct ledger answered " + outcome + " to a paper mark");
        }
        return local.recordPaperMark(iin, clerk);
    }

    @Override
    public Counters replaceToken(PreparedToken voided, Optional<PreparedToken> replacement, ClerkId clerk) {
        Objects.requireNonNull(voided, "voided");
        Objects.requireNonNull(replacement, "replacement");
        local.requireRoom();
        replacement.ifPresent(this::issue);
        PrecinctOutcome outcome;
        try {
            outcome = node.voidToken(bytes(voided));
        } catch (RuntimeException e) {
            replacement.ifPresent(this::voidQuietly);
            throw e;
        }
        if (outcome != PrecinctOutcome.ACCEPTED) {
            replacement.ifPresent(this::voidQuietly);
            throw unexpected(outcome, "the precinct ledger refused the void: " + outcome);
        }
        return local.replaceToken(voided, replacement, clerk);
    }

    @Override
    public void requireRoom() {
        local.requireRoom();
    }

    @Override
    public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        local.requireRoom();
        local.audit(event, detail, clerk);
    }

    @Override
    public Counters counters() {
        return local.counters();
    }

    private void issue(PreparedToken token) {
        PrecinctOutcome outcome = node.issueToken(bytes(token));
        if (outcome != PrecinctOutcome.ACCEPTED) {
            throw unexpected(outcome, "the precinct ledger refused the token id: " + outcome);
        }
    }

    /**
     * What an answer the caller did not expect becomes. The day's seal as the kiosk meets it: nothing was recorded,
     * the kiosk checks nobody in and shows the cut-off screen, and the log says
     * {@value NetworkCutOffException#DAY_SEALED_KEY} (decision 0471); any other answer is a programming error naming
     * it.
     */
    private static RuntimeException unexpected(PrecinctOutcome outcome, String message) {
        if (outcome == PrecinctOutcome.DAY_SEALED) {
            return new NetworkCutOffException(NetworkCutOffException.DAY_SEALED_KEY,
                    "the precinct's day is sealed: the ledger takes no more check-ins or tokens");
        }
        return new IllegalStateException(message);
    }

    /** Voids an id nobody was shown; if that fails too the precinct's reconciliation shows one id issued too many. */
    private void voidQuietly(PreparedToken token) {
        try {
            node.voidToken(bytes(token));
        } catch (PrecinctUnavailableException e) {
            LOG.warn("an unused token id could not be voided on the precinct network: {}", e.getMessage());
        }
    }

    private static byte[] bytes(PreparedToken token) {
        return HexFormat.of().parseHex(token.id());
    }
}
