package kz.sailau.kiosk.audit;

import java.util.Set;
import java.util.Optional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.store.Migration;

/**
 * The append-only, hash-chained audit log in the kiosk database. {@link #append} is called inside the
 * same transaction as the action it records (a check-in and its audit entry commit together or not at
 * all). Nothing in the table can hold personal data: the event's fields are catalogue codes, counts,
 * digests, versions and signatures only (see {@link AuditField}).
 */
public final class AuditLog {

    /** The schema of the audit log. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration("audit-1",
            "hash-chained audit log",
            List.of("CREATE TABLE audit_log (sequence INTEGER PRIMARY KEY CHECK (sequence >= 1), "
                    + "time TEXT NOT NULL, type TEXT NOT NULL, fields TEXT NOT NULL, "
                    + "previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64), "
                    + "hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64))",
                    // Append-only: the database itself refuses to change or delete an entry.
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                            + "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                            + "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")));

    private AuditLog() {
    }

    /**
     * Appends an event after the current head, inside the caller's transaction.
     *
     * @param connection a connection inside a write transaction
     * @param time       when the event happened (kept to the minute)
     * @param event      the event
     * @return the new entry
     */
    public static AuditEntry append(Connection connection, Instant time, AuditEvent event) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        long sequence = 1;
        String previous = AuditEntry.GENESIS;
        try (Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery(
                     "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1")) {
            if (head.next()) {
                sequence = head.getLong(1) + 1;
                previous = head.getString(2);
            }
        }
        AuditEntry entry = AuditEntry.next(sequence, time, event, previous);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (sequence, time, type, fields, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.sequence());
            insert.setString(2, entry.time().toString());
            insert.setString(3, entry.event().type().name());
            insert.setString(4, encodeFields(entry.event()));
            insert.setString(5, entry.previousHash());
            insert.setString(6, entry.hash());
            insert.executeUpdate();
        }
        return entry;
    }

    /**
     * Reads the whole log in stored order. Entries are read as they are, so that tampering shows in
     * {@link AuditChain#verify}; a row that cannot even be parsed is reported with its sequence.
     *
     * @throws AuditLogFormatException naming the sequence of an unreadable row
     */
    public static List<AuditEntry> readAll(Connection connection) throws SQLException {
        return read(connection, "ORDER BY rowid");
    }

    /** The entries of the given types, in sequence order (for the state replay of {@link StateAnchor}). */
    static List<AuditEntry> readTypes(Connection connection, Set<AuditEventType> types) throws SQLException {
        StringBuilder names = new StringBuilder();
        for (AuditEventType type : types) {
            names.append(names.length() == 0 ? "'" : ", '").append(type.name()).append('\'');
        }
        return read(connection, "WHERE type IN (" + names + ") ORDER BY sequence");
    }

    private static List<AuditEntry> read(Connection connection, String order) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT sequence, time, type, fields, previous_hash, hash FROM audit_log " + order)) {
            while (rows.next()) {
                long sequence = rows.getLong(1);
                try {
                    AuditEvent event = new AuditEvent(AuditEventType.valueOf(rows.getString(3)),
                            decodeFields(rows.getString(4)));
                    entries.add(new AuditEntry(sequence, Instant.parse(rows.getString(2)), event,
                            rows.getString(5), rows.getString(6)));
                } catch (RuntimeException e) {
                    throw new AuditLogFormatException(sequence, e);
                }
            }
        }
        return entries;
    }

    /** The head (last entry), or empty for an empty log. */
    public static Optional<AuditEntry> head(Connection connection) throws SQLException {
        List<AuditEntry> last = read(connection, "ORDER BY sequence DESC LIMIT 1");
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
    }

    /** Fields as {@code name=value;name=value;}: names are letters, values never contain {@code ;}. */
    static String encodeFields(AuditEvent event) {
        StringBuilder text = new StringBuilder();
        for (AuditField field : event.fields()) {
            text.append(field.name()).append('=').append(field.value()).append(';');
        }
        return text.toString();
    }

    static List<AuditField> decodeFields(String text) {
        List<AuditField> fields = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("field without a name");
            }
            fields.add(new AuditField(part.substring(0, equals), part.substring(equals + 1)));
        }
        return fields;
    }
}
