package kz.sailau.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kiosk's one SQLite database (register, check-ins, issued token ids, counters and the audit log), opened
 * with a rollback journal ({@code journal_mode=DELETE}) and {@code synchronous=FULL} so that a committed
 * transaction survives a power cut (SQLite documentation "Atomic Commit In SQLite" and "PRAGMA synchronous").
 * Not write-ahead logging: a WAL keeps every committed version of a page, in commit order, until a checkpoint,
 * which would keep the order of check-ins on disk; the rollback journal holds only the pages as they were before
 * the running transaction and is deleted when it commits (decision 0121). All work goes through
 * {@link #inTransaction} or {@link #read}: one connection, one transaction at a time, so that a check-in,
 * its counters and its audit event can commit together or not at all.
 *
 * <p>The schema is versioned by a list of {@link Migration}s; applied ids are recorded in
 * {@code schema_migration} and their count in {@code PRAGMA user_version}.
 */
public final class KioskDatabase implements AutoCloseable {

    /** SQLite primary result code for a full disk or an exceeded {@code max_page_count}. */
    private static final int SQLITE_FULL = 13;
    /** SQLite primary result code for a write to a database it may only read. */
    private static final int SQLITE_READONLY = 8;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final int schemaVersion;
    private final List<Migration> migrations;

    private KioskDatabase(Path file, Connection connection, int schemaVersion, List<Migration> migrations) {
        this.file = file;
        this.connection = connection;
        this.schemaVersion = schemaVersion;
        this.migrations = List.copyOf(migrations);
    }

    /**
     * Opens an existing database (as {@link #open(Path, List, StoreOptions, Clock)}) and never creates one, nor its
     * directory: for commands that only read.
     *
     * @throws StoreException {@code store.error.noDatabase} when there is no database file, or an empty one
     */
    public static KioskDatabase openExisting(Path file, List<Migration> migrations, StoreOptions options, Clock clock) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new StoreException("store.error.noDatabase", "no kiosk database at " + file, null);
        }
        boolean empty;
        try {
            empty = Files.size(file) == 0;
        } catch (IOException e) {
            throw new StoreException("store.error.open", "cannot open the kiosk database: " + file, e);
        }
        if (empty) {
            // SQLite would take a 0-byte file for a new database and the migrations would fill it: a kiosk whose
            // database was emptied must not pass for a fresh, intact one (nor be turned into one by a check).
            throw new StoreException("store.error.noDatabase", "the kiosk database at " + file + " is empty (0 bytes)",
                    null);
        }
        return open(file, migrations, options, clock);
    }

    /**
     * Opens (creating if needed) the database and applies missing migrations.
     *
     * @param file       the database file
     * @param migrations every migration of the application, in order
     * @param options    tunables
     * @param clock      time stamps of applied migrations
     * @throws StoreException {@code store.error.open} if the file cannot be opened;
     *                        {@code store.error.schema} if it holds migrations this software does not know
     */
    public static KioskDatabase open(Path file, List<Migration> migrations, StoreOptions options, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException("store.error.open", "cannot open the kiosk database: " + file
                    + " is not a regular file (a folder or a device in its place)", null);
        }
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.exists(file) && Files.isDirectory(directory)) {
            requireWritable(file);
        }
        Connection connection = null;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            createOwnerOnly(file);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + options.busyTimeoutMillis());
                try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = DELETE")) {
                    if (!mode.next() || !"delete".equalsIgnoreCase(mode.getString(1))) {
                        throw new StoreException("store.error.open", "database refuses the rollback journal", null);
                    }
                }
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA foreign_keys = ON");
                // Deleted content is overwritten: encrypted anyway, but no stale pages linger.
                statement.execute("PRAGMA secure_delete = ON");
                // Temporary tables (the ledger sorts its tables through one) live in memory, never in a file.
                statement.execute("PRAGMA temp_store = MEMORY");
                if (options.maxPageCount() > 0) {
                    statement.execute("PRAGMA max_page_count = " + options.maxPageCount());
                }
            }
            // Transactions are explicit BEGIN/COMMIT statements (see transaction()), so the driver's own
            // transaction tracking cannot disagree with SQLite after SQLite rolled back by itself (SQLITE_FULL).
            connection.setAutoCommit(true);
            int version = migrate(connection, file, migrations, clock);
            return new KioskDatabase(file, connection, version, migrations);
        } catch (Exception e) {
            closeQuietly(connection);
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException("store.error.open", "cannot open the kiosk database: " + e.getMessage(), e);
        }
    }

    /**
     * Creates a new database file readable and writable by its owner only (the kiosk's other files are too; SQLite
     * gives its rollback journal the database file's permissions). The content is encrypted where it is personal;
     * the file's mode keeps the rest (counts, the log) from other accounts of the machine.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    /** Opens with default options and the system clock. */
    public static KioskDatabase open(Path file, List<Migration> migrations) {
        return open(file, migrations, StoreOptions.DEFAULT, Clock.systemUTC());
    }

    private static int migrate(Connection connection, Path file, List<Migration> migrations, Clock clock)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_migration (position INTEGER PRIMARY KEY, "
                    + "id TEXT NOT NULL UNIQUE, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        List<String> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM schema_migration ORDER BY position")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        for (int i = 0; i < applied.size(); i++) {
            if (i >= migrations.size() || !migrations.get(i).id().equals(applied.get(i))) {
                throw new StoreException("store.error.schema", "database has migration '" + applied.get(i)
                        + "' at position " + (i + 1) + " which this software does not expect there; "
                        + "it was written by another version of the kiosk", null);
            }
        }
        if (applied.size() < migrations.size()) {
            requireWritable(file);
        }
        for (int i = applied.size(); i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_migration (position, id, description, applied_at) VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, migration.id());
                    insert.setString(3, migration.description());
                    insert.setString(4, clock.instant().toString());
                    insert.executeUpdate();
                }
                statement.execute("PRAGMA user_version = " + (i + 1));
                statement.execute("COMMIT");
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw new StoreException("store.error.schema", "migration '" + migration.id() + "' failed: "
                        + e.getMessage(), e);
            }
        }
        return migrations.size();
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}): commits when it returns,
     * rolls back when it throws, so the database never holds half of it.
     *
     * @throws StoreException {@code store.error.full} when the disk (or size cap) is full,
     *                        {@code store.error.readOnly} when the data directory or the database file is
     *                        read-only (checked before the transaction begins),
     *                        {@code store.error.write} on another database error; a runtime exception
     *                        thrown by {@code work} is rethrown as is after the rollback
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        requireWritable(file);
        return transaction(work, true);
    }

    /**
     * Refuses to write where SQLite could not: a data directory or database file that is read-only (a disk mounted
     * read-only, or its mode taking the write permission away, which the kiosk respects even when it runs as
     * root), so that a writing command stops before it changes anything, in words an administrator can act on
     * rather than SQLite's {@code SQLITE_READONLY}. SQLite writes its rollback journal beside the database, so the
     * directory must be writable too.
     *
     * A command that will write calls it before it asks for anything (the passphrase, a package decrypted); a
     * directory or file that does not exist yet is not judged here.
     *
     * @param file the database file
     * @throws StoreException {@code store.error.readOnly}
     */
    public static void requireWritable(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (Files.isDirectory(directory) && readOnly(directory)) {
            throw new StoreException("store.error.readOnly", "the data directory " + directory + " is read-only: "
                    + "the kiosk writes its database and the database's journal there; make it writable for the "
                    + "kiosk's account (or mount the disk read-write) and run the command again; nothing was changed",
                    null);
        }
        if (Files.exists(file) && readOnly(file)) {
            throw new StoreException("store.error.readOnly", "the kiosk database " + file + " is read-only: make it "
                    + "writable for the kiosk's account (chmod u+w) and run the command again; nothing was changed",
                    null);
        }
    }

    /** Not writable for this process, or (for root, whom the mode does not stop) no write permission for its owner. */
    private static boolean readOnly(Path path) {
        if (!Files.isWritable(path)) {
            return true;
        }
        try {
            return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false; // SQLite will say what is wrong with it
        }
    }

    /** Runs read-only {@code work} in one transaction, so it sees one consistent snapshot. */
    public <T> T read(TransactionWork<T> work) {
        return transaction(work, false);
    }

    private <T> T transaction(TransactionWork<T> work, boolean write) {
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            try (Statement statement = connection.createStatement()) {
                // IMMEDIATE takes the write lock up front, so a write transaction never fails half-way on a lock.
                statement.execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
            }
            T result = work.run(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (e.getErrorCode() == SQLITE_FULL || (e.getMessage() != null && e.getMessage().contains("SQLITE_FULL"))) {
                throw new StoreException("store.error.full", "database or disk is full; nothing was changed", e);
            }
            if (e.getErrorCode() == SQLITE_READONLY
                    || (e.getMessage() != null && e.getMessage().contains("SQLITE_READONLY"))) {
                throw new StoreException("store.error.readOnly", "the kiosk database " + file + " cannot be written "
                        + "(SQLite found it read-only): make the data directory and the database writable for the "
                        + "kiosk's account and run the command again; nothing was changed", e);
            }
            throw new StoreException(write ? "store.error.write" : "store.error.read",
                    "database " + (write ? "write" : "read") + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL); either way it is gone.
        }
    }

    /**
     * Rebuilds the database file without free pages ({@code VACUUM}) and truncates a write-ahead log left by an
     * older version to zero bytes ({@code PRAGMA wal_checkpoint(TRUNCATE)}), outside any transaction; with
     * {@code secure_delete} on, no deleted content remains in the main file, a WAL or a journal (SQLite
     * documentation "VACUUM", "PRAGMA secure_delete", "PRAGMA wal_checkpoint"). Used by the biometric wipe.
     *
     * @throws StoreException {@code store.error.write} on a database error
     */
    public void compact() {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM");
            try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (checkpoint.next() && checkpoint.getInt(1) != 0) {
                    throw new StoreException("store.error.write", "WAL checkpoint was blocked", null);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("store.error.write", "compacting the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The migrations this database was opened with (the schema the application expects). */
    public List<Migration> migrations() {
        return migrations;
    }

    /** Number of applied migrations ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The database file (its rollback journal, while a transaction runs, is {@code <file>-journal}). */
    public Path file() {
        return file;
    }

    /** Checkpoints a write-ahead log left by an older version (if any) and closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!connection.isClosed()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // A checkpoint is an optimisation; SQLite replays the WAL on the next open.
                }
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("store.error.close", "closing the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing; keep the first error.
            }
        }
    }

    @Override
    public String toString() {
        return "KioskDatabase[" + file.getFileName() + ", schema " + schemaVersion + "]";
    }
}
