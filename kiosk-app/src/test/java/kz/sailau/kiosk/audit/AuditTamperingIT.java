package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of tampering, done with plain SQL on the real SQLite file of a closed election day (the
 * append-only triggers dropped first, as an attacker with the file would) and on a real bundle file, is
 * detected and located by {@code audit verify} and {@code bundle verify}.
 */
class AuditTamperingIT {

    private static final int CHECK_INS = 30;
    private static Path template;
    private static Path templateBundle;
    private static List<AuditEntry> original;

    @TempDir
    Path temp;

    @BeforeAll
    static void closeADay() throws Exception {
        template = Files.createTempDirectory("sailau-audit-tamper");
        try (DayFixture day = DayFixture.open(template.resolve("kiosk"), CHECK_INS + 5)) {
            day.simulate(CHECK_INS);
            Files.createDirectories(template.resolve("out"));
            templateBundle = day.close(template.resolve("out/day.json")).bundle();
            original = day.database.read(AuditLog::readAll);
        }
        assertTrue(original.size() > 3 * DayFixture.SIGN_EVERY, "the day must span several signed heads");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var files = Files.walk(template)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path copy() throws Exception {
        Path dir = temp.resolve("kiosk");
        Files.createDirectories(dir);
        try (var files = Files.list(template.resolve("kiosk"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private static int run(DayFixture.Console console, String... args) {
        return KioskCommandLine.create(console.environment).execute(args);
    }

    private String verifyData(Path dir, int expectedExit) {
        DayFixture.Console console = DayFixture.console();
        int exit = run(console, "audit", "verify", "--data", dir.toString());
        assertEquals(expectedExit, exit, console.out() + console.err());
        return console.out();
    }

    /** Plain SQL on the file, after dropping the append-only triggers. */
    private static void tamper(Path dir, SqlWork work) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiosk.db"));
             Statement s = c.createStatement()) {
            // The insider drops the append-only triggers for the edit and puts them back as they were (left
            // dropped, StateAnchor reports audit.error.triggersAltered: InsiderRollbackIT).
            List<String> triggers = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                    + "AND name IN ('audit_log_no_update', 'audit_log_no_delete')")) {
                while (r.next()) {
                    triggers.add(r.getString(1));
                }
            }
            s.execute("DROP TRIGGER audit_log_no_update");
            s.execute("DROP TRIGGER audit_log_no_delete");
            work.run(c);
            for (String trigger : triggers) {
                s.execute(trigger);
            }
        }
    }

    interface SqlWork {
        void run(Connection connection) throws Exception;
    }

    /** Rebuilds audit_log without its primary key and writes {@code rows} in the given order. */
    private static void rewriteInOrder(Connection c, List<AuditEntry> rows) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE audit_log");
            s.execute("CREATE TABLE audit_log (sequence INTEGER, time TEXT, type TEXT, fields TEXT, "
                    + "previous_hash TEXT, hash TEXT)");
        }
        for (AuditEntry entry : rows) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, entry.sequence());
                insert.setString(2, entry.time().toString());
                insert.setString(3, entry.event().type().name());
                insert.setString(4, AuditLog.encodeFields(entry.event()));
                insert.setString(5, entry.previousHash());
                insert.setString(6, entry.hash());
                insert.executeUpdate();
            }
        }
    }

    /** Entry {@code position} with another override reason, rehashed in place (link to its predecessor kept). */
    private static AuditEntry forged(AuditEntry entry, long sequence, String previousHash) {
        AuditEvent event = AuditEvent.of(AuditEventType.CHECK_IN_BY_OVERRIDE,
                AuditField.code("method", kz.sailau.kiosk.checkin.CheckInMethod.CLERK_OVERRIDE),
                AuditField.code("reason", kz.sailau.kiosk.checkin.OverrideReason.DISABILITY),
                AuditField.login("clerk", "clerk7"));
        return AuditEntry.next(sequence, entry.time(), event, previousHash);
    }

    /** Recomputes every hash from {@code from} on, keeping the signed-head fields as they were. */
    private static List<AuditEntry> rehashFrom(List<AuditEntry> entries, int from, boolean alsoFixSignedHashes) {
        List<AuditEntry> result = new ArrayList<>(entries.subList(0, from - 1));
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        for (int i = from - 1; i < entries.size(); i++) {
            AuditEntry old = entries.get(i);
            AuditEvent event = i == from - 1 ? forged(old, old.sequence(), old.previousHash()).event() : old.event();
            if (alsoFixSignedHashes && event.type() == AuditEventType.CHAIN_HEAD_SIGNED) {
                List<AuditField> fields = new ArrayList<>();
                for (AuditField field : event.fields()) {
                    fields.add(field.name().equals("headHash") && renamed.containsKey(field.value())
                            ? AuditField.digest("headHash", renamed.get(field.value())) : field);
                }
                event = new AuditEvent(event.type(), fields);
            }
            String previous = result.isEmpty() ? AuditEntry.GENESIS : result.get(result.size() - 1).hash();
            AuditEntry next = AuditEntry.next(old.sequence(), old.time(), event, previous);
            renamed.put(old.hash(), next.hash());
            result.add(next);
        }
        return result;
    }

    private static int firstSignedHeadFrom(int position) {
        for (AuditEntry entry : original) {
            if (entry.event().type() == AuditEventType.CHAIN_HEAD_SIGNED
                    && Long.parseLong(entry.event().field("headSequence")) >= position) {
                return (int) entry.sequence();
            }
        }
        throw new AssertionError("no signed head after " + position);
    }

    private static int firstPositionOf(AuditEventType type, int from) {
        for (AuditEntry entry : original) {
            if (entry.sequence() >= from && entry.event().type() == type) {
                return (int) entry.sequence();
            }
        }
        throw new AssertionError("no " + type);
    }

    @Test
    void untouchedClosedDayVerifies() throws Exception {
        String out = verifyData(copy(), KioskCommandLine.OK);
        assertTrue(out.contains("election day: CLOSED"), out);
        assertTrue(out.contains("audit log intact: " + original.size() + " entries"), out);
        assertTrue(out.contains("signed heads valid"), out);
    }

    @Test
    void changedEntryIsLocated() throws Exception {
        Path dir = copy();
        int position = firstPositionOf(AuditEventType.CHECK_IN_BY_FINGERPRINT, 4);
        tamper(dir, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_log SET fields = 'clerk=clerk7;method=CLERK_OVERRIDE;reason=DISABILITY;' "
                        + "WHERE sequence = " + position);
            }
        });
        String out = verifyData(dir, KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry " + position + " of " + original.size() + ": CHANGED"), out);
    }

    @Test
    void deletedEntryIsLocated() throws Exception {
        Path dir = copy();
        tamper(dir, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_log WHERE sequence = 7");
            }
        });
        String out = verifyData(dir, KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry 7 of " + (original.size() - 1) + ": DELETED"), out);
    }

    @Test
    void insertedEntryIsLocated() throws Exception {
        Path dir = copy();
        List<AuditEntry> rows = new ArrayList<>(original);
        rows.add(8, forged(original.get(8), 9, original.get(7).hash()));
        tamper(dir, c -> rewriteInOrder(c, rows));
        String out = verifyData(dir, KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry 9 of " + rows.size() + ": INSERTED"), out);
    }

    @Test
    void entryAppendedAfterCloseIsShownAsUnsignedOnTheKiosk() throws Exception {
        // The kiosk itself may write after close (a clerk call); such entries are not in the bundle and are
        // reported as not covered by a signature until the wipe signs the head again.
        Path dir = copy();
        List<AuditEntry> rows = new ArrayList<>(original);
        AuditEntry last = original.get(original.size() - 1);
        // A clerk call, as the kiosk may write after close (a check-in after close would be an impossible
        // sequence: InsiderRollbackIT.aCheckInEntryAfterTheCloseIsFound).
        rows.add(AuditEntry.next(last.sequence() + 1, last.time(), AuditEvent.of(AuditEventType.CLERK_CALLED,
                AuditField.code("reason", kz.sailau.kiosk.checkin.ClerkReason.values()[0])), last.hash()));
        tamper(dir, c -> rewriteInOrder(c, rows));
        String out = verifyData(dir, KioskCommandLine.OK);
        assertTrue(out.contains("1 entries after the last signed head"), out);
    }

    @Test
    void entryAppendedToTheBundleAfterCloseIsLocated() throws Exception {
        AuditEntry last = original.get(original.size() - 1);
        AuditEntry extra = forged(last, last.sequence() + 1, last.hash());
        String out = verifyBundle(tamperedBundle(log -> {
            ObjectNode e = log.addObject();
            e.put("sequence", extra.sequence());
            e.put("time", extra.time().toString());
            e.put("type", extra.event().type().name());
            ObjectNode fields = e.putObject("fields");
            extra.event().fields().forEach(f -> fields.put(f.name(), f.value()));
            e.put("previousHash", extra.previousHash());
            e.put("hash", extra.hash());
        }), KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry " + (original.size() + 1) + " of " + (original.size() + 1)
                + ": INSERTED"), out);
    }

    @Test
    void reorderedEntriesAreLocated() throws Exception {
        Path dir = copy();
        List<AuditEntry> rows = new ArrayList<>(original);
        Collections.swap(rows, 4, 5);
        tamper(dir, c -> rewriteInOrder(c, rows));
        String out = verifyData(dir, KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry 5 of " + rows.size() + ": REORDERED"), out);
    }

    @Test
    void truncatedEndIsDetected() throws Exception {
        Path dir = copy();
        tamper(dir, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_log WHERE sequence > " + (original.size() - 2));
            }
        });
        String out = verifyData(dir, KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry " + (original.size() - 2) + " of " + (original.size() - 2)
                + ": TRUNCATED"), out);
    }

    @Test
    void wholesaleRewriteIsCaughtByTheSignedHeads() throws Exception {
        Path dir = copy();
        List<AuditEntry> rows = rehashFrom(original, 5, false);
        assertTrue(AuditChain.verify(rows).intact(), "the rewritten chain links perfectly");
        tamper(dir, c -> rewriteInOrder(c, rows));
        String out = verifyData(dir, KioskCommandLine.FAILED);
        int named = Integer.parseInt(original.get(firstSignedHeadFrom(5) - 1).event().field("headSequence"));
        assertTrue(out.contains("broken at entry " + named + " of " + rows.size() + ": REWRITTEN"), out);
    }

    @Test
    void forgedSignedHeadIsCaught() throws Exception {
        Path dir = copy();
        List<AuditEntry> rows = rehashFrom(original, 5, true);
        tamper(dir, c -> rewriteInOrder(c, rows));
        String out = verifyData(dir, KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry " + firstSignedHeadFrom(5) + " of " + rows.size()
                + ": SIGNATURE_INVALID"), out);
    }

    // ---- the same on a bundle file ----

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path tamperedBundle(Consumer<ArrayNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(templateBundle.toFile());
        edit.accept((ArrayNode) root.get("auditLog"));
        Path file = temp.resolve("day.json");
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.copy(templateBundle.resolveSibling("day.json.p7s"), temp.resolve("day.json.p7s"));
        Files.copy(templateBundle.resolveSibling("day.json" + MarkedRegisterBackup.FILE_SUFFIX),
                temp.resolve("day.json" + MarkedRegisterBackup.FILE_SUFFIX));
        return file;
    }

    private String verifyBundle(Path bundle, int expectedExit) throws Exception {
        DayFixture.Console console = DayFixture.console();
        Path authority = temp.resolve("authority.crt.pem");
        if (!Files.exists(authority)) {
            Files.copy(template.resolve("kiosk/authority-copy.crt.pem"), authority);
        }
        int exit = run(console, "bundle", "verify", bundle.toString(), "--authority-cert", authority.toString());
        assertEquals(expectedExit, exit, console.out() + console.err());
        DayFixture.Console audit = DayFixture.console();
        assertEquals(expectedExit, run(audit, "audit", "verify", bundle.toString()), audit.out() + audit.err());
        return console.out();
    }

    @Test
    void untouchedBundleVerifies() throws Exception {
        String out = verifyBundle(tamperedBundle(log -> { }), KioskCommandLine.OK);
        assertTrue(out.contains("ok\tsignature\tvalid"), out);
        assertTrue(out.contains("bundle verified"), out);
    }

    @Test
    void bundleFromAKioskOfAnotherAuthorityIsRefused() throws Exception {
        Path bundle = tamperedBundle(log -> { });
        Path other = RegisterFixtures.writeCertificate(temp.resolve("other.crt.pem"),
                kz.sailau.kiosk.crypto.AuthorityCredentials.generate("Other authority (DEMO)", DayFixture.CLOCK,
                        java.time.Duration.ofDays(1), RegisterFixtures.RANDOM).certificate());
        DayFixture.Console console = DayFixture.console();
        assertEquals(KioskCommandLine.FAILED, run(console, "bundle", "verify", bundle.toString(), "--authority-cert",
                other.toString()));
        assertTrue(console.out().contains("FAILED\tsignature\tthe kiosk certificate is not issued by this authority"),
                console.out());
        assertTrue(console.out().contains("ok\taudit log"), "the log itself is intact: " + console.out());
    }

    @Test
    void changedBundleEntryIsLocated() throws Exception {
        String out = verifyBundle(tamperedBundle(log -> ((ObjectNode) log.get(4)).put("time",
                Instant.parse("2026-11-20T09:00:00Z").toString())), KioskCommandLine.FAILED);
        assertTrue(out.contains("FAILED\tsignature"), out);
        assertTrue(out.contains("broken at entry 5 of " + original.size() + ": CHANGED"), out);
    }

    @Test
    void deletedBundleEntryIsLocated() throws Exception {
        String out = verifyBundle(tamperedBundle(log -> log.remove(6)), KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry 7 of " + (original.size() - 1) + ": DELETED"), out);
    }

    @Test
    void insertedBundleEntryIsLocated() throws Exception {
        String out = verifyBundle(tamperedBundle(log -> log.insert(9, log.get(8).deepCopy())), KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry 9 of " + (original.size() + 1) + ": INSERTED"), out);
    }

    @Test
    void reorderedBundleEntriesAreLocated() throws Exception {
        String out = verifyBundle(tamperedBundle(log -> {
            var fifth = log.get(4);
            log.set(4, log.get(5));
            log.set(5, fifth);
        }), KioskCommandLine.FAILED);
        assertTrue(out.contains("broken at entry 5 of " + original.size() + ": REORDERED"), out);
    }

    @Test
    void truncatedBundleIsDetected() throws Exception {
        String out = verifyBundle(tamperedBundle(log -> {
            log.remove(log.size() - 1);
            log.remove(log.size() - 1);
        }), KioskCommandLine.FAILED);
        assertTrue(out.contains(": TRUNCATED"), out);
    }
}
