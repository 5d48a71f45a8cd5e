package kz.sailau.kiosk.checkin;

/**
 * The limit on clerk overrides: at most {@code fraction} of all check-ins (counting the one being made), but
 * always at least {@code minimumAllowed} so the first voters of the day can be helped; a warning is raised
 * when an override would bring the share to {@code warningFraction}.
 *
 * @param fraction        the cap, default 0.05
 * @param warningFraction the early warning, default 0.03 (well before the cap)
 * @param minimumAllowed  overrides allowed regardless of the share, default 2
 */
public record OverrideCap(double fraction, double warningFraction, int minimumAllowed) {

    /** 5 % cap, warning from 3 %, two overrides always allowed. */
    public static final OverrideCap DEFAULT = new OverrideCap(0.05, 0.03, 2);

    /** @throws IllegalArgumentException unless 0 ≤ warning ≤ fraction ≤ 1 and minimumAllowed ≥ 0 */
    public OverrideCap {
        if (!(fraction >= 0 && fraction <= 1) || !(warningFraction >= 0 && warningFraction <= fraction)
                || minimumAllowed < 0) {
            throw new IllegalArgumentException("need 0 <= warningFraction <= fraction <= 1, minimumAllowed >= 0");
        }
    }

    /** Whether one more override is allowed given the counters before it. */
    public boolean allows(Counters before) {
        long after = before.overrides() + 1;
        return after <= minimumAllowed || after <= Math.floor(fraction * (before.checkIns() + 1) + 1e-9);
    }

    /** Whether one more override reaches the warning share. */
    public boolean warns(Counters before) {
        return before.overrides() + 1 >= warningFraction * (before.checkIns() + 1);
    }
}
