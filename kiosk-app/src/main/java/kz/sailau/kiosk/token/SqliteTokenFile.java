package kz.sailau.kiosk.token;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens a token SQLite file durably and without an order trail (sqlite.org/pragma.html):
 * rollback journal (no WAL, whose frames would keep writes in time order), full fsync on commit,
 * {@code secure_delete} so freed cells are zeroed. After each write the caller runs {@link #compact}: SQLite
 * places new cells in a page in arrival order, and {@code VACUUM} rewrites the table in key order, so the raw
 * file shows only the random ids in id order.
 */
final class SqliteTokenFile {

    private SqliteTokenFile() {
    }

    /**
     * Opens (creating if absent) a file that holds only {@code tables}, each created by its schema if absent.
     *
     * @throws TokenStoreException {@code token.error.ledger} when the file is an SQLite database holding other
     *                             tables (a kiosk's database given by mistake): it is refused before anything in it
     *                             changes, its journal mode included
     */
    static Connection open(Path file, List<String> tables, List<String> schemas) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (PreparedStatement others = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = "
                    + "'table' AND name NOT IN (" + String.join(", ", Collections.nCopies(tables.size(), "?"))
                    + ") AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
                for (int n = 0; n < tables.size(); n++) {
                    others.setString(n + 1, tables.get(n));
                }
                try (ResultSet row = others.executeQuery()) {
                    if (row.next() && row.getLong(1) > 0) {
                        c.close();
                        throw new TokenStoreException("token.error.ledger", file.getFileName()
                                + " is not a ballot desk ledger: it holds other tables (another program's database?)",
                                null);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=DELETE");
                s.execute("PRAGMA secure_delete=ON");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                for (String schema : schemas) {
                    s.execute(schema);
                }
            }
            return c;
        } catch (SQLException e) {
            throw new TokenStoreException("cannot open token file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the file in key order (see the class comment). Best effort: the write itself is already durable. */
    static void compact(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM");
        } catch (SQLException e) {
            throw new TokenStoreException("cannot compact token file: " + e.getMessage(), e);
        }
    }
}
