package kz.sailau.prints;

/**
 * A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea and Flood, OOPSLA 2014), so that
 * a seed gives the same numbers on every JVM and machine. {@link java.util.SplittableRandom} is not used
 * because its derived methods are not specified to stay the same across JDK versions.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SeededRandom(long seed) {
        this.state = seed;
    }

    /** A seed derived from a parent seed and a path of indexes (finger, impression, purpose). */
    static long derive(long seed, long... path) {
        long z = mix(seed ^ 0x5a1a0L);
        for (long p : path) {
            z = mix(z + GOLDEN_GAMMA * (p + 1));
        }
        return z;
    }

    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Long.remainderUnsigned(nextLong() >>> 1, bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal, by the Box–Muller transform with {@link StrictMath}. */
    double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
