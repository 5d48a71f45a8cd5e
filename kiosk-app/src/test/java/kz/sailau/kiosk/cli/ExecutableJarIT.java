package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.register.RegisteredVoter;
import kz.sailau.kiosk.register.SyntheticPrints;
import kz.sailau.kiosk.register.VoterCsvReader;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole register flow through the real shaded jar, as an administrator runs it: key ceremony, build,
 * inspect, load, refusals, status; then the store is opened through the API and answers a lookup. This
 * also proves that the shaded (unsigned) Bouncy Castle works as used.
 */
class ExecutableJarIT {

    @TempDir
    Path dir;

    private JarRunner.Result ok(String... args) throws Exception {
        JarRunner.Result result = JarRunner.run(dir, args);
        assertEquals(0, result.exitCode(), () -> String.join(" ", args) + "\nout: " + result.out() + "\nerr: " + result.err());
        return result;
    }

    @Test
    void keyCeremonyBuildInspectLoadAndLookup() throws Exception {
        Files.writeString(dir.resolve("pass.txt"), "DEMO passphrase, tests only\n");
        ok("authority", "init", "--out", "authority", "--name", "Test CEC (DEMO)", "--passphrase-file", "pass.txt",
                "--argon2-memory-kib", "1024", "--argon2-iterations", "1");
        ok("kiosk", "init", "--data", "kiosk", "--precinct", "101", "--authority-cert", "authority/authority.crt.pem",
                "--election", "KZ-2026-TEST", "--passphrase-file", "pass.txt", "--argon2-memory-kib", "1024");
        ok("authority", "certify-kiosk", "--authority", "authority", "--request", "kiosk/kiosk.csr.pem",
                "--out", "kiosk.crt.pem", "--passphrase-file", "pass.txt");

        LocalDate birth = LocalDate.of(1988, 2, 3);
        Iin first = RegisterFixtures.iin(birth, true, 1);
        StringBuilder csv = new StringBuilder(VoterCsvReader.HEADER + "\n");
        for (int i = 0; i < 3; i++) {
            csv.append("V").append(i).append(',').append(RegisterFixtures.iin(birth, true, i + 1).digits())
                    .append(",Қайратұлы").append(i).append(",Ержан,,1988-02-03,M,101\n");
            SyntheticPrints.writeEnrolment(dir.resolve("prints"), "V" + i, 40 + i);
        }
        Files.writeString(dir.resolve("voters.csv"), csv);
        String[] build = {"register", "build", "--voters", "voters.csv", "--prints", "prints", "--authority",
                "authority", "--kiosk-cert", "kiosk.crt.pem", "--election", "KZ-2026-TEST", "--precinct", "101",
                "--passphrase-file", "pass.txt"};
        ok(concat(build, "--version", "1", "--out", "v1.srp"));

        JarRunner.Result inspect = ok("register", "inspect", "v1.srp", "--authority-cert", "authority/authority.crt.pem");
        assertTrue(inspect.out().contains("\"voterCount\" : 3") && inspect.out().contains("signature: valid"),
                inspect.out());
        assertFalse(inspect.out().contains(first.digits()), "inspect must not show personal data");

        JarRunner.Result load = ok("register", "load", "--data", "kiosk", "--package", "v1.srp", "--passphrase-file",
                "pass.txt", "--progress");
        assertTrue(load.out().contains("version 1, 3 voters"), load.out());
        assertTrue(load.err().contains("100% writing 3/3"), load.err());

        JarRunner.Result again = JarRunner.run(dir, "register", "load", "--data", "kiosk", "--package", "v1.srp",
                "--passphrase-file", "pass.txt");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("error [register.error.rollback]"), again.err());

        JarRunner.Result status = ok("register", "status", "--data", "kiosk");
        assertTrue(status.out().contains("election KZ-2026-TEST, precinct 101, version 1, 3 voters"), status.out());

        // A bad row blocks the build, is reported by line and field, and no package is written.
        Files.writeString(dir.resolve("bad.csv"), VoterCsvReader.HEADER + "\nV0,123,Ли,Ан,,1988-02-03,M,101\n");
        String[] bad = build.clone();
        bad[3] = "bad.csv";
        JarRunner.Result blocked = JarRunner.run(dir, concat(bad, "--version", "3", "--out", "v3.srp", "--report",
                "report.tsv"));
        assertEquals(3, blocked.exitCode(), blocked.err());
        assertEquals(List.of("line\tfield\treason", "2\tiin\tIIN must have exactly 12 digits"),
                Files.readAllLines(dir.resolve("report.tsv")));
        assertFalse(Files.exists(dir.resolve("v3.srp")));
        assertTrue(blocked.err().contains("build blocked"), blocked.err());

        KioskDataDirectory kiosk = KioskDataDirectory.at(dir.resolve("kiosk"));
        try (KioskDatabase database = KioskDatabase.open(kiosk.databaseFile(), Main.migrations())) {
            RegisterStore store = new RegisterStore(database,
                    kiosk.unlock("DEMO passphrase, tests only".toCharArray()).storeKeys(), new SecureRandom());
            RegisteredVoter voter = store.findByIin(first).orElseThrow();
            assertEquals("Ержан", voter.voter().givenName());
            assertEquals(2, voter.templates().size());
            assertEquals(new SourceAfisMatcher().extractorVersion(),
                    voter.templates().get(FingerPosition.RIGHT_INDEX).get(0).extractorVersion());
        }
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        JarRunner.Result help = ok("--help");
        for (String command : List.of("authority", "kiosk", "register", "token")) {
            assertTrue(help.out().contains(command), help.out());
        }
        assertEquals(2, JarRunner.run(dir, "register", "load").exitCode());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static Clock clock() {
        return Clock.systemUTC();
    }
}
