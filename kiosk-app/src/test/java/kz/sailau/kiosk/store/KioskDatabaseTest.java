package kz.sailau.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskDatabaseTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
    static final Migration ONE = new Migration("test-1", "counter table",
            List.of("CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"));
    static final Migration TWO = new Migration("test-2", "event table",
            List.of("CREATE TABLE event (id INTEGER PRIMARY KEY, kind TEXT NOT NULL)"));

    @TempDir
    Path dir;

    private static String pragma(KioskDatabase database, String name) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getString(1);
            }
        });
    }

    @Test
    void aFolderInThePlaceOfTheDatabaseIsNamedAsSuch() throws Exception {
        Path file = java.nio.file.Files.createDirectory(dir.resolve("kiosk.db"));
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> KioskDatabase.open(file, List.of(ONE), StoreOptions.DEFAULT, CLOCK));
        assertEquals("store.error.open", e.messageKey());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("is not a regular file"),
                e.getMessage());
    }

    @Test
    void aNewDatabaseIsReadableAndWritableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("kiosk.db");
        KioskDatabase.open(file, List.of(ONE), StoreOptions.DEFAULT, CLOCK).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.size(file) > 0, "the migrations were written into the file created first");
    }

    @Test
    void opensWithARollbackJournalAndFullSyncAndAppliesMigrationsOnce() {
        Path file = dir.resolve("kiosk.db");
        try (KioskDatabase database = KioskDatabase.open(file, List.of(ONE), StoreOptions.DEFAULT, CLOCK)) {
            assertEquals("delete", pragma(database, "journal_mode"), "no write-ahead log keeping commits in order");
            assertEquals("2", pragma(database, "synchronous")); // 2 = FULL
            assertEquals("1", pragma(database, "foreign_keys"));
            assertEquals(1, database.schemaVersion());
        }
        try (KioskDatabase database = KioskDatabase.open(file, List.of(ONE, TWO), StoreOptions.DEFAULT, CLOCK)) {
            assertEquals(2, database.schemaVersion());
            assertEquals("2", pragma(database, "user_version"));
            assertEquals(2, (int) database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM schema_migration")) {
                    r.next();
                    return r.getInt(1);
                }
            }));
        }
    }

    @Test
    void refusesADatabaseWithUnknownMigrations() {
        Path file = dir.resolve("kiosk.db");
        KioskDatabase.open(file, List.of(ONE, TWO), StoreOptions.DEFAULT, CLOCK).close();
        StoreException e = assertThrows(StoreException.class,
                () -> KioskDatabase.open(file, List.of(ONE), StoreOptions.DEFAULT, CLOCK));
        assertEquals("store.error.schema", e.messageKey());
        assertEquals("store.error.schema", assertThrows(StoreException.class,
                () -> KioskDatabase.open(file, List.of(TWO, ONE), StoreOptions.DEFAULT, CLOCK)).messageKey());
    }

    @Test
    void aFailingTransactionLeavesNothingBehindAndTheNextOneWorks() {
        try (KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"), List.of(ONE, TWO),
                StoreOptions.DEFAULT, CLOCK)) {
            assertThrows(IllegalStateException.class, () -> database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO counter VALUES ('checkins', 1)");
                    s.execute("INSERT INTO event (kind) VALUES ('CHECK_IN')");
                }
                throw new IllegalStateException("audit write failed");
            }));
            StoreException sql = assertThrows(StoreException.class, () -> database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO counter VALUES ('checkins', 1)");
                    s.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertEquals("store.error.write", sql.messageKey());
            assertEquals(0, count(database, "counter") + count(database, "event"));
            database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO counter VALUES ('checkins', 1)");
                    s.execute("INSERT INTO event (kind) VALUES ('CHECK_IN')");
                }
                return null;
            });
            assertEquals(2, count(database, "counter") + count(database, "event"));
        }
    }

    @Test
    void sizeCapFailsLikeAFullDisk() {
        try (KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"), List.of(ONE),
                new StoreOptions(8, 1000), CLOCK)) {
            StoreException e = assertThrows(StoreException.class, () -> database.inTransaction(c -> {
                try (var insert = c.prepareStatement("INSERT INTO counter VALUES (?, 1)")) {
                    for (int i = 0; i < 5000; i++) {
                        insert.setString(1, "name-" + i + "-".repeat(50));
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
            assertEquals("store.error.full", e.messageKey());
            assertEquals(0, count(database, "counter"));
            assertTrue(e.getMessage().contains("nothing was changed"));
        }
    }

    private static int count(KioskDatabase database, String table) {
        return database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                r.next();
                return r.getInt(1);
            } catch (SQLException e) {
                throw e;
            }
        });
    }
}
