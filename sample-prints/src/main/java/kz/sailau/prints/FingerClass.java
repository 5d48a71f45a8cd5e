package kz.sailau.prints;

/**
 * The five pattern classes of the Henry system as used by SFinGe, with the share of each class among real
 * fingers (Wilson, Candela and Watson, NIST, 1994: arch 3.7 %, tented arch 2.9 %, left loop 33.8 %,
 * right loop 31.7 %, whorl 27.9 %).
 */
public enum FingerClass {
    /** Plain arch: no core, no delta. */
    ARCH(0.037),
    /** Tented arch: a core with a delta right below it. */
    TENTED_ARCH(0.029),
    /** Left loop: ridges enter and leave on the left; the delta is to the lower right of the core. */
    LEFT_LOOP(0.338),
    /** Right loop: the mirror image of a left loop. */
    RIGHT_LOOP(0.317),
    /** Whorl: two cores and two deltas. */
    WHORL(0.279);

    private final double frequency;

    FingerClass(double frequency) {
        this.frequency = frequency;
    }

    /** The share of this class among real fingers, in [0, 1]. */
    public double frequency() {
        return frequency;
    }

    static FingerClass draw(SeededRandom random) {
        double u = random.nextDouble();
        double sum = 0;
        for (FingerClass c : values()) {
            sum += c.frequency;
            if (u < sum) {
                return c;
            }
        }
        return WHORL;
    }
}
