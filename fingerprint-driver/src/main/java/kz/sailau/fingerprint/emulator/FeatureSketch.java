package kz.sailau.fingerprint.emulator;

import java.util.Arrays;

/**
 * The emulated sensor's stand-in for a character file: the ridge orientation of each 16 × 16 block, or "no ridges"
 * for background. Enough to answer Img2Tz, Match, RegModel and Search the way a module does (the module's own
 * algorithm is not published): an image without ridge structure is refused, the same finger matches itself, and
 * different ridge flows do not match.
 *
 * <p>Img2Tz outcomes (ZFM-20 manual, Img2Tz 0x02): too few ridge blocks ("lackness of character point or
 * over-smallness of fingerprint image") is 0x07; ridge blocks whose orientations do not hold together
 * ("over-disorderly fingerprint image", such as noise) is 0x06.
 *
 * <p>Pure and immutable; the bytes are what UpChar sends.
 */
final class FeatureSketch {

    /** Size of a character file on the wire (R307 / ZFM-20 manuals: "character file size 256 bytes"). */
    static final int FILE_BYTES = 256;
    /** Block edge in pixels. */
    static final int BLOCK = 16;
    /** Orientation byte of a background block. */
    static final int BACKGROUND = 0xFF;
    /** Orientation steps over 180 degrees. */
    private static final int STEPS = 180;
    /** A block is ridged when its pixels spread at least this much (standard deviation in gray levels). */
    private static final double MIN_SPREAD = 20;
    /** Fewer ridged blocks than this share of the image: too small (0x07). */
    private static final double MIN_FOREGROUND = 0.25;
    /** Mean orientation coherence of the ridged blocks below this: disorderly (0x06). Ridges reach 0.6 and more. */
    private static final double MIN_COHERENCE = 0.35;

    /** Result of an extraction. */
    enum Quality {
        /** A usable character file. */
        GOOD,
        /** 0x06: the image is too disorderly. */
        DISORDERLY,
        /** 0x07: too few character points, or the print is too small. */
        TOO_SMALL
    }

    private final byte[] bytes;
    private final Quality quality;

    private FeatureSketch(byte[] bytes, Quality quality) {
        this.bytes = bytes;
        this.quality = quality;
    }

    /**
     * Extracts the sketch of an image.
     *
     * @param gray   8-bit pixels as the sensor holds them
     * @param width  image width
     * @param height image height
     * @return the sketch with its quality
     */
    static FeatureSketch of(byte[] gray, int width, int height) {
        int columns = width / BLOCK;
        int rows = height / BLOCK;
        byte[] file = new byte[FILE_BYTES];
        Arrays.fill(file, (byte) BACKGROUND);
        int ridged = 0;
        double coherenceSum = 0;
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                double[] block = orientation(gray, width, height, column * BLOCK, row * BLOCK);
                int index = row * columns + column;
                if (block == null || index >= FILE_BYTES) {
                    continue;
                }
                ridged++;
                coherenceSum += block[1];
                file[index] = (byte) Math.min(STEPS - 1, (int) Math.round(block[0]));
            }
        }
        int blocks = columns * rows;
        Quality quality;
        if (ridged < MIN_FOREGROUND * blocks) {
            quality = Quality.TOO_SMALL;
        } else if (coherenceSum / ridged < MIN_COHERENCE) {
            quality = Quality.DISORDERLY;
        } else {
            quality = Quality.GOOD;
        }
        return new FeatureSketch(file, quality);
    }

    /**
     * Reads a character file that came back from the host (DownChar).
     *
     * @param bytes {@link #FILE_BYTES} bytes
     * @return the sketch
     */
    static FeatureSketch ofFile(byte[] bytes) {
        return new FeatureSketch(Arrays.copyOf(bytes, FILE_BYTES), Quality.GOOD);
    }

    /**
     * Returns the block orientation in degrees [0, 180) and its coherence [0, 1] from the gradient structure tensor,
     * or {@code null} for a background block.
     */
    private static double[] orientation(byte[] gray, int width, int height, int x0, int y0) {
        double sum = 0;
        double sumSquares = 0;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        int n = 0;
        for (int y = y0; y < y0 + BLOCK && y < height; y++) {
            for (int x = x0; x < x0 + BLOCK && x < width; x++) {
                int value = gray[y * width + x] & 0xFF;
                sum += value;
                sumSquares += value * value;
                n++;
                if (x > 0 && y > 0 && x + 1 < width && y + 1 < height) {
                    // central differences: on noise the two gradients are independent, so coherence stays low
                    int gx = (gray[y * width + x + 1] & 0xFF) - (gray[y * width + x - 1] & 0xFF);
                    int gy = (gray[(y + 1) * width + x] & 0xFF) - (gray[(y - 1) * width + x] & 0xFF);
                    xx += gx * gx;
                    yy += gy * gy;
                    xy += gx * gy;
                }
            }
        }
        double mean = sum / n;
        if (Math.sqrt(Math.max(0, sumSquares / n - mean * mean)) < MIN_SPREAD) {
            return null;
        }
        double coherence = Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy) / Math.max(1e-9, xx + yy);
        double degrees = Math.toDegrees(0.5 * Math.atan2(2 * xy, xx - yy)) + 90;
        return new double[] {((degrees % 180) + 180) % 180, coherence};
    }

    /**
     * Compares two sketches: the share of blocks ridged in both whose orientations differ by less than 20 degrees,
     * scaled to 0..100.
     *
     * @param other the other sketch
     * @return the match score, 0..100
     */
    int score(FeatureSketch other) {
        int common = 0;
        int agreeing = 0;
        for (int i = 0; i < FILE_BYTES; i++) {
            int a = bytes[i] & 0xFF;
            int b = other.bytes[i] & 0xFF;
            if (a == BACKGROUND || b == BACKGROUND) {
                continue;
            }
            common++;
            int difference = Math.abs(a - b);
            if (Math.min(difference, STEPS - difference) < 20) {
                agreeing++;
            }
        }
        return common < 8 ? 0 : agreeing * 100 / common;
    }

    /**
     * Returns the score at which two sketches are one finger, for a security level 1..5 (higher is stricter).
     *
     * @param securityLevel 1..5
     * @return 60 at level 1 up to 80 at level 5
     */
    static int threshold(int securityLevel) {
        return 55 + 5 * securityLevel;
    }

    Quality quality() {
        return quality;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
