package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed demo set is exactly what the generator writes for its seed, and small. */
class DemoSetIT {

    @TempDir
    Path dir;

    @Test
    void committedSetIsWhatTheGeneratorWrites() throws IOException {
        Path fresh = dir.resolve("fresh");
        DemoSet.regenerate(fresh);
        List<String> generated = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fresh)) {
            walk.filter(Files::isRegularFile).forEach(p -> generated.add(fresh.relativize(p).toString().replace('\\', '/')));
        }
        generated.remove(DemoSet.INDEX);
        List<String> committed = DemoSet.index();
        assertEquals(generated.stream().sorted().toList(), committed,
                "the committed demo set lists other files: refresh it with the 'demo' command");
        long total = 0;
        for (String name : committed) {
            try (InputStream in = DemoSet.open(name)) {
                byte[] bytes = in.readAllBytes();
                total += bytes.length;
                assertArrayEquals(Files.readAllBytes(fresh.resolve(name)), bytes,
                        name + " differs from the generator's output: refresh the demo set with the 'demo' command");
            }
        }
        assertTrue(total < 5_000_000, "demo set is " + total + " bytes");
        // 40 voters and 8 bad rows, 8 images each, plus 4 CSV/TSV files.
        assertEquals(48 * 8 + 4, committed.size());
    }

    @Test
    void copiesToADirectory() throws IOException {
        VoterSetFiles files = DemoSet.copyTo(dir.resolve("copy"));
        List<String> lines = Files.readAllLines(files.voters());
        assertEquals(VoterSetGenerator.VOTERS_HEADER, lines.get(0));
        assertEquals(DemoSet.COUNT + 1, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith("," + DemoSet.PRECINCT)));
        assertTrue(Files.isRegularFile(files.prints().resolve("V0040").resolve("left_index_live_3.png")));
        assertTrue(Files.isRegularFile(files.documents()));
        assertTrue(Files.isRegularFile(files.badVoters()));
        assertTrue(Files.isRegularFile(files.badVotersExpected()));
    }
}
