package kz.sailau.kiosk.token;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The issued-ids table in SQLite:
 *
 * <pre>
 * CREATE TABLE issued_token (
 *   id     BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 16),
 *   voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))
 * ) WITHOUT ROWID
 * </pre>
 *
 * Keyed by the random id only: no timestamp, no autoincrement and no rowid (a {@code WITHOUT ROWID} table is
 * stored in id order, and the file is rewritten in id order after each write, so neither a column nor the
 * storage order reveals when a token was issued), and no reference to a check-in. Each write is its own
 * durable transaction.
 */
public final class SqliteIssuedTokens implements IssuedTokens, AutoCloseable {

    /** The schema, created if absent. */
    public static final String SCHEMA = "CREATE TABLE IF NOT EXISTS issued_token ("
            + "id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16), "
            + "voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))) WITHOUT ROWID";

    private final Connection connection;

    /** Opens (creating if needed) the table in {@code file}. */
    public SqliteIssuedTokens(Path file) {
        this.connection = SqliteTokenFile.open(Objects.requireNonNull(file, "file"), SCHEMA);
    }

    @Override
    public synchronized void add(TokenId id) {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO issued_token (id) VALUES (?)")) {
            s.setBytes(1, id.bytes());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new TokenStoreException("cannot record issued token: " + e.getMessage(), e);
        }
        SqliteTokenFile.compact(connection);
    }

    @Override
    public synchronized boolean markVoid(TokenId id) {
        boolean changed;
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE issued_token SET voided = 1 WHERE id = ? AND voided = 0")) {
            s.setBytes(1, id.bytes());
            changed = s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new TokenStoreException("cannot void token: " + e.getMessage(), e);
        }
        SqliteTokenFile.compact(connection);
        return changed;
    }

    @Override
    public long countValid() {
        return count(0);
    }

    @Override
    public long countVoid() {
        return count(1);
    }

    private synchronized long count(int voided) {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM issued_token WHERE voided = ?")) {
            s.setInt(1, voided);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new TokenStoreException("cannot count tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new TokenStoreException("cannot close token file: " + e.getMessage(), e);
        }
    }
}
