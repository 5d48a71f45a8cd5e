package kz.sailau.kiosk.checkin;

/**
 * The kiosk's running totals, kept by the ledger in the same transaction as each check-in, for the
 * override cap and end-of-day reconciliation.
 *
 * @param checkIns          all check-ins, every method
 * @param overrides         check-ins authorised by clerk override
 * @param cardless          check-ins by card-less identification
 * @param fallback          check-ins in manual fallback mode
 * @param voidedTokens      ballot tokens voided by a clerk (failed to print)
 * @param specialList       check-ins of voters the commission added to the special list
 * @param paperMarks        marks made on the paper voter list during an outage and entered afterwards: the voter
 *                          counts as having voted, but no ballot token was issued, so they are not check-ins
 */
public record Counters(long checkIns, long overrides, long cardless, long fallback, long voidedTokens,
                       long specialList, long paperMarks) {

    /** No check-ins yet. */
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);

    /** @throws IllegalArgumentException on a negative count or parts exceeding the total */
    public Counters {
        if (checkIns < 0 || overrides < 0 || cardless < 0 || fallback < 0 || voidedTokens < 0 || specialList < 0
                || paperMarks < 0) {
            throw new IllegalArgumentException("counters must not be negative");
        }
        if (overrides + cardless + fallback + specialList > checkIns) {
            throw new IllegalArgumentException("method counts exceed the number of check-ins");
        }
    }

    /** Totals without paper marks. */
    public Counters(long checkIns, long overrides, long cardless, long fallback, long voidedTokens,
                    long specialList) {
        this(checkIns, overrides, cardless, fallback, voidedTokens, specialList, 0);
    }

    /** Totals without special-list check-ins or paper marks. */
    public Counters(long checkIns, long overrides, long cardless, long fallback, long voidedTokens) {
        this(checkIns, overrides, cardless, fallback, voidedTokens, 0, 0);
    }

    /** The totals after one more check-in by {@code method}. */
    public Counters plus(CheckInMethod method) {
        return new Counters(checkIns + 1,
                overrides + (method == CheckInMethod.CLERK_OVERRIDE ? 1 : 0),
                cardless + (method == CheckInMethod.CARDLESS_FINGERPRINT ? 1 : 0),
                fallback + (method == CheckInMethod.FALLBACK ? 1 : 0),
                voidedTokens, specialList + (method == CheckInMethod.SPECIAL_LIST ? 1 : 0), paperMarks);
    }

    /** The totals after one more voided token. */
    public Counters plusVoidedToken() {
        return new Counters(checkIns, overrides, cardless, fallback, voidedTokens + 1, specialList, paperMarks);
    }

    /** The totals after one more paper mark (not a check-in: no token goes with it). */
    public Counters plusPaperMark() {
        return new Counters(checkIns, overrides, cardless, fallback, voidedTokens, specialList, paperMarks + 1);
    }
}
