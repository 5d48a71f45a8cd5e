package kz.sailau.kiosk.devices.printer;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/** One thing a printer put on paper (or did), as recovered by {@link EscPosParser}. */
public sealed interface PrintedItem {

    /**
     * A line of text.
     *
     * @param text the text, each byte decoded from the code table in force when it arrived
     */
    record TextLine(String text) implements PrintedItem {
    }

    /**
     * A QR code that was stored and printed.
     *
     * @param payload          the content of the symbol
     * @param model            the QR model (50 = model 2)
     * @param moduleSize       the module size in dots
     * @param errorCorrection  the error correction level byte (48 L .. 51 H)
     */
    record QrCode(String payload, int model, int moduleSize, int errorCorrection) implements PrintedItem {
    }

    /**
     * A raster image ({@code GS v 0}): rows top to bottom, 8 dots per byte, leftmost dot in the high bit, 1 printed.
     *
     * @param widthDots  dots per row (a multiple of 8)
     * @param heightDots rows
     * @param data       {@code widthDots / 8 × heightDots} bytes (copied)
     */
    record RasterImage(int widthDots, int heightDots, byte[] data) implements PrintedItem {
        /** Copies and checks the size. */
        public RasterImage {
            Objects.requireNonNull(data, "data");
            if (widthDots % 8 != 0 || data.length != widthDots / 8 * heightDots) {
                throw new IllegalArgumentException("raster data does not match " + widthDots + "x" + heightDots);
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Returns the image as printed: black dots on white. */
        public BufferedImage toBufferedImage() {
            BufferedImage image = new BufferedImage(widthDots, heightDots, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < heightDots; y++) {
                for (int x = 0; x < widthDots; x++) {
                    boolean dot = (data[y * (widthDots / 8) + x / 8] & (0x80 >>> (x % 8))) != 0;
                    image.setRGB(x, y, dot ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RasterImage that && widthDots == that.widthDots
                    && heightDots == that.heightDots && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(widthDots, heightDots) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "RasterImage[" + widthDots + "x" + heightDots + "]";
        }
    }

    /** The paper was cut. */
    record Cut() implements PrintedItem {
    }
}
