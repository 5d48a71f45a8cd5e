package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.ledger.CheckInCrashIT;
import kz.sailau.kiosk.ledger.CrashChild;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: someone who copies the kiosk database (and, with the store key, can compute every voter's blind index)
 * reads from where the check-in marks and the token ids lie in the file in which order voters came, and with the
 * audit log's times who came when, or which token went to whom (issue #13, item 5). After a simulated day in a
 * random arrival order, and after kill -9 crashes mid-day and the recovery at the next open, every committed mark
 * and token id lies in the raw bytes of the database exactly where a day of the same voters in another order puts
 * it (page by page, copies in unused space included): the layout is a function of the set, not of the order; no
 * journal or write-ahead log is left after a day, and the check-in in flight at a kill leaves no trace in any file.
 * A positive control shows the same scan finding the arrival order in a table filled the ordinary way.
 */
class ArrivalOrderAtRestIT {

    private static final int VOTERS = 300;

    @TempDir
    Path dir;

    private final BlindIndex index = new BlindIndex(CrashChild.TEST_INDEX_KEY, "iin");

    @Test
    void afterASimulatedDayMarksAndTokensLieInKeyOrder() throws Exception {
        List<Integer> first = new ArrayList<>();
        for (int n = 0; n < VOTERS; n++) {
            first.add(n);
        }
        List<Integer> second = new ArrayList<>(first);
        Collections.shuffle(first, new Random(5));
        Collections.shuffle(second, new Random(6));
        Day one = day(dir.resolve("one.db"), first);
        Day two = day(dir.resolve("two.db"), second);
        assertNotEquals(hex(sorted(one.marks())), hex(one.marks()), "fixture: the voters arrive out of key order");
        for (Day day : List.of(one, two)) {
            assertNoJournal(day.file());
        }
        byte[] rawOne = Files.readAllBytes(one.file());
        byte[] rawTwo = Files.readAllBytes(two.file());
        assertEquals(pages(rawOne, one.marks()), pages(rawTwo, two.marks()),
                "the same voters in another arrival order leave the same marks on every page, in the same places");
        assertEquals(pages(rawOne, one.tokens()), pages(rawTwo, two.tokens()),
                "the same tokens issued in another order lie the same way");
        assertNotEquals(hex(one.marks()), hex(inFileOrder(rawOne, one.marks())), "not in arrival order");
        List<byte[]> backwards = new ArrayList<>(one.marks());
        Collections.reverse(backwards);
        assertNotEquals(hex(backwards), hex(inFileOrder(rawOne, one.marks())), "nor in arrival order backwards");
    }

    /**
     * A day's file and what it holds in arrival order.
     *
     * @param file   the database
     * @param marks  the voters' blind indexes, in arrival order
     * @param tokens the issued token ids, in issue order
     */
    private record Day(Path file, List<byte[]> marks, List<byte[]> tokens) {
    }

    /** Checks voters in in {@code arrival} order, each with its token; every 37th token is voided and replaced. */
    private Day day(Path file, List<Integer> arrival) {
        return day(file, arrival, n -> n % 37 == 0);
    }

    /** Checks voters in in {@code arrival} order, each with its token; those {@code voids} are voided and replaced. */
    private Day day(Path file, List<Integer> arrival, java.util.function.IntPredicate voids) {
        List<byte[]> tokens = new ArrayList<>();
        try (KioskDatabase database = KioskDatabase.open(file, CrashChild.migrations())) {
            SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, index, Clock.systemUTC());
            for (int n : arrival) {
                PreparedToken token = CrashChild.token(n);
                ledger.record(CrashChild.record(n), Optional.of(token));
                tokens.add(HexFormat.of().parseHex(token.id()));
                if (voids.test(n)) {
                    PreparedToken replacement = CrashChild.token(n + 1_000_000);
                    ledger.replaceToken(token, Optional.of(replacement), new ClerkId("c1"));
                    tokens.add(HexFormat.of().parseHex(replacement.id()));
                }
            }
        }
        return new Day(file, arrival.stream().map(n -> index.of(CrashChild.voter(n).digits())).toList(), tokens);
    }

    @Test
    void afterCrashesMidDayTheCommittedMarksAndTokensLieInKeyOrder() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Random random = new Random(11);
        for (int round = 0; round < 4; round++) {
            CheckInCrashIT.runChild(file, 10 + random.nextInt(30), random.nextInt(3_000));
            List<Integer> committed = new ArrayList<>();
            List<Integer> voided = new ArrayList<>();
            try (KioskDatabase database = KioskDatabase.open(file, CrashChild.migrations())) {
                // Opening replays a journal the kill left behind: the transaction in flight is undone.
                SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, index, Clock.systemUTC());
                List<String> voidedIds = ledger.issuedTokens().stream().filter(t -> t.voided()).map(t -> t.id())
                        .toList();
                for (int n = 0; n < CheckInCrashIT.VOTERS; n++) {
                    if (ledger.isCheckedIn(CrashChild.voter(n))) {
                        committed.add(n);
                        if (voidedIds.contains(CrashChild.token(n).id())) {
                            voided.add(n);
                        }
                    }
                }
            }
            assertFalse(committed.isEmpty(), "the child checked voters in before it was killed");
            // The same voters and tokens, recorded in the opposite order on a fresh database: the layout to expect.
            List<Integer> reversed = new ArrayList<>(committed);
            Collections.reverse(reversed);
            Path reference = dir.resolve("reference-" + round + ".db");
            Day expected = day(reference, reversed, voided::contains);
            byte[] raw = Files.readAllBytes(file);
            byte[] rawReference = Files.readAllBytes(reference);
            assertEquals(pages(rawReference, expected.marks()), pages(raw, expected.marks()),
                    "round " + round + ": the committed marks lie as in a day of the opposite order");
            assertEquals(pages(rawReference, expected.tokens()), pages(raw, expected.tokens()),
                    "round " + round + ": the committed token ids lie as in a day of the opposite order");
            int inFlight = committed.get(committed.size() - 1) + 1;
            byte[] mark = index.of(CrashChild.voter(inFlight).digits());
            byte[] token = HexFormat.of().parseHex(CrashChild.token(inFlight).id());
            for (String suffix : List.of("", "-journal", "-wal")) {
                Path any = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(any)) {
                    byte[] bytes = Files.readAllBytes(any);
                    assertEquals(-1, indexOf(bytes, mark, 0), "the check-in in flight left its mark in " + any);
                    assertEquals(-1, indexOf(bytes, token, 0), "the check-in in flight left its token in " + any);
                }
            }
        }
    }

    @Test
    void positiveControlTheScanFindsArrivalOrderInATableFilledTheOrdinaryWay() throws Exception {
        Path file = dir.resolve("ordinary.db");
        List<byte[]> arrival = new ArrayList<>();
        Random random = new Random(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE mark (id BLOB PRIMARY KEY) WITHOUT ROWID");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO mark (id) VALUES (?)")) {
                for (int n = 0; n < 60; n++) {
                    byte[] id = new byte[32];
                    random.nextBytes(id);
                    arrival.add(id);
                    insert.setBytes(1, id);
                    insert.executeUpdate();
                }
            }
        }
        List<byte[]> found = inFileOrder(Files.readAllBytes(file), arrival);
        List<byte[]> reversed = new ArrayList<>(arrival);
        Collections.reverse(reversed);
        assertEquals(hex(reversed), hex(found), "in one page SQLite stacks each new cell below the last: the file "
                + "shows the arrival order backwards");
        assertNotEquals(hex(sorted(arrival)), hex(found), "not in key order");
    }

    /**
     * Where {@code values} lie in {@code raw}, page by page: for every page holding some, every occurrence as
     * {@code offset-in-page:value}, the pages sorted (page numbers come from SQLite's free list, which history may
     * change). Copies SQLite leaves in a page's unused space when it rebalances count too: they must also lie where
     * the final rewrite in key order puts them, not where an earlier state of the day had them.
     */
    private static List<String> pages(byte[] raw, List<byte[]> values) {
        int pageSize = ((raw[16] & 0xFF) << 8) | (raw[17] & 0xFF);   // database header, offset 16 (sqlite.org/fileformat)
        int size = pageSize == 1 ? 65_536 : pageSize;
        java.util.TreeMap<Integer, List<String>> byPage = new java.util.TreeMap<>();
        for (byte[] value : values) {
            int at = indexOf(raw, value, 0);
            assertTrue(at >= 0, HexFormat.of().formatHex(value) + " not in the file");
            for (; at >= 0; at = indexOf(raw, value, at + 1)) {
                byPage.computeIfAbsent(at / size, k -> new ArrayList<>())
                        .add(String.format("%05d:%s", at % size, HexFormat.of().formatHex(value)));
            }
        }
        return byPage.values().stream().map(page -> String.join(",", page.stream().sorted().toList())).sorted()
                .toList();
    }

    /** The values as they lie in {@code raw}, by the offset of their first occurrence. */
    private static List<byte[]> inFileOrder(byte[] raw, List<byte[]> values) {
        record At(int offset, byte[] value) {
        }
        List<At> found = new ArrayList<>();
        for (byte[] value : values) {
            int at = indexOf(raw, value, 0);
            assertTrue(at >= 0, HexFormat.of().formatHex(value) + " not found in the file");
            found.add(new At(at, value));
        }
        found.sort(Comparator.comparingInt(At::offset));
        return found.stream().map(At::value).toList();
    }

    private static List<byte[]> sorted(List<byte[]> values) {
        List<byte[]> copy = new ArrayList<>(values);
        copy.sort(Arrays::compareUnsigned);
        return copy;
    }

    private static List<String> hex(List<byte[]> values) {
        return values.stream().map(HexFormat.of()::formatHex).toList();
    }

    private static void assertNoJournal(Path file) {
        for (String suffix : List.of("-journal", "-wal")) {
            Path journal = file.resolveSibling(file.getFileName() + suffix);
            assertFalse(Files.exists(journal), journal.getFileName() + " left behind");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
