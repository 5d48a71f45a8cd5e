package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: two {@code kiosk init} at once on one data directory (two terminals, a script run twice), session H45.
 * Each checked that no sealed keys were there and then renamed its own over whatever was: both exited 0 saying
 * "kiosk keys created", and the directory kept one run's sealed keys beside the other run's request and profile, so
 * the certificate the authority then issued was for a key the kiosk did not hold. Now the sealed keys are created
 * only if absent, decided by the file system ({@code AtomicFileReplacement.create}), so exactly one run creates them
 * and the other is refused in one line ({@code kiosk.error.exists}); what stays is one run's consistent set. The
 * processes race as they will, so each round may or may not overlap; what is asserted holds for every round.
 */
class TwoInitsAtOnceIT {

    private static final int ROUNDS = 4;

    @TempDir
    static Path root;
    static ThreatWorld world;

    @BeforeAll
    static void world() throws Exception {
        world = ThreatWorld.create(root);
    }

    @Test
    void ofTwoKioskInitsAtOnceOneCreatesTheKeysAndTheOtherIsRefused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path data = root.resolve("kiosk-" + round);
            List<Process> runs = new ArrayList<>();
            List<Path> errors = new ArrayList<>();
            for (String precinct : List.of("101", "102")) {
                Path err = root.resolve("err-" + round + "-" + precinct + ".txt");
                errors.add(err);
                runs.add(new ProcessBuilder(JarRunner.command("kiosk", "init", "--data", data.toString(),
                        "--precinct", precinct, "--authority-cert", world.authorityCertificateFile.toString(),
                        "--passphrase-file", world.passphrase.toString(), "--argon2-iterations", "1",
                        "--argon2-memory-kib", "65536")).redirectError(err.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            int created = 0;
            for (int i = 0; i < runs.size(); i++) {
                assertTrue(runs.get(i).waitFor(2, TimeUnit.MINUTES), "kiosk init did not finish");
                String err = Files.readString(errors.get(i), StandardCharsets.UTF_8);
                if (runs.get(i).exitValue() == 0) {
                    created++;
                } else {
                    assertEquals(1, runs.get(i).exitValue(), err);
                    assertTrue(err.startsWith("error [kiosk.error.exists]: ") && err.lines().count() == 1, err);
                }
            }
            assertEquals(1, created, "round " + round + ": exactly one run creates the keys");
            assertConsistent(data);
        }
    }

    /** The sealed keys, the request and the profile are of one run: the request's key is the sealed key's. */
    private static void assertConsistent(Path data) throws IOException {
        KioskCredentials sealed = KioskCredentials.unlock(data, RegisterFixtures.PASSPHRASE.clone());
        assertArrayEquals(sealed.publicKey().getEncoded(), KioskSignatures.publicKeyOfRequest(
                Files.readAllBytes(data.resolve(KioskCredentials.REQUEST_FILE))).getEncoded(),
                "the request is for the key the kiosk holds");
        int precinct = KioskDataDirectory.at(data).profile().precinct().number();
        String subject = RegisterFixtures.authority().certifyKiosk(Files.readAllBytes(data.resolve(
                KioskCredentials.REQUEST_FILE)), RegisterFixtures.CLOCK, Duration.ofDays(30), RegisterFixtures.RANDOM)
                .getSubjectX500Principal().getName();
        assertTrue(subject.contains("OU=Precinct " + precinct + ","), "the request is of the profile's precinct "
                + precinct + ": " + subject);
    }
}
