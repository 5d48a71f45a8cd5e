package kz.sailau.kiosk.app.la;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.EndOfDay;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzParser;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.token.TokenRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-election logic-and-accuracy test on a real kiosk data directory (DEMO authority and kiosk keys, a
 * real register loaded into the real SQLite store, a test package signed for {@code LA-TEST-KZ-2026-TEST}):
 * test voters go through the real check-in engine on the separate test store; afterwards the real counters,
 * check-in marks, day counts, bundle and reconciliation show nothing of the test, the real audit chain
 * verifies and holds only {@code LA_TEST_STARTED} and {@code LA_TEST_ENDED}, the test files are gone, and no
 * file of the data directory holds a test voter's IIN, names or check-in mark. The test is refused after a
 * real check-in and after close, and test and real packages cannot be swapped.
 */
class LogicAccuracyIT {

    private static final ClerkId CLERK = new ClerkId("clerk1");
    private static final char[] PIN = "2468".toCharArray();
    private static final LocalDate ELECTION_DAY = LocalDate.of(2026, 12, 6);
    private static final int REAL_VOTERS = 8;
    private static final int TEST_VOTERS = 5;
    /** A test precinct token key, random per run. */
    private static final PrecinctTokenKey TYPED_CODE_KEY = new PrecinctTokenKey(RegisterFixtures.ELECTION, RegisterFixtures.PRECINCT,
                    RegisterFixtures.RANDOM.generateSeed(32));

    @TempDir
    Path temp;

    private Path data;
    private X509Certificate kioskCertificate;
    private KioskCredentials credentials;
    private KioskDatabase database;
    private SqliteCheckInLedger realLedger;
    private RegisterContents real;
    private RegisterContents test;
    private Path testPackage;
    private Path realPackage;
    private Ed25519TokenKeys tokenKeys;
    private ElectionDayKiosk electionDay;
    private final RecordingScreens screens = new RecordingScreens();

    @BeforeEach
    void kiosk() throws Exception {
        data = temp.resolve("kiosk");
        kioskCertificate = RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        RegisterFixtures.writeCertificate(data.resolve("kiosk.crt.pem"), kioskCertificate);
        credentials = KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE);
        database = KioskDatabase.open(KioskDataDirectory.at(data).databaseFile(), Main.migrations(),
                StoreOptions.DEFAULT, RegisterFixtures.CLOCK);
        realLedger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"),
                RegisterFixtures.CLOCK, AuditRecorder.signing(ChainHeadSigner.kiosk(credentials)))
                .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
        real = RegisterFixtures.contents(REAL_VOTERS, 1, 42);
        realPackage = temp.resolve("register.srp");
        Files.write(realPackage, RegisterPackages.write(real, RegisterFixtures.authority(), kioskCertificate));
        realLoader().load(realPackage, (stage, done, total) -> { });
        // The test voters are other synthetic people (another seed), for the test election of this precinct.
        test = RegisterFixtures.contents(TEST_VOTERS, 1, 77, RegisterFixtures.PRECINCT,
                RegisterFixtures.ELECTION.logicAccuracyTest());
        testPackage = temp.resolve("la-test-register.srp");
        Files.write(testPackage, RegisterPackages.write(test, RegisterFixtures.authority(), kioskCertificate));
        tokenKeys = Ed25519TokenKeys.generate(RegisterFixtures.RANDOM);
        KioskConfiguration defaults = KioskConfiguration.defaults();
        KioskConfiguration configuration = new KioskConfiguration(data, RegisterFixtures.ELECTION.value(),
                RegisterFixtures.PRECINCT.number(), ELECTION_DAY, defaults.scanner(), defaults.mrzReader(),
                defaults.printer(), defaults.matchThreshold(), defaults.maxFingerTries(), defaults.overrideCapPercent(),
                defaults.overrideWarnPercent(), defaults.idleTimeoutSeconds(), false);
        // The clerk is kept out of the store's roster so that the real audit chain holds only the test's events.
        electionDay = ElectionDayAssembly.over(configuration, database, credentials, tokenKeys, TYPED_CODE_KEY::mac,
                EveryoneMatches.matcher(), RegisterFixtures.CLOCK, RegisterFixtures.RANDOM)
                .withClerks(new InMemoryClerkAuthenticator(RegisterFixtures.RANDOM).withClerk(CLERK, PIN.clone()))
                .assemble(Optional.empty());
    }

    @AfterEach
    void close() {
        electionDay.close();
        database.close();
    }

    private RegisterLoader realLoader() throws Exception {
        KioskDataDirectory directory = KioskDataDirectory.at(data);
        return new RegisterLoader(new RegisterStore(database, credentials.storeKeys(), RegisterFixtures.RANDOM),
                directory.profile(), directory.pinnedAuthority(), credentials, RegisterFixtures.EXTRACTOR,
                RegisterFixtures.CLOCK, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                .guardedBy(new kz.sailau.kiosk.audit.RegisterLoadAudit(credentials, database.migrations(),
                        RegisterFixtures.CLOCK));
    }

    private LogicAccuracyMode mode() {
        LogicAccuracyMode mode = new LogicAccuracyMode(KioskDataDirectory.at(data), database, Main.migrations(),
                RegisterFixtures.ELECTION, RegisterFixtures.EXTRACTOR, electionDay, RegisterFixtures.CLOCK,
                RegisterFixtures.RANDOM);
        mode.attach(screens);
        return mode;
    }

    @Test
    void aTestRunLeavesTheRealDayUntouchedAndOnlyTwoEventsInTheLog() throws Exception {
        LogicAccuracyMode mode = mode();
        LogicAccuracyMode.Status started = mode.start(credentials, testPackage, (stage, done, total) -> { });
        assertEquals(new LogicAccuracyMode.Status(true, false, TEST_VOTERS, 0, 0, 0, 0), started);
        assertTrue(Files.exists(data.resolve(LogicAccuracyStore.DATABASE_FILE)), "the test store exists during the test");
        CheckInEngine engine = screens.engine.orElseThrow(() -> new AssertionError("screens not switched"));

        // Three test voters by fingerprint, one by clerk override, one real voter refused (not in the test register).
        List<String> qrPayloads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            qrPayloads.add(checkInByFingerprint(engine, test.records().get(i)));
        }
        assertInstanceOf(CheckInState.AwaitingFinger.class, engine.submit(card(test.records().get(3))));
        for (int t = 0; t < 3 && engine.state() instanceof CheckInState.AwaitingFinger; t++) {
            engine.submit(new CheckInEvent.FingerCaptured(EveryoneMatches.image(false)));
        }
        assertInstanceOf(CheckInState.NeedsClerk.class, engine.state(), "three failed tries call a clerk");
        assertInstanceOf(CheckInState.TokenIssued.class, engine.submitAsClerk(
                new CheckInEvent.ClerkOverride(CLERK, OverrideReason.values()[0]), PIN.clone()));
        engine.submit(new CheckInEvent.Acknowledged());
        CheckInState refused = engine.submit(card(real.records().get(0)));
        assertInstanceOf(CheckInState.Refused.class, refused);
        assertEquals(Refusal.NOT_IN_REGISTER, ((CheckInState.Refused) refused).refusal());
        assertEquals(new Counters(4, 1, 0, 0, 0), screens.counters.orElseThrow().get(), "the test counters moved");
        assertEquals(new LogicAccuracyMode.Status(true, false, TEST_VOTERS, 4, 1, 1, 4), mode.status());

        // A ballot desk of the real election refuses every test token as a TEST token.
        TokenCheck desk = new TokenCheck(RegisterFixtures.ELECTION, RegisterFixtures.PRECINCT,
                new Ed25519TokenVerifier(tokenKeys.publicKey()), TYPED_CODE_KEY::mac);
        for (String qr : qrPayloads) {
            assertEquals(Optional.of(TokenRefusal.TEST_TOKEN), desk.check(qr).refusal());
        }
        // Meanwhile the real kiosk saw nothing.
        assertEquals(Counters.ZERO, realLedger.counters());
        assertEquals(0, realLedger.rowCount());

        // Positive control for the scan below: during the test the test store holds the test check-in marks.
        byte[] mark = credentials.storeKeys().blindIndex(LogicAccuracyStore.TEST_INDEX_DOMAIN)
                .of(test.records().get(0).voter().iin().digits());
        boolean found = false;
        for (Path file : LogicAccuracyStore.files(data)) {
            found |= Files.exists(file) && contains(Files.readAllBytes(file), mark);
        }
        assertTrue(found, "the scan can see a test check-in mark while the test store exists");

        LogicAccuracyMode.Status ended = mode.end(credentials);
        assertEquals(new LogicAccuracyMode.Status(false, false, TEST_VOTERS, 4, 1, 1, 4), ended);
        assertTrue(screens.backToReal, "the screens are back on the real engine");
        assertEquals(LogicAccuracyMode.Status.IDLE, mode.status(), "counters back to zero");
        for (Path file : LogicAccuracyStore.files(data)) {
            assertFalse(Files.exists(file), file + " is wiped");
        }

        // The real audit chain: only the two L&A events (and signed heads), with the test's tally.
        List<AuditEntry> entries = database.read(AuditLog::readAll);
        List<AuditEventType> types = entries.stream().map(e -> e.event().type())
                .filter(t -> t != AuditEventType.CHAIN_HEAD_SIGNED && t != AuditEventType.REGISTER_LOADED)
                .toList(); // the real register's own load is recorded too
        assertEquals(List.of(AuditEventType.LA_TEST_STARTED, AuditEventType.LA_TEST_ENDED), types);
        AuditEntry start = entries.stream().filter(e -> e.event().type() == AuditEventType.LA_TEST_STARTED)
                .findFirst().orElseThrow();
        assertEquals(String.valueOf(TEST_VOTERS), start.event().field("voters"));
        assertEquals(kz.sailau.kiosk.crypto.Digests.sha256Hex(Files.readAllBytes(testPackage)),
                start.event().field("packageHash"));
        AuditEntry end = entries.stream().filter(e -> e.event().type() == AuditEventType.LA_TEST_ENDED)
                .findFirst().orElseThrow();
        assertEquals(Map.of("checkIns", "4", "refusals", "1", "overrides", "1", "tokensIssued", "4"),
                Map.of("checkIns", end.event().field("checkIns"), "refusals", end.event().field("refusals"),
                        "overrides", end.event().field("overrides"), "tokensIssued", end.event().field("tokensIssued")));
        DayCounts day = DayCounts.of(entries);
        assertEquals(0, day.checkIns());
        assertEquals(Map.of(), day.refusalsByReason());
        assertTrue(day.reconciles());
        assertEquals(0, realLedger.rowCount());
        assertEquals(Counters.ZERO, realLedger.counters());

        // audit verify accepts the real chain.
        Console console = new Console();
        assertEquals(KioskCommandLine.OK, KioskCommandLine.create(console.environment).execute("audit", "verify",
                "--data", data.toString()), console.out() + console.err());
        assertTrue(console.out().contains("election day: OPEN"), console.out());

        // The polls open afterwards: a real check-in is recorded and the day's bundle counts only it.
        RegisterRecord voter = real.records().get(1);
        realLedger.record(new CheckInRecord(voter.voter().iin(), CheckInMethod.FINGERPRINT, Optional.empty(),
                Optional.empty()), Optional.empty());
        EndOfDay.Written closed = EndOfDay.close(database, credentials, kioskCertificate,
                RegisterFixtures.authority().certificate(), KioskDataDirectory.at(data).profile(),
                new EndOfDay.Software("0.1.0-SNAPSHOT", null), temp.resolve("day-bundle.json"),
                RegisterFixtures.CLOCK, RegisterFixtures.RANDOM);
        assertEquals(1, closed.content().counts().checkIns(), "the bundle counts the one real check-in only");
        assertEquals(Map.of(), closed.content().counts().refusalsByReason());
        assertTrue(closed.content().counts().reconciles());

        // Raw bytes: no file of the data directory holds a test voter's IIN, names or check-in mark.
        List<byte[]> secrets = new ArrayList<>();
        for (RegisterRecord record : test.records()) {
            Voter v = record.voter();
            secrets.add(v.iin().digits().getBytes(StandardCharsets.US_ASCII));
            secrets.add(v.surname().getBytes(StandardCharsets.UTF_8));
            secrets.add(v.givenName().getBytes(StandardCharsets.UTF_8));
            secrets.add(credentials.storeKeys().blindIndex(LogicAccuracyStore.TEST_INDEX_DOMAIN).of(v.iin().digits()));
            secrets.add(credentials.storeKeys().blindIndex("iin").of(v.iin().digits()));
        }
        database.close();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    assertFalse(contains(bytes, secret), file.getFileName() + " holds data of a test voter");
                }
            }
        }
        database = KioskDatabase.open(KioskDataDirectory.at(data).databaseFile(), Main.migrations(),
                StoreOptions.DEFAULT, RegisterFixtures.CLOCK);
    }

    @Test
    void refusedOnceARealCheckInIsRecorded() throws Exception {
        realLedger.record(new CheckInRecord(real.records().get(0).voter().iin(), CheckInMethod.FINGERPRINT,
                Optional.empty(), Optional.empty()), Optional.empty());
        LogicAccuracyException refused = assertThrows(LogicAccuracyException.class,
                () -> mode().start(credentials, testPackage, (stage, done, total) -> { }));
        assertEquals("la.error.pollsOpen", refused.messageKey());
        assertNothingStarted();
    }

    @Test
    void refusedOnceTheDayIsClosed() throws Exception {
        EndOfDay.close(database, credentials, kioskCertificate, RegisterFixtures.authority().certificate(),
                KioskDataDirectory.at(data).profile(), new EndOfDay.Software("0.1.0-SNAPSHOT", null),
                temp.resolve("day-bundle.json"), RegisterFixtures.CLOCK, RegisterFixtures.RANDOM);
        LogicAccuracyException refused = assertThrows(LogicAccuracyException.class,
                () -> mode().start(credentials, testPackage, (stage, done, total) -> { }));
        assertEquals("la.error.dayClosed", refused.messageKey());
        assertNothingStarted();
    }

    @Test
    void theTestTakesOnlyATestPackageAndTheRegisterNeverOne() throws Exception {
        LogicAccuracyException refused = assertThrows(LogicAccuracyException.class,
                () -> mode().start(credentials, realPackage, (stage, done, total) -> { }));
        assertEquals("register.error.notTestPackage", refused.messageKey());
        assertNothingStarted();
        RegisterException wrong = assertThrows(RegisterException.class,
                () -> realLoader().load(testPackage, (stage, done, total) -> { }));
        assertEquals("register.error.testPackage", wrong.messageKey());
        assertEquals(REAL_VOTERS, new RegisterStore(database, credentials.storeKeys(), RegisterFixtures.RANDOM)
                .voterCount(), "the real register is untouched");
    }

    @Test
    void aTestInterruptedByARestartIsEndedAndWipedAfterTheRestart() throws Exception {
        mode().start(credentials, testPackage, (stage, done, total) -> { });
        checkInByFingerprint(screens.engine.orElseThrow(), test.records().get(0));
        // The kiosk restarts: a new mode over the same directory finds the test store left behind.
        LogicAccuracyMode restarted = mode();
        assertEquals(new LogicAccuracyMode.Status(false, true, 0, 0, 0, 0, 0), restarted.status());
        assertEquals("la.error.running", assertThrows(LogicAccuracyException.class,
                () -> restarted.start(credentials, testPackage, (stage, done, total) -> { })).messageKey());
        LogicAccuracyMode.Status ended = restarted.end(credentials);
        assertEquals(1, ended.checkIns());
        assertEquals(LogicAccuracyMode.Status.IDLE, restarted.status());
        assertFalse(LogicAccuracyStore.present(data));
        assertEquals(List.of(AuditEventType.LA_TEST_STARTED, AuditEventType.LA_TEST_ENDED),
                database.read(AuditLog::readAll).stream().map(e -> e.event().type())
                        .filter(t -> t != AuditEventType.CHAIN_HEAD_SIGNED
                                && t != AuditEventType.REGISTER_LOADED).toList());
        assertEquals("la.error.notRunning", assertThrows(LogicAccuracyException.class,
                () -> restarted.end(credentials)).messageKey());
    }

    @Test
    void laStatusAndLaEndFromAShellEndATestLeftByAStoppedKiosk() throws Exception {
        mode().start(credentials, testPackage, (stage, done, total) -> { });
        checkInByFingerprint(screens.engine.orElseThrow(), test.records().get(0));
        checkInByFingerprint(screens.engine.orElseThrow(), test.records().get(1));
        database.close();
        Path passphrase = temp.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");

        Console status = new Console();
        assertEquals(KioskCommandLine.OK, Main.commandLine(status.environment).execute("la", "status", "--data",
                data.toString()), status.err());
        assertTrue(status.out().contains("test store: present"), status.out());
        assertTrue(status.out().contains("LA_TEST_STARTED\tpackageHash="), status.out());
        Console end = new Console();
        assertEquals(KioskCommandLine.OK, Main.commandLine(end.environment).execute("la", "end", "--data",
                data.toString(), "--passphrase-file", passphrase.toString()), end.err());
        assertTrue(end.out().startsWith("test ended: 2 check-ins, 0 refusals, 0 overrides, 2 tokens"), end.out());
        assertFalse(LogicAccuracyStore.present(data));
        Console after = new Console();
        assertEquals(KioskCommandLine.OK, Main.commandLine(after.environment).execute("la", "status", "--data",
                data.toString()));
        assertTrue(after.out().contains("test store: none"), after.out());
        assertTrue(after.out().contains("LA_TEST_ENDED\tcheckIns=2\toverrides=0\trefusals=0\ttokensIssued=2"),
                after.out());
        Console again = new Console();
        assertEquals(KioskCommandLine.FAILED, Main.commandLine(again.environment).execute("la", "end", "--data",
                data.toString(), "--passphrase-file", passphrase.toString()));
        assertTrue(again.err().contains("la.error.notRunning"), again.err());
        Console verify = new Console();
        assertEquals(KioskCommandLine.OK, KioskCommandLine.create(verify.environment).execute("audit", "verify",
                "--data", data.toString()), verify.out() + verify.err());
        database = KioskDatabase.open(KioskDataDirectory.at(data).databaseFile(), Main.migrations(),
                StoreOptions.DEFAULT, RegisterFixtures.CLOCK);
    }

    private void assertNothingStarted() {
        assertFalse(LogicAccuracyStore.present(data), "no test store is left");
        assertTrue(database.read(AuditLog::readAll).stream().noneMatch(e -> e.event().type()
                == AuditEventType.LA_TEST_STARTED), "no LA_TEST_STARTED");
        assertTrue(screens.engine.isEmpty(), "the screens were not switched");
    }

    private String checkInByFingerprint(CheckInEngine engine, RegisterRecord voter) {
        assertInstanceOf(CheckInState.AwaitingFinger.class, engine.submit(card(voter)));
        CheckInState issued = engine.submit(new CheckInEvent.FingerCaptured(EveryoneMatches.image(true)));
        assertInstanceOf(CheckInState.TokenIssued.class, issued);
        engine.submit(new CheckInEvent.Acknowledged());
        return ((CheckInState.TokenIssued) issued).token().qrPayload();
    }

    private static CheckInEvent.CardRead card(RegisterRecord record) {
        Voter v = record.voter();
        return new CheckInEvent.CardRead(MrzParser.parse(MrzWriter.text(new MrzWriter.Card("KAZ", "N12345678", v.iin(),
                v.birthDate(), Optional.empty(), LocalDate.of(2031, 1, 1), "KAZ", "TEST", "VOTER")),
                LocalDate.of(2026, 11, 20)));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The screens: records the switch to the test engine and back. */
    private static final class RecordingScreens implements LogicAccuracyMode.Screens {
        Optional<CheckInEngine> engine = Optional.empty();
        Optional<Supplier<Counters>> counters = Optional.empty();
        boolean backToReal;

        @Override
        public void useTestEngine(CheckInEngine engine, Supplier<Counters> counters) {
            this.engine = Optional.of(engine);
            this.counters = Optional.of(counters);
        }

        @Override
        public void useRealEngine() {
            backToReal = true;
        }
    }

    /** A matcher for the synthetic templates: a "good" image matches every enrolled finger, a "bad" one none. */
    private static final class EveryoneMatches {
        static FakeMatcher matcher() {
            return FakeMatcher.scoring(RegisterFixtures.EXTRACTOR,
                    (probe, candidate) -> probe.bytes()[0] == 1 ? 500 : 1);
        }

        static FingerImage image(boolean matches) {
            byte[] pixels = new byte[16 * 16];
            pixels[0] = (byte) (matches ? 1 : 0);
            return new FingerImage(16, 16, pixels, 500);
        }
    }

    /** A command line whose output is captured. */
    private static final class Console {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CliEnvironment environment = new CliEnvironment(RegisterFixtures.CLOCK, RegisterFixtures.RANDOM,
                Main.migrations(), () -> {
                    throw new AssertionError("no matcher needed");
                }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
