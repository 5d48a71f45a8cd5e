package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's demo command true: the real jar, in an empty directory, creates the demo data (DEMO
 * keys, register build and load), starts the emulated scanner and printer on pseudo-terminals and checks
 * one voter end to end; run twice, it wipes and recreates its directory.
 */
class DemoCheckIT {

    @TempDir
    Path dir;

    @Test
    void demoCheckRunsOneVoterEndToEndOnAFreshMachine() throws Exception {
        long start = System.nanoTime();
        JarRunner.Result result = JarRunner.run(dir, "demo", "--check");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, result.exitCode(), () -> "out: " + result.out() + "\nerr: " + result.err());
        assertTrue(result.out().contains("demo check OK"), result.out());
        assertTrue(result.out().contains(DemoData.PASSPHRASE), "the DEMO passphrase is shown");
        assertTrue(Files.exists(dir.resolve("demo-data").resolve(DemoData.MARKER)));
        assertTrue(Files.isRegularFile(dir.resolve("demo-data").resolve("register-v1.srp")));
        assertTrue(seconds < 60, "demo setup and check took " + seconds + " s");

        JarRunner.Result again = JarRunner.run(dir, "demo", "--check");
        assertEquals(0, again.exitCode(), () -> "second run, out: " + again.out() + "\nerr: " + again.err());
    }

    @Test
    void refusesToWipeADirectoryThatIsNotADemoDirectory() throws Exception {
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(precious.resolve("keep.txt"), "do not delete");
        JarRunner.Result result = JarRunner.run(dir, "demo", "--check", "--data", "precious");
        assertTrue(result.exitCode() != 0);
        assertTrue(Files.exists(precious.resolve("keep.txt")), "nothing deleted");
    }
}
