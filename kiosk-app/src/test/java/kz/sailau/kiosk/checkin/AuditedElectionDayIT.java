package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.AuditSample;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.EndOfDay;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkOverride;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkVoidsToken;
import kz.sailau.kiosk.checkin.CheckInEvent.FingerCaptured;
import kz.sailau.kiosk.checkin.CheckInState.NeedsClerk;
import kz.sailau.kiosk.checkin.CheckInState.Refused;
import kz.sailau.kiosk.checkin.CheckInState.TokenIssued;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link CheckInEngine} with the real SQLite ledger and the signed audit log through a simulated
 * morning of 30 voters (cards and fingers, an override, a voided token, a second visit refused), then the end of
 * the day: every check-in is in the audit log, the bundle verifies and reconciles, the sample is reproducible,
 * the engine refuses check-ins after close, and no voter's IIN or name is anywhere in the raw database files.
 */
class AuditedElectionDayIT {

    private static final char[] PIN = "4711".toCharArray();
    private static final int VOTERS = 30;

    @TempDir
    Path temp;

    @Test
    void engineDayEndsInAVerifiedBundle() throws Exception {
        Path data = temp.resolve("kiosk");
        X509Certificate kioskCertificate = RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        KioskCredentials credentials = KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE);
        List<Migration> migrations = new ArrayList<>(RegisterStore.MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.MIGRATIONS);
        migrations.addAll(kz.sailau.kiosk.audit.StateAnchor.MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.TOKEN_MIGRATIONS);
        migrations.addAll(CheckInSeal.MIGRATIONS);
        List<RegisteredVoter> register = IntStream.rangeClosed(1, VOTERS + 2).mapToObj(Fixtures::voter).toList();
        ManualClock clock = Fixtures.clock();
        Fixtures.FakeTokenIssuer tokens = new Fixtures.FakeTokenIssuer();
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        Path out = temp.resolve("day.json");
        try (KioskDatabase database = KioskDatabase.open(data.resolve("kiosk.db"), migrations)) {
            SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"),
                    clock, new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), 10))
                    .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
            CheckInEngine engine = new CheckInEngine(new CheckInMachine(Fixtures.POLICY),
                    new InMemoryVoterDirectory(register, matcher), ledger,
                    new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(Fixtures.CLERK, PIN.clone()),
                    tokens, matcher, clock);
            for (int n = 1; n <= VOTERS; n++) {
                clock.advance(Duration.ofMinutes(3));
                engine.submitCard(zone(register, n));
                if (n == 3 || n == 13) {   // two overrides: within the default cap (at least 2, 5 %)
                    CheckInState state = engine.state();
                    for (int attempt = 0; attempt < 5 && !(state instanceof NeedsClerk); attempt++) {
                        state = engine.submit(new FingerCaptured(
                                Fixtures.image(n, 20, ImageQuality.GOOD)));
                    }
                    assertInstanceOf(NeedsClerk.class, state, "weak fingers call the clerk");
                    assertInstanceOf(TokenIssued.class, engine.submitAsClerk(
                            new ClerkOverride(Fixtures.CLERK, OverrideReason.WORN_FINGERPRINTS), PIN.clone()));
                } else {
                    assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(n))));
                }
                if (n == 7) {
                    assertInstanceOf(TokenIssued.class, engine.submitAsClerk(new ClerkVoidsToken(Fixtures.CLERK),
                            PIN.clone()));
                }
                engine.submit(new Acknowledged());
            }
            assertInstanceOf(Refused.class, engine.submitCard(zone(register, 1)));
            engine.submit(new Acknowledged());
            assertEquals(VOTERS, ledger.counters().checkIns());

            EndOfDay.Written written = EndOfDay.close(database, credentials, kioskCertificate,
                    RegisterFixtures.authority().certificate(), KioskDataDirectory.at(data).profile(),
                    new EndOfDay.Software("0.1.0-SNAPSHOT", null), out, clock, RegisterFixtures.RANDOM);
            assertEquals(VOTERS, written.content().counts().checkIns());
            assertEquals(2, written.content().counts().byOverride());
            assertEquals(1, written.content().counts().tokensVoided());
            assertEquals(VOTERS + 1, written.content().counts().tokensIssued(), "counted from the log");
            assertEquals(ledger.issuedTokens(), written.content().issuedTokens());
            assertEquals(1L, written.content().counts().refusalsByReason().get("ALREADY_CHECKED_IN"));

            // After close the engine cannot check anyone in: the ledger refuses (DayClosedException, which the
            // engine today treats as a failed effect and calls the clerk), no token, nothing recorded.
            engine.submitCard(zone(register, VOTERS + 1));
            int issuedBefore = ledger.issuedTokens().size();
            assertInstanceOf(NeedsClerk.class, engine.submit(new FingerCaptured(Fixtures.goodImage(VOTERS + 1))));
            assertEquals(issuedBefore, ledger.issuedTokens().size(), "no token issued after close");
            assertEquals(VOTERS + 1, issuedBefore, "one token per check-in and one replacement");
            assertThrows(DayClosedException.class, () -> ledger.record(new CheckInRecord(
                    register.get(VOTERS + 1).voter().iin(), CheckInMethod.FINGERPRINT, Optional.empty(),
                    Optional.empty()), Optional.empty()));
            assertEquals(VOTERS, ledger.counters().checkIns());
            String valid = ledger.issuedTokens().stream().filter(t -> !t.voided()).findFirst().orElseThrow().id();
            PreparedToken issued = new PreparedToken(valid, new IssuedBallotToken("T", "QR"));
            assertThrows(DayClosedException.class, () -> ledger.replaceToken(issued, Optional.of(tokens.prepare()),
                    Fixtures.CLERK), "no token is voided or issued after close");
            assertEquals(VOTERS + 1, ledger.issuedTokens().size());
            assertEquals(VOTERS, ledger.rowCount());
            List<AuditEntry> log = database.read(AuditLog::readAll);
            assertEquals(VOTERS, log.stream().filter(e -> e.event().type().name().startsWith("CHECK_IN_BY")).count());
            assertEquals(AuditEventType.CLERK_CALLED, log.get(log.size() - 1).event().type(),
                    "the clerk call after close is still audited");
            // Writing the bundle again (a lost stick) gives the same day, up to the closing signed head.
            EndOfDay.Written again = EndOfDay.close(database, credentials, kioskCertificate,
                    RegisterFixtures.authority().certificate(), KioskDataDirectory.at(data).profile(),
                    new EndOfDay.Software("0.1.0-SNAPSHOT", null), out, clock, RegisterFixtures.RANDOM);
            assertEquals(written.content().entries(), again.content().entries());
        }

        byte[] json = Files.readAllBytes(out);
        byte[] signature = Files.readAllBytes(out.resolveSibling("day.json.p7s"));
        BundleVerifier.Result result = BundleVerifier.verify(json, signature, RegisterFixtures.authority().certificate(),
                OptionalLong.of(VOTERS - 2));
        assertTrue(result.passed(), result.checks().toString());
        var entries = kz.sailau.kiosk.audit.DayBundle.parse(json).bundle().entries();
        assertEquals(AuditSample.draw(entries, "public seed", 6), AuditSample.draw(entries, "public seed", 6));

        for (String name : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
            Path file = data.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String utf8 = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (RegisteredVoter voter : register) {
                assertFalse(raw.contains(voter.voter().iin().digits()), "IIN in " + name);
                assertFalse(utf8.contains(voter.voter().surname()), "name in " + name);
            }
        }
        String bundleText = new String(json, StandardCharsets.UTF_8);
        for (RegisteredVoter voter : register) {
            assertFalse(bundleText.contains(voter.voter().iin().digits()), "IIN in the bundle");
            assertFalse(bundleText.contains(voter.voter().surname()), "name in the bundle");
        }
        assertThrows(IllegalArgumentException.class, () -> AuditSample.draw(List.of(), "", 1));
    }

    private static String zone(List<RegisteredVoter> register, int n) {
        RegisteredVoter v = register.get(n - 1);
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N0000000" + n % 10, v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(), v.voter().givenName()));
    }
}
