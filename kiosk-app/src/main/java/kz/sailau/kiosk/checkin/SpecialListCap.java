package kz.sailau.kiosk.checkin;

/**
 * The limit on special-list entries a kiosk accepts in one day: beyond it the chair of the commission takes the
 * voter by hand (paper special list), so that a clerk cannot add voters without bound.
 *
 * @param maximum special-list check-ins allowed per day, default {@value #DEFAULT_MAXIMUM}
 */
public record SpecialListCap(int maximum) {

    /** The default maximum: about 3 % of a large (3,000-voter) precinct. */
    public static final int DEFAULT_MAXIMUM = 100;

    /** The default cap. */
    public static final SpecialListCap DEFAULT = new SpecialListCap(DEFAULT_MAXIMUM);

    /** @throws IllegalArgumentException on a negative maximum */
    public SpecialListCap {
        if (maximum < 0) {
            throw new IllegalArgumentException("the special-list cap must not be negative");
        }
    }

    /** Whether one more special-list check-in is allowed given the counters before it. */
    public boolean allows(Counters before) {
        return before.specialList() < maximum;
    }
}
