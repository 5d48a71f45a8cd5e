package kz.sailau.kiosk.biometric;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes gray images as PNG, TIFF and BMP files that state a given resolution, or none, the way scanners and
 * competition data sets write them: PNG {@code pHYs} in pixels per metre, TIFF {@code XResolution} per inch,
 * BMP {@code biXPelsPerMeter}.
 */
public final class ImageFileFixtures {

    private ImageFileFixtures() {
    }

    /** An 8-bit gray PNG, with a {@code pHYs} chunk (unit metre) when {@code dpi} is given. */
    public static byte[] png(FingerImage image, OptionalInt dpi) {
        byte[] plain = write(image, "png", null);
        if (dpi.isEmpty()) {
            return plain;
        }
        int perMetre = (int) Math.round(dpi.getAsInt() / 0.0254);
        ByteBuffer data = ByteBuffer.allocate(9).putInt(perMetre).putInt(perMetre).put((byte) 1);
        byte[] chunk = chunk("pHYs", data.array());
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, IHDR length, type, data, CRC
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.writeBytes(chunk);
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** An 8-bit gray TIFF, with {@code XResolution}/{@code YResolution} when {@code dpi} is given. */
    public static byte[] tiff(FingerImage image, OptionalInt dpi) {
        return write(image, "tif", dpi.isPresent() ? 25.4 / dpi.getAsInt() : null);
    }

    /** An 8-bit paletted gray BMP (BITMAPINFOHEADER), pels per metre from {@code dpi} or 0. */
    public static byte[] bmp(FingerImage image, OptionalInt dpi) {
        int stride = (image.width() + 3) / 4 * 4;
        int palette = 256 * 4;
        int offset = 14 + 40 + palette;
        int size = offset + stride * image.height();
        int perMetre = dpi.isPresent() ? (int) Math.round(dpi.getAsInt() / 0.0254) : 0;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(size).putInt(0).putInt(offset);
        b.putInt(40).putInt(image.width()).putInt(image.height()).putShort((short) 1).putShort((short) 8)
                .putInt(0).putInt(stride * image.height()).putInt(perMetre).putInt(perMetre).putInt(256).putInt(256);
        for (int i = 0; i < 256; i++) {
            b.put((byte) i).put((byte) i).put((byte) i).put((byte) 0);
        }
        byte[] pixels = image.pixels();
        for (int y = image.height() - 1; y >= 0; y--) { // bottom-up rows
            b.put(pixels, y * image.width(), image.width());
            b.put(new byte[stride - image.width()]);
        }
        return b.array();
    }

    private static byte[] write(FingerImage image, String format, Double millimetresPerPixel) {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        buffered.getRaster().setDataElements(0, 0, image.width(), image.height(), image.pixels());
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(buffered),
                    param);
            if (millimetresPerPixel != null) {
                IIOMetadataNode root = new IIOMetadataNode(IIOMetadataFormatImpl.standardMetadataFormatName);
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                for (String name : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                    IIOMetadataNode size = new IIOMetadataNode(name);
                    size.setAttribute("value", String.valueOf(millimetresPerPixel));
                    dimension.appendChild(size);
                }
                root.appendChild(dimension);
                metadata.mergeTree(IIOMetadataFormatImpl.standardMetadataFormatName, root);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(buffered, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** One PNG chunk: length, type, data and its CRC-32 (PNG 2nd edition, 5.3). */
    public static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }
}
