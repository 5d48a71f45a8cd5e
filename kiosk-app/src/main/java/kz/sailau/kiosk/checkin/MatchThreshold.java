package kz.sailau.kiosk.checkin;

/**
 * Decision thresholds on the SourceAFIS similarity score, derived in
 * {@code docs/decisions/0040-match-threshold.md} from SourceAFIS's published calibration: a threshold of 40
 * corresponds to a false match rate of 0.01 % per comparison, and the score is shaped logarithmically so
 * that each further 10 points divide the FMR by about 10.
 *
 * @param verify   threshold for 1:1 verification and for the identity-swap check
 * @param identify threshold for card-less 1:N identification
 */
public record MatchThreshold(double verify, double identify) {

    /** Score at which SourceAFIS documents FMR = 1e-4 (sourceafis.machinezoo.com, Java tutorial). */
    public static final double ANCHOR_SCORE = 40;
    /** The false match rate at {@link #ANCHOR_SCORE}. */
    public static final double ANCHOR_FMR = 1e-4;
    /** Score points per decade of FMR (the logarithmic score shaping of SourceAFIS 3.x). */
    public static final double POINTS_PER_DECADE = 10;
    /** Target false-accept rate of the whole system per check-in. */
    public static final double TARGET_SYSTEM_FAR = 1e-4;

    /** The defaults of decision record 0040: 2 enrolled fingers × 3 captures; 1:N over 3,000 × 2 fingers × 3. */
    public static final MatchThreshold DEFAULT = new MatchThreshold(
            forSystemFar(TARGET_SYSTEM_FAR, 2 * 3), forSystemFar(TARGET_SYSTEM_FAR, 3_000 * 2 * 3));

    /** @throws IllegalArgumentException if a threshold is not positive and finite */
    public MatchThreshold {
        if (!(verify > 0) || !(identify > 0) || Double.isInfinite(verify) || Double.isInfinite(identify)) {
            throw new IllegalArgumentException("thresholds must be positive and finite");
        }
    }

    /**
     * The verify threshold for a voter with {@code templates} enrolled templates when the kiosk allows
     * {@code captures} captures: the larger of {@link #verify()} and {@link #forSystemFar} for
     * {@code templates × captures} comparisons at {@link #TARGET_SYSTEM_FAR} (a voter without templates counts as
     * one).
     */
    public double verifyFor(int templates, int captures) {
        return Math.max(verify, forSystemFar(TARGET_SYSTEM_FAR, (long) Math.max(1, templates) * Math.max(1, captures)));
    }

    /**
     * The card-less identification threshold over a gallery of {@code galleryTemplates} templates and
     * {@code captures} captures: the larger of {@link #identify()} and {@link #forSystemFar} for all of them.
     */
    public double identifyFor(long galleryTemplates, int captures) {
        return Math.max(identify, forSystemFar(TARGET_SYSTEM_FAR, Math.max(1, galleryTemplates) * Math.max(1, captures)));
    }

    /**
     * The estimated false match rate of one comparison at {@code score}: FMR = 1e-4 · 10^(-(score - 40)/10).
     */
    public static double falseMatchRate(double score) {
        return ANCHOR_FMR * Math.pow(10, -(score - ANCHOR_SCORE) / POINTS_PER_DECADE);
    }

    /**
     * The smallest threshold (rounded up to a whole point) that keeps the system false-accept rate at or below
     * {@code systemFar} when an impostor gets {@code comparisons} independent chances (union bound:
     * system FAR ≤ comparisons × FMR).
     */
    public static double forSystemFar(double systemFar, long comparisons) {
        if (!(systemFar > 0 && systemFar < 1) || comparisons < 1) {
            throw new IllegalArgumentException("need 0 < systemFar < 1 and at least one comparison");
        }
        double perComparison = systemFar / comparisons;
        double exact = ANCHOR_SCORE + POINTS_PER_DECADE * Math.log10(ANCHOR_FMR / perComparison);
        return Math.ceil(exact);
    }
}
