package kz.sailau.prints;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Writes 8-bit greyscale PNG files (ISO/IEC 15948, PNG 2nd edition) with a pure-Java DEFLATE encoder
 * (RFC 1951, inside a zlib stream, RFC 1950), so that the same pixels give the same bytes on every machine:
 * {@link java.util.zip.Deflater} wraps the platform's zlib, whose output differs between zlib builds
 * (zlib-ng, Intel, Cloudflare forks). Rows use the filter with the smallest sum of absolute values (PNG
 * section 12.8); the compressor is a greedy LZ77 with hash chains and dynamic Huffman blocks.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** 500 dpi in pixels per metre for the pHYs chunk: 500 / 0.0254 = 19685. */
    private static final int PIXELS_PER_METRE = 19685;

    private PngEncoder() {
    }

    /**
     * Encodes an 8-bit greyscale image.
     *
     * @param image of type {@link BufferedImage#TYPE_BYTE_GRAY}
     * @return the PNG file bytes
     * @throws IllegalArgumentException for another image type
     */
    public static byte[] encode(BufferedImage image) {
        return encode(image, java.util.OptionalInt.of(FingerprintGenerator.DPI));
    }

    /**
     * Encodes an 8-bit greyscale image stating a resolution in a {@code pHYs} chunk, or none.
     *
     * @param image of type {@link BufferedImage#TYPE_BYTE_GRAY}
     * @param dpi   the resolution to state; empty writes no {@code pHYs} chunk (as many scanners' files)
     * @return the PNG file bytes
     * @throws IllegalArgumentException for another image type
     */
    public static byte[] encode(BufferedImage image, java.util.OptionalInt dpi) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(dpi, "dpi");
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("only TYPE_BYTE_GRAY images are encoded");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height];
        image.getRaster().getDataElements(0, 0, width, height, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;  // bit depth
        header[9] = 0;  // colour type: greyscale
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method: adaptive
        header[12] = 0; // no interlace
        chunk(out, "IHDR", header);
        if (dpi.isPresent()) {
            int perMetre = dpi.getAsInt() == FingerprintGenerator.DPI ? PIXELS_PER_METRE
                    : (int) StrictMath.round(dpi.getAsInt() / 0.0254);
            byte[] physical = new byte[9];
            putInt(physical, 0, perMetre);
            putInt(physical, 4, perMetre);
            physical[8] = 1; // unit: metre
            chunk(out, "pHYs", physical);
        }
        chunk(out, "IDAT", zlib(filter(pixels, width, height)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] filter(byte[] pixels, int width, int height) {
        byte[] filtered = new byte[(width + 1) * height];
        byte[] candidate = new byte[width];
        byte[] best = new byte[width];
        for (int y = 0; y < height; y++) {
            long bestCost = Long.MAX_VALUE;
            int bestType = 0;
            for (int type = 0; type <= 4; type++) {
                long cost = 0;
                for (int x = 0; x < width; x++) {
                    int raw = pixels[y * width + x] & 0xff;
                    int left = x > 0 ? pixels[y * width + x - 1] & 0xff : 0;
                    int up = y > 0 ? pixels[(y - 1) * width + x] & 0xff : 0;
                    int upLeft = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1] & 0xff : 0;
                    int predictor = switch (type) {
                        case 0 -> 0;
                        case 1 -> left;
                        case 2 -> up;
                        case 3 -> (left + up) >>> 1;
                        default -> paeth(left, up, upLeft);
                    };
                    byte value = (byte) (raw - predictor);
                    candidate[x] = value;
                    cost += StrictMath.abs((int) value);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bestType = type;
                    System.arraycopy(candidate, 0, best, 0, width);
                }
            }
            filtered[y * (width + 1)] = (byte) bestType;
            System.arraycopy(best, 0, filtered, y * (width + 1) + 1, width);
        }
        return filtered;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = StrictMath.abs(p - a);
        int pb = StrictMath.abs(p - b);
        int pc = StrictMath.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78); // deflate, 32K window
        out.write(0x01); // no dictionary, check bits: 0x7801 % 31 == 0
        out.writeBytes(Deflate.compress(data));
        Adler32 adler = new Adler32();
        adler.update(data);
        byte[] check = new byte[4];
        putInt(check, 0, (int) adler.getValue());
        out.writeBytes(check);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] check = new byte[4];
        putInt(check, 0, (int) crc.getValue());
        out.writeBytes(check);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
