package kz.sailau.fingerprint;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Synthetic ridge patterns for tests: no real fingerprint anywhere. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * Draws a whorl-like ridge pattern: concentric rings around an off-centre core, bent by a slow wave.
     *
     * @param width  image width
     * @param height image height
     * @param seed   varies core position and ridge spacing
     * @return an 8-bit gray image
     */
    public static BufferedImage ridges(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        double coreX = width * (0.4 + 0.05 * (seed % 5));
        double coreY = height * (0.45 + 0.03 * (seed % 7));
        double period = 8.0 + seed % 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - coreX;
                double dy = (y - coreY) * 1.2;
                double r = Math.sqrt(dx * dx + dy * dy) + 6 * Math.sin(x / 37.0 + seed) + 4 * Math.cos(y / 23.0);
                double value = 128 + 120 * Math.sin(2 * Math.PI * r / period);
                pixels[y * width + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
            }
        }
        return image;
    }

    /**
     * Returns the gray bytes of a {@link BufferedImage#TYPE_BYTE_GRAY} image.
     *
     * @param image the image
     * @return a copy of its pixels
     */
    public static byte[] grayPixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData().clone();
    }
}
