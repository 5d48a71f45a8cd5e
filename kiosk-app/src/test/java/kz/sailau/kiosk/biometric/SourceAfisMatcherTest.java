package kz.sailau.kiosk.biometric;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAfisMatcherTest {

    private final SourceAfisMatcher matcher = new SourceAfisMatcher();

    /** A whorl-like pattern of wavy rings, ridge period about 9 px, over the given fraction of the frame. */
    static FingerImage rings(int width, int height, double coverage, int amplitude, double phase) {
        byte[] pixels = new byte[width * height];
        double radius = Math.sqrt(coverage) * Math.min(width, height) * 0.75;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - width / 2.0;
                double dy = y - height / 2.0;
                double r = Math.hypot(dx, dy);
                int gray = 255;
                if (r < radius) {
                    double wave = Math.sin(2 * Math.PI * (r + 3 * Math.sin(Math.atan2(dy, dx) * 3 + phase)) / 9.0);
                    gray = (int) Math.round(128 + amplitude * wave);
                }
                pixels[y * width + x] = (byte) Math.max(0, Math.min(255, gray));
            }
        }
        return new FingerImage(width, height, pixels, 500);
    }

    @Test
    void judgesImageQuality() {
        assertEquals(ImageQuality.NO_FINGER, matcher.assess(rings(256, 288, 0.0, 100, 0)));
        assertEquals(ImageQuality.SMALL_CONTACT, matcher.assess(rings(256, 288, 0.12, 100, 0)));
        assertEquals(ImageQuality.LOW_CONTRAST, matcher.assess(rings(256, 288, 0.9, 18, 0)));
        assertEquals(ImageQuality.GOOD, matcher.assess(rings(256, 288, 0.9, 100, 0)));
    }

    @Test
    void sameImageScoresHigherThanAnotherPattern() {
        // Synthetic rings have few minutiae; real-looking prints are tested with sample-prints.
        FingerTemplate template = matcher.extract(rings(256, 288, 0.9, 100, 0));
        FingerTemplate other = matcher.extract(rings(256, 288, 0.9, 100, 1.3));
        assertTrue(template.extractorVersion().startsWith("sourceafis-"));
        FingerMatcher.PreparedProbe probe = matcher.prepare(template);
        double self = probe.score(template);
        double different = probe.score(other);
        assertTrue(self > different && self > 0, "self " + self + " vs other " + different);
    }

    @Test
    void gallerySearchFindsTheEnrolledKeyFirst() {
        FingerTemplate a = matcher.extract(rings(256, 288, 0.9, 100, 0));
        FingerTemplate b = matcher.extract(rings(256, 288, 0.9, 100, 1.3));
        FingerMatcher.Gallery<String> gallery = matcher.gallery(Map.of("a", List.of(a), "b", List.of(b)));
        assertEquals(2, gallery.size());
        List<FingerMatcher.SearchHit<String>> hits = gallery.search(a, 0);
        assertEquals("a", hits.get(0).key());
        assertTrue(hits.get(0).score() >= hits.get(1).score());
    }

    @Test
    void pairsAtLeastComparesEveryPairOfKeysOnceWithTheSearchScores() {
        LinkedHashMap<String, List<FingerTemplate>> enrolled = new LinkedHashMap<>();
        for (int key = 0; key < 4; key++) {
            enrolled.put("k" + key, List.of(matcher.extract(rings(256, 288, 0.9, 100, key * 0.7)),
                    matcher.extract(rings(256, 288, 0.8, 100, key * 0.7 + 0.3))));
        }
        FingerMatcher.Gallery<String> gallery = matcher.gallery(enrolled);
        List<FingerMatcher.PairScore<String>> pairs = gallery.pairsAtLeast(0, key -> 2);
        // C(4, 2) key pairs × 2 × 2 templates, each once, the earlier key first.
        assertEquals(24, pairs.size());
        List<String> keys = List.copyOf(enrolled.keySet());
        for (FingerMatcher.PairScore<String> pair : pairs) {
            assertTrue(keys.indexOf(pair.first()) < keys.indexOf(pair.second()), pair.toString());
            double expected = gallery.scoresOf(enrolled.get(pair.first()).get(pair.firstTemplate())).stream()
                    .filter(scores -> scores.key().equals(pair.second())).findFirst().orElseThrow()
                    .scores()[pair.secondTemplate()];
            assertEquals(expected, pair.score(), 1e-9, pair.toString());
        }
        assertEquals(24, pairs.stream().map(p -> p.first() + p.firstTemplate() + p.second() + p.secondTemplate())
                .distinct().count());
        double someScore = pairs.stream().mapToDouble(FingerMatcher.PairScore::score).max().orElseThrow();
        assertTrue(gallery.pairsAtLeast(someScore, key -> 2).stream().allMatch(p -> p.score() >= someScore));
        assertFalse(gallery.pairsAtLeast(someScore, key -> 2).isEmpty());
        // With one leading template per key, the second templates of two keys are not compared: 3 of 4 per key pair.
        List<FingerMatcher.PairScore<String>> led = gallery.pairsAtLeast(0, key -> 1);
        assertEquals(18, led.size());
        assertTrue(led.stream().allMatch(p -> p.firstTemplate() == 0 || p.secondTemplate() == 0), led.toString());
    }

    @Test
    void warmUpDecodesAndComparesSyntheticTemplatesOfTheStoredForm() {
        // Random minutiae in SourceAFIS's CBOR form: a decoding failure would throw TemplateExtractionException.
        assertDoesNotThrow(() -> matcher.warmUp(40));
    }

    @Test
    void refusesTemplatesOfAnotherExtractorVersion() {
        FingerTemplate foreign = new FingerTemplate(new byte[] {1, 2, 3}, "sourceafis-0.0.1");
        TemplateExtractionException e = assertThrows(TemplateExtractionException.class,
                () -> matcher.prepare(foreign));
        assertEquals("finger.error.templateVersion", e.messageKey());
    }

    @Test
    void refusesDamagedTemplateBytes() {
        FingerTemplate damaged = new FingerTemplate(new byte[] {1, 2, 3}, matcher.extractorVersion());
        assertEquals("finger.error.templateDamaged",
                assertThrows(TemplateExtractionException.class, () -> matcher.prepare(damaged)).messageKey());
    }

    @Test
    void biometricValuesRevealNothingInToString() {
        FingerImage image = rings(64, 64, 0.9, 100, 0);
        FingerTemplate template = new FingerTemplate(new byte[] {42, 43}, "v");
        assertEquals("FingerImage[64x64, 500 dpi]", image.toString());
        assertFalse(template.toString().contains("42"));
    }
}
