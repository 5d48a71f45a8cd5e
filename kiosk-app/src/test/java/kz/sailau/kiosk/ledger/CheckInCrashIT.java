package kz.sailau.kiosk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a check-in process with {@code kill -9} (SIGKILL via {@link Process#destroyForcibly()}) at random
 * points of hundreds of check-ins (each with its ballot token, some voided and replaced) and checks after each
 * restart: nothing lost, nothing doubled, counters and audit events agree with the rows, every check-in has its
 * token and every token event its id (issued = check-ins + voids, the day reconciles), and a voter checked in
 * before the crash is refused as already checked in.
 *
 * <p>Crashes: {@code -Dcheckin.crashes=N} (default 12 for CI; the full run is
 * {@code mvn -B -pl kiosk-app -am verify -Dit.test=CheckInCrashIT -Dcheckin.crashes=200}).
 */
public class CheckInCrashIT {

    /** Voters the child checks in. */
    public static final int VOTERS = 400;

    @TempDir
    Path dir;

    @Test
    void nothingLostNothingDoubledOverInjectedCrashes() throws Exception {
        String summary = crashRun(dir, Integer.getInteger("checkin.crashes", 3),
                Long.getLong("checkin.seed", System.nanoTime()));
        System.out.println(summary);
    }

    /**
     * The whole crash experiment in {@code dir}; also run by {@link CrashRunner} outside JUnit.
     *
     * @return a one-line summary
     */
    public static String crashRun(Path dir, int crashes, long seed) throws Exception {
        Random random = new Random(seed);
        Path db = dir.resolve("kiosk.db");
        Set<Integer> confirmed = new HashSet<>();   // printed OK by some child: must never be lost
        Set<Integer> voidsConfirmed = new HashSet<>();   // printed VOID: the void must never be lost
        int crashed = 0;
        int refusedAfterCrash = 0;
        while (crashed < crashes) {
            Set<Integer> before = committed(db);
            List<String> lines = runChild(db, random.nextInt(25) + 1, random.nextInt(2_000));
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts[0].equals("VOID")) {
                    voidsConfirmed.add(Integer.parseInt(parts[1]));
                } else if (parts[0].equals("OK")) {
                    confirmed.add(Integer.parseInt(parts[1]));
                } else if (parts[0].equals("ALREADY")) {
                    int n = Integer.parseInt(parts[1]);
                    assertTrue(before.contains(n), "voter " + n + " refused but was not committed before (seed " + seed + ")");
                    refusedAfterCrash++;
                }
            }
            crashed++;
            Set<Integer> after = committed(db);
            assertTrue(after.containsAll(confirmed), "a confirmed check-in was lost (seed " + seed + ")");
            assertTrue(after.containsAll(before), "a committed check-in vanished (seed " + seed + ")");
            assertConsistent(db, after, voidsConfirmed);
        }
        List<String> last = runChild(db, Integer.MAX_VALUE, 0);
        assertEquals("DONE", last.get(last.size() - 1));
        Set<Integer> all = committed(db);
        assertEquals(VOTERS, all.size());
        assertConsistent(db, all, voidsConfirmed);
        assertTrue(refusedAfterCrash > 0, "restarts must have met already-checked-in voters");
        return "CheckInCrashIT: " + crashed + " crashes, 0 lost, 0 doubled, " + refusedAfterCrash
                + " refused as already checked in, " + VOTERS + " voters, " + tokenCount(db)
                + " tokens issued (voids included), every check-in with its token, seed " + seed;
    }

    /** Which voters the ledger has, read in this process while no child runs. */
    private static Set<Integer> committed(Path db) {
        Set<Integer> result = new HashSet<>();
        if (!db.toFile().exists()) {
            return result;
        }
        try (KioskDatabase database = KioskDatabase.open(db, CrashChild.migrations())) {
            SqliteCheckInLedger ledger = ledger(database);
            for (int n = 0; n < VOTERS; n++) {
                if (ledger.isCheckedIn(CrashChild.voter(n))) {
                    result.add(n);
                }
            }
        }
        return result;
    }

    private static SqliteCheckInLedger ledger(KioskDatabase database) {
        return new SqliteCheckInLedger(database, new BlindIndex(CrashChild.TEST_INDEX_KEY, "iin"), Clock.systemUTC());
    }

    private static void assertConsistent(Path db, Set<Integer> committed, Set<Integer> voidsConfirmed) {
        try (KioskDatabase database = KioskDatabase.open(db, CrashChild.migrations())) {
            SqliteCheckInLedger ledger = ledger(database);
            long overrides = committed.stream().filter(n -> CrashChild.method(n) == CheckInMethod.CLERK_OVERRIDE).count();
            long fallback = committed.stream().filter(n -> CrashChild.method(n) == CheckInMethod.FALLBACK).count();
            Counters counters = ledger.counters();
            assertEquals(new Counters(committed.size(), overrides, 0, fallback, counters.voidedTokens()), counters);
            assertEquals(committed.size(), ledger.rowCount(), "rows doubled or lost");
            assertEquals(committed.size(), ledger.auditCount(CheckInAuditEvent.CHECKED_IN), "audit events doubled or lost");
            // Tokens: every check-in committed with its token; every void with its replacement.
            Map<String, Boolean> issued = new HashMap<>();
            ledger.issuedTokens().forEach(t -> issued.put(t.id(), t.voided()));
            long voided = issued.values().stream().filter(v -> v).count();
            assertEquals(counters.voidedTokens(), voided, "voided counter and voided ids disagree");
            assertEquals(committed.size() + voided, issued.size(), "a check-in without its token or a token without "
                    + "its check-in");
            for (int n : committed) {
                assertTrue(issued.containsKey(CrashChild.token(n).id()), "voter " + n + " has no token");
                boolean replaced = issued.containsKey(CrashChild.token(n + 1_000_000).id());
                assertEquals(replaced, issued.get(CrashChild.token(n).id()), "a void without its replacement");
                if (voidsConfirmed.contains(n)) {
                    assertTrue(replaced, "a confirmed void was lost");
                }
            }
            assertEquals(issued.size(), ledger.auditCount(CheckInAuditEvent.TOKEN_ISSUED), "TOKEN_ISSUED events");
            assertEquals(voided, ledger.auditCount(CheckInAuditEvent.TOKEN_VOIDED), "TOKEN_VOIDED events");
            DayCounts day = database.read(c -> DayCounts.of(AuditLog.readAll(c)));
            assertTrue(day.reconciles(), "the log reconciles: check-ins = issued - voided");
            assertEquals(issued.size(), day.tokensIssued());
        }
    }

    private static int tokenCount(Path db) {
        try (KioskDatabase database = KioskDatabase.open(db, CrashChild.migrations())) {
            return ledger(database).issuedTokens().size();
        }
    }

    /** Runs the child until it printed {@code killAfterLines} check-in lines (plus up to {@code extraMicros}), then SIGKILL. */
    public static List<String> runChild(Path db, int killAfterLines, int extraMicros) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), db.toString(), Integer.toString(VOTERS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int counted = 0;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    continue;
                }
                lines.add(line);
                if (line.equals("DONE")) {
                    break;
                }
                if (++counted >= killAfterLines) {
                    if (extraMicros > 0) {
                        TimeUnit.MICROSECONDS.sleep(extraMicros);   // land the kill anywhere in the next commit
                    }
                    child.destroyForcibly();
                    break;
                }
            }
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("child did not end");
        }
        return lines;
    }
}
