package kz.sailau.prints;

import java.util.ArrayList;
import java.util.List;

/**
 * The ridge orientation of a master finger: the zero-pole model of Sherlock and Monro ("A model for
 * interpreting fingerprint topology", Pattern Recognition 26(7), 1993) for classes with singular points, and a
 * smooth bowed field for the plain arch, plus a small low-frequency perturbation so that no two fingers of a
 * class are alike.
 *
 * <p>Orientation is the ridge direction in radians in [0, π), image coordinates (y down).
 */
final class OrientationField {

    private final List<double[]> cores = new ArrayList<>();
    private final List<double[]> deltas = new ArrayList<>();
    /** Per singular point, the piecewise-linear angle correction of Vizcaya and Gerhardt (1996). */
    private final List<double[]> corrections = new ArrayList<>();
    private static final int CORRECTION_POINTS = 8;
    private final FingerClass fingerClass;
    private final double archCenterX;
    private final double archCenterY;
    private final double archWidth;
    private final double archHeight;
    private final double baseAngle;
    private final SmoothNoise perturbation;
    private final double perturbationAmplitude;
    private final SmoothNoise detail;
    private final double detailAmplitude;
    /**
     * Amplitude of a finer perturbation (cell 35–55 px). Switched off: it did not lower the false match rate
     * in trials. Its random draws are kept so that every seed keeps its fingers.
     */
    static final double DETAIL = 0;
    private final double referenceX;
    /** A per-finger linear map of the plane around the core: varies the shape of the flow, not its topology. */
    private final double affineXX;
    private final double affineXY;
    private final double affineYX;
    private final double affineYY;
    private final double affineCentreX;
    private final double affineCentreY;
    /**
     * Scale of the random linear map: stretch and shear up to ±0.55, rotation-like skew up to ±0.44. Tuned
     * with SourceAFIS: with less variety, two loops of different fingers match too often.
     */
    static final double AFFINE = 2.2;
    /** Scale of the low-frequency perturbation: 0.72–1.71 rad at a cell of 70–130 px (tuned like {@link #AFFINE}). */
    static final double PERTURBATION = 1.8;
    private final double referenceY;

    OrientationField(FingerClass fingerClass, SeededRandom random, int width, int height) {
        this.fingerClass = fingerClass;
        double cx = width / 2.0 + random.uniform(-25, 25);
        double cy = height * 0.44 + random.uniform(-25, 25);
        this.baseAngle = random.uniform(-0.25, 0.25);
        switch (fingerClass) {
            case ARCH -> { }
            case TENTED_ARCH -> {
                cores.add(new double[] {cx, cy});
                deltas.add(new double[] {cx + random.uniform(-8, 8), cy + random.uniform(55, 85)});
            }
            case LEFT_LOOP, RIGHT_LOOP -> {
                double side = fingerClass == FingerClass.LEFT_LOOP ? 1 : -1;
                cores.add(new double[] {cx - side * random.uniform(0, 35), cy});
                deltas.add(new double[] {cx + side * random.uniform(55, 150), cy + random.uniform(70, 170)});
            }
            case WHORL -> {
                double spread = random.uniform(8, 22);
                double tilt = random.uniform(-1, 1);
                cores.add(new double[] {cx - spread * tilt, cy - spread});
                cores.add(new double[] {cx + spread * tilt, cy + spread});
                double dy = random.uniform(105, 140);
                deltas.add(new double[] {cx - random.uniform(95, 130), cy + dy + random.uniform(-15, 15)});
                deltas.add(new double[] {cx + random.uniform(95, 130), cy + dy + random.uniform(-15, 15)});
            }
            default -> throw new IllegalStateException("unknown class");
        }
        double stretch = AFFINE * random.uniform(-0.25, 0.25);
        double shear = AFFINE * random.uniform(-0.25, 0.25);
        this.affineXX = 1 + stretch;
        this.affineXY = shear;
        this.affineYX = AFFINE * random.uniform(-0.2, 0.2);
        this.affineYY = 1 - stretch;
        this.affineCentreX = cx;
        this.affineCentreY = cy;
        this.archCenterX = cx;
        this.archCenterY = cy + random.uniform(30, 70);
        this.archWidth = random.uniform(70, 110);
        this.archHeight = random.uniform(0.9, 1.6);
        this.perturbation = new SmoothNoise(random, width, height, random.uniform(70, 130));
        this.perturbationAmplitude = random.uniform(0.40, 0.95) * PERTURBATION;
        this.detail = new SmoothNoise(random, width, height, random.uniform(35, 55));
        this.detailAmplitude = random.uniform(0.5, 1.0) * DETAIL;
        for (int i = 0; i < cores.size() + deltas.size(); i++) {
            corrections.add(correction(random));
        }
        if (cores.isEmpty()) {
            this.referenceX = cx;
            this.referenceY = archCenterY - 20;
        } else {
            double sx = 0;
            double sy = 0;
            for (double[] c : cores) {
                sx += c[0];
                sy += c[1];
            }
            this.referenceX = sx / cores.size();
            this.referenceY = sy / cores.size() + 15;
        }
    }

    /** A reference point (near the core) around which a finger is placed on the sensor. */
    double referenceX() {
        return referenceX;
    }

    double referenceY() {
        return referenceY;
    }

    /**
     * A random monotone map of [-π, π] onto itself, fixed at the ends: the shape of the ridges around a
     * singular point varies from finger to finger while its topology stays.
     */
    private static double[] correction(SeededRandom random) {
        double[] values = new double[CORRECTION_POINTS + 1];
        double step = 2 * StrictMath.PI / CORRECTION_POINTS;
        for (int i = 0; i <= CORRECTION_POINTS; i++) {
            double base = -StrictMath.PI + i * step;
            values[i] = (i == 0 || i == CORRECTION_POINTS) ? base : base + random.uniform(-0.3, 0.3) * step;
        }
        return values;
    }

    private static double corrected(double[] values, double angle) {
        double step = 2 * StrictMath.PI / CORRECTION_POINTS;
        double position = (angle + StrictMath.PI) / step;
        int i = (int) position;
        if (i >= CORRECTION_POINTS) {
            return values[CORRECTION_POINTS];
        }
        if (i < 0) {
            return values[0];
        }
        double t = position - i;
        return values[i] + (values[i + 1] - values[i]) * t;
    }

    /** Orientation at (x, y). */
    double at(double pixelX, double pixelY) {
        double ux = pixelX - affineCentreX;
        double uy = pixelY - affineCentreY;
        double x = affineCentreX + affineXX * ux + affineXY * uy;
        double y = affineCentreY + affineYX * ux + affineYY * uy;
        double angle;
        if (fingerClass == FingerClass.ARCH) {
            double dx = (x - archCenterX) / archWidth;
            double vertical = (y - archCenterY) / 120.0;
            // Bowing is strongest a little below the centre and fades towards the tip and the crease.
            double strength = archHeight * StrictMath.exp(-vertical * vertical) * (y < archCenterY ? 0.8 : 1.0);
            double slope = strength * 2 * dx * StrictMath.exp(-dx * dx);
            angle = StrictMath.atan(slope);
        } else {
            double sum = 0;
            // Image y points down, so the signs are those of Sherlock–Monro mirrored.
            int k = 0;
            for (double[] c : cores) {
                sum += corrected(corrections.get(k++), StrictMath.atan2(y - c[1], x - c[0]));
            }
            for (double[] d : deltas) {
                sum -= corrected(corrections.get(k++), StrictMath.atan2(y - d[1], x - d[0]));
            }
            angle = 0.5 * sum;
        }
        angle += baseAngle + perturbationAmplitude * perturbation.at(pixelX, pixelY)
                + detailAmplitude * detail.at(pixelX, pixelY);
        double normalized = angle % StrictMath.PI;
        return normalized < 0 ? normalized + StrictMath.PI : normalized;
    }
}
