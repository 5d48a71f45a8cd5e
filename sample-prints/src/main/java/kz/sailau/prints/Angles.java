package kz.sailau.prints;

/** Arithmetic-only angle functions: same bits on every machine, and faster than {@link StrictMath}. */
final class Angles {

    private Angles() {
    }

    /** atan2 to within 1e-5 rad, by a rational approximation on [0, 1] and octant folding. */
    static double atan2(double y, double x) {
        double ax = StrictMath.abs(x);
        double ay = StrictMath.abs(y);
        if (ax == 0 && ay == 0) {
            return 0;
        }
        boolean swap = ay > ax;
        double t = swap ? ax / ay : ay / ax;
        double r = atanUnit(t);
        if (swap) {
            r = StrictMath.PI / 2 - r;
        }
        if (x < 0) {
            r = StrictMath.PI - r;
        }
        return y < 0 ? -r : r;
    }

    /** atan(t) for t in [0, 1]: argument halving then a short Taylor series. */
    private static double atanUnit(double t) {
        // atan(t) = 2·atan(t / (1 + sqrt(1 + t²))); the reduced argument is at most tan(π/8).
        double u = t / (1 + StrictMath.sqrt(1 + t * t));
        double u2 = u * u;
        double series = u * (1 - u2 * (1.0 / 3 - u2 * (1.0 / 5 - u2 * (1.0 / 7 - u2 * (1.0 / 9 - u2 * (1.0 / 11 - u2 / 13))))));
        return 2 * series;
    }
}
