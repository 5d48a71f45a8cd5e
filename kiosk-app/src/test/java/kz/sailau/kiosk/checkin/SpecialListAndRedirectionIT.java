package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.EndOfDay;
import kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkAddsToSpecialList;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkAssistsVoter;
import kz.sailau.kiosk.checkin.CheckInEvent.FingerCaptured;
import kz.sailau.kiosk.checkin.CheckInState.NeedsClerk;
import kz.sailau.kiosk.checkin.CheckInState.Refused;
import kz.sailau.kiosk.checkin.CheckInState.TokenIssued;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.RedirectingVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link CheckInEngine}, the real SQLite ledger and the signed audit log through the voters issue 19 adds:
 * a voter of another precinct told where to vote, voters who voted early or took an absentee certificate refused
 * with their own reason, voters the commission adds to the special list with a legal document (capped, the document
 * number encrypted at rest and never in the log), and a clerk's help recorded as such; then the day closes with the
 * special list in the tally and a bundle that verifies.
 */
class SpecialListAndRedirectionIT {

    private static final char[] PIN = "4711".toCharArray();
    private static final PollingStation SCHOOL_14 = new PollingStation(new PrecinctId(102),
            "№14 мектеп, Абай көшесі 5", "Школа №14, ул. Абая 5", "School 14, Abai Street 5");
    private static final String CERTIFICATE_NUMBER = "АБ 0456789";
    private static final String COURT_NUMBER = "2-3457/2026";

    @TempDir
    Path temp;

    @Test
    void theDayOfIssue19EndsInAVerifiedBundleWithTheSpecialListInTheTally() throws Exception {
        Path data = temp.resolve("kiosk");
        X509Certificate kioskCertificate = RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        KioskCredentials credentials = KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE);
        List<Migration> migrations = new ArrayList<>(RegisterStore.MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.MIGRATIONS);
        migrations.addAll(kz.sailau.kiosk.audit.StateAnchor.MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.TOKEN_MIGRATIONS);
        migrations.addAll(SqliteCheckInLedger.SPECIAL_LIST_MIGRATIONS);
        migrations.addAll(CheckInSeal.MIGRATIONS);
        RegisteredVoter plain = Fixtures.voter(1);
        RegisteredVoter early = withPriorVote(Fixtures.voter(2), PriorVote.EARLY);
        RegisteredVoter absentee = withPriorVote(Fixtures.voter(3), PriorVote.ABSENTEE_CERTIFICATE);
        RegisteredVoter inRegister = Fixtures.voter(4);
        RegisteredVoter outsider = Fixtures.voter(50, LocalDate.of(1990, 5, 5), new PrecinctId(102));
        RegisteredVoter unknown = Fixtures.voter(51, LocalDate.of(1991, 6, 6), Fixtures.PRECINCT);
        RegisteredVoter third = Fixtures.voter(52, LocalDate.of(1992, 7, 7), Fixtures.PRECINCT);
        ManualClock clock = Fixtures.clock();
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        VoterDirectory directory = new RedirectingVoterDirectory(
                new InMemoryVoterDirectory(List.of(plain, early, absentee, inRegister), matcher),
                Map.of(outsider.voter().iin(), SCHOOL_14));
        Path out = temp.resolve("day.json");
        try (KioskDatabase database = KioskDatabase.open(data.resolve("kiosk.db"), migrations)) {
            SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"),
                    clock, new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), 10))
                    .withSpecialList(credentials.storeKeys().fieldCipher(new SecureRandom()))
                    .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
            CheckInEngine engine = new CheckInEngine(new CheckInMachine(Fixtures.POLICY, new SpecialListCap(2)),
                    directory, ledger,
                    new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(Fixtures.CLERK, PIN.clone()),
                    new Fixtures.FakeTokenIssuer(), matcher, clock);

            clock.advance(Duration.ofMinutes(5));
            engine.submitCard(zone(plain));
            assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(1))));
            engine.submit(new Acknowledged());

            assertEquals(Refusal.VOTED_EARLY, refusal(engine.submitCard(zone(early))).refusal());
            engine.submit(new Acknowledged());
            assertEquals(Refusal.VOTED_BY_ABSENTEE_CERTIFICATE, refusal(engine.submitCard(zone(absentee))).refusal());
            engine.submit(new Acknowledged());

            // A voter of precinct 102 is told where to go; the commission adds them with their absentee certificate.
            Refused elsewhere = refusal(engine.submitCard(zone(outsider)));
            assertEquals(Refusal.OTHER_PRECINCT, elsewhere.refusal());
            assertEquals(Optional.of(SCHOOL_14), elsewhere.station());
            assertInstanceOf(TokenIssued.class, engine.submitAsClerk(new ClerkAddsToSpecialList(Fixtures.CLERK,
                    outsider.voter().iin(), new LegalDocument(SpecialListReason.ABSENTEE_CERTIFICATE,
                            CERTIFICATE_NUMBER)), PIN.clone()));
            engine.submit(new Acknowledged());
            // Nobody is added twice, nor is a voter of this register.
            assertEquals(Refusal.ALREADY_CHECKED_IN, refusal(engine.submitAsClerk(new ClerkAddsToSpecialList(
                    Fixtures.CLERK, outsider.voter().iin(), new LegalDocument(SpecialListReason.COURT_DECISION,
                            COURT_NUMBER)), PIN.clone())).refusal());
            engine.submit(new Acknowledged());
            assertEquals(Refusal.ON_THIS_REGISTER, refusal(engine.submitAsClerk(new ClerkAddsToSpecialList(
                    Fixtures.CLERK, inRegister.voter().iin(), new LegalDocument(SpecialListReason.COURT_DECISION,
                            COURT_NUMBER)), PIN.clone())).refusal());
            engine.submit(new Acknowledged());

            // A voter left out of every register, added by a court decision, with a clerk's help recorded.
            assertEquals(Refusal.NOT_IN_REGISTER, refusal(engine.submitCard(zone(unknown))).refusal());
            engine.submitAsClerk(new ClerkAssistsVoter(Fixtures.CLERK), PIN.clone());
            assertInstanceOf(TokenIssued.class, engine.submitAsClerk(new ClerkAddsToSpecialList(Fixtures.CLERK,
                    unknown.voter().iin(), new LegalDocument(SpecialListReason.COURT_DECISION, COURT_NUMBER)),
                    PIN.clone()));
            engine.submit(new Acknowledged());
            // The cap (2 today) stops the third.
            NeedsClerk capped = assertInstanceOf(NeedsClerk.class, engine.submitAsClerk(new ClerkAddsToSpecialList(
                    Fixtures.CLERK, third.voter().iin(), new LegalDocument(SpecialListReason.COURT_DECISION,
                            "2-3458/2026")), PIN.clone()));
            assertEquals(ClerkReason.SPECIAL_LIST_CAP_REACHED, capped.reason());
            assertFalse(ledger.isCheckedIn(third.voter().iin()));

            Counters counters = ledger.counters();
            assertEquals(3, counters.checkIns());
            assertEquals(2, counters.specialList());
            List<LegalDocument> list = ledger.specialList();
            assertEquals(2, list.size());
            assertTrue(list.contains(new LegalDocument(SpecialListReason.ABSENTEE_CERTIFICATE, CERTIFICATE_NUMBER)));
            assertTrue(list.contains(new LegalDocument(SpecialListReason.COURT_DECISION, COURT_NUMBER)));

            List<AuditEntry> log = database.read(AuditLog::readAll);
            List<AuditEntry> special = log.stream()
                    .filter(e -> e.event().type() == AuditEventType.CHECK_IN_ON_SPECIAL_LIST).toList();
            assertEquals(2, special.size());
            assertEquals("ABSENTEE_CERTIFICATE", special.get(0).event().field("reason"));
            assertEquals("COURT_DECISION", special.get(1).event().field("reason"));
            assertEquals(1, count(log, AuditEventType.SPECIAL_LIST_REFUSED_CAP));
            assertEquals(1, count(log, AuditEventType.VOTER_ASSISTED));
            List<String> refusals = log.stream().filter(e -> e.event().type() == AuditEventType.CHECK_IN_REFUSED)
                    .map(e -> e.event().field("reason")).toList();
            assertEquals(List.of("VOTED_EARLY", "VOTED_BY_ABSENTEE_CERTIFICATE", "OTHER_PRECINCT",
                    "ALREADY_CHECKED_IN", "ON_THIS_REGISTER", "NOT_IN_REGISTER"), refusals);

            EndOfDay.Written written = EndOfDay.close(database, credentials, kioskCertificate,
                    RegisterFixtures.authority().certificate(), KioskDataDirectory.at(data).profile(),
                    new EndOfDay.Software("0.1.0-SNAPSHOT", null), out, clock, RegisterFixtures.RANDOM);
            assertEquals(3, written.content().counts().checkIns());
            assertEquals(2, written.content().counts().onSpecialList());
            assertEquals(1L, written.content().counts().refusalsByReason().get("OTHER_PRECINCT"));
        }
        byte[] json = Files.readAllBytes(out);
        BundleVerifier.Result result = BundleVerifier.verify(json, Files.readAllBytes(out.resolveSibling(
                "day.json.p7s")), RegisterFixtures.authority().certificate(), OptionalLong.empty());
        assertTrue(result.passed(), result.checks().toString());
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"onSpecialList\" : 2")
                || new String(json, StandardCharsets.UTF_8).contains("\"onSpecialList\":2"), "the tally marks the list");

        // The document numbers and the IINs are nowhere in the raw database or the bundle.
        List<byte[]> files = new ArrayList<>(List.of(json));
        for (String name : List.of("kiosk.db", "kiosk.db-journal", "kiosk.db-wal")) {
            if (Files.exists(data.resolve(name))) {
                files.add(Files.readAllBytes(data.resolve(name)));
            }
        }
        for (byte[] file : files) {
            String utf8 = new String(file, StandardCharsets.UTF_8);
            String raw = new String(file, StandardCharsets.ISO_8859_1);
            for (String secret : List.of(CERTIFICATE_NUMBER, COURT_NUMBER, "0456789", "3457/2026")) {
                assertFalse(utf8.contains(secret), "a document number at rest");
            }
            for (RegisteredVoter v : List.of(outsider, unknown, plain)) {
                assertFalse(raw.contains(v.voter().iin().digits()), "an IIN at rest");
            }
        }
    }

    private static long count(List<AuditEntry> log, AuditEventType type) {
        return log.stream().filter(e -> e.event().type() == type).count();
    }

    private static Refused refusal(CheckInState state) {
        return assertInstanceOf(Refused.class, state);
    }

    private static RegisteredVoter withPriorVote(RegisteredVoter v, PriorVote vote) {
        return new RegisteredVoter(v.voter(), v.fingers(), Optional.of(vote));
    }

    private static String zone(RegisteredVoter v) {
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N00000001", v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(),
                v.voter().givenName()));
    }
}
