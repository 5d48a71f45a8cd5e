package kz.sailau.kiosk.precinct;

/** What the replicated ledger answered to one command, after the cluster committed it. */
public enum PrecinctOutcome {
    /** Recorded. */
    ACCEPTED,
    /** A check-in or paper mark for a voter already checked in at some node of the precinct: nothing changed. */
    ALREADY_CHECKED_IN,
    /** A token id already issued: nothing changed (a 128-bit random id repeating means a broken random source). */
    ALREADY_ISSUED,
    /** A token id no kiosk of the precinct issued. */
    UNKNOWN_TOKEN,
    /** A token already redeemed at a ballot desk. */
    ALREADY_REDEEMED,
    /** A token that was voided (it failed to print) and may not be redeemed or voided again. */
    TOKEN_VOIDED,
    /** A membership command naming a node the administrator did not authorise, or one already withdrawn. */
    NOT_AUTHORISED,
    /** The bytes were not a command of this version; nothing changed. */
    MALFORMED,
    /**
     * A kiosk opening with another register than the one the precinct opened with (its version):
     * it checks nobody in (message key {@code precinct.error.registerMismatch}).
     */
    REGISTER_MISMATCH,
    /**
     * A command whose signature, certificate or origin did not hold, or that the submitting machine's role may not
     * submit (a ballot desk issuing a token, a kiosk redeeming one, a machine writing in another's name): nothing
     * changed (decision 0285).
     */
    NOT_PERMITTED,
    /**
     * A check-in, paper mark, token issued, voided or redeemed after the day's seal: nothing changed, so that every
     * node closes the day on the same ledger whenever it closes (decision 0471). Last, so that the earlier
     * outcomes keep their numbers on the wire.
     */
    DAY_SEALED;

    private static final PrecinctOutcome[] ALL = values();

    /** The outcome with this ordinal. */
    static PrecinctOutcome of(int ordinal) {
        if (ordinal < 0 || ordinal >= ALL.length) {
            return MALFORMED;
        }
        return ALL[ordinal];
    }
}
