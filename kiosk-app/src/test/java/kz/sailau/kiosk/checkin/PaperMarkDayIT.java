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
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkEntersPaperMark;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkPauses;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkResumes;
import kz.sailau.kiosk.checkin.CheckInEvent.FingerCaptured;
import kz.sailau.kiosk.checkin.CheckInState.Paused;
import kz.sailau.kiosk.checkin.CheckInState.Refused;
import kz.sailau.kiosk.checkin.CheckInState.TokenIssued;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone kiosk that was out of order for a while (issue 17): the voters who came meanwhile were checked in on
 * the printed voter list; when the kiosk is back the clerk pauses it, enters each marked voter's IIN, and resumes.
 * The real engine, the real SQLite ledger and the signed audit log: a marked voter's card is then refused as already
 * checked in, a voter already checked in or not in the register is not marked, the paper marks count apart from the
 * check-ins (no token), the database agrees with the signed log, and the day closes into a bundle that verifies and
 * counts the marks; no IIN in the database, the log or the bundle.
 */
class PaperMarkDayIT {

    private static final char[] PIN = "4711".toCharArray();

    @TempDir
    Path temp;

    @Test
    void marksEnteredAfterAnOutageBlockRepeatCheckInsAndTheDayStillVerifies() throws Exception {
        Path data = temp.resolve("kiosk");
        X509Certificate kioskCertificate = RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        KioskCredentials credentials = KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE);
        List<Migration> migrations = Main.migrations();
        RegisteredVoter atKiosk = Fixtures.voter(1);
        RegisteredVoter onPaper = Fixtures.voter(2);
        RegisteredVoter alsoOnPaper = Fixtures.voter(3);
        RegisteredVoter stranger = Fixtures.voter(51, LocalDate.of(1991, 6, 6), Fixtures.PRECINCT);
        ManualClock clock = Fixtures.clock();
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        Path out = temp.resolve("day.json");
        try (KioskDatabase database = KioskDatabase.open(data.resolve("kiosk.db"), migrations)) {
            SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"),
                    clock, new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), 10))
                    .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
            CheckInEngine engine = new CheckInEngine(new CheckInMachine(Fixtures.POLICY),
                    new InMemoryVoterDirectory(List.of(atKiosk, onPaper, alsoOnPaper), matcher), ledger,
                    new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(Fixtures.CLERK, PIN.clone()),
                    new Fixtures.FakeTokenIssuer(), matcher, clock);

            clock.advance(Duration.ofMinutes(5));
            engine.submitCard(zone(atKiosk));
            assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(1))));
            engine.submit(new Acknowledged());

            // The kiosk was dead for an hour; it is back. The clerk pauses it and enters the paper list's marks.
            clock.advance(Duration.ofHours(1));
            engine.submitAsClerk(new ClerkPauses(Fixtures.CLERK), PIN.clone());
            assertEquals(entered("P-0001"), mark(engine, onPaper));
            assertEquals(refused(Refusal.ALREADY_CHECKED_IN), mark(engine, atKiosk), "checked in at the kiosk");
            assertEquals(refused(Refusal.NOT_IN_REGISTER), mark(engine, stranger), "not in this register");
            assertEquals(refused(Refusal.ALREADY_CHECKED_IN), mark(engine, onPaper), "marked twice on paper");
            assertEquals(entered("P-0002"), mark(engine, alsoOnPaper));
            engine.submitAsClerk(new ClerkResumes(Fixtures.CLERK), PIN.clone());

            Refused again = assertInstanceOf(Refused.class, engine.submitCard(zone(onPaper)));
            assertEquals(Refusal.ALREADY_CHECKED_IN, again.refusal(), "a voter marked on paper cannot check in");
            engine.submit(new Acknowledged());

            assertEquals(new Counters(1, 0, 0, 0, 0, 0, 2), ledger.counters());
            assertEquals(1, ledger.issuedTokens().size(), "no token for a paper mark");
            List<AuditEntry> log = database.read(AuditLog::readAll);
            List<AuditEntry> marks = log.stream()
                    .filter(e -> e.event().type() == AuditEventType.PAPER_MARK_ENTERED).toList();
            assertEquals(List.of("P-0001", "P-0002"), marks.stream().map(e -> e.event().field("form")).toList());
            assertEquals(Fixtures.CLERK.value(), marks.get(0).event().field("clerk"));
            assertEquals(List.of("ALREADY_CHECKED_IN", "NOT_IN_REGISTER", "ALREADY_CHECKED_IN"), log.stream()
                    .filter(e -> e.event().type() == AuditEventType.PAPER_MARK_REFUSED)
                    .map(e -> e.event().field("reason")).toList());
            database.read(c -> StateAnchor.verify(c, kioskCertificate.getPublicKey(), migrations));

            EndOfDay.Written written = EndOfDay.close(database, credentials, kioskCertificate,
                    RegisterFixtures.authority().certificate(), KioskDataDirectory.at(data).profile(),
                    new EndOfDay.Software("0.1.0-SNAPSHOT", null), out, clock, RegisterFixtures.RANDOM);
            assertEquals(1, written.content().counts().checkIns());
            assertEquals(2, written.content().counts().paperMarks());
            assertTrue(written.content().counts().reconciles(), "check-ins = tokens issued − voided");
            assertEquals(Map.of("ALREADY_CHECKED_IN", 1L), written.content().counts().refusalsByReason(),
                    "the marked voter's card; refused paper marks are not check-in refusals");
        }
        byte[] json = Files.readAllBytes(out);
        BundleVerifier.Result result = BundleVerifier.verify(json, Files.readAllBytes(out.resolveSibling(
                "day.json.p7s")), RegisterFixtures.authority().certificate(), OptionalLong.empty());
        assertTrue(result.passed(), result.checks().toString());
        assertTrue(result.checks().toString().contains("paper marks 2"), result.checks().toString());
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"paperMarks\" : 2") || text.contains("\"paperMarks\":2"), "the tally counts them");

        List<byte[]> files = new ArrayList<>(List.of(json));
        for (String name : List.of("kiosk.db", "kiosk.db-journal", "kiosk.db-wal")) {
            if (Files.exists(data.resolve(name))) {
                files.add(Files.readAllBytes(data.resolve(name)));
            }
        }
        for (byte[] file : files) {
            String raw = new String(file, StandardCharsets.ISO_8859_1);
            for (RegisteredVoter v : List.of(atKiosk, onPaper, alsoOnPaper, stranger)) {
                assertFalse(raw.contains(v.voter().iin().digits()), "an IIN at rest");
            }
        }
    }

    private static Optional<PaperMarkEntry> mark(CheckInEngine engine, RegisteredVoter voter) {
        return assertInstanceOf(Paused.class, engine.submitAsClerk(new ClerkEntersPaperMark(Fixtures.CLERK,
                voter.voter().iin()), PIN.clone())).paperMark();
    }

    private static Optional<PaperMarkEntry> entered(String reference) {
        return Optional.of(new PaperMarkEntry.Entered(PaperFormReference.parse(reference)));
    }

    private static Optional<PaperMarkEntry> refused(Refusal refusal) {
        return Optional.of(PaperMarkEntry.NotEntered.refused(refusal));
    }

    private static String zone(RegisteredVoter v) {
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N00000001", v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(),
                v.voter().givenName()));
    }
}
