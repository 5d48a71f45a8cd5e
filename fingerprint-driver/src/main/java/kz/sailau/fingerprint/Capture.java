package kz.sailau.fingerprint;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.protocol.SensorImage;

/**
 * One fingerprint image read from the sensor: 8-bit grayscale pixels, row by row, top row first.
 *
 * <p>The pixel array is copied on the way in and on the way out, so a {@code Capture} is immutable.
 * {@link #toString()} reveals the size and timing only, never a pixel: a fingerprint image is personal data.
 *
 * @param pixels      8-bit grayscale, {@code width × height} bytes, 0 black .. 255 white
 * @param width       image width in pixels (256 for the R30x family)
 * @param height      image height in pixels (288 for the R30x family)
 * @param dpi         resolution in dots per inch (500 for the R30x family)
 * @param wireBytes   bytes the image transfer occupied on the serial line, all packet framing included
 * @param wireTime    the time {@code wireBytes} take on the line at the configured baud rate (10 bits per byte)
 * @param totalTime   measured time from the finger being detected to the decoded image, retries included
 */
public record Capture(byte[] pixels, int width, int height, int dpi, long wireBytes, Duration wireTime,
                      Duration totalTime) {

    /** Image width of the R30x / ZFM-20 / AS608 sensors (user manual, UpImage). */
    public static final int SENSOR_WIDTH = 256;
    /** Image height of the R30x / ZFM-20 / AS608 sensors (user manual, UpImage). */
    public static final int SENSOR_HEIGHT = 288;
    /** Resolution of the R30x / ZFM-20 / AS608 sensors (datasheet, "Resolution: 500 dpi"). */
    public static final int SENSOR_DPI = 500;

    /**
     * The gray level a host receives for an 8-bit gray value after the sensor's 4-bit image transfer: one of 16
     * levels, a multiple of 17 (what {@code UpImage} delivers; used to reproduce the sensor's view of a print).
     *
     * @param gray 0..255
     * @return a multiple of 17 in 0..255
     */
    public static int fourBitGray(int gray) {
        return SensorImage.quantise(gray);
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the dimensions are not positive or do not match the pixel count
     */
    public Capture {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(wireTime, "wireTime");
        Objects.requireNonNull(totalTime, "totalTime");
        if (width <= 0 || height <= 0 || dpi <= 0) {
            throw new IllegalArgumentException("width, height and dpi must be positive");
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "expected " + width * height + " pixels for " + width + "x" + height + ", got " + pixels.length);
        }
        if (wireBytes < 0 || wireTime.isNegative() || totalTime.isNegative()) {
            throw new IllegalArgumentException("sizes and durations must not be negative");
        }
        pixels = pixels.clone();
    }

    /**
     * Returns a copy of the pixels.
     *
     * @return {@code width × height} bytes, 8-bit grayscale, row by row
     */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /**
     * Returns the gray value of one pixel.
     *
     * @param x column, 0 at the left
     * @param y row, 0 at the top
     * @return 0 (black) .. 255 (white)
     */
    public int pixel(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return pixels[y * width + x] & 0xFF;
    }

    /**
     * Returns the image as a new {@link BufferedImage#TYPE_BYTE_GRAY} image.
     *
     * @return a fresh image the caller may modify
     */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, target, 0, pixels.length);
        return image;
    }

    /**
     * Writes the image as an 8-bit grayscale PNG.
     *
     * @param out the stream to write to; not closed
     * @throws IOException if writing fails
     */
    public void writePng(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (!ImageIO.write(toBufferedImage(), "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    /**
     * Writes the image as an 8-bit grayscale PNG file, replacing the file atomically (write to a temporary file
     * in the same folder, then rename).
     *
     * @param file the PNG file to write
     * @throws IOException if writing fails
     */
    public void writePng(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), ".capture-", ".png.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writePng(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Capture that
                && width == that.width && height == that.height && dpi == that.dpi && wireBytes == that.wireBytes
                && wireTime.equals(that.wireTime) && totalTime.equals(that.totalTime)
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, dpi, wireBytes, wireTime, totalTime) * 31 + Arrays.hashCode(pixels);
    }

    /** Returns size and timing only; never pixel data. */
    @Override
    public String toString() {
        return "Capture[" + width + "x" + height + " @" + dpi + "dpi, wireBytes=" + wireBytes
                + ", wireTime=" + wireTime.toMillis() + "ms, totalTime=" + totalTime.toMillis() + "ms]";
    }
}
