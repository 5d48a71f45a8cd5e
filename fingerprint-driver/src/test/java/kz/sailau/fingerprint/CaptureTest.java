package kz.sailau.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureTest {

    private static Capture capture(byte[] pixels) {
        return new Capture(pixels, 4, 2, 500, 100, Duration.ofMillis(7), Duration.ofMillis(9));
    }

    @Test
    void copiesPixelsOnTheWayInAndOut() {
        byte[] pixels = {0, 17, 34, 51, 68, 85, 102, (byte) 255};
        Capture capture = capture(pixels);
        pixels[0] = 99;
        byte[] out = capture.pixels();
        assertEquals(0, out[0]);
        out[1] = 1;
        assertEquals(17, capture.pixel(1, 0));
        assertNotSame(capture.pixels(), capture.pixels());
        assertEquals(255, capture.pixel(3, 1));
    }

    @Test
    void toStringRevealsNoPixel() {
        byte[] pixels = new byte[8];
        java.util.Arrays.fill(pixels, (byte) 0x5A);
        String text = capture(pixels).toString();
        assertFalse(text.contains("90"), text);
        assertFalse(text.contains("[B@"), text);
        assertTrue(text.contains("4x2"), text);
    }

    @Test
    void rejectsWrongPixelCountAndBadValues() {
        assertThrows(IllegalArgumentException.class, () -> capture(new byte[7]));
        assertThrows(IllegalArgumentException.class,
                () -> new Capture(new byte[0], 0, 0, 500, 0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new Capture(new byte[8], 4, 2, 500, -1, Duration.ZERO, Duration.ZERO));
        assertThrows(NullPointerException.class,
                () -> new Capture(null, 4, 2, 500, 0, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void equalityComparesPixelContent() {
        assertEquals(capture(new byte[8]), capture(new byte[8]));
        assertEquals(capture(new byte[8]).hashCode(), capture(new byte[8]).hashCode());
        byte[] other = new byte[8];
        other[7] = 1;
        assertFalse(capture(new byte[8]).equals(capture(other)));
    }

    @Test
    void writesAGrayPngThatReadsBackPixelForPixel(@TempDir Path folder) throws Exception {
        byte[] pixels = {0, 17, 34, 51, 68, 85, 102, (byte) 255};
        Capture capture = capture(pixels);
        Path file = folder.resolve("finger.png");
        capture.writePng(file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, read.getType());
        assertArrayEquals(pixels, TestImages.grayPixels(read));
        try (var listing = Files.list(folder)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        capture.writePng(out);
        assertArrayEquals(pixels, TestImages.grayPixels(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))));
    }
}
