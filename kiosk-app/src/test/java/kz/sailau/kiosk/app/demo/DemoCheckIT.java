package kz.sailau.kiosk.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.sailau.kiosk.cli.InProcessRunner;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's demo command true: the real jar, in an empty directory, creates the demo data (DEMO
 * keys, register build and load), starts the emulated scanner and printer on pseudo-terminals and checks
 * one voter end to end; run twice (the second time through the same command line in this JVM), it wipes and
 * recreates its directory.
 */
class DemoCheckIT {

    @TempDir
    Path dir;

    @Test
    void demoCheckRunsOneVoterEndToEndOnAFreshMachine() throws Exception {
        JarRunner.Result result = JarRunner.run(dir, "demo", "--check");
        assertEquals(0, result.exitCode(), () -> "out: " + result.out() + "\nerr: " + result.err());
        assertTrue(result.out().contains("demo check OK"), result.out());
        assertTrue(result.out().contains(DemoData.PASSPHRASE), "the DEMO passphrase is shown");
        assertTrue(Files.exists(dir.resolve("demo-data").resolve(DemoData.MARKER)));
        assertTrue(Files.isRegularFile(dir.resolve("demo-data").resolve("register-v1.srp")));

        // The second run in this JVM, the same command line on the same directory: the wipe and the rebuild are what
        // it adds; the process's start, exit code and streams are the first run's.
        JarRunner.Result again = InProcessRunner.run("demo", "--check", "--data", dir.resolve("demo-data").toString());
        assertEquals(0, again.exitCode(), () -> "second run, out: " + again.out() + "\nerr: " + again.err());

        // Production start on the demo kiosk: refuses missing ports clearly, accepts once they exist.
        Files.writeString(dir.resolve("kiosk.json"), "{\"dataDirectory\": \"demo-data/kiosk\", "
                + "\"scanner\": {\"port\": \"/dev/no-such-scanner\", \"baud\": 57600}}");
        JarRunner.Result refused = JarRunner.run(dir, "start", "--check-only");
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("scanner.port: /dev/no-such-scanner does not exist"), refused.err());
        assertTrue(refused.err().contains("printer.port: /dev/sailau-printer does not exist"), refused.err());
        assertTrue(!refused.err().contains("register:"), "the demo register is loaded: " + refused.err());

        Files.writeString(dir.resolve("kiosk.json"), "{\"dataDirectory\": \"demo-data/kiosk\", "
                + "\"scanner\": {\"port\": \"/dev/null\", \"baud\": 57600}, "
                + "\"mrzReader\": {\"port\": \"/dev/null\", \"baud\": 9600}, "
                + "\"printer\": {\"port\": \"/dev/null\", \"baud\": 19200}}");
        JarRunner.Result ready = JarRunner.run(dir, "start", "--check-only");
        assertEquals(0, ready.exitCode(), ready.out() + ready.err());
        // Without the precinct token key from the authority the kiosk cannot issue typed codes: it does not start.
        java.nio.file.Path key = dir.resolve("demo-data/kiosk").resolve(kz.sailau.kiosk.crypto.PrecinctTokenKey.KIOSK_FILE);
        java.nio.file.Path aside = dir.resolve("precinct-token-key.aside");
        Files.move(key, aside);
        JarRunner.Result noKey = JarRunner.run(dir, "start", "--check-only");
        assertEquals(1, noKey.exitCode(), noKey.out() + noKey.err());
        assertTrue(noKey.err().contains("precinctTokenKey: no precinct-token-key.p7m"), noKey.err());
        Files.move(aside, key);

        // The ready check goes on to unlock, wire the engine and prepare the 1:N gallery, headless.
        Files.writeString(dir.resolve("wrong.txt"), "not the passphrase\n");
        JarRunner.Result wrong = JarRunner.run(dir, "start", "--ready-check", "--passphrase-file", "wrong.txt");
        assertEquals(1, wrong.exitCode(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("not ready: the store cannot be unlocked"), wrong.err());
        Files.writeString(dir.resolve("passphrase.txt"), DemoData.PASSPHRASE + "\n");
        JarRunner.Result unlocked = JarRunner.run(dir, "start", "--ready-check", "--passphrase-file",
                "passphrase.txt");
        assertEquals(0, unlocked.exitCode(), unlocked.out() + unlocked.err());
        assertTrue(Files.isRegularFile(dir.resolve("demo-data/kiosk/token-signing.key")), "a ready kiosk keeps its key");
        assertTrue(unlocked.out().matches("(?s)ready: [1-9][0-9]* voters in the 1:N gallery;.*"
                + "gallery ready [0-9]+ ms since the JVM started.*heap: .* MiB in use after GC.*"), unlocked.out());
    }

    /**
     * The README's first command on a machine without a display (a shell, SSH): one line saying so, before the demo
     * builds anything (it built its data for 10 s, with {@code --precinct} 40 s, first; session H66).
     */
    @Test
    void demoWithoutADisplaySaysSoBeforeItBuildsAnything() throws Exception {
        JarRunner.Result refused = JarRunner.runWithout(List.of("DISPLAY", "WAYLAND_DISPLAY"), dir, "demo",
                "--precinct");
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        List<String> lines = refused.err().lines().toList();
        // The toolkit's own warning about the jar's unnamed module is dropped (JavaFxToolkit); the demo's line is last.
        assertFalse(refused.err().contains("Unsupported JavaFX configuration"), refused.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("demo: cannot open a window here (")
                && lines.get(lines.size() - 1).endsWith("[demo.error.noDisplay]"), refused.err());
        assertFalse(refused.err().contains("Exception") || refused.err().contains("\tat "), refused.err());
        assertFalse(Files.exists(dir.resolve("demo-data")), "nothing built: " + refused.out());
    }

    @Test
    void productionStartRefusesBadConfigurationAndMissingKiosk() throws Exception {
        Files.writeString(dir.resolve("kiosk.json"), "{\"precinkt\": 101}");
        JarRunner.Result typo = JarRunner.run(dir, "start");
        assertEquals(1, typo.exitCode());
        assertTrue(typo.err().contains("unknown key 'precinkt'"), typo.err());

        Files.writeString(dir.resolve("kiosk.json"), "{\"dataDirectory\": \"nowhere\"}");
        JarRunner.Result missing = JarRunner.run(dir, "start");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nowhere is not an initialised kiosk data directory"), missing.err());

        JarRunner.Result noFile = JarRunner.run(dir, "start", "--config", "absent.json");
        assertEquals(1, noFile.exitCode());
        assertTrue(noFile.err().contains("file not found"), noFile.err());
        assertTrue(noFile.err().contains("a sample with every key is packaging/deploy/kiosk.json of the source tree"),
                "start without a configuration points to the sample: " + noFile.err());
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
