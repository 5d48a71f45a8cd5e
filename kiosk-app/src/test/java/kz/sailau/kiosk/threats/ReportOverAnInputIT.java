package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.register.VoterCsvReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: a report option pointed, by a slip of the hand or on purpose, at an input, a key or the passphrase file
 * (session H45, decision 0385). {@code register build --report} took any file: {@code --report voters.csv} emptied
 * the voter list (exit 0), {@code --report AUTH/authority-key.sealed} destroyed the authority's key; {@code simulate
 * --soak-report} replaced the passphrase file, and a folder there was found only after the whole run. Now a report
 * replaces only an earlier report of its kind (its first line marks it), never a file in the authority directory,
 * and is checked before anything is read, asked or run: one line with its key, nothing changed. Run through the
 * real jar, each in its own JVM.
 */
class ReportOverAnInputIT {

    private static final Pattern KEYED = Pattern.compile("error \\[([a-zA-Z0-9.]+)]: .+");

    @TempDir
    static Path root;
    static ThreatWorld world;
    static Path voters;
    static Path prints;

    @BeforeAll
    static void world() throws Exception {
        world = ThreatWorld.create(root);
        voters = Files.writeString(root.resolve("voters.csv"), VoterCsvReader.HEADER + "\nV0,123,Ли,Ан,,1988-02-03,M,101\n");
        prints = Files.createDirectories(root.resolve("prints"));
    }

    private static String[] build(String report) {
        return new String[] {"register", "build", "--voters", voters.toString(), "--prints", prints.toString(),
            "--authority", world.authority.toString(), "--kiosk-cert", world.kioskCertificateFile.toString(),
            "--election", "KZ-2026-TEST", "--precinct", "101", "--version", "2", "--out",
            root.resolve("v2.srp").toString(), "--passphrase-file", world.passphrase.toString(), "--report", report};
    }

    @Test
    void aBuildReportReplacesNoInputNoKeyAndNoPackage() throws Exception {
        refused("cli.error.wouldOverwrite", build(voters.toString()));
        refused("cli.error.wouldOverwrite", build(world.authority.resolve("authority-key.sealed").toString()));
        refused("cli.error.wouldOverwrite", build(world.passphrase.toString()));
        refused("cli.error.wouldOverwrite", build(world.authority.resolve("problems.tsv").toString()));
        refused("cli.error.wouldOverwrite", build(world.registerPackage("v1.srp", 2, 1).toString()));
        refused("cli.error.usage", build(root.resolve("v2.srp").toString()));
    }

    @Test
    void aBlockedBuildWritesItsReportUnderItsHeaderAndReplacesAnEarlierOne() throws Exception {
        Path report = root.resolve("problems.tsv");
        for (int run = 0; run < 2; run++) {
            JarRunner.Result blocked = JarRunner.run(root, build(report.toString()));
            assertEquals(3, blocked.exitCode(), blocked.out() + blocked.err());
            List<String> lines = Files.readAllLines(report);
            assertEquals("line\tfield\treason", lines.get(0), "run " + run);
            assertTrue(lines.contains("2\tiin\tIIN must have exactly 12 digits"), lines.toString());
            assertFalse(Files.exists(root.resolve("v2.srp")));
        }
        Files.delete(report);
    }

    @Test
    void aSoakReportReplacesNoOtherFileAndIsCheckedBeforeTheRun() throws Exception {
        Path data = root.resolve("simulate-data");
        refused("cli.error.wouldOverwrite", "simulate", "--voters", "1", "--data", data.toString(), "--soak-report",
                world.passphrase.toString());
        refused("cli.error.isDirectory", "simulate", "--voters", "1", "--data", data.toString(), "--soak-report",
                prints.toString());
        refused("cli.error.noDirectory", "simulate", "--voters", "1", "--data", data.toString(), "--soak-report",
                root.resolve("no-such-folder").resolve("soak.txt").toString());
        assertFalse(Files.exists(data), "the refused runs made no demo data");
    }

    /** One line with {@code key}, exit 1 (2 for a usage error found by picocli), no trace, nothing changed. */
    private static void refused(String key, String... args) throws Exception {
        TreeMap<String, String> before = ThreatWorld.snapshot(root);
        JarRunner.Result result = JarRunner.run(root, args);
        String all = result.out() + result.err();
        assertEquals(1, result.exitCode(), all);
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), all);
        Matcher keyed = KEYED.matcher(lines.get(0));
        assertTrue(keyed.matches() && keyed.group(1).equals(key), key + " expected: " + all);
        assertFalse(all.contains("Exception") || all.contains("\tat "), all);
        assertEquals(before, ThreatWorld.snapshot(root), String.join(" ", args) + ": files changed");
    }
}
