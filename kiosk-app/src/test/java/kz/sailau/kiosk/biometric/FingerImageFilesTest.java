package kz.sailau.kiosk.biometric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FingerImageFilesTest {

    private static final FingerImage PRINT = SourceAfisMatcherTest.rings(64, 72, 0.9, 100, 0);

    @Test
    void readsTheResolutionEachFormatStates() throws IOException {
        for (int dpi : new int[] {500, 512, 569, 1000}) {
            assertEquals(OptionalInt.of(dpi), decode(ImageFileFixtures.png(PRINT, OptionalInt.of(dpi))).statedDpi(),
                    "PNG pHYs " + dpi);
            assertEquals(OptionalInt.of(dpi), decode(ImageFileFixtures.tiff(PRINT, OptionalInt.of(dpi))).statedDpi(),
                    "TIFF XResolution " + dpi);
            assertEquals(OptionalInt.of(dpi), decode(ImageFileFixtures.bmp(PRINT, OptionalInt.of(dpi))).statedDpi(),
                    "BMP pels per metre " + dpi);
        }
    }

    @Test
    void aFileWithoutResolutionOrWithAnEditorsDefaultStatesNone() throws IOException {
        assertEquals(OptionalInt.empty(), decode(ImageFileFixtures.png(PRINT, OptionalInt.empty())).statedDpi());
        assertEquals(OptionalInt.empty(), decode(ImageFileFixtures.tiff(PRINT, OptionalInt.empty())).statedDpi());
        assertEquals(OptionalInt.empty(), decode(ImageFileFixtures.bmp(PRINT, OptionalInt.empty())).statedDpi());
        assertEquals(OptionalInt.empty(), decode(ImageFileFixtures.png(PRINT, OptionalInt.of(72))).statedDpi());
        assertEquals(OptionalInt.empty(), decode(ImageFileFixtures.tiff(PRINT, OptionalInt.of(96))).statedDpi());
    }

    @Test
    void everyFormatGivesTheSamePixels() throws IOException {
        byte[] expected = PRINT.pixels();
        assertArrayEquals(expected, decode(ImageFileFixtures.png(PRINT, OptionalInt.empty())).pixels());
        assertArrayEquals(expected, decode(ImageFileFixtures.tiff(PRINT, OptionalInt.empty())).pixels());
        assertArrayEquals(expected, decode(ImageFileFixtures.bmp(PRINT, OptionalInt.empty())).pixels());
        FingerImageFiles.Decoded decoded = decode(ImageFileFixtures.png(PRINT, OptionalInt.of(500)));
        assertEquals(PRINT, decoded.at(500));
    }

    @Test
    void refusesWhatIsNotAFingerprintImageFile() throws IOException {
        assertThrows(IOException.class, () -> FingerImageFiles.decode(new byte[] {1, 2, 3}));
        assertThrows(IOException.class, () -> FingerImageFiles.decode(new byte[0]));
        byte[] png = ImageFileFixtures.png(PRINT, OptionalInt.of(500));
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        assertThrows(IOException.class, () -> FingerImageFiles.decode(truncated));
        BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpg", jpeg);
        IOException lossy = assertThrows(IOException.class, () -> FingerImageFiles.decode(jpeg.toByteArray()));
        assertEquals("image format jpeg is not PNG, TIFF or BMP", lossy.getMessage());
        byte[] tiny = ImageFileFixtures.png(new FingerImage(16, 16, new byte[256], 500), OptionalInt.empty());
        assertEquals(16, FingerImageFiles.decode(tiny).width());
    }

    @Test
    void whatThePersonStatesMustAgreeWithTheFile() {
        OptionalInt none = OptionalInt.empty();
        assertEquals(new FingerImageFiles.Resolution.Known(569), FingerImageFiles.resolve(OptionalInt.of(569), none));
        assertEquals(new FingerImageFiles.Resolution.Known(569), FingerImageFiles.resolve(none, OptionalInt.of(569)));
        assertEquals(new FingerImageFiles.Resolution.Known(500),
                FingerImageFiles.resolve(OptionalInt.of(504), OptionalInt.of(500)), "within 1 %: the person's");
        assertEquals(new FingerImageFiles.Resolution.Conflict(500, 569),
                FingerImageFiles.resolve(OptionalInt.of(500), OptionalInt.of(569)));
        assertEquals(new FingerImageFiles.Resolution.Unknown(), FingerImageFiles.resolve(none, none));
    }

    @Test
    void parsesAWrittenResolution() {
        assertEquals(OptionalInt.of(500), FingerImageFiles.parseDpi("500"));
        assertEquals(OptionalInt.of(569), FingerImageFiles.parseDpi(" 569\n"));
        assertEquals(OptionalInt.of(508), FingerImageFiles.parseDpi("508.0"));
        assertEquals(OptionalInt.of(1000), FingerImageFiles.parseDpi("999.5"));
        for (String bad : new String[] {"", "dpi", "72", "96", "2001", "-500", "500 dpi", "5e2", "500,0", "500.1234"}) {
            assertEquals(OptionalInt.empty(), FingerImageFiles.parseDpi(bad), bad);
        }
    }

    private static FingerImageFiles.Decoded decode(byte[] file) throws IOException {
        return FingerImageFiles.decode(file);
    }
}
