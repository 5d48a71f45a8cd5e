package kz.sailau.fingerprint.protocol;

import java.util.Objects;

/**
 * The image format of UpImage / DownImage (user manual, UpImage 0x0A): 256 × 288 pixels, row by row, 4 bits per
 * pixel, two pixels per byte with the left pixel in the high nibble, 36,864 bytes in all.
 *
 * <p>Host side, a nibble {@code n} becomes the 8-bit gray value {@code n × 17}, so 0 stays black and 15 becomes
 * 255. Going the other way, a gray value is rounded to the nearest nibble, {@code (g + 8) / 17}. Together they
 * make {@link #quantise(int)} idempotent: an image quantised once passes through pack and unpack unchanged.
 */
public final class SensorImage {

    /** Image width in pixels. */
    public static final int WIDTH = 256;
    /** Image height in pixels. */
    public static final int HEIGHT = 288;
    /** Pixels per image. */
    public static final int PIXELS = WIDTH * HEIGHT;
    /** Bytes of a packed image: two pixels per byte. */
    public static final int PACKED_BYTES = PIXELS / 2;
    /** Gray step between neighbouring nibble values: 255 / 15. */
    public static final int GRAY_STEP = 17;

    private SensorImage() {
    }

    /**
     * Returns the nibble nearest to a gray value.
     *
     * @param gray 0..255
     * @return 0..15
     */
    public static int nibbleOf(int gray) {
        if (gray < 0 || gray > 255) {
            throw new IllegalArgumentException("gray value out of range: " + gray);
        }
        return (gray + GRAY_STEP / 2) / GRAY_STEP;
    }

    /**
     * Rounds a gray value to the nearest of the sixteen values a 4-bit image can show.
     *
     * @param gray 0..255
     * @return a multiple of 17 in 0..255
     */
    public static int quantise(int gray) {
        return nibbleOf(gray) * GRAY_STEP;
    }

    /**
     * Packs 8-bit gray pixels into the 4-bit wire format, rounding each pixel to the nearest nibble.
     *
     * @param gray {@link #PIXELS} bytes, row by row
     * @return {@link #PACKED_BYTES} bytes
     */
    public static byte[] pack(byte[] gray) {
        Objects.requireNonNull(gray, "gray");
        if (gray.length != PIXELS) {
            throw new IllegalArgumentException("expected " + PIXELS + " pixels, got " + gray.length);
        }
        byte[] packed = new byte[PACKED_BYTES];
        for (int i = 0; i < PACKED_BYTES; i++) {
            int high = nibbleOf(gray[2 * i] & 0xFF);
            int low = nibbleOf(gray[2 * i + 1] & 0xFF);
            packed[i] = (byte) ((high << 4) | low);
        }
        return packed;
    }

    /**
     * Unpacks the 4-bit wire format into 8-bit gray pixels (nibble × 17).
     *
     * @param packed {@link #PACKED_BYTES} bytes
     * @return {@link #PIXELS} bytes
     */
    public static byte[] unpack(byte[] packed) {
        Objects.requireNonNull(packed, "packed");
        if (packed.length != PACKED_BYTES) {
            throw new IllegalArgumentException("expected " + PACKED_BYTES + " bytes, got " + packed.length);
        }
        byte[] gray = new byte[PIXELS];
        for (int i = 0; i < PACKED_BYTES; i++) {
            int b = packed[i] & 0xFF;
            gray[2 * i] = (byte) ((b >>> 4) * GRAY_STEP);
            gray[2 * i + 1] = (byte) ((b & 0x0F) * GRAY_STEP);
        }
        return gray;
    }
}
