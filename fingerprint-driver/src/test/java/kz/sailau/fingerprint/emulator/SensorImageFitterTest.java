package kz.sailau.fingerprint.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import kz.sailau.fingerprint.TestImages;
import kz.sailau.fingerprint.protocol.SensorImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorImageFitterTest {

    @Test
    void padsSmallImagesWithWhiteAroundTheCentre() {
        BufferedImage black = new BufferedImage(100, 88, BufferedImage.TYPE_BYTE_GRAY);
        byte[] fitted = SensorImageFitter.fit(black);
        assertEquals(SensorImage.PIXELS, fitted.length);
        assertEquals(255, fitted[0] & 0xFF);
        // the black block sits at x 78..177, y 100..187
        assertEquals(255, fitted[100 * 256 + 77] & 0xFF);
        assertEquals(0, fitted[100 * 256 + 78] & 0xFF);
        assertEquals(0, fitted[187 * 256 + 177] & 0xFF);
        assertEquals(255, fitted[188 * 256 + 177] & 0xFF);
    }

    @Test
    void cropsLargeImagesAroundTheCentreAndKeepsTheUpperFourBits() {
        BufferedImage ridges = TestImages.ridges(400, 320, 1);
        byte[] source = TestImages.grayPixels(ridges);
        byte[] fitted = SensorImageFitter.fit(ridges);
        for (int y = 0; y < 288; y += 13) {
            for (int x = 0; x < 256; x += 7) {
                // the sensor keeps the upper four bits of its pixel (ZFM-20 manual, "Image buffer")
                int expected = ((source[(y + 16) * 400 + x + 72] & 0xFF) >>> 4) * 17;
                assertEquals(expected, fitted[y * 256 + x] & 0xFF, x + "," + y);
            }
        }
    }

    @Test
    void colourBecomesLumaAndTransparencyWhite() {
        BufferedImage colour = new BufferedImage(256, 288, BufferedImage.TYPE_INT_ARGB);
        colour.setRGB(0, 0, new Color(255, 0, 0).getRGB());
        colour.setRGB(1, 0, 0x00000000);
        byte[] fitted = SensorImageFitter.fit(colour);
        assertEquals((76 >>> 4) * 17, fitted[0] & 0xFF);
        assertEquals(255, fitted[1] & 0xFF);
        assertArrayEquals(fitted, TestImages.grayPixels(SensorImageFitter.fitToImage(colour)));
    }

    @Test
    void fitsToTheGeometryOfEachProfile() {
        BufferedImage ridges = TestImages.ridges(300, 300, 4);
        for (kz.sailau.fingerprint.SensorProfile profile : kz.sailau.fingerprint.SensorProfile.catalogue()) {
            byte[] fitted = SensorImageFitter.fit(ridges, profile);
            assertEquals(profile.imageWidth() * profile.imageHeight(), fitted.length, profile.id());
            for (byte pixel : fitted) {
                assertEquals(0, (pixel & 0xFF) % 17, "16 gray levels");
            }
        }
    }

    /**
     * The pixel model of the manuals (upper four bits) against rounding to the nearest of 16 levels, which the
     * emulator used before: they differ by one gray step on 56 of the 256 gray values (22 %).
     */
    @Test
    void upperFourBitsDifferFromRoundingByOneStepOn22PercentOfGrayValues() {
        int differing = 0;
        for (int gray = 0; gray < 256; gray++) {
            if (SensorImage.sensorGray(gray) != SensorImage.quantise(gray)) {
                differing++;
                assertEquals(17, Math.abs(SensorImage.sensorGray(gray) - SensorImage.quantise(gray)), "one step");
            }
        }
        assertEquals(56, differing);
    }

    @Test
    void folderSourceServesPngsInNameOrderAndStartsOver(@TempDir Path folder) throws Exception {
        ImageIO.write(TestImages.ridges(256, 288, 2), "png", folder.resolve("b.png").toFile());
        ImageIO.write(TestImages.ridges(256, 288, 1), "png", folder.resolve("a.png").toFile());
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        FingerSource source = FingerSource.folder(folder);
        byte[] a = SensorImageFitter.fit(TestImages.ridges(256, 288, 1));
        byte[] b = SensorImageFitter.fit(TestImages.ridges(256, 288, 2));
        assertArrayEquals(a, SensorImageFitter.fit(source.poll().orElseThrow()));
        assertArrayEquals(b, SensorImageFitter.fit(source.poll().orElseThrow()));
        assertArrayEquals(a, SensorImageFitter.fit(source.poll().orElseThrow()));
    }

    @Test
    void scriptSourceFollowsItsSteps(@TempDir Path folder) throws Exception {
        ImageIO.write(TestImages.ridges(256, 288, 3), "png", folder.resolve("one.png").toFile());
        Path script = Files.writeString(folder.resolve("demo.script"), "# demo\nno-finger 2\n\nfinger one.png\n");
        FingerSource source = FingerSource.script(script);
        assertEquals(Optional.empty(), source.poll());
        assertEquals(Optional.empty(), source.poll());
        assertTrue(source.poll().isPresent());
        assertEquals(Optional.empty(), source.poll());
    }

    @Test
    void badScriptsAndEmptyFoldersAreRefusedWithTheLine(@TempDir Path folder) throws Exception {
        assertThrows(java.io.IOException.class, () -> FingerSource.folder(folder));
        Path missing = Files.writeString(folder.resolve("missing.script"), "finger nowhere.png\n");
        assertTrue(assertThrows(java.io.IOException.class, () -> FingerSource.script(missing))
                .getMessage().contains("line 1"));
        Path nonsense = Files.writeString(folder.resolve("nonsense.script"), "\nwave hand\n");
        assertTrue(assertThrows(java.io.IOException.class, () -> FingerSource.script(nonsense))
                .getMessage().contains("line 2"));
    }
}
