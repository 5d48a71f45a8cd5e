package kz.sailau.kiosk.token;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The ballot desk's redeem-once ledger, in its own SQLite file:
 *
 * <pre>
 * CREATE TABLE redeemed_token (
 *   id    BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 16),
 *   typed INTEGER NOT NULL CHECK (typed IN (0, 1))
 * ) WITHOUT ROWID
 * CREATE TABLE unanswered_redemption (
 *   id    BLOB    NOT NULL PRIMARY KEY CHECK (length(id) = 16)
 * ) WITHOUT ROWID
 * </pre>
 *
 * A redemption is one {@code INSERT} in its own transaction with full fsync: it is durable when it is answered,
 * and the transaction (taken {@code IMMEDIATE}) makes a second redemption of the same id fail, even from two desks
 * sharing the file. Like the kiosk's table it has no time and no order (the file is rewritten in id order after
 * each redemption).
 *
 * <p>The same transaction puts the id in {@code unanswered_redemption}, a slot of at most one row, which is
 * emptied once the answer is given ({@link #redeem(String, Consumer)}). A run killed between the commit and its
 * answer leaves the id there, and the next run with a valid token of the precinct empties it: the same token is
 * answered {@link Redeemed#again() again} (once), any other token as it would be anyway (decision 0510).
 *
 * <p>A run holds the ledger's answer lock ({@code LEDGER.lock} beside the file, an operating-system lock that goes
 * with the process, even on {@code kill -9}) from before its commit until its slot is emptied, so the slot is only
 * ever read by a run when the run that filled it has ended: a second desk on the same file cannot take a live run's
 * unanswered id for a stopped one (decision 0523). A run that finds the lock held waits for it up to
 * {@link #ANSWER_WAIT}, then is refused with {@code token.error.ledgerBusy}, nothing changed.
 */
public final class RedeemLedger implements AutoCloseable {

    /** The schema of the redemptions, created if absent. */
    public static final String SCHEMA = "CREATE TABLE IF NOT EXISTS redeemed_token ("
            + "id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16), "
            + "typed INTEGER NOT NULL CHECK (typed IN (0, 1))) WITHOUT ROWID";
    /** The schema of the slot of a redemption not yet answered (decision 0510), created if absent. */
    public static final String UNANSWERED_SCHEMA = "CREATE TABLE IF NOT EXISTS unanswered_redemption ("
            + "id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16)) WITHOUT ROWID";

    /** How long a run waits for another run on the same ledger to give its answer (decision 0523). */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    private final Connection connection;
    private final TokenCheck check;
    private final Path lockFile;

    /**
     * @param file  the ledger file (created if absent)
     * @param check the desk's token check
     * @throws TokenStoreException {@code token.error.ledger} when the file holds another program's tables
     */
    public RedeemLedger(Path file, TokenCheck check) {
        this.connection = SqliteTokenFile.open(Objects.requireNonNull(file, "file"),
                List.of("redeemed_token", "unanswered_redemption"), List.of(SCHEMA, UNANSWERED_SCHEMA));
        this.check = Objects.requireNonNull(check, "check");
        this.lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * The outcome of one run at the desk.
     *
     * @param verdict the verdict: accepted, or why not
     * @param again   accepted because the run before redeemed this token and was stopped before its answer
     *                (decision 0510): hand out the ballot only if that run showed no answer for this voter
     */
    public record Redeemed(TokenCheck.Verdict verdict, boolean again) {
        /** @throws NullPointerException on a null verdict; IllegalArgumentException for a refusal "again" */
        public Redeemed {
            Objects.requireNonNull(verdict, "verdict");
            if (again && !verdict.accepted()) {
                throw new IllegalArgumentException("only an acceptance is given again");
            }
        }
    }

    /**
     * Checks and redeems a scanned or typed token, without a way to answer in between (tests, tools).
     *
     * @return the verdict; accepted only if the token was valid and not redeemed before
     * @throws TokenStoreException if the ledger cannot be written (the ballot is not handed out)
     */
    public TokenCheck.Verdict redeem(String text) {
        return redeem(text, redeemed -> { }).verdict();
    }

    /**
     * Checks and redeems a scanned or typed token, and gives the answer once the redemption is durable: the
     * redemption and its unanswered slot commit together, {@code answer} is called, and only if it returns is the
     * slot emptied. A token that was not redeemed before is accepted; the token of a run stopped after its commit
     * and before its answer is accepted {@link Redeemed#again() again} by the next run with a valid token, if it
     * is the same token, and only then; any other is refused.
     *
     * @param answer tells the clerk (prints the line); if it throws, the slot stays for the next run
     * @return what was answered
     * @throws TokenStoreException if the ledger cannot be written (the ballot is not handed out)
     */
    public synchronized Redeemed redeem(String text, Consumer<Redeemed> answer) {
        Objects.requireNonNull(answer, "answer");
        TokenCheck.Verdict verdict = check.check(text);
        if (!verdict.accepted()) {
            Redeemed refused = new Redeemed(verdict, false); // an unreadable code leaves the slot as it was
            answer.accept(refused);
            return refused;
        }
        try (FileChannel held = answerLock()) {
            Redeemed redeemed = record(verdict);
            answer.accept(redeemed);
            if (redeemed.verdict().accepted() && !redeemed.again()) {
                inTransaction("cannot record redemption", () -> {
                    try (Statement s = connection.createStatement()) {
                        s.executeUpdate("DELETE FROM unanswered_redemption");
                    }
                    return null;
                });
            }
            SqliteTokenFile.compact(connection);
            return redeemed;
        } catch (IOException e) {
            throw new TokenStoreException("token.error.ledger", "cannot use the answer lock " + lockFile.getFileName()
                    + " beside the ledger: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the ledger's answer lock (decision 0523), waiting up to {@link #ANSWER_WAIT} for a run that holds it;
     * closing the channel releases it.
     *
     * @throws TokenStoreException {@code token.error.ledgerBusy} when another run still holds it after the wait,
     *                             {@code token.error.ledger} when the lock file is not a regular file
     */
    private FileChannel answerLock() throws IOException {
        if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new TokenStoreException("token.error.ledger", lockFile + " is not a regular file; it is made only "
                    + "by token redeem, as the ledger's answer lock", null);
        }
        // Read-write: a named pipe put in its place meanwhile opens at once on Linux (fifo(7)) instead of waiting.
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another ledger of this process holds it
                }
                if (lock != null) {
                    return channel;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TokenStoreException("token.error.ledgerBusy", "another token redeem on the same "
                            + "ledger (" + lockFile.getFileName() + " held) has not given its answer after "
                            + ANSWER_WAIT.toSeconds() + " s: nothing was recorded for this code; run it again when "
                            + "that desk has answered", null);
                }
                Thread.sleep(20);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new TokenStoreException("token.error.ledgerBusy", "interrupted while waiting for the answer lock",
                    e);
        }
    }

    /** In one transaction: empties the slot, and redeems the id unless it was redeemed before. */
    private Redeemed record(TokenCheck.Verdict verdict) {
        TokenId id = verdict.id().orElseThrow();
        return inTransaction("cannot record redemption", () -> {
            boolean unanswered;
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT 1 FROM unanswered_redemption WHERE id = ?")) {
                s.setBytes(1, id.bytes());
                try (ResultSet r = s.executeQuery()) {
                    unanswered = r.next();
                }
            }
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM unanswered_redemption");
            }
            if (isRedeemed(id)) {
                return unanswered ? new Redeemed(verdict, true) : new Redeemed(new TokenCheck.Verdict(verdict.id(),
                        Optional.of(TokenRefusal.ALREADY_REDEEMED), verdict.typed()), false);
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO redeemed_token (id, typed) VALUES (?, ?)");
                 PreparedStatement slot = connection.prepareStatement(
                         "INSERT INTO unanswered_redemption (id) VALUES (?)")) {
                s.setBytes(1, id.bytes());
                s.setInt(2, verdict.typed() ? 1 : 0);
                s.executeUpdate();
                slot.setBytes(1, id.bytes());
                slot.executeUpdate();
            }
            return new Redeemed(verdict, false);
        });
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in an {@code IMMEDIATE} transaction (the write lock taken first: no upgrade deadlock). */
    private <T> T inTransaction(String what, Work<T> work) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run();
                s.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    s.execute("ROLLBACK");
                }
            }
        } catch (SQLException e) {
            throw new TokenStoreException(what + ": " + e.getMessage(), e);
        }
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
