package kz.sailau.kiosk.biometric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrintMeasuresTest {

    @Test
    void measuresTheRidgedAreaInSquareMillimetres() {
        PrintMeasures full = PrintMeasures.of(SourceAfisMatcherTest.rings(256, 288, 0.9, 100, 0));
        PrintMeasures small = PrintMeasures.of(SourceAfisMatcherTest.rings(256, 288, 0.12, 100, 0));
        PrintMeasures none = PrintMeasures.of(new FingerImage(256, 288, filled(256 * 288, (byte) 230), 500));
        // A block is 16 px = 0.8128 mm at 500 dpi: 0.661 mm².
        assertEquals(full.ridgeBlocks() * 0.8128 * 0.8128, full.contactAreaMm2(), 1e-9);
        assertTrue(full.contactAreaMm2() > 120 && full.contactAreaMm2() <= 190.3, "full " + full);
        assertTrue(small.contactAreaMm2() > 30 && small.contactAreaMm2() < 50, "small " + small);
        assertEquals(0, none.contactAreaMm2());
        assertEquals(0, none.ridgeClarity());
    }

    @Test
    void clearRidgesAreClearerThanNoise() {
        PrintMeasures ridges = PrintMeasures.of(SourceAfisMatcherTest.rings(256, 288, 0.9, 100, 0));
        Random random = new Random(7);
        byte[] noise = new byte[256 * 288];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (40 + random.nextInt(176));
        }
        PrintMeasures speckle = PrintMeasures.of(new FingerImage(256, 288, noise, 500));
        assertTrue(ridges.ridgeClarity() > 0.7, "ridges " + ridges);
        assertTrue(speckle.ridgeClarity() < 0.2, "noise " + speckle);
        assertTrue(speckle.contactAreaMm2() > 150, "noise fills every block " + speckle);
    }

    @Test
    void theRidgeCentreWeighsEachBlockByItsClarity() {
        // Left half ridges, right half speckle: every block is ridged by contrast, but the clear ones are on the left.
        FingerImage rings = SourceAfisMatcherTest.rings(256, 288, 0.9, 100, 0);
        byte[] pixels = rings.pixels();
        Random random = new Random(7);
        for (int y = 0; y < 288; y++) {
            for (int x = 128; x < 256; x++) {
                pixels[y * 256 + x] = (byte) (40 + random.nextInt(176));
            }
        }
        PrintMeasures half = PrintMeasures.of(new FingerImage(256, 288, pixels, 500));
        assertTrue(half.ridgeCentreX() < 100, "pulled towards the clear ridges: " + half);
        assertEquals(144, half.ridgeCentreY(), 16);
    }

    @Test
    void measuresAtFiveHundredDpiWhateverTheScan() {
        FingerImage at500 = SourceAfisMatcherTest.rings(256, 288, 0.9, 100, 0);
        FingerImage at1000 = new FingerImage(512, 576, upscale(at500), 1000);
        PrintMeasures a = PrintMeasures.of(at500);
        PrintMeasures b = PrintMeasures.of(at1000);
        assertEquals(a.contactAreaMm2(), b.contactAreaMm2(), 0.1 * a.contactAreaMm2());
    }

    private static byte[] upscale(FingerImage image) {
        byte[] out = new byte[image.width() * 2 * image.height() * 2];
        for (int y = 0; y < image.height() * 2; y++) {
            for (int x = 0; x < image.width() * 2; x++) {
                out[y * image.width() * 2 + x] = (byte) image.gray(x / 2, y / 2);
            }
        }
        return out;
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, value);
        return b;
    }
}
