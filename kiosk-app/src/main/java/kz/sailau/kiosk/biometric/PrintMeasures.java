package kz.sailau.kiosk.biometric;

import java.util.Objects;

/**
 * What an image shows of a finger, measured on 16 × 16-pixel blocks at 500 dpi (about one and a half ridge
 * periods): how much of it is ridged skin, and how clear the ridges are there. Clarity is the mean orientation
 * coherence of the ridged blocks (Kass and Witkin 1987; the "orientation certainty level" of Lim, Jiang and Yau,
 * "Fingerprint quality and validity analysis", ICIP 2002): 1 for perfectly parallel ridges, near 0 for noise or
 * smudge. Holds no pixels.
 *
 * @param contactAreaMm2 area of the ridged blocks in square millimetres (the sensor's window is 13.0 × 14.6 mm)
 * @param ridgeClarity   mean orientation coherence of the ridged blocks, 0..1 (0 when there are none)
 * @param ridgeBlocks    number of ridged blocks
 * @param ridgeCentreX   centre of the clear ridges: the mean centre of the ridged blocks, each weighted by its
 *                       clarity, so that contrasty blocks without ridge flow (a sensor's frame, smudge, noise)
 *                       barely pull it; pixels at 500 dpi from the left (the image centre when no block has
 *                       ridges)
 * @param ridgeCentreY   the same from the top
 */
public record PrintMeasures(double contactAreaMm2, double ridgeClarity, int ridgeBlocks, double ridgeCentreX,
                            double ridgeCentreY) {

    /** Side of the square blocks, pixels at 500 dpi. */
    static final int BLOCK = 16;
    /** A block whose gray-level standard deviation is below this holds no ridges. */
    static final double RIDGE_BLOCK_MIN_DEVIATION = 12.0;

    /** Measures an image (brought to 500 dpi first when it has another resolution). */
    public static PrintMeasures of(FingerImage image) {
        Objects.requireNonNull(image, "image");
        FingerImage at500 = image.atResolution(FingerImage.SENSOR_DPI);
        int ridged = 0;
        double coherenceSum = 0;
        double sumX = 0;
        double sumY = 0;
        for (int by = 0; by + BLOCK <= at500.height(); by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= at500.width(); bx += BLOCK) {
                if (blockDeviation(at500, bx, by, BLOCK) >= RIDGE_BLOCK_MIN_DEVIATION) {
                    double clarity = coherence(at500, bx, by);
                    ridged++;
                    coherenceSum += clarity;
                    sumX += clarity * (bx + BLOCK / 2.0);
                    sumY += clarity * (by + BLOCK / 2.0);
                }
            }
        }
        double blockMm = BLOCK * 25.4 / FingerImage.SENSOR_DPI;
        if (ridged == 0) {
            return new PrintMeasures(0, 0, 0, at500.width() / 2.0, at500.height() / 2.0);
        }
        double area = ridged * blockMm * blockMm;
        return coherenceSum == 0 ? new PrintMeasures(area, 0, ridged, at500.width() / 2.0, at500.height() / 2.0)
                : new PrintMeasures(area, coherenceSum / ridged, ridged, sumX / coherenceSum, sumY / coherenceSum);
    }

    /** The gray-level standard deviation of one square block. */
    static double blockDeviation(FingerImage image, int bx, int by, int size) {
        long sum = 0;
        long squares = 0;
        for (int y = by; y < by + size; y++) {
            for (int x = bx; x < bx + size; x++) {
                int g = image.gray(x, y);
                sum += g;
                squares += (long) g * g;
            }
        }
        int n = size * size;
        double mean = (double) sum / n;
        return Math.sqrt(Math.max(0, (double) squares / n - mean * mean));
    }

    /** Orientation coherence of one block from central-difference gradients (its border pixels use their neighbours). */
    private static double coherence(FingerImage image, int bx, int by) {
        double gxx = 0;
        double gyy = 0;
        double gxy = 0;
        for (int y = by; y < by + BLOCK; y++) {
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(image.height() - 1, y + 1);
            for (int x = bx; x < bx + BLOCK; x++) {
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(image.width() - 1, x + 1);
                double gx = image.gray(x1, y) - image.gray(x0, y);
                double gy = image.gray(x, y1) - image.gray(x, y0);
                gxx += gx * gx;
                gyy += gy * gy;
                gxy += gx * gy;
            }
        }
        double energy = gxx + gyy;
        return energy == 0 ? 0 : Math.sqrt((gxx - gyy) * (gxx - gyy) + 4 * gxy * gxy) / energy;
    }
}
