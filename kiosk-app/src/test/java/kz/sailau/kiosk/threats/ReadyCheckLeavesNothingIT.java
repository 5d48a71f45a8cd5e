package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule: a refusal leaves nothing behind (issue #13 item 9; found again by the hostile pass of this wave):
 * {@code start --ready-check} refused for the precinct token key from the authority (damaged, or for another
 * election) used to create the kiosk's own token key files ({@code token-signing.key}, encrypted, and
 * {@code token-public.key}) first and leave them. Now the precinct token key is checked before the kiosk's own key is
 * made, and a check that fails after it removes a key it has just created: the data directory is as before, one
 * line with the key is printed, the exit is 1. A successful check keeps its key ({@code app.demo.DemoCheckIT}).
 * Through the real command line, in process; DEMO keys only.
 */
class ReadyCheckLeavesNothingIT {

    @TempDir
    static Path root;
    static ThreatWorld world;
    static Path config;

    @BeforeAll
    static void aKioskReadyButForItsPrecinctTokenKey() throws Exception {
        world = ThreatWorld.create(root);
        Path v1 = world.registerPackage("v1.srp", 4, 1);
        String passphrase = world.passphrase.toString();
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package", v1.toString(),
                "--passphrase-file", passphrase);
        Path pin = Files.writeString(root.resolve("pin.txt"), "582914\n");
        ThreatWorld.succeed("clerk", "add", "--data", world.kiosk.toString(), "--id", "C01", "--pin-file",
                pin.toString(), "--passphrase-file", passphrase);
        config = root.resolve("kiosk.json");
        Files.writeString(config, "{\"dataDirectory\": \"" + world.kiosk + "\", \"election\": \""
                + RegisterFixtures.ELECTION.value() + "\", \"precinct\": " + RegisterFixtures.PRECINCT.number()
                + ", \"scanner\": {\"port\": \"/dev/null\", \"baud\": 57600}, "
                + "\"mrzReader\": {\"port\": \"/dev/null\", \"baud\": 9600}, "
                + "\"printer\": {\"port\": \"/dev/null\", \"baud\": 19200}}");
    }

    @Test
    void aRefusedReadyCheckLeavesNoTokenKeyBehind() throws Exception {
        Path key = world.kiosk.resolve(PrecinctTokenKey.KIOSK_FILE);
        Map<String, byte[]> badKeys = new TreeMap<>();
        badKeys.put("damaged", "not a precinct token key\n".getBytes());
        badKeys.put("another election", tokenKey("KZ-2026-OTHER"));
        for (Map.Entry<String, byte[]> bad : badKeys.entrySet()) {
            Files.write(key, bad.getValue());
            var before = ThreatWorld.snapshot(world.kiosk);
            ThreatWorld.Run refused = readyCheck();
            assertEquals(1, refused.exit(), bad.getKey() + ": " + refused.out() + refused.err());
            assertEquals(1, refused.errLines().size(), bad.getKey() + ": " + refused.err());
            assertTrue(refused.err().startsWith("not ready: ") && refused.err().strip()
                    .endsWith("[kiosk.error.precinctTokenKey]"), bad.getKey() + ": " + refused.err());
            assertFalse(refused.err().contains("Exception"), refused.err());
            assertEquals(before, ThreatWorld.snapshot(world.kiosk), bad.getKey() + ": nothing left behind");
            assertFalse(Files.exists(world.kiosk.resolve("token-signing.key")), bad.getKey());
            assertFalse(Files.exists(world.kiosk.resolve("token-public.key")), bad.getKey());
        }

        // The right key: the check gets past it, wires the engine (creating the kiosk's token key) and then fails
        // on the synthetic register's templates, which are no SourceAFIS templates. Nothing is left either.
        Files.write(key, tokenKey(RegisterFixtures.ELECTION.value()));
        var before = ThreatWorld.snapshot(world.kiosk);
        ThreatWorld.Run laterFailure = readyCheck();
        assertEquals(1, laterFailure.exit(), laterFailure.out() + laterFailure.err());
        assertEquals(1, laterFailure.errLines().size(), laterFailure.err());
        assertTrue(laterFailure.err().startsWith("error [finger.error.templateDamaged]"), laterFailure.err());
        assertEquals(before, ThreatWorld.snapshot(world.kiosk), "nothing left behind after a later failure");
        assertFalse(Files.exists(world.kiosk.resolve("token-signing.key")));
        assertFalse(Files.exists(world.kiosk.resolve("token-public.key")));
    }

    /**
     * Session H66 (the administrator's guide walked): {@code start} on a machine without a display opened the kiosk's
     * database and recorded {@code KIOSK_STARTED} before it found that no window could open, and its one line had no
     * key although the guide promises {@code cannot start: … [start.error.…]}. Now the display is checked first
     * (decision 0489): one line with {@code start.error.noDisplay}, exit 1, the data directory as before. The real jar
     * in its own JVM, without {@code DISPLAY} and {@code WAYLAND_DISPLAY}.
     */
    @Test
    void aStartWithoutADisplayRefusesWithItsKeyAndRecordsNothing() throws Exception {
        Files.write(world.kiosk.resolve(PrecinctTokenKey.KIOSK_FILE), tokenKey(RegisterFixtures.ELECTION.value()));
        var before = ThreatWorld.snapshot(world.kiosk);
        JarRunner.Result refused = JarRunner.runWithout(List.of("DISPLAY", "WAYLAND_DISPLAY"), root, "start",
                "--config", config.toString(), "--passphrase-file", world.passphrase.toString());
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        List<String> lines = refused.err().lines().toList();
        // The toolkit's own warning about the jar's unnamed module is dropped (JavaFxToolkit); the kiosk's line is last.
        assertFalse(refused.err().contains("Unsupported JavaFX configuration"), refused.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("cannot start: no display for the kiosk window (")
                && lines.get(lines.size() - 1).endsWith("[start.error.noDisplay]"), refused.err());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("cannot start")).count(), refused.err());
        assertFalse(refused.err().contains("Exception") || refused.err().contains("\tat "), refused.err());
        assertEquals(before, ThreatWorld.snapshot(world.kiosk), "no database opened, no KIOSK_STARTED recorded");
    }

    private static ThreatWorld.Run readyCheck() {
        return ThreatWorld.run("start", "--config", config.toString(), "--ready-check", "--passphrase-file",
                world.passphrase.toString());
    }

    /** The authority's precinct token key package for this kiosk, for {@code election}. */
    private static byte[] tokenKey(String election) throws Exception {
        Path out = root.resolve("token-key-" + election + ".p7m");
        Files.deleteIfExists(out);
        ThreatWorld.succeed("authority", "token-key", "--authority", world.authority.toString(), "--election",
                election, "--precinct", String.valueOf(RegisterFixtures.PRECINCT.number()), "--kiosk-cert",
                world.kioskCertificateFile.toString(), "--out", out.toString(), "--passphrase-file",
                world.passphrase.toString());
        return Files.readAllBytes(out);
    }
}
