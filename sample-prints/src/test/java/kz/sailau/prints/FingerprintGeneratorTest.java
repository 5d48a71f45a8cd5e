package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintGeneratorTest {

    @Test
    void sameSeedGivesTheSameBytes() {
        FingerprintGenerator a = new FingerprintGenerator(99, Difficulty.NORMAL);
        FingerprintGenerator b = new FingerprintGenerator(99, Difficulty.NORMAL);
        List<MasterFinger> parallel = a.masters(0, 3);
        for (int i = 0; i < 3; i++) {
            MasterFinger sequential = b.master(i);
            assertArrayEquals(parallel.get(i).ridges(), sequential.ridges());
            assertArrayEquals(png(a.impression(parallel.get(i), 1, ImpressionSize.SENSOR)),
                    png(b.impression(sequential, 1, ImpressionSize.SENSOR)));
        }
    }

    /**
     * Pins the exact bytes of one image: if this fails on another machine or JDK, the generator is not
     * portable (a non-strict maths function or an unordered parallel step crept in).
     */
    @Test
    void outputIsPinnedAcrossMachines() throws Exception {
        FingerprintGenerator generator = new FingerprintGenerator(2026, Difficulty.NORMAL);
        byte[] png = png(generator.impression(generator.master(5), 2, ImpressionSize.SENSOR));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertEquals(PINNED_SHA256, sha);
    }

    static final String PINNED_SHA256 = "c6dcfebdcf594dec2aeeb7f2064d587035188ed365ea5b7f401c631847178a86";

    @Test
    void differentSeedsOrIndexesGiveDifferentPrints() {
        FingerprintGenerator generator = new FingerprintGenerator(1, Difficulty.NORMAL);
        MasterFinger finger = generator.master(0);
        assertFalse(java.util.Arrays.equals(png(generator.impression(finger, 1, ImpressionSize.SENSOR)),
                png(generator.impression(finger, 2, ImpressionSize.SENSOR))));
        assertFalse(java.util.Arrays.equals(finger.ridges(), generator.master(1).ridges()));
        assertFalse(java.util.Arrays.equals(finger.ridges(), new FingerprintGenerator(2, Difficulty.NORMAL).master(0).ridges()));
    }

    @Test
    void imagesHaveTheContractSizesAndLookLikePrints() {
        FingerprintGenerator generator = new FingerprintGenerator(5, Difficulty.HARD);
        MasterFinger finger = generator.master(3);
        BufferedImage full = generator.impression(finger, 0, ImpressionSize.FULL);
        BufferedImage live = generator.impression(finger, 1, ImpressionSize.SENSOR);
        assertEquals(320, full.getWidth());
        assertEquals(400, full.getHeight());
        assertEquals(256, live.getWidth());
        assertEquals(288, live.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, live.getType());
        // Dark ridges and light valleys both cover a good part of the sensor.
        int dark = 0;
        int light = 0;
        for (int y = 0; y < live.getHeight(); y++) {
            for (int x = 0; x < live.getWidth(); x++) {
                int v = live.getRaster().getSample(x, y, 0);
                dark += v < 110 ? 1 : 0;
                light += v > 190 ? 1 : 0;
            }
        }
        int area = live.getWidth() * live.getHeight();
        assertTrue(dark > area / 10, "too few ridge pixels: " + dark);
        assertTrue(light > area / 10, "too few valley pixels: " + light);
    }

    @Test
    void classesAreDrawnAtRealisticFrequencies() {
        SeededRandom random = new SeededRandom(7);
        Map<FingerClass, Integer> counts = new EnumMap<>(FingerClass.class);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(FingerClass.draw(random), 1, Integer::sum);
        }
        for (FingerClass c : FingerClass.values()) {
            assertEquals(c.frequency(), counts.get(c) / (double) n, 0.01, c.name());
        }
        double sum = 0;
        for (FingerClass c : FingerClass.values()) {
            sum += c.frequency();
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void rejectsNegativeIndexes() {
        FingerprintGenerator generator = new FingerprintGenerator(1, Difficulty.EASY);
        assertThrows(IllegalArgumentException.class, () -> generator.master(-1));
        assertThrows(IllegalArgumentException.class, () -> generator.masters(-1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> generator.impression(generator.master(0), -1, ImpressionSize.FULL));
        assertThrows(NullPointerException.class, () -> new FingerprintGenerator(1, null));
    }

    @Test
    void toStringRevealsOnlyTheClass() {
        MasterFinger finger = new FingerprintGenerator(1, Difficulty.EASY).master(0);
        assertEquals("MasterFinger[" + finger.fingerClass() + "]", finger.toString());
    }

    static byte[] png(BufferedImage image) {
        return PngEncoder.encode(image);
    }
}
