package kz.sailau.kiosk.biometric;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Decodes a fingerprint image file (PNG, TIFF or BMP, through {@code javax.imageio}) into gray pixels and the
 * resolution the file states, and decides which resolution to use when a person also states one.
 *
 * <p>The stated resolution is read from the image I/O standard metadata ({@code Dimension/HorizontalPixelSize},
 * millimetres per pixel), which the JDK's readers fill from PNG {@code pHYs} with unit metre (PNG 2nd edition,
 * 11.3.5.3), TIFF {@code XResolution}/{@code ResolutionUnit} (TIFF 6.0, section 8) and BMP
 * {@code biXPelsPerMeter}. A file stating no unit, or a resolution below {@link #MIN_PLAUSIBLE_DPI} (the 72 or
 * 96 dpi that drawing programs write by default), states nothing usable.
 */
public final class FingerImageFiles {

    /** Lowest stated resolution taken as a fingerprint's; anything lower is an editor's default. */
    public static final int MIN_PLAUSIBLE_DPI = 250;
    /** Highest resolution a fingerprint image may have here (the limit of {@link FingerImage}). */
    public static final int MAX_DPI = 2000;
    /** Largest file decoded. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Stated and told resolutions agree when they differ by at most this share. */
    static final double AGREEMENT = 0.01;
    /** File formats read, by their lower-case file extension. */
    public static final Set<String> EXTENSIONS = Set.of("png", "tif", "tiff", "bmp");

    private static final String BMP_FORMAT = "javax_imageio_bmp_1.0";

    private FingerImageFiles() {
    }

    /**
     * A decoded file: gray pixels and the resolution the file states, if any.
     *
     * @param width     width in pixels
     * @param height    height in pixels
     * @param pixels    8-bit gray, row by row
     * @param statedDpi the resolution in the file, if it states a plausible one
     */
    public record Decoded(int width, int height, byte[] pixels, OptionalInt statedDpi) {

        /** @throws NullPointerException on null */
        public Decoded {
            Objects.requireNonNull(pixels, "pixels");
            Objects.requireNonNull(statedDpi, "statedDpi");
        }

        /** The image at the resolution it was scanned with. */
        public FingerImage at(int dpi) {
            return new FingerImage(width, height, pixels, dpi);
        }

        @Override
        public String toString() {
            return "Decoded[" + width + "x" + height + ", " + statedDpi + "]";
        }
    }

    /** The resolution to use for a file, or why there is none. */
    public sealed interface Resolution {
        /** @param dpi the resolution to use */
        record Known(int dpi) implements Resolution {
        }

        /** Neither the file nor a person states a resolution. */
        record Unknown() implements Resolution {
        }

        /** @param stated the file's @param told the person's: they disagree */
        record Conflict(int stated, int told) implements Resolution {
        }
    }

    /** Smallest side of an image decoded, in pixels. */
    public static final int MIN_SIDE = 16;
    /** Largest side of an image decoded, in pixels: a header stating more is refused before any pixel is read. */
    public static final int MAX_SIDE = 4096;

    /**
     * Decodes a file. Colour images are converted to gray by luma (ITU-R BT.601 weights).
     *
     * @throws IOException when the bytes are not a readable PNG, TIFF or BMP image; its message says which of these
     *                     it is, in words fit for the one line a command prints (never a pixel or an exception's
     *                     text): the file is empty, is no image, is an image of another format, states a size out of
     *                     {@value #MIN_SIDE}..{@value #MAX_SIDE} pixels a side, or is damaged or truncated
     */
    public static Decoded decode(byte[] file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (file.length == 0) {
            throw new IOException("the file is empty (0 bytes)");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("the file is not an image (its first bytes are of no image format)");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            try {
                if (!(format.equals("png") || format.startsWith("tif") || format.equals("bmp"))) {
                    throw new IOException("image format " + format + " is not PNG, TIFF or BMP");
                }
                reader.setInput(input, true, false);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new IOException("the " + format.toUpperCase(Locale.ROOT) + " header is damaged", e);
                }
                if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
                    // Checked on the header alone: a decompression bomb (60000 x 60000) is never decoded.
                    throw new IOException("the image is " + width + " x " + height + " pixels; a fingerprint "
                            + "image is " + MIN_SIDE + " to " + MAX_SIDE + " pixels on each side");
                }
                try {
                    IIOMetadata metadata = reader.getImageMetadata(0);
                    BufferedImage image = reader.read(0);
                    return new Decoded(width, height, gray(image), statedDpi(metadata));
                } catch (IOException | RuntimeException e) {
                    // The PNG reader wraps running out of memory in its own exception: that is no damaged file, and
                    // the command says it as such (one line, cli.error.inputTooLarge).
                    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                        if (cause instanceof OutOfMemoryError memory) {
                            throw memory;
                        }
                    }
                    // A damaged file can make a reader throw anything; only the kind is said (no pixel data).
                    throw new IOException("the " + format.toUpperCase(Locale.ROOT) + " image is damaged or "
                            + "truncated (its pixels cannot be read)", e);
                }
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            throw new IOException("the file is not a readable image", e);
        }
    }

    /**
     * The resolution to use: the file's when only it states one, the person's when only they do, either when both
     * agree within 1 %; otherwise {@link Resolution.Unknown} or {@link Resolution.Conflict}.
     *
     * @param stated what the file states ({@link Decoded#statedDpi()})
     * @param told   what the authority states for it (a row, a {@code dpi} file), if anything
     */
    public static Resolution resolve(OptionalInt stated, OptionalInt told) {
        Objects.requireNonNull(stated, "stated");
        Objects.requireNonNull(told, "told");
        if (told.isPresent()) {
            if (stated.isPresent() && Math.abs(stated.getAsInt() - told.getAsInt()) > AGREEMENT * told.getAsInt()) {
                return new Resolution.Conflict(stated.getAsInt(), told.getAsInt());
            }
            return new Resolution.Known(told.getAsInt());
        }
        return stated.isPresent() ? new Resolution.Known(stated.getAsInt()) : new Resolution.Unknown();
    }

    /**
     * Parses a resolution a person wrote (a {@code dpi} file, a CSV cell): one number of dots per inch, a decimal
     * fraction allowed, rounded to a whole dpi.
     *
     * @return the resolution, or empty when the text is not a number in {@value #MIN_PLAUSIBLE_DPI}..{@value #MAX_DPI}
     */
    public static OptionalInt parseDpi(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        if (!value.matches("[0-9]{1,4}(\\.[0-9]{1,3})?")) {
            return OptionalInt.empty();
        }
        long dpi = Math.round(Double.parseDouble(value));
        return dpi >= MIN_PLAUSIBLE_DPI && dpi <= MAX_DPI ? OptionalInt.of((int) dpi) : OptionalInt.empty();
    }

    private static OptionalInt statedDpi(IIOMetadata metadata) {
        if (metadata == null) {
            return OptionalInt.empty();
        }
        double horizontal = 0;
        double vertical = 0;
        if (metadata.isStandardMetadataFormatSupported()) {
            Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
            horizontal = pixelSize(root, "HorizontalPixelSize");
            vertical = pixelSize(root, "VerticalPixelSize");
        }
        if (!(horizontal > 0) && BMP_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
            // The JDK's BMP reader leaves the standard pixel size out; its native tree has biXPelsPerMeter.
            Node root = metadata.getAsTree(BMP_FORMAT);
            horizontal = millimetresPerPixel(child(child(root, "PixelsPerMeter"), "X"));
            vertical = millimetresPerPixel(child(child(root, "PixelsPerMeter"), "Y"));
        }
        if (!(horizontal > 0)) {
            return OptionalInt.empty();
        }
        if (vertical > 0 && Math.abs(vertical - horizontal) > AGREEMENT * horizontal) {
            return OptionalInt.empty(); // non-square pixels: no single resolution
        }
        long dpi = Math.round(25.4 / horizontal);
        return dpi >= MIN_PLAUSIBLE_DPI && dpi <= MAX_DPI ? OptionalInt.of((int) dpi) : OptionalInt.empty();
    }

    private static Node child(Node parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (name.equals(node.getNodeName())) {
                return node;
            }
        }
        return null;
    }

    /** Millimetres per pixel from a node whose text is pixels per metre; 0 when absent or not positive. */
    private static double millimetresPerPixel(Node pixelsPerMetre) {
        if (pixelsPerMetre == null || pixelsPerMetre.getNodeValue() == null) {
            return 0;
        }
        try {
            double perMetre = Double.parseDouble(pixelsPerMetre.getNodeValue().strip());
            return perMetre > 0 ? 1000 / perMetre : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double pixelSize(Node root, String name) {
        for (Node group = root.getFirstChild(); group != null; group = group.getNextSibling()) {
            if (!"Dimension".equals(group.getNodeName())) {
                continue;
            }
            for (Node node = group.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (name.equals(node.getNodeName()) && node.getAttributes() != null
                        && node.getAttributes().getNamedItem("value") != null) {
                    try {
                        return Double.parseDouble(node.getAttributes().getNamedItem("value").getNodeValue());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    private static byte[] gray(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == width * height) {
            return buffer.getData().clone();
        }
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int gray = (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF) + 500) / 1000;
                pixels[y * width + x] = (byte) gray;
            }
        }
        return pixels;
    }
}
