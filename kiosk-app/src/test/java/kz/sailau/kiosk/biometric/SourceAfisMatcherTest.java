package kz.sailau.kiosk.biometric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
