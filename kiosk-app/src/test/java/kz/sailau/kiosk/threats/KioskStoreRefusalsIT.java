package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: the kiosk's own store turns against a command: a {@code day close} commits while a {@code register load}
 * is decrypting its package, or the data directory is read-only. Each command is refused in one line with its own
 * message key (never SQLite's words such as {@code SQLITE_CONSTRAINT_TRIGGER} or {@code SQLITE_READONLY}) and
 * leaves the kiosk as it was.
 */
class KioskStoreRefusalsIT {

    @TempDir
    Path root;
    ThreatWorld world;

    @BeforeEach
    void kioskWithVersionOne() throws Exception {
        world = ThreatWorld.create(root);
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package",
                world.registerPackage("v1.srp", 2, 1).toString(), "--passphrase-file", world.passphrase.toString());
    }

    /**
     * The day is closed (by the real {@code day close}, to the end) after the load has checked the day and verified
     * the package and before it writes: the point is the load's own last "verifying" progress step, so the race is
     * the same at every run. The load re-checks the day inside its write transaction.
     */
    @Test
    void aLoadOvertakenByDayCloseIsRefusedAsAClosedDay() throws Exception {
        Path srp = world.registerPackage("v2.srp", 3, 2);
        AtomicReference<ThreatWorld.Run> close = new AtomicReference<>();
        ThreatWorld.Run load = ThreatWorld.runWatching(err -> {
            if (close.get() == null && err.contains("verifying 3/3")) {
                close.set(ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out",
                        root.resolve("bundle.json").toString(), "--passphrase-file", world.passphrase.toString()));
            }
        }, "register", "load", "--progress", "--data", world.kiosk.toString(), "--package", srp.toString(),
                "--passphrase-file", world.passphrase.toString());
        assertTrue(close.get() != null, "the load reached the end of its verification: " + load.err());
        assertEquals(0, close.get().exit(), close.get().out() + close.get().err());
        assertEquals(1, load.exit(), load.out() + load.err());
        String refusal = load.errLines().get(load.errLines().size() - 1);
        assertTrue(refusal.startsWith("error [register.error.dayClosed]"), refusal);
        assertFalse(load.err().contains("SQLITE") || load.err().contains("Exception"), load.err());
        ThreatWorld.Run status = ThreatWorld.succeed("register", "status", "--data", world.kiosk.toString());
        assertTrue(status.out().contains("version 1, 2 voters"), "the register is the one loaded before: "
                + status.out());
        assertEquals(0, ThreatWorld.run("audit", "verify", "--data", world.kiosk.toString()).exit(),
                "the kiosk still agrees with its signed log");
    }

    /**
     * A data directory without write permission (as a disk mounted read-only, which it stands for: the kiosk takes
     * the missing permission as read-only even when it runs as root) refuses every command that writes before its
     * first write, in words that say what to do; what only reads still works.
     */
    @Test
    void aReadOnlyDataDirectoryIsSaidToBeOneAndNothingChanges() throws Exception {
        Path srp = world.registerPackage("v2.srp", 3, 2);
        Path bundle = root.resolve("bundle.json");
        byte[] database = Files.readAllBytes(world.kiosk.resolve("kiosk.db"));
        Files.setPosixFilePermissions(world.kiosk, PosixFilePermissions.fromString("r-x------"));
        try {
            ThreatWorld.Run load = BadInvocationsIT.assertRefused(new BadInvocationsIT.Bad("register load, read-only "
                    + "data directory", 1, "store.error.readOnly"), root, "register", "load", "--data",
                    world.kiosk.toString(), "--package", srp.toString(), "--passphrase-file", world.passphrase.toString());
            assertTrue(load.err().contains("the data directory " + world.kiosk.toAbsolutePath() + " is read-only: "),
                    load.err());
            assertFalse(load.err().contains("SQLITE"), load.err());
            BadInvocationsIT.assertRefused(new BadInvocationsIT.Bad("day close, read-only data directory", 1,
                    "store.error.readOnly"), root, "day", "close", "--data", world.kiosk.toString(), "--out",
                    bundle.toString(), "--passphrase-file", world.passphrase.toString());
            assertFalse(Files.exists(bundle), "no bundle of a day that was not closed");
            ThreatWorld.Run status = ThreatWorld.succeed("register", "status", "--data", world.kiosk.toString());
            assertTrue(status.out().contains("version 1, 2 voters"), status.out());
            assertEquals(0, ThreatWorld.run("audit", "verify", "--data", world.kiosk.toString()).exit(),
                    "a read-only disk can still be verified");
        } finally {
            Files.setPosixFilePermissions(world.kiosk, PosixFilePermissions.fromString("rwx------"));
        }
        assertTrue(Arrays.equals(database, Files.readAllBytes(world.kiosk.resolve("kiosk.db"))),
                "the database is byte for byte as it was");
    }

    /** A read-only database file in a writable directory is named as such. */
    @Test
    void aReadOnlyDatabaseFileIsSaidToBeOne() throws Exception {
        Path srp = world.registerPackage("v2.srp", 3, 2);
        Path file = world.kiosk.resolve("kiosk.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        try {
            ThreatWorld.Run load = BadInvocationsIT.assertRefused(new BadInvocationsIT.Bad("register load, read-only "
                    + "database", 1, "store.error.readOnly"), root, "register", "load", "--data",
                    world.kiosk.toString(), "--package", srp.toString(), "--passphrase-file", world.passphrase.toString());
            assertTrue(load.err().contains("the kiosk database " + file + " is read-only: "), load.err());
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
