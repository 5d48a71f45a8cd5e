package kz.sailau.kiosk.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.checkin.SpecialListReason;
import kz.sailau.kiosk.checkin.LegalDocument;
import kz.sailau.kiosk.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.CheckInAuditMapping;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.audit.ElectionDay;
import kz.sailau.kiosk.audit.IssuedToken;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.PaperFormReference;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.DayClosedException;
import kz.sailau.kiosk.checkin.LedgerFullException;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreException;
import kz.sailau.kiosk.store.TransactionWork;

/**
 * The {@link CheckInLedger} in the kiosk database. A check-in row, the issued token's id, the counters and the
 * audit events are written in one {@link KioskDatabase#inTransaction transaction} (rollback journal,
 * {@code synchronous=FULL}): after a crash at any point all of it is there or none (decision 0121). The voter is
 * stored only as the keyed blind index of the IIN.
 *
 * <pre>
 * checkin         (voter_index BLOB PRIMARY KEY, method TEXT, override_reason TEXT NULL, clerk TEXT NULL)
 *                 WITHOUT ROWID — no time and no token: a check-in cannot be linked to a ballot token; reason and
 *                 clerk are no longer written (the audit log has them; in the mark they would tie a voter to an
 *                 audit entry)
 * issued_token    (id BLOB PRIMARY KEY, voided INTEGER) WITHOUT ROWID — the random ids of the issued ballot
 *                 tokens, no time, no link to a check-in
 * checkin_counter (name TEXT PRIMARY KEY, value INTEGER)
 * checkin_audit   (unused since the hash-chained audit_log took its events; kept: migrations are never edited)
 * </pre>
 *
 * <p><b>No arrival order at rest.</b> SQLite places a new cell in a page in arrival order, so every transaction
 * that adds a check-in mark or a token id rewrites that table in key order before it commits ({@code DELETE} of
 * every row, with {@code secure_delete} zeroing the freed space, then the rows again sorted by key): once a
 * check-in is committed, where its mark and its token id lie in the file says nothing about when they came. The
 * database runs with a rollback journal, which holds only the pages as they were before a transaction and is
 * deleted at commit (a write-ahead log would keep every committed page version in time order until a checkpoint).
 * Audit events go to the hash-chained {@link AuditLog} ({@code audit_log}) through an {@link AuditRecorder}, mapped
 * to the catalogue by {@link CheckInAuditMapping}. Once the election day is closed ({@link ElectionDay}) the
 * database refuses the check-in row and {@link #record} throws {@link DayClosedException}.
 */
public final class SqliteCheckInLedger implements CheckInLedger {

    /**
     * The migrations of this ledger and of the audit log it writes ({@code checkin-1}, {@code audit-1},
     * {@code audit-2}), to be listed after the register's when opening the database.
     */
    public static final List<Migration> MIGRATIONS = withAudit(new Migration("checkin-1",
            "check-ins keyed by the IIN blind index, counters and interim audit events", List.of(
            "CREATE TABLE checkin (voter_index BLOB NOT NULL PRIMARY KEY CHECK (length(voter_index) = 32), "
                    + "method TEXT NOT NULL, override_reason TEXT, clerk TEXT) WITHOUT ROWID",
            "CREATE TABLE checkin_counter (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL "
                    + "CHECK (value >= 0)) WITHOUT ROWID",
            "INSERT INTO checkin_counter (name, value) VALUES ('check_ins', 0), ('overrides', 0), ('cardless', 0), "
                    + "('fallback', 0), ('voided_tokens', 0)",
            "CREATE TABLE checkin_audit (seq INTEGER PRIMARY KEY, event TEXT NOT NULL, detail TEXT NOT NULL, "
                    + "clerk TEXT, at TEXT NOT NULL)")));

    /**
     * Migration {@code checkin-2}: the issued ballot token ids in the kiosk database, written with the check-in or
     * void they belong to (decision 0121). It came after the other features' migrations, so it is listed after all
     * of them ({@code Main.migrations()}); it needs {@link #MIGRATIONS} (the {@code election_day} table).
     */
    public static final List<Migration> TOKEN_MIGRATIONS = List.of(new Migration("checkin-2",
            "issued ballot token ids in the kiosk database, committed with their check-in", List.of(
            "CREATE TABLE issued_token (id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16), "
                    + "voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1))) WITHOUT ROWID",
            // As for check-ins: once the day is closed, no token is issued or voided any more.
            "CREATE TRIGGER issued_token_refused_after_close BEFORE INSERT ON issued_token "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + ElectionDay.CLOSED_MESSAGE + "'); END",
            "CREATE TRIGGER issued_token_void_refused_after_close BEFORE UPDATE ON issued_token "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + ElectionDay.CLOSED_MESSAGE + "'); END")));

    /**
     * Migration {@code checkin-3}: the special list (voters the commission adds on election day with a legal
     * document), keyed by the IIN's blind index like the check-in mark, the legal reason in clear and the document's
     * number encrypted (AES-256-GCM, bound to the row's index); its counter. Listed after {@link #TOKEN_MIGRATIONS}.
     */
    public static final List<Migration> SPECIAL_LIST_MIGRATIONS = List.of(new Migration("checkin-3",
            "the special list: legal reason and encrypted document number by IIN blind index", List.of(
            "CREATE TABLE special_list_entry (voter_index BLOB NOT NULL PRIMARY KEY "
                    + "CHECK (length(voter_index) = 32), reason TEXT NOT NULL, document_enc BLOB NOT NULL) WITHOUT ROWID",
            "INSERT INTO checkin_counter (name, value) VALUES ('special_list', 0)",
            "CREATE TRIGGER special_list_entry_refused_after_close BEFORE INSERT ON special_list_entry "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + ElectionDay.CLOSED_MESSAGE + "'); END")));

    /**
     * Migration {@code checkin-4}: the counter of paper marks (marks made on the printed voter list during an outage
     * and entered afterwards). A paper mark is a row of {@code checkin} with the method {@code PAPER_MARK}, so it
     * blocks the voter exactly as a check-in does, is refused after the close by the same trigger and is wiped with
     * the check-ins. Listed after {@link #SPECIAL_LIST_MIGRATIONS}.
     */
    public static final List<Migration> PAPER_MARK_MIGRATIONS = List.of(new Migration("checkin-4",
            "the counter of paper marks entered after an outage", List.of(
            "INSERT INTO checkin_counter (name, value) VALUES ('paper_marks', 0)")));

    /** The method written in the check-in table for a paper mark (not a {@link CheckInMethod}: no token goes with it). */
    public static final String PAPER_MARK_METHOD = "PAPER_MARK";

    /**
     * {@link #MIGRATIONS}, {@link #TOKEN_MIGRATIONS}, {@link #SPECIAL_LIST_MIGRATIONS} and
     * {@link #PAPER_MARK_MIGRATIONS}: what a database holding only the ledger needs.
     */
    public static List<Migration> ledgerOnly() {
        List<Migration> all = new ArrayList<>(MIGRATIONS);
        all.addAll(TOKEN_MIGRATIONS);
        all.addAll(SPECIAL_LIST_MIGRATIONS);
        all.addAll(PAPER_MARK_MIGRATIONS);
        return List.copyOf(all);
    }

    private static List<Migration> withAudit(Migration checkIn) {
        List<Migration> all = new ArrayList<>();
        all.add(checkIn);
        all.addAll(AuditLog.MIGRATIONS);
        all.addAll(ElectionDay.MIGRATIONS);
        return List.copyOf(all);
    }

    private static final int SQLITE_CONSTRAINT = 19;

    private final KioskDatabase database;
    private final BlindIndex voterIndex;
    private final Clock clock;
    private final AuditRecorder audit;
    /** Encrypts the special list's document numbers; empty: special-list check-ins are refused. */
    private final Optional<FieldCipher> documents;
    /** Reseals the marks, token ids and special list in every writing transaction; empty: unsealed (tests). */
    private final Optional<CheckInSeal> seal;
    /** Whether each write checks the store's room first; false when the caller checks once before (0475). */
    private final boolean checksRoom;

    /**
     * A ledger whose audit entries are hash-chained but whose chain head is not signed (no kiosk key).
     *
     * @param database   the kiosk database, opened with {@link #MIGRATIONS} applied
     * @param voterIndex the keyed blind index for IINs (domain {@code iin})
     * @param clock      time stamps of audit events
     */
    public SqliteCheckInLedger(KioskDatabase database, BlindIndex voterIndex, Clock clock) {
        this(database, voterIndex, clock, AuditRecorder.unsigned());
    }

    /**
     * @param database   the kiosk database, opened with {@link #MIGRATIONS} applied
     * @param voterIndex the keyed blind index for IINs (domain {@code iin})
     * @param clock      time stamps of audit events
     * @param audit      appends the audit events and signs the chain head at intervals with the kiosk key
     */
    public SqliteCheckInLedger(KioskDatabase database, BlindIndex voterIndex, Clock clock, AuditRecorder audit) {
        this(database, voterIndex, clock, audit, Optional.empty(), Optional.empty(), true);
    }

    private SqliteCheckInLedger(KioskDatabase database, BlindIndex voterIndex, Clock clock, AuditRecorder audit,
                                Optional<FieldCipher> documents, Optional<CheckInSeal> seal, boolean checksRoom) {
        this.database = Objects.requireNonNull(database, "database");
        this.voterIndex = Objects.requireNonNull(voterIndex, "voterIndex");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.checksRoom = checksRoom;
    }

    /**
     * This ledger, able to record special-list check-ins: their document numbers are encrypted with
     * {@code cipher} (the store's field cipher). Without it a special-list check-in is refused with an
     * {@link IllegalStateException} and nothing is recorded.
     */
    public SqliteCheckInLedger withSpecialList(FieldCipher cipher) {
        return new SqliteCheckInLedger(database, voterIndex, clock, audit,
                Optional.of(Objects.requireNonNull(cipher, "cipher")), seal, checksRoom);
    }

    /**
     * This ledger, resealing its marks, token ids and special list with {@code seal} in the transaction of every
     * check-in, paper mark and void (decision 0396); the database must have {@link CheckInSeal#MIGRATIONS}.
     */
    public SqliteCheckInLedger withSeal(CheckInSeal seal) {
        return new SqliteCheckInLedger(database, voterIndex, clock, audit, documents,
                Optional.of(Objects.requireNonNull(seal, "seal")), checksRoom);
    }

    /**
     * This ledger, leaving the room check to its caller: its writes no longer check the store's room first
     * ({@link LedgerRoom}), while {@link #requireRoom} still does. For the precinct's ledger, which checks once before it
     * submits anything to the precinct and must then write the voter the precinct counted even when the margin shrank
     * meanwhile, e.g. by the consensus log written in between (decision 0475). A write that really does not fit still
     * fails as {@link LedgerFullException}.
     */
    public SqliteCheckInLedger roomCheckedByCaller() {
        return new SqliteCheckInLedger(database, voterIndex, clock, audit, documents, seal, false);
    }

    /** Rewrites the seal, when this ledger has one, on the caller's transaction. */
    private void reseal(Connection c) throws SQLException {
        if (seal.isPresent()) {
            seal.get().reseal(c);
        }
    }

    @Override
    public boolean isCheckedIn(Iin iin) {
        byte[] index = voterIndex.of(Objects.requireNonNull(iin, "iin").digits());
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM checkin WHERE voter_index = ?")) {
                s.setBytes(1, index);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public Counters record(CheckInRecord record, Optional<PreparedToken> token) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(token, "token");
        byte[] index = voterIndex.of(record.iin().digits());
        if (record.specialList().isPresent() && documents.isEmpty()) {
            throw new IllegalStateException("this ledger cannot keep special-list documents");
        }
        return write(c -> {
            mark(c, index, record.method().name());
            increment(c, "check_ins");
            if (record.method() == CheckInMethod.CLERK_OVERRIDE) {
                increment(c, "overrides");
            } else if (record.method() == CheckInMethod.CARDLESS_FINGERPRINT) {
                increment(c, "cardless");
            } else if (record.method() == CheckInMethod.FALLBACK) {
                increment(c, "fallback");
            } else if (record.method() == CheckInMethod.SPECIAL_LIST) {
                increment(c, "special_list");
                addToSpecialList(c, index, record.specialList().orElseThrow());
            }
            Instant now = clock.instant();
            Counters after = readCounters(c);
            audit.append(c, now, CheckInAuditMapping.checkIn(record,
                    PaperFormReference.forCheckIn(record.method(), after)));
            issue(c, token, now);
            reseal(c);
            return readCounters(c);
        });
    }

    @Override
    public PaperFormReference recordPaperMark(Iin iin, ClerkId clerk) {
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(clerk, "clerk");
        byte[] index = voterIndex.of(iin.digits());
        return write(c -> {
            mark(c, index, PAPER_MARK_METHOD);
            increment(c, "paper_marks");
            PaperFormReference reference = PaperFormReference.forPaperMark(readCounters(c));
            audit.append(c, clock.instant(), CheckInAuditMapping.paperMark(reference, clerk));
            reseal(c);
            return reference;
        });
    }

    /**
     * The voter's mark in the check-in table, on the caller's transaction, the table then rewritten in key order.
     *
     * @throws AlreadyCheckedInException when the voter has a mark already
     * @throws DayClosedException        when the day is closed
     */
    private static void mark(Connection c, byte[] index, String method) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO checkin (voter_index, method, override_reason, clerk) VALUES (?, ?, NULL, NULL)")) {
            s.setBytes(1, index);
            s.setString(2, method);
            s.executeUpdate();
        } catch (SQLException e) {
            closedOr(e);
            if (e.getErrorCode() == SQLITE_CONSTRAINT
                    || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT"))) {
                throw new AlreadyCheckedInException();
            }
            throw e;
        }
        rewriteInKeyOrder(c, CHECK_IN_TABLE);
    }

    @Override
    public Counters replaceToken(PreparedToken voided, Optional<PreparedToken> replacement, ClerkId clerk) {
        Objects.requireNonNull(voided, "voided");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(clerk, "clerk");
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE issued_token SET voided = 1 WHERE id = ? AND voided = 0")) {
                s.setBytes(1, HexFormat.of().parseHex(voided.id()));
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("only an issued, valid token can be voided");
                }
            } catch (SQLException e) {
                throw closedOr(e);
            }
            increment(c, "voided_tokens");
            Instant now = clock.instant();
            audit.append(c, now, CheckInAuditMapping.tokenVoided(Optional.of(clerk)));
            issue(c, replacement, now);
            reseal(c);
            return readCounters(c);
        });
    }

    /** The special list's row of a check-in, its document number encrypted and bound to the row. */
    private void addToSpecialList(Connection c, byte[] index, LegalDocument document) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO special_list_entry (voter_index, reason, document_enc) VALUES (?, ?, ?)")) {
            s.setBytes(1, index);
            s.setString(2, document.reason().name());
            s.setBytes(3, documents.orElseThrow().encrypt(document.number().getBytes(StandardCharsets.UTF_8),
                    documentContext(index)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw closedOr(e);
        }
        rewriteInKeyOrder(c, SPECIAL_LIST_TABLE);
    }

    private static byte[] documentContext(byte[] index) {
        byte[] name = "special_list_entry.document_enc\0".getBytes(StandardCharsets.UTF_8);
        byte[] context = Arrays.copyOf(name, name.length + index.length);
        System.arraycopy(index, 0, context, name.length, index.length);
        return context;
    }

    /**
     * The special list as the commission reads it after the polls close: for each entry the legal reason and the
     * document's number (decrypted), in no particular order (rows are kept in blind-index order), never the IIN.
     */
    public List<LegalDocument> specialList() {
        FieldCipher cipher = documents.orElseThrow(() -> new IllegalStateException("no special-list key"));
        return database.read(c -> {
            List<LegalDocument> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT voter_index, reason, document_enc FROM special_list_entry ORDER BY voter_index");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new LegalDocument(SpecialListReason.valueOf(r.getString(2)),
                            cipher.decryptText(r.getBytes(3), documentContext(r.getBytes(1)))));
                }
            }
            return entries;
        });
    }

    /** Throws {@link DayClosedException} when {@code e} is the database refusing a change after close; else returns it. */
    private static SQLException closedOr(SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains(ElectionDay.CLOSED_MESSAGE)) {
            throw new DayClosedException();
        }
        return e;
    }

    /** Records the token as issued (or that none could be made), with its audit event, on the caller's transaction. */
    private void issue(Connection c, Optional<PreparedToken> token, Instant now) throws SQLException {
        if (token.isEmpty()) {
            audit.append(c, now, CheckInAuditMapping.tokenNotIssued());
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO issued_token (id, voided) VALUES (?, 0)")) {
            s.setBytes(1, HexFormat.of().parseHex(token.get().id()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw closedOr(e);
        }
        rewriteInKeyOrder(c, TOKEN_TABLE);
        audit.append(c, now, CheckInAuditMapping.tokenIssued());
    }

    /** A table whose rows are rewritten in key order after every insert: its name and its columns, key first. */
    private record KeyOrdered(String table, List<String> columns) {
    }

    private static final KeyOrdered CHECK_IN_TABLE = new KeyOrdered("checkin",
            List.of("voter_index", "method", "override_reason", "clerk"));
    private static final KeyOrdered TOKEN_TABLE = new KeyOrdered("issued_token", List.of("id", "voided"));
    private static final KeyOrdered SPECIAL_LIST_TABLE = new KeyOrdered("special_list_entry",
            List.of("voter_index", "reason", "document_enc"));

    /**
     * Rewrites every row of {@code table} in key order on the caller's transaction, inside SQLite: copy them sorted
     * into a temporary table (kept in memory: {@code temp_store=MEMORY}), delete them all ({@code secure_delete}
     * zeroes what is freed), insert them again in key order. SQLite fills the pages of the emptied table front to
     * back, so the cells end up in key order, whatever order they arrived in.
     */
    static void rewriteInKeyOrder(Connection c, KeyOrdered table) throws SQLException {
        String columns = String.join(", ", table.columns());
        String key = table.columns().get(0);
        String copy = "temp.reorder_" + table.table();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS reorder_" + table.table() + " AS SELECT " + columns
                    + " FROM " + table.table() + " WHERE 0");
            s.execute("DELETE FROM " + copy);
            s.execute("INSERT INTO " + copy + " SELECT " + columns + " FROM " + table.table() + " ORDER BY " + key);
            s.execute("DELETE FROM " + table.table());
            s.execute("INSERT INTO " + table.table() + " (" + columns + ") SELECT " + columns + " FROM " + copy
                    + " ORDER BY " + key);
            s.execute("DELETE FROM " + copy);
        }
    }

    @Override
    public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        write(c -> {
            audit.append(c, clock.instant(), CheckInAuditMapping.of(event, detail, clerk));
            return null;
        });
    }

    /** Refuses, before anything is written, when the store lacks the room of a write ({@link LedgerRoom}, 0455). */
    @Override
    public void requireRoom() {
        LedgerRoom.require(database);
    }

    /**
     * One write transaction, begun only when the store has its room ({@link #requireRoom}; unless the caller checks it,
     * {@link #roomCheckedByCaller}); a full disk (or size cap) becomes the engine's {@link LedgerFullException}, so the
     * clerk reads that the disk is full (decision 0450).
     */
    private <T> T write(TransactionWork<T> work) {
        if (checksRoom) {
            requireRoom();
        }
        try {
            return database.inTransaction(work);
        } catch (StoreException e) {
            if ("store.error.full".equals(e.messageKey())) {
                throw new LedgerFullException(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public Counters counters() {
        return database.read(SqliteCheckInLedger::readCounters);
    }

    /**
     * Number of audit-log entries recording events of a kind (for reconciliation and tests); for
     * {@link CheckInAuditEvent#CHECKED_IN} the check-ins of every method.
     */
    public long auditCount(CheckInAuditEvent event) {
        Objects.requireNonNull(event, "event");
        List<AuditEventType> types = event == CheckInAuditEvent.CHECKED_IN
                ? List.of(AuditEventType.CHECK_IN_BY_FINGERPRINT, AuditEventType.CHECK_IN_BY_OVERRIDE,
                        AuditEventType.CHECK_IN_IN_FALLBACK, AuditEventType.CHECK_IN_ON_SPECIAL_LIST)
                : List.of(CheckInAuditMapping.of(event, "", Optional.empty()).type());
        return database.read(c -> {
            long count = 0;
            for (AuditEvent entry : AuditLog.readAll(c).stream().map(e -> e.event()).toList()) {
                count += types.contains(entry.type()) ? 1 : 0;
            }
            return count;
        });
    }

    /** Number of check-in rows (for reconciliation and tests). */
    public long rowCount() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM checkin");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** The issued ballot token ids in id order, with their void flags (for reconciliation and tests). */
    public List<IssuedToken> issuedTokens() {
        return database.read(IssuedToken::readAll);
    }

    private static void increment(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE checkin_counter SET value = value + 1 WHERE name = ?")) {
            s.setString(1, name);
            if (s.executeUpdate() != 1) {
                throw new SQLException("missing counter " + name);
            }
        }
    }

    private static Counters readCounters(Connection c) throws SQLException {
        long checkIns = 0;
        long overrides = 0;
        long cardless = 0;
        long fallback = 0;
        long voided = 0;
        long specialList = 0;
        long paperMarks = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM checkin_counter");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long v = r.getLong(2);
                switch (r.getString(1)) {
                    case "check_ins" -> checkIns = v;
                    case "overrides" -> overrides = v;
                    case "cardless" -> cardless = v;
                    case "fallback" -> fallback = v;
                    case "voided_tokens" -> voided = v;
                    case "special_list" -> specialList = v;
                    case "paper_marks" -> paperMarks = v;
                    default -> { }
                }
            }
        }
        return new Counters(checkIns, overrides, cardless, fallback, voided, specialList, paperMarks);
    }
}
