package kz.sailau.fingerprint.emulator;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.protocol.SensorImage;

/**
 * Turns any picture into what the sensor would see: 8-bit gray, centre-cropped or padded with white to
 * 256 × 288, and quantised to the sixteen gray levels of the 4-bit wire format
 * ({@link SensorImage#quantise(int)}). The result survives an upload unchanged, pixel for pixel.
 */
public final class SensorImageFitter {

    private static final int WHITE = 255;

    private SensorImageFitter() {
    }

    /**
     * Fits a picture to the sensor.
     *
     * @param image any image; colour is converted to luma (ITU-R BT.601 weights 0.299, 0.587, 0.114)
     * @return {@link SensorImage#PIXELS} bytes of 8-bit gray, each a multiple of 17
     */
    public static byte[] fit(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] gray = grayOf(image);
        byte[] fitted = new byte[SensorImage.PIXELS];
        int dx = Math.floorDiv(width - SensorImage.WIDTH, 2);
        int dy = Math.floorDiv(height - SensorImage.HEIGHT, 2);
        for (int y = 0; y < SensorImage.HEIGHT; y++) {
            int sy = y + dy;
            for (int x = 0; x < SensorImage.WIDTH; x++) {
                int sx = x + dx;
                int value = sx >= 0 && sx < width && sy >= 0 && sy < height ? gray[sy * width + sx] & 0xFF : WHITE;
                fitted[y * SensorImage.WIDTH + x] = (byte) SensorImage.quantise(value);
            }
        }
        return fitted;
    }

    /**
     * Reads a picture file and fits it to the sensor.
     *
     * @param file a PNG (or any format {@link ImageIO} reads)
     * @return {@link SensorImage#PIXELS} bytes of quantised 8-bit gray
     * @throws IOException if the file cannot be read or is not an image
     */
    public static byte[] fit(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file.getFileName());
        }
        return fit(image);
    }

    /**
     * Fits a picture to the sensor and returns it as an image.
     *
     * @param image any image
     * @return a new 256 × 288 {@link BufferedImage#TYPE_BYTE_GRAY} image with 16 gray levels
     */
    public static BufferedImage fitToImage(BufferedImage image) {
        byte[] pixels = fit(image);
        BufferedImage fitted = new BufferedImage(SensorImage.WIDTH, SensorImage.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels, 0, ((DataBufferByte) fitted.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return fitted;
    }

    private static byte[] grayOf(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] gray = new byte[width * height];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getDataElements(0, 0, width, height, gray);
            return gray;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int luma = (299 * ((argb >> 16) & 0xFF) + 587 * ((argb >> 8) & 0xFF) + 114 * (argb & 0xFF) + 500) / 1000;
                // transparent parts show the white background
                gray[y * width + x] = (byte) ((luma * alpha + WHITE * (255 - alpha) + 127) / 255);
            }
        }
        return gray;
    }
}
