package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.KioskDataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: an insider with the kiosk's disk and {@code sqlite3} (an administrator, or anyone at the machine) rewinds
 * what the kiosk has done: deletes or edits {@code register_meta} to load an older register, sets a closed or wiped
 * day back to OPEN, cuts the closing entries off the audit log, puts rows back after the wipe, drops the protective
 * triggers or plants its own on any table, forges or replaces the signed state anchor, or adds, deletes or voids
 * check-in marks, issued tokens, counters or clerks behind the log's back. Every such edit is found at the next
 * start, register load and {@code audit verify --data}, each with its own message key, and no register is loaded
 * over it (decisions 0132, 0395).
 */
class InsiderRollbackIT {

    @TempDir
    Path root;
    ThreatWorld world;
    Path database;

    @BeforeEach
    void kioskWithVersionTen() throws Exception {
        world = ThreatWorld.create(root);
        database = world.kiosk.resolve("kiosk.db");
        load(world.registerPackage("v10.srp", 5, 10));
        assertEquals(0, verify().exit(), "an untouched kiosk verifies");
    }

    @Test
    void deletedRegisterMetaDoesNotLetAnOlderVersionLoad() throws Exception {
        sql("DELETE FROM register_meta");
        ThreatWorld.Run load = tryLoad(world.registerPackage("v1.srp", 5, 1));
        assertRefused(load, "audit.error.stateMismatch");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
        assertEquals(0, count("SELECT count(*) FROM register_meta"), "nothing was loaded");
    }

    @Test
    void editedRegisterVersionIsFound() throws Exception {
        sql("UPDATE register_meta SET register_version = 1");
        assertRefused(tryLoad(world.registerPackage("v2.srp", 5, 2)), "audit.error.stateMismatch");
        assertTampered("audit.error.stateMismatch");
    }

    @Test
    void theVersionPinComesFromTheSignedLogNotFromTheTable() throws Exception {
        // Even with register_meta and the chain consistent with each other, the pin is the highest version the log
        // ever recorded: a package below it is a rollback.
        assertRefused(tryLoad(world.registerPackage("v9.srp", 5, 9)), "register.error.rollback");
        assertEquals(0, tryLoad(world.registerPackage("v11.srp", 6, 11)).exit(), "a newer version loads");
        assertEquals(0, verify().exit());
    }

    @Test
    void aClosedDaySetBackToOpenIsFound() throws Exception {
        close();
        String trigger = triggerSql("election_day_never_reopens");
        sql("DROP TRIGGER election_day_never_reopens", "UPDATE election_day SET phase = 'OPEN', closed_at = NULL");
        assertTampered("audit.error.triggersAltered");
        sql(trigger);
        assertTampered("audit.error.stateMismatch");
        assertRefused(tryLoad(world.registerPackage("v11.srp", 5, 11)), "audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
    }

    @Test
    void closingEntriesCutOffAndTheDayReopenedAreFound() throws Exception {
        close();
        long closed = count("SELECT min(sequence) FROM audit_log WHERE type = 'DAY_CLOSED'");
        String noDelete = triggerSql("audit_log_no_delete");
        String neverReopens = triggerSql("election_day_never_reopens");
        sql("DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE sequence >= " + closed, noDelete,
                "DROP TRIGGER election_day_never_reopens", "UPDATE election_day SET phase = 'OPEN', closed_at = NULL",
                neverReopens);
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE type = 'DAY_CLOSED'"));
        assertTampered("audit.error.truncated");
        assertRefused(tryLoad(world.registerPackage("v11.srp", 5, 11)), "audit.error.truncated");
        assertStartRefused("audit.error.truncated");
    }

    @Test
    void aCheckInEntryAfterTheCloseIsFound() throws Exception {
        close();
        appendEntry(AuditEventType.CHECK_IN_BY_FINGERPRINT);
        assertTampered("audit.error.illegalSequence");
    }

    @Test
    void aCheckInMarkAddedByHandIsFound() throws Exception {
        // Marking a voter as checked in without a check-in: the voter would be turned away as "already voted".
        sql("INSERT INTO checkin (voter_index, method) VALUES (randomblob(32), 'FINGERPRINT')",
                "UPDATE checkin_counter SET value = value + 1 WHERE name = 'check_ins'");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
        assertRefused(tryLoad(world.registerPackage("v11.srp", 5, 11)), "audit.error.stateMismatch");
    }

    @Test
    void aCheckInMarkDeletedByHandIsFound() throws Exception {
        checkInByHand();
        assertEquals(0, verify().exit(), "a check-in recorded as the kiosk does it agrees with the log");
        // Deleting the mark would let the same voter check in, and take a ballot, a second time.
        sql("DELETE FROM checkin", "UPDATE checkin_counter SET value = 0 WHERE name = 'check_ins'");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
    }

    @Test
    void aCounterEditedByHandIsFound() throws Exception {
        checkInByHand();
        // The override cap and the clerk console read the counters: setting one back must not go unnoticed.
        sql("UPDATE checkin_counter SET value = 0 WHERE name = 'check_ins'");
        assertTampered("audit.error.stateMismatch");
    }

    @Test
    void aTokenAddedOrVoidedByHandIsFound() throws Exception {
        sql("INSERT INTO issued_token (id, voided) VALUES (randomblob(16), 0)");
        assertTampered("audit.error.stateMismatch");
        sql("UPDATE issued_token SET voided = 1");
        assertTampered("audit.error.stateMismatch");
    }

    @Test
    void aVotersPriorVoteMarkRemovedByHandIsFound() throws Exception {
        // Without any key (session H60): a row without the mark read as "did not vote before", so every voter who
        // voted early or by absentee certificate could check in and take a ballot again; nothing said so.
        sql("UPDATE voter SET prior_vote_enc = NULL WHERE id = (SELECT min(id) FROM voter)");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
        assertRefused(tryLoad(world.registerPackage("v11.srp", 5, 11)), "audit.error.stateMismatch");
    }

    @Test
    void aVoterMovedToAnotherPrecinctByHandIsFound() throws Exception {
        // Without any key (session H60): the row's precinct is read in clear, and the voter was turned away as one
        // of another precinct; nothing said so.
        sql("UPDATE voter SET precinct = 102 WHERE id = (SELECT min(id) FROM voter)");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
    }

    /**
     * Left as found by session H60: {@code register_meta}'s election, precinct or extractor edited (and every voter
     * row with it, so that the rows agree with the table) was refused by {@code start} at best, and
     * {@code audit verify --data} did not look: the package hash that binds them is of a package the kiosk does not
     * keep. The load now records them (decision 0506).
     */
    @Test
    void theLoadedRegistersElectionPrecinctOrExtractorEditedByHandIsFound() throws Exception {
        sql("UPDATE register_meta SET election = 'KZ-2026-OTHER'");
        assertTampered("audit.error.stateMismatch");
        sql("UPDATE register_meta SET election = 'KZ-2026-TEST'");
        assertEquals(0, verify().exit(), "put back as loaded, the register agrees with its log again");

        sql("UPDATE register_meta SET precinct = 102");
        sql("UPDATE voter SET precinct = 102");
        assertTampered("audit.error.stateMismatch");
        sql("UPDATE register_meta SET precinct = 101");
        sql("UPDATE voter SET precinct = 101");
        assertEquals(0, verify().exit());

        sql("UPDATE register_meta SET extractor_version = 'sourceafis-0.0.1'");
        sql("UPDATE voter_finger SET extractor_version = 'sourceafis-0.0.1'");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
    }

    @Test
    void aVotersTemplatesDeletedByHandAreFound() throws Exception {
        // Without any key (session H60): the voter's finger no longer matches and a clerk must override, which
        // makes the voter's check-in one of the few of its method in the log; nothing said so.
        sql("UPDATE voter_finger SET extractor_version = 'x' WHERE voter_id = (SELECT min(id) FROM voter)");
        assertTampered("audit.error.stateMismatch");
        sql("UPDATE voter_finger SET extractor_version = (SELECT extractor_version FROM register_meta)");
        assertEquals(0, verify().exit(), "put back as loaded, the register agrees with its log again");
        sql("DELETE FROM voter_finger WHERE voter_id = (SELECT min(id) FROM voter)");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
    }

    @Test
    void aCheckInMarksMethodEditedByHandIsFound() throws Exception {
        checkInByHand();
        // The marked register names each voter's method: a fingerprint match turned into an override, or a method
        // the kiosk does not know, must not reach it.
        sql("UPDATE checkin SET method = 'CLERK_OVERRIDE'");
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
        sql("UPDATE checkin SET method = 'BY_HAND'");
        assertTampered("audit.error.stateMismatch");
    }

    @Test
    void aTamperedKioskIsNotClosedAndNoBundleIsSigned() throws Exception {
        checkInByHand();
        sql("DELETE FROM checkin", "UPDATE checkin_counter SET value = 0 WHERE name = 'check_ins'");
        Path bundle = root.resolve("tampered-bundle.json");
        ThreatWorld.Run closing = ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out",
                bundle.toString(), "--passphrase-file", world.passphrase.toString());
        assertRefused(closing, "audit.error.stateMismatch");
        assertTrue(Files.notExists(bundle) && Files.notExists(root.resolve("tampered-bundle.json.p7s"))
                && Files.notExists(root.resolve("tampered-bundle.json.marked-register.p7m")), "nothing was written");
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE type = 'DAY_CLOSED'"), "the day was not closed");
        assertEquals(1, count("SELECT count(*) FROM election_day WHERE phase = 'OPEN'"));
    }

    @Test
    void aClosedKioskTamperedAfterwardsWritesNoBundleAgain() throws Exception {
        checkInByHand();
        close();
        // After the close the marks are still there until the wipe: a mark deleted then must not reach a bundle
        // (and its marked register) written again.
        sql("DELETE FROM checkin");
        Path again = root.resolve("again.json");
        assertRefused(ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out", again.toString(),
                "--passphrase-file", world.passphrase.toString()), "audit.error.stateMismatch");
        assertTrue(Files.notExists(again), "no bundle written again");
    }

    @Test
    void anEmptiedDatabaseIsNotTakenForAFreshKiosk() throws Exception {
        // SQLite takes a 0-byte file for a new database: emptied, the kiosk must not verify as an intact fresh one,
        // and no check may fill the file with a new schema.
        Files.write(database, new byte[0]);
        ThreatWorld.Run verify = verify();
        assertRefused(verify, "store.error.noDatabase");
        Path config = writeConfiguration();
        ThreatWorld.Run start = ThreatWorld.run("start", "--config", config.toString(), "--check-only");
        assertEquals(1, start.exit(), start.out() + start.err());
        assertTrue(start.err().contains("[store.error.noDatabase]"), start.err());
        assertEquals(0, Files.size(database), "nothing filled the emptied file");
    }

    /** One check-in as the kiosk records it: the mark, the counter and the log entry, no token (the clerk's paper). */
    private void checkInByHand() throws Exception {
        sql("INSERT INTO checkin (voter_index, method) VALUES (randomblob(32), 'FINGERPRINT')",
                "UPDATE checkin_counter SET value = value + 1 WHERE name = 'check_ins'");
        appendEntry(AuditEventType.CHECK_IN_BY_FINGERPRINT);
        appendEntry(AuditEventType.TOKEN_NOT_ISSUED);
        sealAsTheKiosk();
    }

    /** Re-signs the marks and token ids as the kiosk does in every check-in, with its key (decision 0396). */
    private void sealAsTheKiosk() throws Exception {
        CheckInSeal seal = new CheckInSeal(ChainHeadSigner.kiosk(KioskDataDirectory.at(world.kiosk)
                .unlock(RegisterFixtures.PASSPHRASE)));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            seal.reseal(connection);
        }
    }

    @Test
    void aCheckInMarkMovedToAVoterWhoDidNotComeIsFound() throws Exception {
        checkInByHand();
        assertEquals(0, verify().exit(), "a check-in recorded as the kiosk does it agrees with the log");
        // Every count stays the same: the voter who came could check in again, the one moved to would be turned
        // away. Only the kiosk's signature over the marks shows it: to the observer, at the start and at the close.
        sql("UPDATE checkin SET voter_index = (SELECT iin_index FROM voter ORDER BY iin_index LIMIT 1)");
        assertTampered("audit.error.marksAltered");
        assertStartRefused("audit.error.marksAltered");
        Path bundle = root.resolve("moved-bundle.json");
        assertRefused(ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out", bundle.toString(),
                "--passphrase-file", world.passphrase.toString()), "audit.error.marksAltered");
        assertTrue(Files.notExists(bundle), "no bundle over the moved mark");
        assertEquals(1, count("SELECT count(*) FROM election_day WHERE phase = 'OPEN'"), "the day was not closed");
        // Nor over the seal deleted with it.
        sql("DELETE FROM checkin_seal");
        assertTampered("audit.error.marksAltered");
        assertRefused(ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out", bundle.toString(),
                "--passphrase-file", world.passphrase.toString()), "audit.error.marksAltered");
        assertTrue(Files.notExists(bundle), "no bundle without the seal");
    }

    @Test
    void aWipedKioskTakesNoNewRegisterAndNoRowsBack() throws Exception {
        Path backup = root.resolve("backup.db");
        close();
        Files.copy(database, backup);
        ThreatWorld.succeed("wipe", "--data", world.kiosk.toString(), "--passphrase-file", world.passphrase.toString());
        assertRefused(tryLoad(world.registerPackage("v11.srp", 5, 11)), "register.error.dayClosed");
        assertEquals(0, count("SELECT count(*) FROM voter"));
        // The rows copied back from a copy of the disk taken before the wipe: the triggers refuse them ...
        List<String> refused = new ArrayList<>();
        try {
            sql("ATTACH DATABASE '" + backup + "' AS old", "INSERT INTO voter SELECT * FROM old.voter");
        } catch (SQLException e) {
            refused.add(e.getMessage());
        }
        assertEquals(1, refused.size(), "the voter trigger refuses rows after the wipe");
        assertTrue(refused.get(0).contains("no register may be loaded"), refused.get(0));
        // ... and with the triggers dropped and put back, the rows are seen.
        String voterTrigger = triggerSql("voter_refused_after_close");
        String fingerTrigger = triggerSql("voter_finger_refused_after_close");
        sql("DROP TRIGGER voter_refused_after_close", "DROP TRIGGER voter_finger_refused_after_close",
                "ATTACH DATABASE '" + backup + "' AS old", "INSERT INTO voter SELECT * FROM old.voter",
                "INSERT INTO voter_finger SELECT * FROM old.voter_finger", voterTrigger, fingerTrigger);
        assertEquals(5, count("SELECT count(*) FROM voter"));
        assertTampered("audit.error.stateMismatch");
        // Setting the phase back does not help either.
        String wipeIsFinal = triggerSql("election_day_wipe_is_final");
        String neverReopens = triggerSql("election_day_never_reopens");
        sql("DROP TRIGGER election_day_wipe_is_final", "DROP TRIGGER election_day_never_reopens",
                "UPDATE election_day SET phase = 'OPEN'", wipeIsFinal, neverReopens);
        assertTampered("audit.error.stateMismatch");
    }

    @Test
    void droppedOrAlteredTriggersAreFound() throws Exception {
        sql("DROP TRIGGER audit_log_no_update");
        assertTampered("audit.error.triggersAltered");
        assertRefused(tryLoad(world.registerPackage("v11.srp", 5, 11)), "audit.error.triggersAltered");
        sql("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 "
                + "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END");
        assertTampered("audit.error.triggersAltered");
    }

    @Test
    void aTriggerAddedByHandIsFound() throws Exception {
        sql("CREATE TRIGGER quiet AFTER INSERT ON audit_log BEGIN SELECT 1; END");
        assertTampered("audit.error.triggersAltered");
    }

    @Test
    void aSpyTriggerOnAnUnguardedTableIsFound() throws Exception {
        // Planted before the day: each token issued copies the marks present at that moment beside its id, so the
        // new mark of each transaction names the voter who received that token, in arrival order. Passed every
        // check while only the log, day, anchor, register and check-in tables were watched for triggers.
        sql("CREATE TABLE spy (n INTEGER PRIMARY KEY, token BLOB, marks TEXT)",
                "CREATE TRIGGER spy_token AFTER INSERT ON issued_token BEGIN INSERT INTO spy (token, marks) "
                        + "SELECT NEW.id, group_concat(hex(voter_index)) FROM checkin; END");
        assertTampered("audit.error.triggersAltered");
        assertStartRefused("audit.error.triggersAltered");
        sql("DROP TRIGGER spy_token");
        assertEquals(0, verify().exit(), "the spy table alone, without a trigger, records nothing");
        // The counters, the clerks (a trigger could undo every lockout), the special list, the migrations.
        for (String table : List.of("checkin_counter", "clerk", "special_list_entry", "schema_migration")) {
            sql("CREATE TRIGGER planted AFTER UPDATE ON " + table + " BEGIN INSERT INTO spy (marks) "
                    + "SELECT group_concat(hex(voter_index)) FROM checkin; END");
            ThreatWorld.Run run = verify();
            assertEquals(1, run.exit(), table + ": " + run.out());
            assertTrue(run.out().contains("kiosk state: TAMPERED [audit.error.triggersAltered]"), table + ":\n"
                    + run.out());
            sql("DROP TRIGGER planted");
        }
        assertEquals(0, verify().exit(), "with the triggers gone the kiosk agrees with its log again");
    }

    @Test
    void aRemovedClerkPutBackOrARosterEditedByHandIsFound() throws Exception {
        Path pin = Files.writeString(root.resolve("pin.txt"), "582914\n");
        ThreatWorld.succeed("clerk", "add", "--data", world.kiosk.toString(), "--id", "C07", "--pin-file",
                pin.toString(), "--passphrase-file", world.passphrase.toString());
        byte[] oldHash = bytes("SELECT pin_hash FROM clerk WHERE login = 'C07'");
        ThreatWorld.succeed("clerk", "remove", "--data", world.kiosk.toString(), "--id", "C07",
                "--passphrase-file", world.passphrase.toString());
        assertEquals(0, verify().exit(), "a roster changed through the commands agrees with the log");
        // The removed member's row put back with its old PIN hash: the old PIN opened the clerk screens again.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement putBack = connection.prepareStatement(
                     "UPDATE clerk SET state = 'ACTIVE', pin_hash = ? WHERE login = 'C07'")) {
            putBack.setBytes(1, oldHash);
            assertEquals(1, putBack.executeUpdate());
        }
        assertTampered("audit.error.stateMismatch");
        assertStartRefused("audit.error.stateMismatch");
        sql("UPDATE clerk SET state = 'REMOVED', pin_hash = NULL WHERE login = 'C07'");
        assertEquals(0, verify().exit(), "put back as the log says, the roster agrees again");
        // A login the log never added, and a state changed by hand.
        sql("INSERT INTO clerk (login, state, failed_attempts, pin_hash) VALUES ('C08', 'ACTIVE', 0, randomblob(90))");
        assertTampered("audit.error.stateMismatch");
        sql("DELETE FROM clerk WHERE login = 'C08'", "UPDATE clerk SET state = 'LOCKED', pin_hash = randomblob(90)");
        assertTampered("audit.error.stateMismatch");
    }

    @Test
    void aDeletedForgedOrOldAnchorIsFound() throws Exception {
        List<Object> old = anchorRow();
        load(world.registerPackage("v11.srp", 5, 11));
        sql("UPDATE state_anchor SET register_version = 10");
        assertTampered("audit.error.anchorInvalid");
        putAnchor(old);
        assertTampered("audit.error.anchorStale");
        sql("DELETE FROM state_anchor");
        assertTampered("audit.error.anchorMissing");
        assertRefused(tryLoad(world.registerPackage("v12.srp", 5, 12)), "audit.error.anchorMissing");
    }

    @Test
    void aRewrittenChainIsFound() throws Exception {
        // An entry edited in place, the append-only trigger dropped for it and put back: the chain shows it.
        String noUpdate = triggerSql("audit_log_no_update");
        sql("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET fields = replace(fields, 'version=10;', "
                + "'version=1;') WHERE type = 'REGISTER_LOADED'", noUpdate);
        assertTampered("audit.error.chainBroken");
    }

    // --- the kiosk, as its administrator uses it ---

    private void load(Path srp) {
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package", srp.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    private ThreatWorld.Run tryLoad(Path srp) {
        return ThreatWorld.run("register", "load", "--data", world.kiosk.toString(), "--package", srp.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    private void close() {
        ThreatWorld.succeed("day", "close", "--data", world.kiosk.toString(), "--out",
                root.resolve("bundle.json").toString(), "--passphrase-file", world.passphrase.toString());
    }

    private ThreatWorld.Run verify() {
        return ThreatWorld.run("audit", "verify", "--data", world.kiosk.toString());
    }

    private static void assertRefused(ThreatWorld.Run run, String key) {
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("error [" + key + "]"), "expected " + key + ": " + run.err());
    }

    private void assertTampered(String key) {
        ThreatWorld.Run run = verify();
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("kiosk state: TAMPERED [" + key + "]"), "expected " + key + ":\n" + run.out());
    }

    /** {@code start --check-only} with a configuration whose ports exist: only the integrity problem is left. */
    private void assertStartRefused(String key) throws Exception {
        Path config = writeConfiguration();
        ThreatWorld.Run run = ThreatWorld.run("start", "--config", config.toString(), "--check-only");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("integrity: the kiosk database disagrees with its signed audit log [" + key
                + "]"), run.err());
    }

    private Path writeConfiguration() throws Exception {
        return Files.writeString(root.resolve("kiosk.json"), "{\"dataDirectory\": \""
                + world.kiosk.toString().replace("\\", "\\\\") + "\", \"election\": \"KZ-2026-TEST\", "
                + "\"precinct\": 101, \"electionDay\": \"2026-11-20\", "
                + "\"scanner\": {\"port\": \"/dev/null\", \"baud\": 57600}, "
                + "\"mrzReader\": {\"port\": \"/dev/null\", \"baud\": 9600}, "
                + "\"printer\": {\"port\": \"/dev/null\", \"baud\": 19200}}");
    }

    // --- the insider's sqlite3 ---

    private void sql(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getLong(1) : -1;
        }
    }

    private byte[] bytes(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getBytes(1);
        }
    }

    private String triggerSql(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no trigger " + name);
                return row.getString(1);
            }
        }
    }

    private List<Object> anchorRow() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT * FROM state_anchor")) {
            assertTrue(row.next(), "the kiosk has anchored its state");
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(row.getObject(i));
            }
            return values;
        }
    }

    private void putAnchor(List<Object> values) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement write = connection.prepareStatement("INSERT OR REPLACE INTO state_anchor VALUES ("
                     + "?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                write.setObject(i + 1, values.get(i));
            }
            write.executeUpdate();
        }
    }

    /** Appends a well-linked entry by hand: hash and link are right, only a signed head could tell. */
    private void appendEntry(AuditEventType type) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC "
                     + "LIMIT 1")) {
            assertTrue(head.next());
            AuditEntry entry = AuditEntry.next(head.getLong(1) + 1, Instant.parse("2026-11-20T19:00:00Z"),
                    AuditEvent.of(type), head.getString(2));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (sequence, time, "
                    + "type, fields, previous_hash, hash) VALUES (?, ?, ?, '', ?, ?)")) {
                insert.setLong(1, entry.sequence());
                insert.setString(2, entry.time().toString());
                insert.setString(3, type.name());
                insert.setString(4, entry.previousHash());
                insert.setString(5, entry.hash());
                insert.executeUpdate();
            }
        }
    }
}
