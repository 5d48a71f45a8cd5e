package kz.sailau.kiosk.checkin;

import java.util.Optional;
import kz.sailau.kiosk.model.Iin;

/**
 * Port: the durable record of check-ins and of the ballot tokens issued for them. Every method that changes
 * something is one atomic step: after a crash either all of it is there or none. The steps are conditional, so
 * that a replicated ledger can implement them as single commands: "check this voter in if not yet, and issue this
 * token id", "void this issued token id and issue this one".
 */
public interface CheckInLedger {

    /** Whether the voter's check-in is already recorded. */
    boolean isCheckedIn(Iin iin);

    /**
     * Records a check-in and the issue of its ballot token atomically: the check-in mark, the counters, the
     * check-in audit event, the token id in the issued set and {@code TOKEN_ISSUED}; when no token could be made
     * ({@code token} empty), {@code TOKEN_NOT_ISSUED} instead of the last two.
     *
     * @return the counters after this check-in
     * @throws AlreadyCheckedInException if the voter is already recorded (nothing is changed)
     * @throws DayClosedException        if the election day is closed (nothing is changed)
     */
    Counters record(CheckInRecord record, Optional<PreparedToken> token);

    /**
     * Voids an issued token (it failed to print) and issues its replacement atomically: the void in the issued
     * set, the voided-tokens counter, {@code TOKEN_VOIDED} with the clerk, then the replacement's id and
     * {@code TOKEN_ISSUED}, or {@code TOKEN_NOT_ISSUED} when no replacement could be made.
     *
     * @return the counters after the void
     * @throws IllegalStateException if {@code voided} is not an issued token that is still valid (nothing is
     *                               changed)
     * @throws DayClosedException    if the election day is closed (nothing is changed)
     */
    Counters replaceToken(PreparedToken voided, Optional<PreparedToken> replacement, ClerkId clerk);

    /**
     * Records a mark made on the printed voter list during an outage atomically: the voter's mark (so that a later
     * check-in of the voter is refused as already checked in), the paper-marks counter and
     * {@code PAPER_MARK_ENTERED} with the clerk and the mark's paper form reference. No token is issued: a paper
     * mark is not a check-in and does not enter check-ins = tokens issued − voided.
     *
     * @return the mark's paper form reference ({@code P-nnnn})
     * @throws AlreadyCheckedInException if the voter is already checked in or marked (nothing is changed)
     * @throws DayClosedException        if the election day is closed (nothing is changed)
     * @throws NetworkCutOffException    on a precinct network, when the majority cannot be reached (nothing is
     *                                   changed)
     */
    PaperFormReference recordPaperMark(Iin iin, ClerkId clerk);

    /**
     * Refuses when this ledger's storage lacks the room of a write, before anything is written or sent anywhere
     * (decision 0455); a ledger that cannot run out of room does nothing.
     *
     * @throws LedgerFullException when the storage is (nearly) full; nothing was changed
     */
    default void requireRoom() {
    }

    /** Appends an audit event that changes no counter. */
    void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk);

    /** The current counters. */
    Counters counters();
}
