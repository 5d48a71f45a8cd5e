package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss during the key ceremony (session H69's chaos pass): the real jar's {@code kiosk init}, SIGKILLed as soon
 * as its sealed keys appear and before its profile is written (10 of 10 such kills). Every later command was a dead
 * end: {@code kiosk init} again said "kiosk keys already exist; refusing to overwrite", and every other command said
 * "run 'kiosk init' first". Now both say in one line that {@code kiosk init} did not finish there and what to delete
 * before running it again; done so, the next {@code kiosk init} succeeds.
 */
class KilledKioskInitIT {

    @TempDir
    Path dir;

    @Test
    void anInitKilledAfterItsKeysSaysItDidNotFinishAndWhatToDo() throws Exception {
        Path authority = RegisterFixtures.writeCertificate(dir.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");
        Path data = null;
        for (int attempt = 0; attempt < 5 && data == null; attempt++) {
            Path candidate = dir.resolve("kiosk-" + attempt);
            Path keys = candidate.resolve(KioskCredentials.SEALED_KEYS_FILE);
            KillOnSight.killWhen(new ProcessBuilder(JarRunner.command(init(candidate, authority, passphrase)))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD),
                    candidate, () -> Files.exists(keys));
            if (Files.exists(keys) && !Files.exists(candidate.resolve(KioskDataDirectory.PROFILE_FILE))) {
                data = candidate;
            }
        }
        assertTrue(data != null, "a kiosk init must be killed between its keys and its profile");

        JarRunner.Result again = JarRunner.run(dir, init(data, authority, passphrase));
        assertOneLineSayingWhatToDo(again, "kiosk.error.exists", data);
        JarRunner.Result status = JarRunner.run(dir, "register", "status", "--data", data.toString());
        assertOneLineSayingWhatToDo(status, "kiosk.error.notInitialised", data);

        Files.delete(data.resolve(KioskCredentials.SEALED_KEYS_FILE)); // what the line says to do
        JarRunner.Result redone = JarRunner.run(dir, init(data, authority, passphrase));
        assertEquals(0, redone.exitCode(), redone.err());
        JarRunner.Result initialised = JarRunner.run(dir, "register", "status", "--data", data.toString());
        assertTrue(initialised.err().contains("register.error.noneLoaded"), initialised.err());
    }

    private static void assertOneLineSayingWhatToDo(JarRunner.Result result, String key, Path data) {
        String err = result.err().strip();
        assertEquals(1, result.exitCode(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error [" + key + "]: "), err);
        assertTrue(err.contains("'kiosk init' did not finish in " + data), err);
        assertTrue(err.contains("delete " + data.resolve(KioskCredentials.SEALED_KEYS_FILE)), err);
    }

    private static String[] init(Path data, Path authority, Path passphrase) {
        return new String[] {"kiosk", "init", "--data", data.toString(), "--precinct", "101", "--authority-cert",
                authority.toString(), "--passphrase-file", passphrase.toString(), "--argon2-iterations", "1",
                "--argon2-memory-kib", "65536"};
    }
}
