package kz.sailau.kiosk.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.store.Migration;

/**
 * The kiosk's signature over what its check-in ledger holds (decision 0396): every check-in mark (the voter's blind
 * index and the method), every issued token id with its void flag and every special-list entry's index and reason,
 * each set in key order. The ledger re-signs the one row of {@code checkin_seal} in the transaction of every
 * check-in, paper mark and void ({@link #reseal}); {@link StateAnchor#verify} checks it with the kiosk's public key
 * at every start, register load, day close and {@code audit verify --data} ({@link #verify}).
 *
 * <p>The kiosk key is unsealed only with the kiosk's passphrase: an insider who holds the database file alone can no
 * longer move a mark from a voter who came to one who did not (every count stays the same, so the audit log alone
 * cannot tell), put another token id in place of one, or re-sign what they changed. The seal keeps no order and no
 * time: one signature over sorted sets, overwritten in place ({@code secure_delete}); an older row put back with
 * its older tables fails the counts against the log.
 */
public final class CheckInSeal {

    /** The migration that creates the seal's table. */
    public static final String MIGRATION_ID = "checkin-5";

    /** The message key of every refusal. */
    public static final String ALTERED = "audit.error.marksAltered";

    /**
     * Migration {@code checkin-5}: the seal's one row. Listed after every other migration of the kiosk
     * ({@code Main.migrations()}).
     */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(MIGRATION_ID,
            "a keyed seal over the check-in marks, issued token ids and special list, rewritten with each", List.of(
            "CREATE TABLE checkin_seal (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), "
                    + "signature BLOB NOT NULL)")));

    private static final String HEADER = "sailau-checkin-seal-v1\n";

    private final ChainHeadSigner key;

    /** @param key the kiosk's key, unsealed for the day */
    public CheckInSeal(ChainHeadSigner key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Re-signs the ledger's tables as they are now, on the caller's transaction. */
    public void reseal(Connection connection) throws SQLException {
        byte[] signature = key.sign(contents(connection).getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO checkin_seal (singleton, signature) VALUES (1, ?)")) {
            s.setBytes(1, signature);
            s.executeUpdate();
        }
    }

    /**
     * Checks the seal against the ledger's tables. Nothing to check in a database opened without
     * {@value #MIGRATION_ID}. {@link StateAnchor#verify} does not call it once its signed chain shows the wipe (the
     * marks are gone; the day was closed, and its bundle signed, after the same check).
     *
     * @param kioskKey   the kiosk's public key
     * @param migrations the migrations the database was opened with
     * @throws StateAnchor.TamperedStateException ({@value #ALTERED}) when the seal is missing while anything is
     *                                            recorded, or does not match
     */
    static void verify(Connection connection, PublicKey kioskKey, List<Migration> migrations) throws SQLException {
        if (migrations.stream().noneMatch(m -> m.id().equals(MIGRATION_ID))) {
            return;
        }
        byte[] stored = null;
        try (PreparedStatement s = connection.prepareStatement("SELECT signature FROM checkin_seal WHERE singleton = 1");
             ResultSet r = s.executeQuery()) {
            if (r.next()) {
                stored = r.getBytes(1);
            }
        } catch (SQLException e) {
            throw new StateAnchor.TamperedStateException(ALTERED, "the check-in seal's table cannot be read: it was "
                    + "removed or altered outside the kiosk");
        }
        String contents = contents(connection);
        if (stored == null) {
            if (contents.equals(HEADER)) {
                return;
            }
            throw new StateAnchor.TamperedStateException(ALTERED, "check-in marks or token ids are recorded but not "
                    + "sealed: they were written outside the kiosk");
        }
        if (!KioskSignatures.verify(kioskKey, contents.getBytes(StandardCharsets.UTF_8), stored)) {
            throw new StateAnchor.TamperedStateException(ALTERED, "the check-in marks, token ids or special list "
                    + "differ from what the kiosk sealed: a mark moved or added, a token id replaced or an entry "
                    + "edited outside the kiosk");
        }
    }

    /** The sealed text: the three sets, each in key order; blind indexes and token ids in hex, never an IIN. */
    private static String contents(Connection connection) throws SQLException {
        StringBuilder text = new StringBuilder(HEADER);
        appendRows(connection, text, "mark", "SELECT voter_index, method FROM checkin ORDER BY voter_index");
        appendRows(connection, text, "token", "SELECT id, voided FROM issued_token ORDER BY id");
        if (hasSpecialList(connection)) {
            appendRows(connection, text, "special",
                    "SELECT voter_index, reason FROM special_list_entry ORDER BY voter_index");
        }
        return text.toString();
    }

    /** One line {@code KIND <key in hex> <value>} per row of {@code query} (a key blob and one value column). */
    private static void appendRows(Connection connection, StringBuilder text, String kind, String query)
            throws SQLException {
        HexFormat hex = HexFormat.of();
        try (PreparedStatement s = connection.prepareStatement(query); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                text.append(kind).append(' ').append(hex.formatHex(r.getBytes(1))).append(' ').append(r.getString(2))
                        .append('\n');
            }
        }
    }

    /**
     * Whether the database has the special list (migration {@code checkin-3}; a ledger without it records no
     * special-list check-in). Its entries dropped with the table change the sealed text as much as deleted ones.
     */
    private static boolean hasSpecialList(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'special_list_entry'");
             ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }
}
