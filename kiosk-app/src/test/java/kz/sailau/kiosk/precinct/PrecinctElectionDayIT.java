package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.app.KioskStatusPublisher;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.app.PrecinctElectionDay;
import kz.sailau.kiosk.app.PrecinctKiosk;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.audit.RegisterLoadAudit;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.NetworkCutOffException;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.PrecinctVoterIndex;
import kz.sailau.kiosk.ledger.ReplicatedCheckInLedger;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzParser;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.token.PrecinctRedeemDesk;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.token.TokenRefusal;
import kz.sailau.kiosk.token.TokenVerifier;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kiosks of one precinct network, each the real election day ({@link ElectionDayAssembly}, its SQLite ledger
 * and audit log, its token issuer) made a precinct node by {@link PrecinctElectionDay}, over three nodes in this
 * JVM (real TCP, mutual TLS, Raft): the same voter presented at both kiosks at the same moment gets one token and
 * one {@code ALREADY_CHECKED_IN} through the real engines; the ballot desk redeems live against the replicated
 * sets, QR and typed codes alike, and refuses a token no kiosk issued or one already redeemed.
 */
class PrecinctElectionDayIT {

    private static final LocalDate ELECTION_DAY = LocalDate.of(2026, 12, 6);
    private static final int VOTERS = 6;
    private static final ClerkId CLERK = new ClerkId("C01");
    private static final PrecinctTokenKey TOKEN_KEY = new PrecinctTokenKey(RegisterFixtures.ELECTION,
            RegisterFixtures.PRECINCT, RegisterFixtures.RANDOM.generateSeed(32));

    @TempDir
    Path temp;

    @Test
    void twoKiosksRacingOnOneVoterThroughTheRealEnginesGiveOneTokenAndTheDeskRedeemsLive() throws Exception {
        RegisterContents register = RegisterFixtures.contents(VOTERS, 1, 42);
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), RegisterFixtures.PRECINCT,
                136)) {
            precinct.startAll(twoKiosksAndADesk(), 90);
            List<Kiosk> kiosks = new ArrayList<>();
            try {
                Path onePackage = precinctPackage("one", register, certify("kiosk-a"), certify("kiosk-b"));
                kiosks.add(kiosk("kiosk-a", onePackage, precinct.node("kiosk-1")));
                kiosks.add(kiosk("kiosk-b", onePackage, precinct.node("kiosk-2")));
                List<CheckInState.TokenIssued> issued = new ArrayList<>();
                ExecutorService both = Executors.newFixedThreadPool(2);
                try {
                    for (RegisterRecord voter : register.records()) {
                        List<Future<CheckInState>> race = both.invokeAll(List.<Callable<CheckInState>>of(
                                () -> checkIn(kiosks.get(0).engine(), voter),
                                () -> checkIn(kiosks.get(1).engine(), voter)));
                        List<CheckInState> outcomes = List.of(race.get(0).get(), race.get(1).get());
                        List<CheckInState.TokenIssued> tokens = outcomes.stream()
                                .filter(CheckInState.TokenIssued.class::isInstance)
                                .map(CheckInState.TokenIssued.class::cast).toList();
                        assertEquals(1, tokens.size(), "one token per voter: " + outcomes);
                        assertEquals(1, outcomes.stream().filter(s -> s instanceof CheckInState.Refused r
                                && r.refusal() == Refusal.ALREADY_CHECKED_IN).count(), outcomes.toString());
                        issued.addAll(tokens);
                        for (Kiosk kiosk : kiosks) {
                            kiosk.engine().submit(new CheckInEvent.Acknowledged());
                        }
                    }
                } finally {
                    both.shutdownNow();
                }
                assertEquals(VOTERS, kiosks.get(0).day().counters().checkIns()
                        + kiosks.get(1).day().counters().checkIns(), "each voter is in one kiosk's own ledger");
                // The kiosk that lost a race had issued its token id first and voided it again: issued - voided is
                // the number of check-ins on every replica.
                InProcessPrecinct.await(() -> precinct.counts().values().stream().allMatch(c -> c.startsWith(
                        "checkedIn=" + VOTERS + " ") && count(c, "issued") - count(c, "voided") == VOTERS), 90,
                        () -> "the replicas: " + precinct.counts());

                TokenVerifier eitherKiosk = (body, signature) -> kiosks.stream()
                        .anyMatch(k -> new Ed25519TokenVerifier(k.tokenKeys().publicKey()).verify(body, signature));
                PrecinctRedeemDesk desk = new PrecinctRedeemDesk(new TokenCheck(RegisterFixtures.ELECTION,
                        RegisterFixtures.PRECINCT, eitherKiosk, TOKEN_KEY::mac), precinct.node("desk-1"));
                assertTrue(desk.redeem(issued.get(0).token().qrPayload()).accepted());
                assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED),
                        desk.redeem(issued.get(0).token().humanCode()).refusal(), "redeemed once, at any desk");
                assertTrue(desk.redeem(issued.get(1).token().humanCode()).accepted(), "a typed code");
                assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED),
                        desk.redeem(issued.get(1).token().qrPayload()).refusal());
                String neverIssued = kiosks.get(0).assembly().tokenIssuer(RegisterFixtures.ELECTION).prepare()
                        .token().qrPayload();
                assertEquals(Optional.of(TokenRefusal.NOT_ISSUED), desk.redeem(neverIssued).refusal(),
                        "a well-signed token that no kiosk recorded");
            } finally {
                for (Kiosk kiosk : kiosks) {
                    kiosk.close();
                }
            }
        }
    }

    /**
     * A kiosk started as a node the way {@code start} does it ({@link PrecinctKiosk}: its node directory checked,
     * the node key unsealed with the passphrase, the node listening on its configured address and nowhere else), its
     * engine through {@link PrecinctElectionDay}: cut off from the other two machines by the fault-injecting proxy,
     * it refuses a check-in with the cut-off state and records nothing anywhere, shows the cut-off screen on its next
     * tick, and returns to the welcome screen by itself when the links are healed; then the same voter checks in.
     */
    @Test
    void aKioskCutOffByTheProxyRefusesWithTheCutOffStateAndResumesWhenHealed() throws Exception {
        RegisterContents register = RegisterFixtures.contents(2, 1, 43);
        RegisterRecord voter = register.records().get(0);
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), RegisterFixtures.PRECINCT,
                170)) {
            precinct.members(twoKiosksAndADesk());
            LoopbackPrecinct.Machine machine = precinct.machine("kiosk-1");
            // The kiosk says it is cut off after 2 s without the majority, not the loopback settings' 10 s.
            Path settings = machine.directory().resolve(PrecinctNodeSettings.FILE);
            Files.writeString(settings, Files.readString(settings).replace("\"commitTimeoutMillis\": 10000",
                    "\"commitTimeoutMillis\": 2000"));
            precinct.start(new NodeName("kiosk-2"));
            precinct.start(new NodeName("desk-1"));
            Path data = temp.resolve("kiosk-a");
            KioskConfiguration configuration = configuration(data).asPrecinctNode(machine.directory());
            assertEquals(List.of(), PrecinctKiosk.problems(configuration, Optional.empty()));
            long pid = ProcessHandle.current().pid();
            List<String> listeningBefore = ListeningSockets.of(pid);
            NodeCredentials key = PrecinctKiosk.unlock(configuration, InProcessPrecinct.PASSPHRASE.clone())
                    .orElseThrow();
            try (PrecinctNode node = PrecinctKiosk.start(configuration, key, RegisterFixtures.RANDOM)) {
                List<String> opened = new ArrayList<>(ListeningSockets.of(pid));
                opened.removeAll(listeningBefore);
                assertEquals(List.of(machine.address().getHostAddress() + ":" + machine.listen().getPort()), opened,
                        "the kiosk's node listens on its configured address only");
                InProcessPrecinct.await(() -> node.networkState().withMajority(), 90,
                        () -> "kiosk-1 never joined: " + node.networkState().summary());
                try (Kiosk kiosk = kiosk("kiosk-a", precinctPackage("one", register, certify("kiosk-a")), node)) {
                    CheckInEngine engine = kiosk.engine();
                    // On a loaded machine the view may still settle after the join: the engine follows it by ticks.
                    InProcessPrecinct.await(() -> CheckInState.AwaitingCard.FRESH.equals(engine.tick()), 30,
                            () -> "the engine never saw the majority: " + engine.networkStatus());
                    assertTrue(engine.networkStatus().orElseThrow().withMajority(), engine.networkStatus()::toString);

                    precinct.loopback.isolate(machine);
                    InProcessPrecinct.await(() -> !node.networkState().withMajority(), 60,
                            () -> "kiosk-1 still sees a majority: " + node.networkState().summary());
                    // A voter who started before the next tick: the check-in itself is refused, nothing recorded.
                    assertInstanceOf(CheckInState.AwaitingFinger.class, engine.submit(card(voter)));
                    assertEquals(new CheckInState.CutOff(false),
                            engine.submit(new CheckInEvent.FingerCaptured(image())));
                    assertEquals(0, kiosk.day().counters().checkIns(), "nothing in the kiosk's own ledger");
                    assertEquals(0, precinct.node("kiosk-2").read(PrecinctLedgerState::checkedInCount),
                            "nothing on the precinct's replicas");
                    assertEquals(new CheckInState.CutOff(false), engine.tick());
                    assertEquals(1, engine.networkStatus().orElseThrow().reachable());

                    precinct.loopback.heal(machine);
                    InProcessPrecinct.await(() -> node.networkState().withMajority(), 90,
                            () -> "kiosk-1 never rejoined: " + node.networkState().summary());
                    assertEquals(CheckInState.AwaitingCard.FRESH, engine.tick(), "back by itself once healed");
                    CheckInState done = engine.submit(card(voter));
                    done = done instanceof CheckInState.AwaitingFinger
                            ? engine.submit(new CheckInEvent.FingerCaptured(image())) : done;
                    assertInstanceOf(CheckInState.TokenIssued.class, done, "the same voter checks in once healed");
                    InProcessPrecinct.await(() -> precinct.node("kiosk-2").read(PrecinctLedgerState::checkedInCount)
                            == 1, 30, () -> "kiosk-2's replica: " + precinct.counts());
                }
            }
        }
    }

    /**
     * Two kiosks whose register packages differ though their version is the same (the one list built twice for the
     * precinct): the first to open makes its package the precinct's; the other is refused with
     * {@code precinct.error.registerMismatch}, a voter who starts there is refused with the cut-off state, it stays
     * cut off at every tick, and records nothing; a kiosk on version 2 is refused too; the voter then checks in at
     * the first kiosk.
     */
    @Test
    void aKioskWithAnotherRegisterPackageRefusesToOpenAndChecksNobodyIn() throws Exception {
        RegisterContents first = RegisterFixtures.contents(2, 1, 44);
        X509Certificate kioskA = certify("kiosk-a");
        X509Certificate kioskB = certify("kiosk-b");
        Path firstPackage = precinctPackage("first", first, kioskA, kioskB);
        // The same register, version and kiosks, built again: another file.
        Path rebuilt = precinctPackage("rebuilt", first, kioskA, kioskB);
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), RegisterFixtures.PRECINCT,
                136)) {
            precinct.startAll(twoKiosksAndADesk(), 90);
            PrecinctNode other = precinct.node("kiosk-2");
            try (Kiosk opened = kiosk("kiosk-a", firstPackage, precinct.node("kiosk-1"));
                 Kiosk refused = kiosk("kiosk-b", rebuilt, other)) {
                PrecinctLedgerState.AgreedRegister agreed = new PrecinctLedgerState.AgreedRegister(1,
                        sha256(firstPackage));
                assertEquals(Optional.of(agreed), other.read(PrecinctLedgerState::register),
                        "the first kiosk to open made its register the precinct's");
                RegisterRecord voter = first.records().get(0);
                assertInstanceOf(CheckInState.AwaitingFinger.class, refused.engine().submit(card(voter)));
                assertEquals(new CheckInState.CutOff(false),
                        refused.engine().submit(new CheckInEvent.FingerCaptured(image())));
                assertEquals(new CheckInState.CutOff(false), refused.engine().tick(), "it stays refused");
                // The clerk station learns it from the kiosk's own engine, through the ledger.
                try (KioskStatusPublisher status = KioskStatusPublisher.attach(refused.engine(), other)) {
                    InProcessPrecinct.await(() -> precinct.node("kiosk-1").read(PrecinctLedgerState::statuses)
                            .getOrDefault(new NodeName("kiosk-2"), KioskStatus.QUIET).checksNobodyIn(), 30,
                            () -> "kiosk-1's replica: " + precinct.node("kiosk-1").read(PrecinctLedgerState::statuses));
                }
                assertFalse(refused.engine().networkStatus().orElseThrow().withMajority());
                NetworkCutOffException reason = assertThrows(NetworkCutOffException.class,
                        () -> new ReplicatedCheckInLedger(refused.assembly().sqliteLedger(), other,
                                PrecinctVoterIndex.of(TOKEN_KEY), Optional.of(new PrecinctLedgerState.AgreedRegister(2,
                                        sha256(firstPackage))))
                                .openRegister());
                assertEquals("precinct.error.registerMismatch", reason.messageKey());
                assertFalse(reason.getMessage().contains(voter.voter().iin().digits()), reason.getMessage());
                assertEquals(0, refused.day().counters().checkIns(), "nothing in the refused kiosk's ledger");
                assertEquals(0, other.read(PrecinctLedgerState::checkedInCount), "nothing on the precinct's");

                assertEquals(CheckInState.AwaitingCard.FRESH, opened.engine().tick());
                assertInstanceOf(CheckInState.TokenIssued.class, checkIn(opened.engine(), voter),
                        "the voter checks in at the kiosk with the precinct's register");
            }
        }
    }

    /** kiosk-1, kiosk-2 and the ballot desk desk-1. */
    private static Map<String, NodeRole> twoKiosksAndADesk() {
        Map<String, NodeRole> machines = InProcessPrecinct.kiosks(2);
        machines.put("desk-1", NodeRole.BALLOT_DESK);
        return machines;
    }

    private static long count(String counts, String name) {
        return Long.parseLong(counts.replaceAll(".*\\b" + name + "=(\\d+).*", "$1"));
    }

    private static CheckInState checkIn(CheckInEngine engine, RegisterRecord record) {
        CheckInState afterCard = engine.submit(card(record));
        if (!(afterCard instanceof CheckInState.AwaitingFinger)) {
            return afterCard;
        }
        CheckInState done = engine.submit(new CheckInEvent.FingerCaptured(image()));
        assertTrue(done instanceof CheckInState.TokenIssued || done instanceof CheckInState.Refused, done.toString());
        return done;
    }

    /** Initialises kiosk {@code name}'s data directory and certifies it. */
    private X509Certificate certify(String name) throws IOException {
        return RegisterFixtures.initFreshKiosk(temp.resolve(name), RegisterFixtures.PRECINCT);
    }

    /** One register package for the given kiosks (decision 0250), as the authority builds it for a precinct. */
    private Path precinctPackage(String name, RegisterContents register, X509Certificate... kiosks)
            throws IOException {
        Path file = temp.resolve(name + "-register.srp");
        Files.write(file, RegisterPackages.writeForPrecinct(register, RegisterFixtures.authority(), List.of(kiosks)));
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A kiosk certified by {@link #certify} that loads {@code registerPackage}, over {@code node}. */
    private Kiosk kiosk(String name, Path registerPackage, PrecinctNode node) throws Exception {
        Path data = temp.resolve(name);
        KioskCredentials credentials = KioskDataDirectory.at(data).unlock(RegisterFixtures.PASSPHRASE);
        KioskDatabase database = KioskDatabase.open(KioskDataDirectory.at(data).databaseFile(), Main.migrations(),
                StoreOptions.DEFAULT, RegisterFixtures.CLOCK);
        KioskDataDirectory directory = KioskDataDirectory.at(data);
        new RegisterLoader(new RegisterStore(database, credentials.storeKeys(), RegisterFixtures.RANDOM),
                directory.profile(), directory.pinnedAuthority(), credentials, RegisterFixtures.EXTRACTOR,
                RegisterFixtures.CLOCK, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                .guardedBy(new RegisterLoadAudit(credentials, database.migrations(), RegisterFixtures.CLOCK))
                .load(registerPackage, (stage, done, total) -> { });
        Ed25519TokenKeys tokenKeys = Ed25519TokenKeys.generate(RegisterFixtures.RANDOM);
        KioskConfiguration configuration = configuration(data);
        ElectionDayAssembly assembly = PrecinctElectionDay.over(ElectionDayAssembly.over(configuration, database,
                credentials, tokenKeys, TOKEN_KEY::mac, FakeMatcher.scoring(RegisterFixtures.EXTRACTOR,
                        (probe, candidate) -> probe.bytes()[0] == 1 ? 500 : 1), RegisterFixtures.CLOCK,
                RegisterFixtures.RANDOM)
                .withClerks(new InMemoryClerkAuthenticator(RegisterFixtures.RANDOM).withClerk(CLERK,
                        "2468".toCharArray())), node, TOKEN_KEY);
        return new Kiosk(assembly, assembly.assemble(Optional.empty()), database, tokenKeys);
    }

    /** The kiosk's configuration with its data directory {@code data} (standalone until asPrecinctNode). */
    private static KioskConfiguration configuration(Path data) {
        KioskConfiguration defaults = KioskConfiguration.defaults();
        return new KioskConfiguration(data, RegisterFixtures.ELECTION.value(),
                RegisterFixtures.PRECINCT.number(), ELECTION_DAY, defaults.scanner(), defaults.mrzReader(),
                defaults.printer(), defaults.matchThreshold(), defaults.maxFingerTries(),
                defaults.overrideCapPercent(), defaults.overrideWarnPercent(), defaults.idleTimeoutSeconds(), false);
    }

    private static FingerImage image() {
        byte[] pixels = new byte[16 * 16];
        pixels[0] = 1;
        return new FingerImage(16, 16, pixels, 500);
    }

    private static CheckInEvent.CardRead card(RegisterRecord record) {
        Voter v = record.voter();
        return new CheckInEvent.CardRead(MrzParser.parse(MrzWriter.text(new MrzWriter.Card("KAZ", "N12345678",
                v.iin(), v.birthDate(), Optional.empty(), LocalDate.of(2031, 1, 1), "KAZ", "TEST", "VOTER")),
                LocalDate.of(2026, 11, 20)));
    }

    /** One kiosk of the test: its assembly, its election day, its store and its token key. */
    private record Kiosk(ElectionDayAssembly assembly, ElectionDayKiosk day, KioskDatabase database,
                         Ed25519TokenKeys tokenKeys) implements AutoCloseable {
        CheckInEngine engine() {
            return day.engine();
        }

        @Override
        public void close() {
            day.close();
            database.close();
        }
    }
}
