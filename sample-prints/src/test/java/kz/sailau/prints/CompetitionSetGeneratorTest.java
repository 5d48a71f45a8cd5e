package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompetitionSetGeneratorTest {

    private static final FingerprintGenerator GENERATOR = new FingerprintGenerator(5, Difficulty.NORMAL);

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void withoutAConditionAt500DpiAnImpressionIsWhatItWasBefore() {
        MasterFinger master = GENERATOR.master(3);
        for (ImpressionSize size : ImpressionSize.values()) {
            assertArrayEquals(pixels(GENERATOR.impression(master, 2, size)),
                    pixels(GENERATOR.impression(master, 2, size, Condition.NONE, 500)), size.name());
        }
    }

    @Test
    void everyConditionChangesTheTouchAndAnotherResolutionTheSize() {
        MasterFinger master = GENERATOR.master(3);
        byte[] plain = pixels(GENERATOR.impression(master, 4, ImpressionSize.SENSOR));
        for (Condition condition : Condition.HARD_CASES) {
            BufferedImage image = GENERATOR.impression(master, 4, ImpressionSize.SENSOR, condition, 500);
            assertEquals(256, image.getWidth());
            assertFalse(java.util.Arrays.equals(plain, pixels(image)), condition.name());
            assertArrayEquals(pixels(image), pixels(GENERATOR.impression(master, 4, ImpressionSize.SENSOR, condition,
                    500)), "deterministic " + condition);
        }
        BufferedImage at569 = GENERATOR.impression(master, 4, ImpressionSize.SENSOR, Condition.NONE, 569);
        assertEquals(291, at569.getWidth());
        assertEquals(328, at569.getHeight());
        BufferedImage full512 = GENERATOR.impression(master, 1, ImpressionSize.FULL, Condition.NONE, 512);
        assertEquals(328, full512.getWidth());
        assertEquals(410, full512.getHeight());
        assertThrows(IllegalArgumentException.class,
                () -> GENERATOR.impression(master, 1, ImpressionSize.FULL, Condition.NONE, 100));
    }

    @Test
    void writesFourSetsInTheCompetitionLayout(@TempDir Path dir) throws Exception {
        new CompetitionSetGenerator(9).write(dir, 2, 3);
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.tsv"));
        assertEquals("set\tfile\tfinger\timpression\tsize\tdpi\tcondition", manifest.get(0));
        assertEquals(1 + 4 * 2 * 3, manifest.size());
        assertTrue(manifest.contains("s2-hard-569dpi\t102_3.png\t102\t3\tsensor\t569\tnone"), manifest.toString());
        for (String set : List.of("s1-normal-500dpi", "s2-hard-569dpi", "s3-conditions-500dpi", "s4-easy-512dpi")) {
            for (String file : List.of("101_1.png", "101_2.png", "101_3.png", "102_1.png", "102_2.png", "102_3.png")) {
                assertTrue(Files.isRegularFile(dir.resolve(set).resolve(file)), set + "/" + file);
            }
        }
        assertEquals("569\n", Files.readString(dir.resolve("s2-hard-569dpi/dpi"), StandardCharsets.US_ASCII));
        assertFalse(Files.exists(dir.resolve("s1-normal-500dpi/dpi")));
        assertFalse(hasPhys(dir.resolve("s2-hard-569dpi/101_1.png")), "s2 states no resolution");
        assertTrue(hasPhys(dir.resolve("s4-easy-512dpi/101_1.png")));
        assertEquals(364, ImageIO.read(dir.resolve("s2-hard-569dpi/101_1.png").toFile()).getWidth(), "320 px at 569 dpi");
        assertEquals(256, ImageIO.read(dir.resolve("s1-normal-500dpi/101_3.png").toFile()).getWidth());
        Path again = dir.resolve("again");
        new CompetitionSetGenerator(9).write(again, 2, 3);
        assertArrayEquals(Files.readAllBytes(dir.resolve("s3-conditions-500dpi/102_3.png")),
                Files.readAllBytes(again.resolve("s3-conditions-500dpi/102_3.png")));
        assertNotEquals(Files.readString(dir.resolve("manifest.tsv")).length(), 0);
        assertThrows(IllegalArgumentException.class, () -> new CompetitionSetGenerator(9).write(dir, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new CompetitionSetGenerator(9).write(dir, 2, 2));
    }

    @Test
    void everyOtherLiveTouchOfTheConditionsSetHasAHardCase() {
        CompetitionSetGenerator.Recipe conditions = CompetitionSetGenerator.RECIPES.get(2);
        assertEquals(Condition.NONE, CompetitionSetGenerator.condition(conditions, 0, 1), "enrolment: never");
        java.util.Set<Condition> seen = java.util.EnumSet.noneOf(Condition.class);
        int hard = 0;
        for (int finger = 0; finger < 10; finger++) {
            for (int impression = 3; impression <= 8; impression++) {
                Condition c = CompetitionSetGenerator.condition(conditions, finger, impression);
                seen.add(c);
                hard += c == Condition.NONE ? 0 : 1;
            }
        }
        assertEquals(java.util.EnumSet.allOf(Condition.class), seen);
        assertEquals(30, hard, "half of the 60 live touches");
        assertEquals(Condition.NONE, CompetitionSetGenerator.condition(CompetitionSetGenerator.RECIPES.get(0), 0, 4));
    }

    @Test
    void statesTheResolutionItIsToldOrNone() throws Exception {
        BufferedImage image = GENERATOR.impression(GENERATOR.master(1), 1, ImpressionSize.SENSOR);
        assertTrue(containsPhys(PngEncoder.encode(image)));
        assertFalse(containsPhys(PngEncoder.encode(image, OptionalInt.empty())));
        assertArrayEquals(PngEncoder.encode(image), PngEncoder.encode(image, OptionalInt.of(500)));
    }

    private static boolean hasPhys(Path png) throws Exception {
        return containsPhys(Files.readAllBytes(png));
    }

    private static boolean containsPhys(byte[] png) {
        return new String(png, StandardCharsets.ISO_8859_1).contains("pHYs");
    }
}
