package kz.sailau.prints;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One synthetic finger: its pattern class, the ridge map grown from its orientation and frequency fields, and
 * the fingerprint-shaped mask of the skin that can touch a sensor. Impressions are rendered from it by
 * {@link FingerprintGenerator#impression}. It is a made-up finger: it belongs to nobody.
 */
public final class MasterFinger {

    private final long seed;
    private final FingerClass fingerClass;
    private final int width;
    private final int height;
    private final float[] ridges;
    private final float[] mask;
    private final double referenceX;
    private final double referenceY;

    MasterFinger(long seed, FingerClass fingerClass, int width, int height, float[] ridges, float[] mask,
                 double referenceX, double referenceY) {
        this.seed = seed;
        this.fingerClass = Objects.requireNonNull(fingerClass, "fingerClass");
        this.width = width;
        this.height = height;
        this.ridges = ridges;
        this.mask = mask;
        this.referenceX = referenceX;
        this.referenceY = referenceY;
    }

    /** The seed this finger was grown from; impressions derive their own seeds from it. */
    public long seed() {
        return seed;
    }

    /** The pattern class. */
    public FingerClass fingerClass() {
        return fingerClass;
    }

    /** Width of the master canvas, pixels at 500 dpi. */
    public int width() {
        return width;
    }

    /** Height of the master canvas, pixels at 500 dpi. */
    public int height() {
        return height;
    }

    /** The ideal, noise-free print of the whole finger (dark ridges on white), for documentation. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            double ink = 0.5 + 0.5 * ridges[i];
            double v = 255 - 215 * ink * mask[i];
            pixels[i] = (byte) (int) StrictMath.round(v);
        }
        return image;
    }

    float ridge(int index) {
        return ridges[index];
    }

    float mask(int index) {
        return mask[index];
    }

    float[] ridges() {
        return ridges;
    }

    float[] mask() {
        return mask;
    }

    double referenceX() {
        return referenceX;
    }

    double referenceY() {
        return referenceY;
    }

    /** Reveals only the pattern class. */
    @Override
    public String toString() {
        return "MasterFinger[" + fingerClass + "]";
    }
}
