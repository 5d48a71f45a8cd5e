package kz.sailau.fingerprint.emulator;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.protocol.SensorImage;

/**
 * Turns any picture into what a sensor would see: 8-bit gray, centre-cropped or padded with white to the profile's
 * geometry ({@link #raw}), and, for what the host receives, reduced to the upper four bits of each pixel and widened
 * back to 8 bits ({@link #fit}: {@code (g >>> 4) × 17}, the manuals' pixel model, {@link SensorImage#sensorGray}).
 * A capture returns exactly the pixels {@link #fit} gives.
 */
public final class SensorImageFitter {

    private static final int WHITE = 255;

    private SensorImageFitter() {
    }

    /**
     * Fits a picture to the default 256 × 288 sensor as the host will receive it.
     *
     * @param image any image; colour is converted to luma (ITU-R BT.601 weights 0.299, 0.587, 0.114)
     * @return {@link SensorImage#PIXELS} bytes of 8-bit gray, each a multiple of 17
     */
    public static byte[] fit(BufferedImage image) {
        return fit(image, SensorProfile.DEFAULT);
    }

    /**
     * Fits a picture to a sensor model as the host will receive it.
     *
     * @param image   any image
     * @param profile the model whose geometry to use
     * @return width × height bytes of 8-bit gray, each a multiple of 17
     */
    public static byte[] fit(BufferedImage image, SensorProfile profile) {
        byte[] gray = raw(image, profile);
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) SensorImage.sensorGray(gray[i] & 0xFF);
        }
        return gray;
    }

    /**
     * Fits a picture to a sensor model as the module holds it, 8 bits per pixel.
     *
     * @param image   any image
     * @param profile the model whose geometry to use
     * @return width × height bytes of 8-bit gray
     */
    public static byte[] raw(BufferedImage image, SensorProfile profile) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(profile, "profile");
        int width = image.getWidth();
        int height = image.getHeight();
        int targetWidth = profile.imageWidth();
        int targetHeight = profile.imageHeight();
        byte[] gray = grayOf(image);
        byte[] fitted = new byte[targetWidth * targetHeight];
        int dx = Math.floorDiv(width - targetWidth, 2);
        int dy = Math.floorDiv(height - targetHeight, 2);
        for (int y = 0; y < targetHeight; y++) {
            int sy = y + dy;
            for (int x = 0; x < targetWidth; x++) {
                int sx = x + dx;
                int value = sx >= 0 && sx < width && sy >= 0 && sy < height ? gray[sy * width + sx] & 0xFF : WHITE;
                fitted[y * targetWidth + x] = (byte) value;
            }
        }
        return fitted;
    }

    /**
     * Reads a picture file and fits it to the default sensor as the host will receive it.
     *
     * @param file a PNG (or any format {@link ImageIO} reads)
     * @return {@link SensorImage#PIXELS} bytes of quantised 8-bit gray
     * @throws IOException if the file cannot be read or is not an image
     */
    public static byte[] fit(Path file) throws IOException {
        return fit(read(file));
    }

    /**
     * Reads a picture file.
     *
     * @param file a PNG (or any format {@link ImageIO} reads)
     * @return the image
     * @throws IOException if the file cannot be read or is not an image
     */
    static BufferedImage read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file.getFileName());
        }
        return image;
    }

    /**
     * Fits a picture to the default sensor and returns it as an image.
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
