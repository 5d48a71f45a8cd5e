package kz.sailau.kiosk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.LedgerFullException;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite check-in ledger on a real file: atomic record, refusal of a second check-in, no IIN at rest. */
class SqliteCheckInLedgerIT {

    @TempDir
    Path dir;

    @Test
    void recordsOnceWithCountersAndAuditAndKeepsNoIin() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (KioskDatabase db = KioskDatabase.open(file, SqliteCheckInLedger.ledgerOnly())) {
            SqliteCheckInLedger ledger = new SqliteCheckInLedger(db, new BlindIndex(CrashChild.TEST_INDEX_KEY, "iin"),
                    Clock.systemUTC());
            assertFalse(ledger.isCheckedIn(CrashChild.voter(0)));
            PreparedToken first = CrashChild.token(0);
            assertEquals(new Counters(1, 0, 0, 0, 0), ledger.record(CrashChild.record(0), Optional.of(first)));
            assertEquals(new Counters(2, 1, 0, 0, 0), ledger.record(CrashChild.record(3),
                    Optional.of(CrashChild.token(3))));
            assertThrows(AlreadyCheckedInException.class, () -> ledger.record(CrashChild.record(0),
                    Optional.of(CrashChild.token(99))));
            assertEquals(new Counters(2, 1, 0, 0, 0), ledger.counters(), "a refused record changes nothing");
            assertEquals(2, ledger.issuedTokens().size(), "a refused record issues no token");
            assertEquals(2, ledger.auditCount(CheckInAuditEvent.CHECKED_IN));
            assertEquals(2, ledger.auditCount(CheckInAuditEvent.TOKEN_ISSUED));
            assertEquals(new Counters(2, 1, 0, 0, 1), ledger.replaceToken(first, Optional.of(CrashChild.token(100)),
                    new ClerkId("c1")));
            assertThrows(IllegalStateException.class, () -> ledger.replaceToken(first,
                    Optional.of(CrashChild.token(101)), new ClerkId("c1")), "a void token cannot be voided again");
            assertEquals(3, ledger.issuedTokens().size());
            assertEquals(1, ledger.issuedTokens().stream().filter(t -> t.voided()).count());
            assertEquals(1, ledger.auditCount(CheckInAuditEvent.TOKEN_VOIDED));
            assertEquals(3, ledger.auditCount(CheckInAuditEvent.TOKEN_ISSUED));
            ledger.audit(CheckInAuditEvent.PAUSED, "", Optional.of(new ClerkId("c1")));
            assertEquals(1, ledger.auditCount(CheckInAuditEvent.PAUSED));
            assertTrue(ledger.isCheckedIn(CrashChild.voter(3)));
        }
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(CrashChild.voter(0).digits()), "IIN must not be stored in clear");
        assertFalse(text.contains(CrashChild.voter(3).digits()), "IIN must not be stored in clear");
    }

    /**
     * Within the reserve (fewer than {@link LedgerRoom#PAGES} pages left, room enough for one check-in) the ledger
     * refuses a write before it starts; the same ledger with its room check left to the caller (the precinct's ledger,
     * which checked once before the precinct counted the voter) writes it, and still reports the shortage when asked
     * (decision 0475).
     */
    @Test
    void aLedgerWhoseCallerCheckedTheRoomWritesWithinTheReserve() throws Exception {
        Path file = dir.resolve("kiosk.db");
        long pages;
        try (KioskDatabase fresh = KioskDatabase.open(file, SqliteCheckInLedger.ledgerOnly())) {
            pages = fresh.read(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA page_count")) {
                    r.next();
                    return r.getLong(1);
                }
            });
        }
        try (KioskDatabase db = KioskDatabase.open(file, SqliteCheckInLedger.ledgerOnly(),
                new StoreOptions(pages + 16, 1000), Clock.systemUTC())) {
            SqliteCheckInLedger checking = new SqliteCheckInLedger(db,
                    new BlindIndex(CrashChild.TEST_INDEX_KEY, "iin"), Clock.systemUTC());
            assertThrows(LedgerFullException.class, () -> checking.record(CrashChild.record(0),
                    Optional.of(CrashChild.token(0))), "16 pages left are inside the reserve");
            assertEquals(0, checking.counters().checkIns(), "a refused write changed nothing");

            SqliteCheckInLedger checkedByCaller = checking.roomCheckedByCaller();
            assertThrows(LedgerFullException.class, checkedByCaller::requireRoom, "asked, it still says so");
            assertEquals(1, checkedByCaller.record(CrashChild.record(0), Optional.of(CrashChild.token(0)))
                    .checkIns(), "the write the caller let through fits");
            assertTrue(checking.isCheckedIn(CrashChild.voter(0)));
            assertEquals(1, checking.auditCount(CheckInAuditEvent.CHECKED_IN));
        }
    }
}
