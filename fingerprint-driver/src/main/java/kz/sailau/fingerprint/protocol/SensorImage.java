package kz.sailau.fingerprint.protocol;

import java.util.Objects;

/**
 * The image format of UpImage / DownImage (user manual, UpImage 0x0A): width × height pixels (256 × 288 on the
 * optical modules, 192 × 192 on the R503: see {@link kz.sailau.fingerprint.SensorProfile}), row by row, 4 bits per
 * pixel, two pixels per byte with the left pixel in the high nibble (36,864 bytes for 256 × 288).
 *
 * <p>Host side, a nibble {@code n} becomes the 8-bit gray value {@code n × 17}, so 0 stays black and 15 becomes
 * 255. The sensor side keeps the upper four bits of its 8-bit pixel ({@link #sensorNibble(int)}, ZFM-20 manual
 * "Image buffer", R503 manual "Buffer"). {@link #pack(byte[])} rounds to the nearest nibble, {@code (g + 8) / 17},
 * which leaves a gray value already of the form {@code n × 17} unchanged, so an image quantised once passes
 * through pack and unpack unchanged.
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
     * Returns the nibble the sensor sends for one of its 8-bit pixels: the upper four bits (ZFM-20 manual "Image
     * buffer": "only the upper 4 bits of the pixel is transferred").
     *
     * @param gray 0..255
     * @return {@code gray >>> 4}, 0..15
     */
    public static int sensorNibble(int gray) {
        if (gray < 0 || gray > 255) {
            throw new IllegalArgumentException("gray value out of range: " + gray);
        }
        return gray >>> 4;
    }

    /**
     * Returns the gray value the host shows for a sensor pixel: its upper four bits widened, {@code (g >>> 4) × 17}.
     *
     * @param gray the sensor's 8-bit pixel
     * @return a multiple of 17 in 0..255
     */
    public static int sensorGray(int gray) {
        return sensorNibble(gray) * GRAY_STEP;
    }

    /**
     * Packs 8-bit gray pixels of a 256 × 288 image into the 4-bit wire format, rounding each pixel to the nearest
     * nibble.
     *
     * @param gray {@link #PIXELS} bytes, row by row
     * @return {@link #PACKED_BYTES} bytes
     */
    public static byte[] pack(byte[] gray) {
        return pack(gray, PIXELS);
    }

    /**
     * Packs 8-bit gray pixels into the 4-bit wire format, rounding each pixel to the nearest nibble.
     *
     * @param gray   row by row
     * @param pixels the pixel count the image must have (even)
     * @return {@code pixels / 2} bytes
     */
    public static byte[] pack(byte[] gray, int pixels) {
        Objects.requireNonNull(gray, "gray");
        if (gray.length != pixels || pixels % 2 != 0) {
            throw new IllegalArgumentException("expected " + pixels + " pixels, got " + gray.length);
        }
        byte[] packed = new byte[pixels / 2];
        for (int i = 0; i < packed.length; i++) {
            int high = nibbleOf(gray[2 * i] & 0xFF);
            int low = nibbleOf(gray[2 * i + 1] & 0xFF);
            packed[i] = (byte) ((high << 4) | low);
        }
        return packed;
    }

    /**
     * Unpacks the 4-bit wire format of a 256 × 288 image into 8-bit gray pixels (nibble × 17).
     *
     * @param packed {@link #PACKED_BYTES} bytes
     * @return {@link #PIXELS} bytes
     */
    public static byte[] unpack(byte[] packed) {
        return unpack(packed, PACKED_BYTES);
    }

    /**
     * Unpacks the 4-bit wire format into 8-bit gray pixels (nibble × 17).
     *
     * @param packed        the received image bytes
     * @param expectedBytes the size the image must have
     * @return {@code 2 × expectedBytes} bytes
     */
    public static byte[] unpack(byte[] packed, int expectedBytes) {
        Objects.requireNonNull(packed, "packed");
        if (packed.length != expectedBytes) {
            throw new IllegalArgumentException("expected " + expectedBytes + " bytes, got " + packed.length);
        }
        byte[] gray = new byte[packed.length * 2];
        for (int i = 0; i < packed.length; i++) {
            int b = packed[i] & 0xFF;
            gray[2 * i] = (byte) ((b >>> 4) * GRAY_STEP);
            gray[2 * i + 1] = (byte) ((b & 0x0F) * GRAY_STEP);
        }
        return gray;
    }
}
