package kz.sailau.prints;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Synthetic fingerprints in the manner of SFinGe: master fingers grown from a seed, and any number of
 * impressions of each. The same seed, difficulty and indexes always give the same pixels, on any machine
 * (only {@link StrictMath} and a specified random generator are used, and parallel work is collected in index
 * order).
 *
 * <pre>{@code
 * FingerprintGenerator generator = new FingerprintGenerator(42, Difficulty.NORMAL);
 * MasterFinger finger = generator.master(7);
 * BufferedImage enrol = generator.impression(finger, 0, ImpressionSize.FULL);
 * BufferedImage live = generator.impression(finger, 1, ImpressionSize.SENSOR);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FingerprintGenerator {

    /** Width of a master finger canvas, pixels at 500 dpi. */
    public static final int MASTER_WIDTH = 384;
    /** Height of a master finger canvas, pixels at 500 dpi. */
    public static final int MASTER_HEIGHT = 448;
    /** Resolution of every image, dots per inch. */
    public static final int DPI = 500;

    /** Coarse grid step of the orientation field, pixels; finer values are interpolated. */
    private static final int FIELD_STEP = 4;
    /** Seeds per half-resolution pixel at the start of ridge growth: fewer seeds, fewer minutiae. */
    private static final double SEED_DENSITY = 1.0 / 700;
    /** Filtering passes of ridge growth at half and at full resolution. */
    private static final int COARSE_ITERATIONS = 14;
    private static final int FINE_ITERATIONS = 3;
    /** Mean ridge period, pixels at 500 dpi (about 0.46 mm, Maltoni et al., Handbook of Fingerprint Recognition, 2009). */
    private static final double MEAN_PERIOD = 9.0;
    /** Amplitude of the smooth variation of the period within a finger, pixels. */
    private static final double PERIOD_VARIATION = 0.9;

    private final long seed;
    private final Difficulty difficulty;
    private final boolean sensorNoise;

    /**
     * @param seed the seed of the whole population of fingers
     * @param difficulty how hard the impressions are to match
     */
    public FingerprintGenerator(long seed, Difficulty difficulty) {
        this(seed, difficulty, true);
    }

    private FingerprintGenerator(long seed, Difficulty difficulty, boolean sensorNoise) {
        this.seed = seed;
        this.difficulty = Objects.requireNonNull(difficulty, "difficulty");
        this.sensorNoise = sensorNoise;
    }

    /**
     * The same generator, but impressions get no per-pixel sensor noise (everything else, including the
     * random draws, is unchanged). Such images compress far better; the committed demo set uses them.
     */
    public FingerprintGenerator withoutSensorNoise() {
        return new FingerprintGenerator(seed, difficulty, false);
    }

    /** The seed given at construction. */
    public long seed() {
        return seed;
    }

    /** The difficulty given at construction. */
    public Difficulty difficulty() {
        return difficulty;
    }

    /**
     * The master finger number {@code fingerIndex} of this population. It does not depend on the difficulty.
     *
     * @param fingerIndex zero or more
     * @throws IllegalArgumentException if the index is negative
     */
    public MasterFinger master(int fingerIndex) {
        if (fingerIndex < 0) {
            throw new IllegalArgumentException("finger index must not be negative");
        }
        long fingerSeed = SeededRandom.derive(seed, 1, fingerIndex);
        return grow(fingerSeed);
    }

    /**
     * Master fingers {@code first .. first+count-1}, grown on all processors.
     *
     * @throws IllegalArgumentException if an index is negative
     */
    public List<MasterFinger> masters(int first, int count) {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("indexes must not be negative");
        }
        return Parallel.map(count, i -> master(first + i));
    }

    /**
     * Impression number {@code impressionIndex} of a master finger.
     *
     * @param master a finger from any generator
     * @param impressionIndex zero or more; each index is a different touch of the same finger
     * @param size full-size (enrolment) or sensor-sized (live capture)
     * @return an 8-bit grey image at 500 dpi, dark ridges on a light background
     */
    public BufferedImage impression(MasterFinger master, int impressionIndex, ImpressionSize size) {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(size, "size");
        if (impressionIndex < 0) {
            throw new IllegalArgumentException("impression index must not be negative");
        }
        SeededRandom random = new SeededRandom(SeededRandom.derive(master.seed(), 2, impressionIndex,
                difficulty.ordinal(), size.ordinal()));
        return ImpressionRenderer.render(master, size, difficulty, random, sensorNoise);
    }

    /**
     * Impression number {@code impressionIndex} of a master finger under a {@link Condition}, as a sensor of
     * {@code dpi} sees it. With {@link Condition#NONE} and 500 dpi this is exactly
     * {@link #impression(MasterFinger, int, ImpressionSize)}; the condition draws its own random numbers, so the
     * rest of the impression (placement noise, distortion, pressure) is the same as without it.
     *
     * @param dpi the sensor's resolution, 250 to 1000: the image is {@code size × dpi / 500} pixels
     * @return an 8-bit grey image at {@code dpi}
     */
    public BufferedImage impression(MasterFinger master, int impressionIndex, ImpressionSize size, Condition condition,
                                    int dpi) {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(condition, "condition");
        if (impressionIndex < 0) {
            throw new IllegalArgumentException("impression index must not be negative");
        }
        if (dpi < 250 || dpi > 1000) {
            throw new IllegalArgumentException("resolution must be 250..1000 dpi");
        }
        SeededRandom random = new SeededRandom(SeededRandom.derive(master.seed(), 2, impressionIndex,
                difficulty.ordinal(), size.ordinal()));
        SeededRandom conditionRandom = new SeededRandom(SeededRandom.derive(master.seed(), 3, impressionIndex,
                condition.ordinal()));
        return ImpressionRenderer.render(master, size, difficulty, random, sensorNoise, condition, conditionRandom,
                dpi);
    }

    /**
     * Runs {@code task(0) .. task(count-1)} on all processors and returns the results in index order.
     * Useful to render many impressions at once.
     */
    public static <T> List<T> inParallel(int count, IntFunction<T> task) {
        return Parallel.map(count, task);
    }

    private static MasterFinger grow(long fingerSeed) {
        SeededRandom random = new SeededRandom(fingerSeed);
        int width = MASTER_WIDTH;
        int height = MASTER_HEIGHT;
        FingerClass fingerClass = FingerClass.draw(random);
        OrientationField field = new OrientationField(fingerClass, random, width, height);
        SmoothNoise periodNoise = new SmoothNoise(random, width, height, 120);
        double meanPeriod = MEAN_PERIOD + random.uniform(-1.0, 1.3);
        float[] mask = new float[width * height];
        boolean[] active = new boolean[width * height];
        mask(random, width, height, mask, active);

        int halfWidth = width / 2;
        int halfHeight = height / 2;
        double[] halfOrientation = orientations(field, halfWidth, halfHeight, 2);
        double[] halfPeriod = periods(field, periodNoise, meanPeriod, halfWidth, halfHeight, 2);
        boolean[] halfActive = new boolean[halfWidth * halfHeight];
        for (int y = 0; y < halfHeight; y++) {
            for (int x = 0; x < halfWidth; x++) {
                halfActive[y * halfWidth + x] = active[2 * y * width + 2 * x];
            }
        }
        float[] seeds = RidgeGrower.seeds(halfWidth, halfHeight, random, SEED_DENSITY);
        float[] half = RidgeGrower.grow(halfWidth, halfHeight, halfOrientation, halfPeriod, halfActive,
                RidgeGrower.COARSE, seeds, COARSE_ITERATIONS);
        float[] upsampled = RidgeGrower.upsample(half, halfWidth, halfHeight, width, height);
        double[] orientation = orientations(field, width, height, 1);
        double[] period = periods(field, periodNoise, meanPeriod, width, height, 1);
        float[] ridges = RidgeGrower.grow(width, height, orientation, period, active, RidgeGrower.FINE,
                upsampled, FINE_ITERATIONS);
        return new MasterFinger(fingerSeed, fingerClass, width, height, ridges, mask,
                field.referenceX(), field.referenceY());
    }

    /** Orientation per pixel of a grid of the given size whose pixels are {@code scale} master pixels. */
    private static double[] orientations(OrientationField field, int width, int height, int scale) {
        int gw = width / FIELD_STEP + 2;
        int gh = height / FIELD_STEP + 2;
        double[] gridCos = new double[gw * gh];
        double[] gridSin = new double[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                double theta = field.at(gx * FIELD_STEP * scale, gy * FIELD_STEP * scale);
                gridCos[gy * gw + gx] = StrictMath.cos(2 * theta);
                gridSin[gy * gw + gx] = StrictMath.sin(2 * theta);
            }
        }
        double[] result = new double[width * height];
        for (int y = 0; y < height; y++) {
            int gy = y / FIELD_STEP;
            double fy = (y - gy * FIELD_STEP) / (double) FIELD_STEP;
            for (int x = 0; x < width; x++) {
                int gx = x / FIELD_STEP;
                double fx = (x - gx * FIELD_STEP) / (double) FIELD_STEP;
                int i = gy * gw + gx;
                double c = lerp(lerp(gridCos[i], gridCos[i + 1], fx), lerp(gridCos[i + gw], gridCos[i + gw + 1], fx), fy);
                double s = lerp(lerp(gridSin[i], gridSin[i + 1], fx), lerp(gridSin[i + gw], gridSin[i + gw + 1], fx), fy);
                double theta = 0.5 * Angles.atan2(s, c);
                result[y * width + x] = theta < 0 ? theta + StrictMath.PI : theta;
            }
        }
        return result;
    }

    /** Ridge period per pixel of a grid whose pixels are {@code scale} master pixels, in pixels of that grid. */
    private static double[] periods(OrientationField field, SmoothNoise noise, double mean, int width, int height,
                                    int scale) {
        double[] result = new double[width * height];
        for (int y = 0; y < height; y++) {
            // Ridges are a little wider apart above the core (SFinGe's frequency model).
            double above = (field.referenceY() - 110 - y * scale) / 90.0;
            double bump = 0.7 * StrictMath.exp(-above * above);
            for (int x = 0; x < width; x++) {
                result[y * width + x] = (mean + bump + PERIOD_VARIATION * noise.at(x * scale, y * scale)) / scale;
            }
        }
        return result;
    }

    /** A fingertip silhouette: a half ellipse on top, a squarer superellipse below, with a soft edge. */
    private static void mask(SeededRandom random, int width, int height, float[] mask, boolean[] active) {
        double cx = width / 2.0 + random.uniform(-6, 6);
        double cy = height / 2.0 + random.uniform(0, 20);
        double halfWidth = random.uniform(148, 172);
        double top = random.uniform(190, 215);
        double bottom = random.uniform(215, 250);
        for (int y = 0; y < height; y++) {
            double dy = y < cy ? (cy - y) / top : (y - cy) / bottom;
            double power = y < cy ? 2.0 : 4.0;
            double yTerm = power == 2.0 ? dy * dy : dy * dy * dy * dy;
            for (int x = 0; x < width; x++) {
                double dx = StrictMath.abs(x - cx) / halfWidth;
                double xTerm = power == 2.0 ? dx * dx : dx * dx * dx * dx;
                double inside = (1 - (xTerm + yTerm)) * 25;
                mask[y * width + x] = (float) (inside <= 0 ? 0 : (inside >= 1 ? 1 : inside));
                // Ridges are grown a little beyond the silhouette so that they do not fade at its edge.
                active[y * width + x] = inside > -3;
            }
        }
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
