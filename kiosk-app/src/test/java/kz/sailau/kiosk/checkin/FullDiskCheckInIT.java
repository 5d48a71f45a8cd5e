package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.AuditVerifier;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkCancels;
import kz.sailau.kiosk.checkin.CheckInEvent.FingerCaptured;
import kz.sailau.kiosk.checkin.CheckInState.AwaitingCard;
import kz.sailau.kiosk.checkin.CheckInState.NeedsClerk;
import kz.sailau.kiosk.checkin.CheckInState.Refused;
import kz.sailau.kiosk.checkin.CheckInState.TokenIssued;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.LedgerRoom;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's real database runs out of room in the middle of a real election day: the real {@link CheckInEngine},
 * the real SQLite ledger with the signed audit log and seal, and a database capped ({@code max_page_count}, which
 * fails exactly as a full disk, SQLITE_FULL) at its own size plus the ledger's reserve ({@link LedgerRoom#PAGES}).
 * Voters check in until the store has grown into its reserve, and the next check-in is refused before its
 * transaction (decision 0455): that voter gets no token (none shown, none printed, none counted), the kiosk calls a commission member
 * without looping on the log entry of that call (which does not fit either) and stays with the clerk while nothing
 * can be logged, the record and its signed log stay intact with no half check-in, and once the cap is raised on the
 * running kiosk the clerk cancels and the same voter checks in exactly once.
 */
class FullDiskCheckInIT {

    private static final char[] PIN = "4711".toCharArray();
    /** Bound of the voters checked in before the capped store fills (it fills within a few pages' worth). */
    private static final int MAX_VOTERS = 120;

    @TempDir
    Path temp;

    @Test
    void aCheckInThatCannotBeWrittenGivesNoTokenAndSucceedsOnceWhenSpaceIsBack() throws Exception {
        Path data = temp.resolve("kiosk");
        PublicKey kioskKey = RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT).getPublicKey();
        KioskCredentials credentials = KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE);
        List<Migration> migrations = new ArrayList<>(RegisterStore.MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.MIGRATIONS);
        migrations.addAll(StateAnchor.MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.TOKEN_MIGRATIONS);
        migrations.addAll(CheckInSeal.MIGRATIONS);
        List<RegisteredVoter> register = IntStream.rangeClosed(1, MAX_VOTERS).mapToObj(Fixtures::voter).toList();
        ManualClock clock = Fixtures.clock();
        Path file = data.resolve("kiosk.db");
        long pages;
        try (KioskDatabase fresh = KioskDatabase.open(file, migrations)) {
            pages = fresh.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA page_count")) {
                    r.next();
                    return r.getLong(1);
                }
            });
        }

        int failing = 0;
        // Capped at its own size and the reserve, the store is full for the ledger once it has grown by a page.
        try (KioskDatabase capped = KioskDatabase.open(file, migrations,
                new StoreOptions(pages + LedgerRoom.PAGES, 1000), clock)) {
            SqliteCheckInLedger ledger = ledger(capped, credentials, clock);
            List<Effect.DeviceEffect> devices = new ArrayList<>();
            Fixtures.FakeTokenIssuer tokens = new Fixtures.FakeTokenIssuer();
            CheckInEngine engine = engine(register, ledger, tokens, clock, devices);
            List<CheckInState> screens = new ArrayList<>();
            engine.addListener(screens::add);
            CheckInState state = null;
            for (int n = 1; n <= MAX_VOTERS && failing == 0; n++) {
                clock.advance(Duration.ofMinutes(1));
                screens.clear();
                devices.clear();
                engine.submitCard(zone(register, n));
                state = engine.submit(new FingerCaptured(Fixtures.goodImage(n)));
                if (state instanceof TokenIssued) {
                    engine.submit(new Acknowledged());
                } else {
                    failing = n;
                }
            }
            assertTrue(failing > 1, "the capped store ran out of room within " + MAX_VOTERS + " voters");
            NeedsClerk called = assertInstanceOf(NeedsClerk.class, state, "the voter is sent to a commission member");
            assertEquals(ClerkReason.STORE_FULL, called.reason());
            assertEquals(ClerkReason.STORE_FULL, engine.clerkCall().orElseThrow().reason(), "the clerk is called");
            // No token: none shown, none printed, none counted as issued; the token made in memory is dropped.
            assertFalse(screens.stream().anyMatch(TokenIssued.class::isInstance), screens.toString());
            assertFalse(devices.stream().anyMatch(Effect.PrintReceipt.class::isInstance), devices.toString());
            assertEquals(failing, tokens.issued, "a token was prepared for the voter whose check-in failed");
            assertEquals(failing - 1, ledger.issuedTokens().size());
            assertEquals(failing - 1, ledger.counters().checkIns());
            assertFalse(ledger.isCheckedIn(register.get(failing - 1).voter().iin()), "no mark without its record");
            // While nothing fits, the clerk's cancel cannot be logged: the kiosk stays with the clerk (decision 0450).
            CheckInState whileFull = engine.submitAsClerk(new ClerkCancels(Fixtures.CLERK), PIN.clone());
            assertEquals(new NeedsClerk(ClerkReason.STORE_FULL, Optional.empty()), whileFull);
            assertIntact(capped, kioskKey, migrations, failing - 1);

            // Space is back (the cap raised on the running kiosk's connection): the clerk cancels, and the same
            // voter checks in, exactly once.
            capped.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + (pages + LedgerRoom.PAGES) * 4);
                }
                return null;
            });
            assertEquals(AwaitingCard.FRESH, engine.submitAsClerk(new ClerkCancels(Fixtures.CLERK), PIN.clone()));
            clock.advance(Duration.ofMinutes(1));
            engine.submitCard(zone(register, failing));
            assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(failing))));
            engine.submit(new Acknowledged());
            engine.submitCard(zone(register, failing));
            assertInstanceOf(Refused.class, engine.state(), "a second visit is refused");
            assertEquals(failing, ledger.counters().checkIns());
            assertEquals(failing, ledger.issuedTokens().size());
            assertTrue(ledger.isCheckedIn(register.get(failing - 1).voter().iin()));
            assertIntact(capped, kioskKey, migrations, failing);
        }
    }

    /** As {@code audit verify --data}: the signed chain is intact, the state agrees with it, one log entry a check-in. */
    private static void assertIntact(KioskDatabase database, PublicKey kioskKey, List<Migration> migrations,
                                     int checkIns) {
        var entries = database.read(AuditLog::readAll);
        AuditVerifier.Report report = AuditVerifier.verifyKiosk(entries, Optional.of(kioskKey), false);
        assertTrue(report.intact(), report.describe());
        database.read(c -> StateAnchor.verify(c, kioskKey, migrations));
        assertEquals(checkIns, entries.stream().filter(e -> e.event().type().name().startsWith("CHECK_IN_BY")).count());
    }

    private static SqliteCheckInLedger ledger(KioskDatabase database, KioskCredentials credentials, ManualClock clock) {
        return new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"), clock,
                new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), 10))
                .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
    }

    private static CheckInEngine engine(List<RegisteredVoter> register, CheckInLedger ledger,
                                        Fixtures.FakeTokenIssuer tokens, ManualClock clock,
                                        List<Effect.DeviceEffect> devices) {
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        return new CheckInEngine(new CheckInMachine(Fixtures.POLICY), new InMemoryVoterDirectory(register, matcher),
                ledger, new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(Fixtures.CLERK, PIN.clone()),
                tokens, matcher, clock, devices::add);
    }

    private static String zone(List<RegisteredVoter> register, int n) {
        RegisteredVoter v = register.get(n - 1);
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N0000000" + n % 10, v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(), v.voter().givenName()));
    }
}
