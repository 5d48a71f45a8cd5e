package kz.sailau.kiosk.token;

import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The ballot desk's redeem-once ledger, in its own SQLite file:
 *
 * <pre>
 * CREATE TABLE redeemed_token (
 *   id    BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 16),
 *   typed INTEGER NOT NULL CHECK (typed IN (0, 1))
 * ) WITHOUT ROWID
 * </pre>
 *
 * A redemption is one {@code INSERT} in its own transaction with full fsync: it is durable when
 * {@link #redeem} returns, and the primary key makes a second redemption of the same id fail atomically, even
 * from two desks sharing the file. Like the kiosk's table it has no time and no order (the file is rewritten
 * in id order after each redemption).
 */
public final class RedeemLedger implements AutoCloseable {

    /** The schema, created if absent. */
    public static final String SCHEMA = "CREATE TABLE IF NOT EXISTS redeemed_token ("
            + "id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16), "
            + "typed INTEGER NOT NULL CHECK (typed IN (0, 1))) WITHOUT ROWID";
    private static final int SQLITE_CONSTRAINT = 19;

    private final Connection connection;
    private final TokenCheck check;

    /**
     * @param file  the ledger file (created if absent)
     * @param check the desk's token check
     * @throws TokenStoreException {@code token.error.ledger} when the file holds another program's tables
     */
    public RedeemLedger(Path file, TokenCheck check) {
        this.connection = SqliteTokenFile.open(Objects.requireNonNull(file, "file"), "redeemed_token", SCHEMA);
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Checks and redeems a scanned or typed token.
     *
     * @return the verdict; accepted only if the token was valid and not redeemed before
     * @throws TokenStoreException if the ledger cannot be written (the ballot is not handed out)
     */
    public synchronized TokenCheck.Verdict redeem(String text) {
        TokenCheck.Verdict verdict = check.check(text);
        if (!verdict.accepted()) {
            return verdict;
        }
        TokenId id = verdict.id().orElseThrow();
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO redeemed_token (id, typed) VALUES (?, ?)")) {
            s.setBytes(1, id.bytes());
            s.setInt(2, verdict.typed() ? 1 : 0);
            s.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_CONSTRAINT || isRedeemed(id)) {
                return new TokenCheck.Verdict(verdict.id(), Optional.of(TokenRefusal.ALREADY_REDEEMED),
                        verdict.typed());
            }
            throw new TokenStoreException("cannot record redemption: " + e.getMessage(), e);
        }
        SqliteTokenFile.compact(connection);
        return verdict;
    }

    /** Whether an id has been redeemed. */
    public synchronized boolean isRedeemed(TokenId id) {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM redeemed_token WHERE id = ?")) {
            s.setBytes(1, id.bytes());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new TokenStoreException("cannot read redemptions: " + e.getMessage(), e);
        }
    }

    /** Number of redemptions. */
    public synchronized long count() {
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM redeemed_token");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new TokenStoreException("cannot count redemptions: " + e.getMessage(), e);
        }
    }

    /**
     * One redemption as the ledger keeps it.
     *
     * @param id    the token id
     * @param typed whether it was read from a typed code
     */
    public record Redemption(TokenId id, boolean typed) {
        /** @throws NullPointerException on a null id */
        public Redemption {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Reads every redemption of a desk's ledger file, in id order, without changing it (for the end-of-day
     * reconciliation). Refuses a missing file rather than creating one.
     *
     * @throws TokenStoreException {@code token.error.ledger} when the file is missing or not a redeem ledger
     */
    public static List<Redemption> readRedemptions(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new TokenStoreException("token.error.ledger", "no ballot desk ledger at " + file, null);
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");
        List<Redemption> redemptions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly);
             PreparedStatement s = c.prepareStatement("SELECT id, typed FROM redeemed_token ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                redemptions.add(new Redemption(new TokenId(r.getBytes(1)), r.getInt(2) == 1));
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new TokenStoreException("token.error.ledger", file.getFileName()
                    + " is not a ballot desk ledger: " + (e instanceof SQLException
                    ? "not an SQLite database holding the desk's redeemed_token table (an empty or another file?)"
                    : "it holds a token id that is not 16 bytes"), e);
        }
        return redemptions;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new TokenStoreException("cannot close ledger: " + e.getMessage(), e);
        }
    }
}
