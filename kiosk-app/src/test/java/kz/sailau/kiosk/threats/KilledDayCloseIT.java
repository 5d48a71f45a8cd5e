package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kz.sailau.kiosk.cli.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss during {@code day close} (session H69's chaos pass): the real jar, SIGKILLed the moment its first staged
 * bundle file appears on the stick. The close is all or nothing in the database, but the staged temporaries
 * ({@code .day.json.N.tmp}, the encrypted marked register's {@code .day.json.marked-register.p7m.N.tmp}) stayed on the
 * stick beside the bundle for good, the next {@code day close} included: in the chaos pass 9 of 10 such kills left
 * them. The next close now removes what an earlier, killed close of the same bundle left, and the bundle verifies.
 */
class KilledDayCloseIT {

    @TempDir
    Path dir;

    @Test
    void aCloseKilledWhileStagingLeavesNothingOnceTheNextCloseHasRun() throws Exception {
        // A kiosk with its keys, certificate and a loaded register (loaded in this JVM, which is quicker than a
        // simulated day through the jar and leaves the same things for the close to write).
        ThreatWorld world = ThreatWorld.create(Files.createDirectories(dir.resolve("world")));
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package",
                world.registerPackage("v1.srp", 6, 1).toString(), "--passphrase-file", world.passphrase.toString());
        Path data = world.kiosk;
        Path passphrase = world.passphrase;
        Path stick = Files.createDirectories(dir.resolve("usb"));
        Path out = stick.resolve("day.json");
        String[] close = {"day", "close", "--data", data.toString(), "--out", out.toString(), "--passphrase-file",
                passphrase.toString()};

        // The first close (or, once it got through, a writing again of the closed day's bundle) is killed as soon as
        // a staged file shows; a few tries, for a run that finished before it was seen.
        boolean killedWhileStaging = false;
        Path err = dir.resolve("err.txt");
        for (int attempt = 0; attempt < 5 && !killedWhileStaging; attempt++) {
            killedWhileStaging = KillOnSight.killWhen(new ProcessBuilder(JarRunner.command(close))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()), stick,
                    () -> staged(stick));
            killedWhileStaging &= !temporaries(stick).isEmpty();
        }
        assertTrue(killedWhileStaging, () -> "a close must be killed while its files are staged; the last said: "
                + read(err));

        JarRunner.Result again = JarRunner.run(dir, close);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(List.of(), temporaries(stick), "the next close removed what the killed one left");
        JarRunner.Result verified = JarRunner.run(dir, "bundle", "verify", out.toString(), "--authority-cert",
                world.authorityCertificateFile.toString());
        assertEquals(0, verified.exitCode(), verified.out());
        assertTrue(verified.out().strip().endsWith("bundle verified"), verified.out());
        JarRunner.Result audit = JarRunner.run(dir, "audit", "verify", "--data", data.toString());
        assertEquals(0, audit.exitCode(), audit.out() + audit.err());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Whether a staged file shows on the stick (a look taken while the close runs: an unreadable stick is none). */
    private static boolean staged(Path stick) {
        try {
            return !temporaries(stick).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Path> temporaries(Path stick) throws Exception {
        try (Stream<Path> files = Files.list(stick)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        }
    }
}
