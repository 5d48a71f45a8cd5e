package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the executable jar as a real process. */
class CommandLineIT {

    @TempDir
    Path dir;

    @Test
    void generateWritesImagesAndAManifest() throws Exception {
        Path out = dir.resolve("gen");
        Process p = run("generate", "--fingers", "2", "--impressions", "3", "--seed", "9", "--difficulty", "HARD",
                "--out", out.toString());
        assertEquals(0, p.exitValue(), output(p));
        List<String> manifest = Files.readAllLines(out.resolve("manifest.tsv"));
        assertEquals("file\tfinger\timpression\tclass\twidth\theight", manifest.get(0));
        assertEquals(7, manifest.size());
        assertTrue(manifest.get(1).startsWith("0_0.png\t0\t0\t"));
        assertTrue(manifest.get(1).endsWith("\t320\t400"));
        assertTrue(manifest.get(2).endsWith("\t256\t288"));
        for (int f = 0; f < 2; f++) {
            for (int k = 0; k < 3; k++) {
                assertTrue(Files.size(out.resolve(f + "_" + k + ".png")) > 1000);
            }
        }
    }

    @Test
    void votersWritesASetAndBadUsageExitsWithTwo() throws Exception {
        Path out = dir.resolve("voters");
        Process p = run("voters", "--count", "2", "--precinct", "55", "--seed", "3", "--out", out.toString());
        assertEquals(0, p.exitValue(), output(p));
        assertEquals(3, Files.readAllLines(out.resolve("voters.csv")).size());
        assertTrue(Files.isRegularFile(out.resolve("prints/V0002/right_index_live_3.png")));
        Process bad = run("voters", "--count", "2");
        assertEquals(2, bad.exitValue());
    }

    /**
     * Session H45: {@code voters --out} on a folder holding a real {@code voters.csv} replaced it with made-up voters,
     * and a file as {@code --out} or {@code --grey-levels 0} ended in a stack trace. Now each is one line with its key
     * and exit 2, before anything is written; an earlier output of the command may be written again.
     */
    @Test
    void aFolderWithOtherFilesAFileOrABadValueIsRefusedInOneLineAndNothingIsWritten() throws Exception {
        Path real = Files.createDirectories(dir.resolve("authority-inputs"));
        Files.writeString(real.resolve("voters.csv"), "the authority's real list\n");
        Path file = Files.writeString(dir.resolve("notes.txt"), "notes\n");
        List<List<String>> bad = List.of(
                List.of("voters", "--count", "1", "--precinct", "55", "--seed", "3", "--out", real.toString()),
                List.of("generate", "--fingers", "1", "--impressions", "1", "--seed", "3", "--out", real.toString()),
                List.of("competition", "--fingers", "2", "--impressions", "3", "--seed", "3", "--out", real.toString()),
                List.of("demo", "--out", real.toString()),
                List.of("voters", "--count", "1", "--precinct", "55", "--seed", "3", "--out", file.toString()),
                List.of("voters", "--count", "1", "--precinct", "55", "--seed", "3", "--grey-levels", "0", "--out",
                        dir.resolve("new").toString()),
                List.of("report", "--images", file.toString()),
                List.of("voters", "--count", "many"));
        for (List<String> args : bad) {
            Process p = run(args.toArray(String[]::new));
            String output = output(p);
            assertEquals(2, p.exitValue(), args + ": " + output);
            assertEquals(1, output.lines().count(), args + ": " + output);
            assertTrue(output.startsWith("error [sample-prints.error.usage]: "), args + ": " + output);
            assertFalse(output.contains("Exception") || output.contains("\tat "), args + ": " + output);
        }
        assertEquals("the authority's real list\n", Files.readString(real.resolve("voters.csv")));
        assertEquals(List.of(real.resolve("voters.csv")), list(real));
        assertEquals("notes\n", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("new")));

        Path again = dir.resolve("again");
        for (int run = 0; run < 2; run++) {
            Process p = run("voters", "--count", "1", "--precinct", "55", "--seed", "3", "--no-sensor-noise", "--out",
                    again.toString());
            assertEquals(0, p.exitValue(), output(p));
        }
        assertEquals(2, Files.readAllLines(again.resolve("voters.csv")).size());
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    private static Process run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "sample-prints.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is missing: run the package phase first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString())); // C1 only: a short command (decision 0533)
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
        return process;
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
