package kz.sailau.kiosk.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompetitionImagesTest {

    @TempDir
    Path dir;

    private void touch(String file) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {0});
    }

    @Test
    void readsSetsFingersAndImpressionsInOrder() throws Exception {
        for (String f : List.of("DB2_B/102_1.tif", "DB2_B/101_2.tif", "DB2_B/101_1.tif", "DB2_B/102_2.TIF",
                "DB1_B/7_1.png", "DB1_B/8_1.bmp", "DB1_B/readme.txt", "DB1_B/Thumbs.db", "empty/notes.txt")) {
            touch(f);
        }
        Files.writeString(dir.resolve("DB2_B/dpi"), "569\n");
        List<CompetitionImages.Set> sets = CompetitionImages.read(dir);
        assertEquals(List.of("DB1_B", "DB2_B"), sets.stream().map(CompetitionImages.Set::name).toList());
        assertEquals(OptionalInt.empty(), sets.get(0).toldDpi());
        assertEquals(OptionalInt.of(569), sets.get(1).toldDpi());
        assertEquals(List.of(101, 102), List.copyOf(sets.get(1).images().keySet()));
        assertEquals(List.of(1, 2), List.copyOf(sets.get(1).images().get(101).keySet()));
        assertEquals("102_2.TIF", sets.get(1).images().get(102).get(2).getFileName().toString());
    }

    @Test
    void refusesWhatIsNotTheLayout() throws Exception {
        AccuracyException missing = assertThrows(AccuracyException.class,
                () -> CompetitionImages.read(dir.resolve("nothing")));
        assertEquals("accuracy.error.images", missing.messageKey());
        touch("S/101_1.png");
        AccuracyException odd = assertThrows(AccuracyException.class, () -> CompetitionImages.read(dir));
        assertEquals("accuracy.error.layout", odd.messageKey(), "one finger is no voter, and is not left out unsaid");
        assertTrue(odd.getMessage().startsWith("set S holds 1 finger(s), finger 101 without a partner"),
                odd.getMessage());
        touch("S/102_1.png");
        touch("S/finger-103.png");
        AccuracyException misnamed = assertThrows(AccuracyException.class, () -> CompetitionImages.read(dir));
        assertEquals("accuracy.error.layout", misnamed.messageKey());
        assertEquals("set S: image finger-103.png is not named <finger>_<impression>.png", misnamed.getMessage());
        Files.delete(dir.resolve("S/finger-103.png"));
        touch("S/102_01.png");
        assertEquals("set S: finger 102 impression 1 is given by two files",
                assertThrows(AccuracyException.class, () -> CompetitionImages.read(dir)).getMessage());
        Files.delete(dir.resolve("S/102_01.png"));
        Files.writeString(dir.resolve("S/dpi"), "high");
        assertEquals("accuracy.error.dpi", assertThrows(AccuracyException.class,
                () -> CompetitionImages.read(dir)).messageKey());
    }
}
