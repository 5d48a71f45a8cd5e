package kz.sailau.kiosk.biometric;

import java.util.Arrays;
import java.util.Objects;

/**
 * A grayscale fingerprint image, 8 bits per pixel, row by row, dark ridges on a light background, with
 * its resolution. Biometric data: {@link #toString()} reveals no pixels.
 *
 * @param width  width in pixels, at least 16
 * @param height height in pixels, at least 16
 * @param pixels {@code width * height} bytes, copied on the way in and out
 * @param dpi    resolution in dots per inch (the R30x sensor and our sample prints: 500)
 */
public record FingerImage(int width, int height, byte[] pixels, int dpi) {

    /** The resolution of the kiosk's sensor and of every template the kiosk compares: 500 dpi. */
    public static final int SENSOR_DPI = 500;

    /** @throws IllegalArgumentException when the sizes do not agree or are implausible */
    public FingerImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 16 || height < 16 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("image size out of range: " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "pixel count " + pixels.length + " does not match " + width + "x" + height);
        }
        if (dpi < 200 || dpi > 2000) {
            throw new IllegalArgumentException("resolution out of range: " + dpi + " dpi");
        }
        pixels = pixels.clone();
    }

    /** A copy of the pixels. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /**
     * This image at another resolution (see {@link Resampler}: bilinear when enlarging, an anti-aliased average
     * when reducing); the image itself when it already has {@code dpi}.
     *
     * @throws IllegalArgumentException when the result would be smaller than 16 pixels or larger than 4096
     */
    public FingerImage atResolution(int dpi) {
        if (dpi < 200 || dpi > 2000) {
            throw new IllegalArgumentException("resolution out of range: " + dpi + " dpi");
        }
        return Resampler.resample(this, dpi);
    }

    /** The gray value 0..255 at (x, y). */
    public int gray(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerImage other && width == other.width && height == other.height
                && dpi == other.dpi && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, dpi, Arrays.hashCode(pixels));
    }

    /** Reveals the size only. */
    @Override
    public String toString() {
        return "FingerImage[" + width + "x" + height + ", " + dpi + " dpi]";
    }
}
