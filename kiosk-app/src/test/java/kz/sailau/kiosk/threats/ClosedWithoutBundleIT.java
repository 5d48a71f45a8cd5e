package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.ElectionDay;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: the polls are closed (no more check-ins, a signed {@code DAY_CLOSED}) but no bundle comes out, so the day
 * cannot be verified and the kiosk cannot be reopened (issue #13, item 9: {@code day close --out nodir/x.json}
 * committed the close, then crashed). {@code day close} refuses a bundle path it cannot write before anything
 * changes, and when writing fails half-way the close is rolled back: the day stays open, the log as it was, no file
 * left behind. Only a close whose bundle, signature and backup are written commits.
 */
class ClosedWithoutBundleIT {

    @TempDir
    Path dir;

    @Test
    void aBundleThatCannotBeWrittenLeavesTheDayOpenAndNothingBehind() throws Exception {
        Path data = dir.resolve("kiosk");
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");
        try (DayFixture day = DayFixture.open(data, 12)) {
            day.simulate(8);
        }
        List<AuditEntry> before = log(data);
        List<Path> filesBefore = files(dir);

        DayFixture.Console noDirectory = DayFixture.console();
        assertEquals(1, noDirectory.run("day", "close", "--data", data.toString(), "--out",
                dir.resolve("nodir/x.json").toString(), "--passphrase-file", passphrase.toString()));
        assertTrue(noDirectory.err().contains("cli.error.noDirectory"), noDirectory.err());
        assertEquals(1, noDirectory.err().strip().lines().count(), "one line: " + noDirectory.err());
        assertUnchanged(data, before, filesBefore);

        // Writing fails after the close was prepared and the bundle staged: the signature cannot be written (a
        // directory stands where it goes).
        Path out = Files.createDirectories(dir.resolve("usb")).resolve("day.json");
        Files.createDirectories(out.resolveSibling("day.json.p7s"));
        List<Path> withUsb = files(dir);
        DayFixture.Console failed = DayFixture.console();
        assertEquals(1, failed.run("day", "close", "--data", data.toString(), "--out", out.toString(),
                "--passphrase-file", passphrase.toString()));
        assertTrue(failed.err().contains("audit.error.bundleWrite"), failed.err());
        assertUnchanged(data, before, withUsb);

        Files.delete(out.resolveSibling("day.json.p7s"));
        DayFixture.Console closed = DayFixture.console();
        assertEquals(0, closed.run("day", "close", "--data", data.toString(), "--out", out.toString(),
                "--passphrase-file", passphrase.toString()), closed.err());
        assertEquals(ElectionDay.Phase.CLOSED, phase(data));
        for (String name : List.of("day.json", "day.json.p7s", "day.json.marked-register.p7m")) {
            assertTrue(Files.isRegularFile(out.resolveSibling(name)), name);
        }
        try (Stream<Path> usb = Files.list(out.getParent())) {
            assertFalse(usb.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
        DayBundle bundle = DayBundle.parse(Files.readAllBytes(out)).bundle();
        assertEquals(log(data), bundle.entries(), "the bundle holds the log up to the close");
        DayFixture.Console verify = DayFixture.console();
        assertEquals(0, verify.run("bundle", "verify", out.toString(), "--authority-cert",
                data.resolve("authority-copy.crt.pem").toString()), verify.out());
    }

    private static void assertUnchanged(Path data, List<AuditEntry> log, List<Path> files) throws Exception {
        assertEquals(ElectionDay.Phase.OPEN, phase(data), "the day is still open");
        assertEquals(log, log(data), "the audit log is unchanged");
        assertEquals(files, files(data.getParent()), "no file or directory was created");
    }

    private static ElectionDay.Phase phase(Path data) {
        try (DayFixture.Reopened db = DayFixture.reopenDatabase(data)) {
            return db.database().read(ElectionDay::phase);
        }
    }

    private static List<AuditEntry> log(Path data) {
        try (DayFixture.Reopened db = DayFixture.reopenDatabase(data)) {
            return db.database().read(AuditLog::readAll);
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.getFileName().toString().startsWith("kiosk.db")).sorted().toList();
        }
    }
}
