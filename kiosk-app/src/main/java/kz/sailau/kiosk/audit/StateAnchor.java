package kz.sailau.kiosk.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.Migration;

/**
 * The kiosk's state that an insider must not rewind, anchored in the signed audit chain (decision 0132): the
 * register version pin, the day's phase (OPEN, CLOSED, WIPED) and whether a logic-and-accuracy test runs.
 *
 * <p>The audit chain is the record of every change of that state: {@link AuditEventType#REGISTER_LOADED} (version,
 * package hash, voters), {@link AuditEventType#DAY_CLOSED}, {@link AuditEventType#WIPE_DONE},
 * {@link AuditEventType#LA_TEST_STARTED} and {@link AuditEventType#LA_TEST_ENDED}. Each of them commits in the same
 * transaction as the change and is followed by a signed chain head; every signed head ({@link AuditRecorder#signHead})
 * also rewrites the one row of {@code state_anchor}: that head's sequence and hash and the state the chain shows up
 * to it, signed by the kiosk key under its own message ({@link #message}), so no chain-head signature can stand in
 * for it. Earlier anchors are overwritten ({@code secure_delete}).
 *
 * <p>{@link #verify} is run at every start, every register load and by {@code audit verify --data}. It refuses,
 * each with its own message key: altered or dropped protective triggers; a broken chain or head signature; a
 * missing anchor where heads were signed; an anchor whose signature is not the kiosk's; a log shorter than the
 * anchored head (truncated, e.g. to remove {@code DAY_CLOSED}); a signed head after the anchored one (an old anchor
 * put back); a state change in the chain after the last signed head or in an impossible order; and tables that
 * disagree with the chain (deleted or edited {@code register_meta}, an {@code election_day} set back, voters present
 * after a wipe); and check-in marks, token ids or a special list that the kiosk did not sign ({@link CheckInSeal}).
 */
public final class StateAnchor {

    /** The text of the database error raised by a register write after the day was closed. */
    public static final String REGISTER_CLOSED_MESSAGE = "election day is closed: no register may be loaded";

    /**
     * Migration {@code anchor-1}: the anchor row, and triggers that refuse a register after close, a deleted
     * {@code election_day} row and a wiped day going back. Needs {@code register-1} and {@code audit-2}.
     */
    public static final List<Migration> MIGRATIONS = List.of(new Migration("anchor-1",
            "state anchored in the signed audit chain; no register after close", List.of(
            "CREATE TABLE state_anchor (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), "
                    + "head_sequence INTEGER NOT NULL, head_hash TEXT NOT NULL, phase TEXT NOT NULL, "
                    + "register_version INTEGER NOT NULL, register_sha256 TEXT NOT NULL, "
                    + "register_voters INTEGER NOT NULL, la_running INTEGER NOT NULL, signature TEXT NOT NULL)",
            "CREATE TRIGGER register_meta_refused_after_close BEFORE INSERT ON register_meta "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + REGISTER_CLOSED_MESSAGE + "'); END",
            "CREATE TRIGGER register_meta_unchanged_after_close BEFORE UPDATE ON register_meta "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + REGISTER_CLOSED_MESSAGE + "'); END",
            "CREATE TRIGGER voter_refused_after_close BEFORE INSERT ON voter "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + REGISTER_CLOSED_MESSAGE + "'); END",
            "CREATE TRIGGER voter_finger_refused_after_close BEFORE INSERT ON voter_finger "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + REGISTER_CLOSED_MESSAGE + "'); END",
            "CREATE TRIGGER election_day_never_deleted BEFORE DELETE ON election_day "
                    + "BEGIN SELECT RAISE(ABORT, 'the election day row is never deleted'); END",
            "CREATE TRIGGER election_day_wipe_is_final BEFORE UPDATE ON election_day "
                    + "WHEN OLD.phase = 'WIPED' AND NEW.phase <> 'WIPED' "
                    + "BEGIN SELECT RAISE(ABORT, 'a wiped election day stays wiped'); END")));

    /** The events that change the anchored state; each is followed by a signed head in its transaction. */
    static final Set<AuditEventType> STATE_EVENTS = Set.of(AuditEventType.REGISTER_LOADED,
            AuditEventType.DAY_CLOSED, AuditEventType.WIPE_DONE, AuditEventType.LA_TEST_STARTED,
            AuditEventType.LA_TEST_ENDED);

    /** Tables whose triggers must be exactly those the migrations create. */
    private static final Pattern CREATE_TRIGGER = Pattern.compile(
            "(?is)\\s*CREATE\\s+TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s.*");
    private static final Pattern DROP_TRIGGER = Pattern.compile(
            "(?is)\\s*DROP\\s+TRIGGER\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)\\s*;?\\s*");
    private static final String NO_HASH = "-";
    /**
     * The method the ledger writes for a paper mark ({@code SqliteCheckInLedger.PAPER_MARK_METHOD}; not a
     * {@link CheckInMethod}: no token goes with it). {@code StateAnchorTest} holds the two equal.
     */
    static final String PAPER_MARK_METHOD = "PAPER_MARK";

    private StateAnchor() {
    }

    /**
     * The anchored state.
     *
     * @param phase                the day's phase
     * @param registerVersion      version of the loaded register, 0 when none was loaded
     * @param registerSha256       SHA-256 of the loaded package, {@code "-"} when none
     * @param registerVoters       voters of the loaded register, 0 when none
     * @param logicAccuracyRunning whether a pre-election test was started and not ended
     */
    public record State(ElectionDay.Phase phase, long registerVersion, String registerSha256, long registerVoters,
                        boolean logicAccuracyRunning) {

        /** A kiosk on which nothing happened yet. */
        public static final State INITIAL = new State(ElectionDay.Phase.OPEN, 0, NO_HASH, 0, false);

        /** @throws NullPointerException on null */
        public State {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(registerSha256, "registerSha256");
        }

        /** A sentence for the administrator and the observer. */
        public String describe() {
            return "phase " + phase + ", " + (registerVersion == 0 ? "no register loaded" : "register version "
                    + registerVersion + " (" + registerVoters + " voters, package sha256 " + registerSha256 + ")")
                    + (logicAccuracyRunning ? ", a pre-election test is running" : "");
        }
    }

    /**
     * The state the chain shows: its state events replayed in order.
     *
     * @throws TamperedStateException {@code audit.error.illegalSequence} when the chain holds an impossible sequence
     *                                of state changes (a load after close, a rollback, a wipe before close, a
     *                                check-in after close)
     */
    static State replay(List<AuditEntry> entries) {
        State state = State.INITIAL;
        for (AuditEntry entry : entries) {
            AuditEvent event = entry.event();
            switch (event.type()) {
                case REGISTER_LOADED -> {
                    long version = number(entry, "version");
                    if (state.phase() != ElectionDay.Phase.OPEN || version <= state.registerVersion()) {
                        throw illegal(entry, "a register load after the day was closed or not newer than version "
                                + state.registerVersion());
                    }
                    String hash = event.field("packageHash");
                    if (hash == null) {
                        throw illegal(entry, "a register load without its package hash");
                    }
                    state = new State(state.phase(), version, hash, number(entry, "voters"),
                            state.logicAccuracyRunning());
                }
                case DAY_CLOSED -> {
                    if (state.phase() != ElectionDay.Phase.OPEN) {
                        throw illegal(entry, "the day closed twice");
                    }
                    state = new State(ElectionDay.Phase.CLOSED, state.registerVersion(), state.registerSha256(),
                            state.registerVoters(), state.logicAccuracyRunning());
                }
                case WIPE_DONE -> {
                    if (state.phase() != ElectionDay.Phase.CLOSED) {
                        throw illegal(entry, "a wipe of a day that was not closed");
                    }
                    state = new State(ElectionDay.Phase.WIPED, state.registerVersion(), state.registerSha256(),
                            state.registerVoters(), state.logicAccuracyRunning());
                }
                case CHECK_IN_BY_FINGERPRINT, CHECK_IN_BY_OVERRIDE, CHECK_IN_IN_FALLBACK, CHECK_IN_ON_SPECIAL_LIST -> {
                    if (state.phase() != ElectionDay.Phase.OPEN) {
                        throw illegal(entry, "a check-in after the day was closed");
                    }
                }
                case LA_TEST_STARTED, LA_TEST_ENDED -> state = new State(state.phase(), state.registerVersion(),
                        state.registerSha256(), state.registerVoters(),
                        event.type() == AuditEventType.LA_TEST_STARTED);
                default -> {
                    // Not a change of the anchored state.
                }
            }
        }
        return state;
    }

    /** The exact bytes the kiosk signs for an anchor. */
    static byte[] message(long headSequence, String headHash, State state) {
        return ("sailau-state-anchor-v1\n" + headSequence + "\n" + headHash + "\n" + state.phase() + "\n"
                + state.registerVersion() + "\n" + state.registerSha256() + "\n" + state.registerVoters() + "\n"
                + state.logicAccuracyRunning()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Rewrites the anchor for {@code head}, the signed-head entry just appended, on the caller's transaction. Called by
     * {@link AuditRecorder#signHead} only.
     */
    static void seal(Connection connection, ChainHeadSigner signer, AuditEntry head) throws SQLException {
        // Never re-anchor a log that was cut below the current anchor: that would make the cut look signed.
        try (PreparedStatement anchored = connection.prepareStatement("SELECT a.head_sequence, "
                + "(SELECT l.hash FROM audit_log l WHERE l.sequence = a.head_sequence) = a.head_hash "
                + "FROM state_anchor a");
             ResultSet row = anchored.executeQuery()) {
            if (row.next() && (row.getLong(1) >= head.sequence() || !row.getBoolean(2))) {
                throw new TamperedStateException("audit.error.truncated", "the audit log no longer holds the signed "
                        + "head " + row.getLong(1) + " the kiosk anchored its state to; nothing more is signed");
            }
        }
        State state = replay(AuditLog.readTypes(connection, STATE_EVENTS));
        byte[] signature = signer.sign(message(head.sequence(), head.hash(), state));
        try (PreparedStatement write = connection.prepareStatement("INSERT OR REPLACE INTO state_anchor (singleton, "
                + "head_sequence, head_hash, phase, register_version, register_sha256, register_voters, la_running, "
                + "signature) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            write.setLong(1, head.sequence());
            write.setString(2, head.hash());
            write.setString(3, state.phase().name());
            write.setLong(4, state.registerVersion());
            write.setString(5, state.registerSha256());
            write.setLong(6, state.registerVoters());
            write.setInt(7, state.logicAccuracyRunning() ? 1 : 0);
            write.setString(8, Base64.getEncoder().encodeToString(signature));
            write.executeUpdate();
        }
    }

    /**
     * Checks the kiosk database against its signed audit chain, on the caller's transaction.
     *
     * @param kioskKey   the kiosk's public key (from its certificate or its certification request)
     * @param migrations every migration the database was opened with (the triggers they create are expected)
     * @return the state, when everything agrees
     * @throws TamperedStateException with the key of the first disagreement found
     */
    public static State verify(Connection connection, PublicKey kioskKey, List<Migration> migrations)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(kioskKey, "kioskKey");
        checkTriggers(connection, migrations);
        List<AuditEntry> entries;
        try {
            entries = AuditLog.readAll(connection);
        } catch (AuditLogFormatException e) {
            throw new TamperedStateException("audit.error.chainBroken", "audit entry " + e.sequence()
                    + " cannot be read");
        }
        AuditVerifier.Report chain = AuditVerifier.verifyKiosk(entries, Optional.of(kioskKey),
                ElectionDay.phase(connection) != ElectionDay.Phase.OPEN);
        if (!chain.intact()) {
            throw new TamperedStateException("audit.error.chainBroken", chain.describe());
        }
        State chainState = replay(entries);
        int lastHead = 0;
        int lastStateEvent = 0;
        for (int i = 0; i < entries.size(); i++) {
            AuditEventType type = entries.get(i).event().type();
            if (type == AuditEventType.CHAIN_HEAD_SIGNED) {
                lastHead = i + 1;
            } else if (STATE_EVENTS.contains(type)) {
                lastStateEvent = i + 1;
            }
        }
        if (lastStateEvent > lastHead) {
            throw new TamperedStateException("audit.error.illegalSequence", "audit entry " + lastStateEvent
                    + " changes the kiosk's state but no signed head follows it");
        }
        Optional<StoredAnchor> anchor = read(connection);
        if (anchor.isEmpty()) {
            if (lastHead > 0) {
                throw new TamperedStateException("audit.error.anchorMissing", "the audit log has signed heads but "
                        + "the state anchor is gone");
            }
        } else {
            checkAnchor(anchor.get(), entries, chainState, kioskKey, lastHead);
        }
        checkTables(connection, chainState);
        checkRoster(connection, entries);
        if (chainState.phase() != ElectionDay.Phase.WIPED) {
            checkMarks(connection, DayCounts.of(entries));
            CheckInSeal.verify(connection, kioskKey, migrations);
        }
        return chainState;
    }

    private static void checkAnchor(StoredAnchor anchor, List<AuditEntry> entries, State chainState,
                                    PublicKey kioskKey, int lastHead) {
        if (!KioskSignatures.verify(kioskKey, message(anchor.headSequence(), anchor.headHash(), anchor.state()),
                anchor.signature())) {
            throw new TamperedStateException("audit.error.anchorInvalid", "the state anchor is not signed by this "
                    + "kiosk's key");
        }
        if (anchor.headSequence() < 1) {
            throw new TamperedStateException("audit.error.anchorInvalid", "the state anchor names no signed head");
        }
        if (anchor.headSequence() > entries.size()) {
            throw new TamperedStateException("audit.error.truncated", "the audit log ends at entry " + entries.size()
                    + " but the kiosk signed its state at entry " + anchor.headSequence()
                    + ": entries were cut off the end");
        }
        AuditEntry head = entries.get((int) anchor.headSequence() - 1);
        if (!head.hash().equals(anchor.headHash()) || head.event().type() != AuditEventType.CHAIN_HEAD_SIGNED) {
            throw new TamperedStateException("audit.error.truncated", "audit entry " + anchor.headSequence()
                    + " is not the signed head the kiosk anchored its state to: the log was cut and rewritten");
        }
        if (lastHead != anchor.headSequence()) {
            throw new TamperedStateException("audit.error.anchorStale", "the state anchor names signed head "
                    + anchor.headSequence() + " but the log was signed later, at entry " + lastHead
                    + ": an earlier anchor was put back");
        }
        if (!anchor.state().equals(chainState)) {
            throw new TamperedStateException("audit.error.stateMismatch", "the signed anchor says "
                    + anchor.state().describe() + "; the audit log says " + chainState.describe());
        }
    }

    private static void checkTables(Connection connection, State chain) throws SQLException {
        ElectionDay.Phase phase = ElectionDay.phase(connection);
        if (phase != chain.phase()) {
            throw new TamperedStateException("audit.error.stateMismatch", "election_day says " + phase
                    + " but the signed audit log says " + chain.phase());
        }
        Optional<LoadedRegister> meta = RegisterStore.current(connection);
        long version = meta.map(LoadedRegister::version).orElse(0L);
        String hash = meta.map(LoadedRegister::packageSha256).orElse(NO_HASH);
        long voters = meta.map(LoadedRegister::voterCount).orElse(0);
        if (version != chain.registerVersion() || !hash.equals(chain.registerSha256())
                || voters != chain.registerVoters()) {
            throw new TamperedStateException("audit.error.stateMismatch", "register_meta says "
                    + (meta.isEmpty() ? "no register" : "version " + version + " (" + voters + " voters)")
                    + " but the signed audit log says " + (chain.registerVersion() == 0 ? "no register"
                    : "version " + chain.registerVersion() + " (" + chain.registerVoters() + " voters)"));
        }
        long rows = count(connection, "voter");
        long expected = phase == ElectionDay.Phase.WIPED ? 0 : chain.registerVoters();
        if (rows != expected) {
            throw new TamperedStateException("audit.error.stateMismatch", "the register holds " + rows
                    + " voters but the signed audit log says " + expected + " (" + phase + ")");
        }
        if (phase == ElectionDay.Phase.WIPED && (count(connection, "voter_finger") > 0
                || count(connection, "checkin") > 0)) {
            throw new TamperedStateException("audit.error.stateMismatch", "templates or check-in marks are back "
                    + "after the signed wipe");
        }
        if (phase != ElectionDay.Phase.WIPED) {
            checkRegisterRows(connection, meta);
        }
    }

    /**
     * Every voter row names the loaded register's precinct and version (the check-in reads the precinct from the
     * row: another number turns the voter away as one of another precinct), every template the register's
     * extractor, every voter row keeps its prior-vote mark (a load writes one for every voter, {@code NONE}
     * included: a row without it would read as "did not vote before" and let a voter who voted early or by absentee
     * certificate vote again), and the register holds the templates its last load recorded, when the log records
     * them (decision 0461); {@code register_meta} names the election, precinct and extractor the last load
     * recorded, when it records them (decision 0506).
     */
    private static void checkRegisterRows(Connection connection, Optional<LoadedRegister> meta) throws SQLException {
        long elsewhere = countWhere(connection, "voter", "precinct <> (SELECT precinct FROM register_meta) "
                + "OR register_version <> (SELECT register_version FROM register_meta)");
        if (elsewhere > 0) {
            throw new TamperedStateException("audit.error.stateMismatch", elsewhere + " voter row(s) name another "
                    + "precinct or register version than the loaded register (such a voter would be turned away)");
        }
        long foreign = countWhere(connection, "voter_finger",
                "extractor_version <> (SELECT extractor_version FROM register_meta)");
        if (foreign > 0) {
            throw new TamperedStateException("audit.error.stateMismatch", foreign + " template(s) name another "
                    + "extractor than the loaded register (such a voter's finger would not be matched)");
        }
        long unmarked = countWhere(connection, "voter", "prior_vote_enc IS NULL");
        if (unmarked > 0) {
            throw new TamperedStateException("audit.error.stateMismatch", unmarked + " voter row(s) lack the "
                    + "prior-vote mark every register load writes: removed outside the kiosk");
        }
        List<AuditEntry> loads = AuditLog.readTypes(connection, Set.of(AuditEventType.REGISTER_LOADED));
        if (!loads.isEmpty() && meta.isPresent()) {
            LoadedRegisterNames.check(loads.get(loads.size() - 1).event(), meta.get());
        }
        String recorded = loads.isEmpty() ? null
                : loads.get(loads.size() - 1).event().field(AdministrationEvents.TEMPLATES_FIELD);
        if (recorded != null) {
            long templates = count(connection, "voter_finger");
            if (templates != Long.parseLong(recorded)) {
                throw new TamperedStateException("audit.error.stateMismatch", "the register holds " + templates
                        + " templates but the signed audit log says " + recorded);
            }
        }
    }

    /**
     * Every clerk of the roster is in the state its last roster event in the log left it in ({@code CLERK_ADDED} and
     * {@code CLERK_PIN_RESET}: active, {@code CLERK_LOCKED_OUT}: locked, {@code CLERK_REMOVED}: removed), and no
     * other login is there: a removed clerk put back with its old PIN hash, or a lockout lifted by hand, is found.
     */
    private static void checkRoster(Connection connection, List<AuditEntry> entries) throws SQLException {
        Map<String, String> logged = new TreeMap<>();
        for (AuditEntry entry : entries) {
            String state = switch (entry.event().type()) {
                case CLERK_ADDED, CLERK_PIN_RESET -> "ACTIVE";
                case CLERK_LOCKED_OUT -> "LOCKED";
                case CLERK_REMOVED -> "REMOVED";
                default -> null;
            };
            String login = entry.event().field("clerk");
            if (state != null && login != null) {
                logged.put(login.toUpperCase(Locale.ROOT), state);
            }
        }
        Map<String, String> stored = new TreeMap<>();
        if (count(connection, "clerk") > 0) {
            try (PreparedStatement select = connection.prepareStatement("SELECT login, state FROM clerk");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(String.valueOf(row.getString(1)).toUpperCase(Locale.ROOT), row.getString(2));
                }
            }
        }
        if (!stored.equals(logged)) {
            throw new TamperedStateException("audit.error.stateMismatch", "the clerk roster holds " + stored
                    + " but the audit log's roster events leave " + logged
                    + " (a clerk added, put back, unlocked or removed behind the log)");
        }
    }

    /**
     * The check-in marks, issued tokens, special-list rows and counters are exactly what the log's events add up to:
     * a mark added by hand turns a voter away as "already voted", a mark deleted lets one vote twice, a counter set
     * back lifts the override cap.
     */
    private static void checkMarks(Connection connection, DayCounts log) throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        if (count(connection, "checkin_counter") > 0) {
            try (PreparedStatement select = connection.prepareStatement("SELECT name, value FROM checkin_counter");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counters.put(row.getString(1), row.getLong(2));
                }
            }
        }
        // A paper mark is a row of the check-in table too (method PAPER_MARK): it blocks the voter the same way.
        agree("check-in marks", count(connection, "checkin"), log.checkIns() + log.paperMarks());
        // The marked register the authority receives names each voter's method: a mark moved from one method to
        // another (an override passed off as a fingerprint match) must not go unnoticed.
        agree("check-in marks by fingerprint", countWhere(connection, "checkin",
                "method IN ('" + CheckInMethod.FINGERPRINT + "', '" + CheckInMethod.CARDLESS_FINGERPRINT + "')"),
                log.byFingerprint());
        agree("check-in marks by override", countWhere(connection, "checkin",
                "method = '" + CheckInMethod.CLERK_OVERRIDE + "'"), log.byOverride());
        agree("check-in marks in fallback", countWhere(connection, "checkin",
                "method = '" + CheckInMethod.FALLBACK + "'"), log.inFallback());
        agree("check-in marks on the special list", countWhere(connection, "checkin",
                "method = '" + CheckInMethod.SPECIAL_LIST + "'"), log.onSpecialList());
        agree("paper marks", countWhere(connection, "checkin", "method = '" + PAPER_MARK_METHOD + "'"),
                log.paperMarks());
        agree("check-in marks of no known method", countWhere(connection, "checkin", "method NOT IN ("
                + Stream.concat(Arrays.stream(CheckInMethod.values()).map(CheckInMethod::name),
                        Stream.of(PAPER_MARK_METHOD)).map(m -> "'" + m + "'")
                .collect(Collectors.joining(", ")) + ")"), 0);
        agree("issued tokens", count(connection, "issued_token"), log.tokensIssued());
        agree("voided tokens", countWhere(connection, "issued_token", "voided = 1"), log.tokensVoided());
        agree("special-list entries", count(connection, "special_list_entry"), log.onSpecialList());
        agree("the check_ins counter", counters.getOrDefault("check_ins", 0L), log.checkIns());
        agree("the overrides counter", counters.getOrDefault("overrides", 0L), log.byOverride());
        agree("the fallback counter", counters.getOrDefault("fallback", 0L), log.inFallback());
        agree("the special_list counter", counters.getOrDefault("special_list", 0L), log.onSpecialList());
        agree("the paper_marks counter", counters.getOrDefault("paper_marks", 0L), log.paperMarks());
        agree("the voided_tokens counter", counters.getOrDefault("voided_tokens", 0L), log.tokensVoided());
    }

    private static void agree(String what, long stored, long logged) {
        if (stored != logged) {
            throw new TamperedStateException("audit.error.stateMismatch", what + ": the database holds " + stored
                    + ", the audit log records " + logged + " (rows added, deleted or edited behind the log)");
        }
    }

    /** Rows of {@code table} meeting {@code condition}; a table this database's migrations never made has none. */
    private static long countWhere(Connection connection, String table, String condition) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            exists.setString(1, table);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
            }
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE "
                + condition); ResultSet row = count.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /**
     * Every trigger the migrations create is there as created, and there is no other trigger on any table: a
     * trigger added by hand on an unguarded table (the issued tokens, the counters, the clerks) could copy the
     * check-in marks with each token issued, in arrival order, or undo a clerk's lockout.
     */
    private static void checkTriggers(Connection connection, List<Migration> migrations) throws SQLException {
        Map<String, String> expected = new HashMap<>();
        for (Migration migration : migrations) {
            for (String statement : migration.statements()) {
                Matcher create = CREATE_TRIGGER.matcher(statement);
                Matcher drop = DROP_TRIGGER.matcher(statement);
                if (create.matches()) {
                    expected.put(create.group(1), canonicalSql(statement));
                } else if (drop.matches()) {
                    expected.remove(drop.group(1));
                }
            }
        }
        Map<String, String> present = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (!expected.containsKey(name)) {
                    throw new TamperedStateException("audit.error.triggersAltered", "trigger " + name + " on "
                            + rows.getString(2) + " was added by hand");
                }
                present.put(name, canonicalSql(String.valueOf(rows.getString(3))));
            }
        }
        for (Map.Entry<String, String> trigger : expected.entrySet()) {
            String found = present.get(trigger.getKey());
            if (found == null) {
                throw new TamperedStateException("audit.error.triggersAltered", "protective trigger "
                        + trigger.getKey() + " was dropped");
            }
            if (!found.equals(trigger.getValue())) {
                throw new TamperedStateException("audit.error.triggersAltered", "protective trigger "
                        + trigger.getKey() + " was altered");
            }
        }
    }

    /** SQLite keeps a CREATE statement as given, with runs of spaces and {@code IF NOT EXISTS} normalised. */
    private static String canonicalSql(String sql) {
        return sql.strip().replaceAll("\\s+", " ").replaceFirst("(?i)^CREATE TRIGGER IF NOT EXISTS ",
                "CREATE TRIGGER ").replaceAll(";$", "");
    }

    private record StoredAnchor(long headSequence, String headHash, State state, byte[] signature) {
    }

    private static Optional<StoredAnchor> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT head_sequence, head_hash, phase, "
                + "register_version, register_sha256, register_voters, la_running, signature FROM state_anchor");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new StoredAnchor(row.getLong(1), row.getString(2), new State(
                        ElectionDay.Phase.valueOf(row.getString(3)), row.getLong(4), row.getString(5), row.getLong(6),
                        row.getInt(7) != 0), Base64.getDecoder().decode(row.getString(8))));
            } catch (RuntimeException e) {
                throw new TamperedStateException("audit.error.anchorInvalid", "the state anchor cannot be read");
            }
        }
    }

    /** The rows of {@code table}, 0 when the table does not exist (a store opened without its migration). */
    static long count(Connection connection, String table) throws SQLException {
        return countWhere(connection, table, "1 = 1");
    }

    private static long number(AuditEntry entry, String field) {
        try {
            return Long.parseLong(Objects.requireNonNull(entry.event().field(field)));
        } catch (RuntimeException e) {
            throw illegal(entry, "field " + field + " is missing or not a number");
        }
    }

    private static TamperedStateException illegal(AuditEntry entry, String what) {
        return new TamperedStateException("audit.error.illegalSequence", "audit entry " + entry.sequence() + " ("
                + entry.event().type() + "): " + what);
    }

    /** The kiosk database disagrees with its signed audit chain; carries a message key. */
    public static final class TamperedStateException extends RuntimeException {

        private final String messageKey;

        /** @param messageKey resource-bundle key; @param technicalMessage for the console and the log */
        public TamperedStateException(String messageKey, String technicalMessage) {
            super(technicalMessage);
            this.messageKey = messageKey;
        }

        /** Resource-bundle key. */
        public String messageKey() {
            return messageKey;
        }
    }
}
