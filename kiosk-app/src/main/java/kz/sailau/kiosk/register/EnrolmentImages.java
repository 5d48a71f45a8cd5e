package kz.sailau.kiosk.register;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * The enrolment images of the sample-prints layout: {@code <prints>/<voter_key>/<finger>_enrol.png},
 * 8-bit grayscale PNG at 500 dpi (other PNG colour types are converted to gray by luminance).
 */
public final class EnrolmentImages {

    /** Resolution of the enrolment images (sample-prints and the R30x sensor: 500 dpi). */
    public static final int DPI = 500;
    /** Upper bound of one image file. */
    static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

    private final Path directory;

    /** @param directory the prints directory */
    public EnrolmentImages(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The path of a voter's enrolment image for one finger. */
    public Path path(String voterKey, FingerPosition position) {
        return directory.resolve(voterKey).resolve(position.fileName() + "_enrol.png");
    }

    /**
     * An image file's bytes and decoded pixels.
     *
     * @param bytes the PNG file
     * @param image the decoded image
     */
    public record Loaded(byte[] bytes, FingerImage image) {
    }

    /**
     * Reads and decodes one enrolment image.
     *
     * @throws RegisterException {@code register.error.imageMissing} or {@code register.error.imageUnreadable}
     */
    public Loaded load(String voterKey, FingerPosition position) {
        Path file = path(voterKey, position);
        if (!Files.isRegularFile(file)) {
            throw new RegisterException("register.error.imageMissing", "enrolment image is missing", null);
        }
        try {
            if (Files.size(file) > MAX_IMAGE_BYTES) {
                throw new RegisterException("register.error.imageUnreadable", "enrolment image is too large", null);
            }
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new RegisterException("register.error.imageUnreadable", "enrolment image is not a PNG", null);
            }
            return new Loaded(bytes, toGray(image));
        } catch (IOException | IllegalArgumentException e) {
            throw new RegisterException("register.error.imageUnreadable",
                    "enrolment image cannot be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    static FingerImage toGray(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels;
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == width * height) {
            pixels = buffer.getData().clone();
        } else {
            pixels = new byte[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    int gray = (int) Math.round(0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF)
                            + 0.114 * (rgb & 0xFF));
                    pixels[y * width + x] = (byte) gray;
                }
            }
        }
        return new FingerImage(width, height, pixels, DPI);
    }
}
