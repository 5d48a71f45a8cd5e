package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.IntruderTls;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A precinct of three kiosks and a ballot desk, each node on its own loopback address with mutual TLS and Raft,
 * behind fault-injecting proxies, all in this JVM ({@link InProcessPrecinct}: one JVM instead of four keeps the test
 * reliable on a loaded two-core build machine): racing kiosks, a node cut off and healed, a node crashed and
 * rejoining, the leader crashed, a spare kiosk added by the administrator, intruders refused, and the raw bytes of
 * every node's files after the day. The steps run in order on one cluster; each asserts its own outcome. Waits are
 * generous (a loaded machine) and every wait is on a condition. SIGKILL of node JVMs is the simulation's
 * ({@code PrecinctSimulationIT}); the listener of a node JVM is checked in {@code PrecinctNodeProcessIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrecinctNetworkIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final int WAIT = 90;

    @TempDir
    static Path root;

    private InProcessPrecinct precinct;
    private List<NodeName> members;
    private final List<byte[]> voters = new ArrayList<>();
    private final List<byte[]> tokens = new ArrayList<>();

    @BeforeAll
    void startThePrecinct() throws Exception {
        precinct = new InProcessPrecinct(root, PRECINCT, 20);
        Map<String, NodeRole> machines = InProcessPrecinct.kiosks(3);
        machines.put("desk-1", NodeRole.BALLOT_DESK);
        members = precinct.startAll(machines, WAIT);
    }

    @AfterAll
    void stopThePrecinct() throws Exception {
        precinct.close();
    }

    @Test
    @Order(1)
    void twoKiosksRacingOnTheSameVoterGiveOneCheckInAndOneAlreadyCheckedIn() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                byte[] voter = newVoter();
                List<Future<PrecinctOutcome>> race = both.invokeAll(List.<Callable<PrecinctOutcome>>of(
                        () -> committed("kiosk-1", id -> checkIn(id, "kiosk-1", voter)),
                        () -> committed("kiosk-2", id -> checkIn(id, "kiosk-2", voter))));
                List<PrecinctOutcome> outcomes = List.of(race.get(0).get(), race.get(1).get());
                assertEquals(1, outcomes.stream().filter(PrecinctOutcome.ACCEPTED::equals).count(),
                        "voter " + i + ": " + outcomes);
                assertEquals(1, outcomes.stream().filter(PrecinctOutcome.ALREADY_CHECKED_IN::equals).count(),
                        "voter " + i + ": " + outcomes);
                byte[] token = newToken();
                String kiosk = i % 2 == 0 ? "kiosk-1" : "kiosk-2";
                assertEquals(PrecinctOutcome.ACCEPTED, committed(kiosk,
                        id -> new PrecinctCommand.IssueToken(id, new NodeName(kiosk), token)));
            }
        } finally {
            both.shutdownNow();
        }
        // The ballot desk checks tokens live: issued at any kiosk → accepted once; again, or never issued → refused.
        assertEquals(PrecinctOutcome.ACCEPTED, redeem(tokens.get(0), false));
        assertEquals(PrecinctOutcome.ALREADY_REDEEMED, redeem(tokens.get(0), true));
        assertEquals(PrecinctOutcome.UNKNOWN_TOKEN, redeem(new byte[16], true));
        assertEquals(PrecinctOutcome.ACCEPTED, committed("kiosk-1",
                id -> new PrecinctCommand.VoidToken(id, new NodeName("kiosk-1"), tokens.get(1))));
        assertEquals(PrecinctOutcome.TOKEN_VOIDED, redeem(tokens.get(1), false));
        precinct.awaitSameCounts(WAIT);
        String counts = precinct.counts().get(new NodeName("kiosk-3"));
        assertTrue(counts.contains("checkedIn=20 ") && counts.contains("issued=20 ") && counts.contains("voided=1 ")
                && counts.contains("redeemed=1 "), counts);
    }

    @Test
    @Order(2)
    void aKioskCutOffFromTheMajorityRefusesCheckInsAndCatchesUpWhenHealed() throws Exception {
        LoopbackPrecinct.Machine kiosk3 = precinct.machine("kiosk-3");
        precinct.loopback.isolate(kiosk3);
        InProcessPrecinct.await(() -> !node("kiosk-3").networkState().withMajority(), WAIT,
                () -> "kiosk-3 never noticed it was cut off: " + precinct.states());
        assertTrue(node("kiosk-3").networkState().summary().contains("cut-off"));
        byte[] refused = new byte[32];
        RANDOM.nextBytes(refused);
        assertThrows(PrecinctUnavailableException.class, () -> node("kiosk-3").checkIn(refused, 0));
        for (int i = 0; i < 5; i++) {
            byte[] voter = newVoter();
            assertEquals(PrecinctOutcome.ACCEPTED, committed("kiosk-1", id -> checkIn(id, "kiosk-1", voter)));
        }
        precinct.loopback.heal(kiosk3);
        precinct.awaitSameCounts(WAIT);
        assertTrue(precinct.counts().get(new NodeName("kiosk-3")).contains("checkedIn=25 "));
        boolean recorded = node("kiosk-3").read(state -> state.isCheckedIn(refused));
        assertFalse(recorded, "a refused check-in was recorded");
    }

    @Test
    @Order(3)
    void aCrashedKioskRejoinsWithoutStoppingCheckIns() throws Exception {
        precinct.crash("kiosk-2");
        // More than the 32 entries a node keeps behind its snapshot: kiosk-2 catches up from a snapshot.
        for (int i = 0; i < 40; i++) {
            byte[] voter = newVoter();
            String kiosk = i % 2 == 0 ? "kiosk-1" : "kiosk-3";
            assertEquals(PrecinctOutcome.ACCEPTED, committed(kiosk, id -> checkIn(id, kiosk, voter)));
        }
        long start = System.nanoTime();
        precinct.start(new NodeName("kiosk-2"));
        precinct.awaitSameCounts(WAIT);
        System.out.printf("precinct: crashed kiosk rejoined and caught up in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertTrue(precinct.counts().get(new NodeName("kiosk-2")).contains("checkedIn=65 "));
    }

    @Test
    @Order(4)
    void whenTheLeaderDiesTheOthersElectAnotherAndGoOn() throws Exception {
        InProcessPrecinct.await(() -> node("kiosk-1").networkState().leader().isPresent(), WAIT,
                () -> "no leader: " + precinct.states());
        NodeName leader = node("kiosk-1").networkState().leader().orElseThrow();
        long start = System.nanoTime();
        precinct.crash(leader.value());
        NodeName survivor = members.stream().filter(m -> !m.equals(leader)).findFirst().orElseThrow();
        byte[] voter = newVoter();
        assertEquals(PrecinctOutcome.ACCEPTED, committed(survivor.value(), id -> checkIn(id, survivor.value(), voter)));
        System.out.printf("precinct: check-ins resumed %d ms after the leader (%s) crashed%n",
                (System.nanoTime() - start) / 1_000_000, leader);
        precinct.start(leader);
        precinct.awaitSameCounts(WAIT);
    }

    @Test
    @Order(5)
    void aSpareKioskAddedByTheAdministratorCatchesUpAndChecksVotersIn() throws Exception {
        LoopbackPrecinct.Machine spare = precinct.loopback.add("kiosk-4", NodeRole.KIOSK);
        precinct.loopback.writeSettings(spare, members);
        X509Certificate certificate = NodeCredentials.unlock(spare.directory(), InProcessPrecinct.PASSPHRASE)
                .certificate().orElseThrow();
        PrecinctOutcome admitted = null;
        long deadline = System.nanoTime() + WAIT * 1_000_000_000L;
        while (admitted == null) {
            try {
                admitted = node("kiosk-1").admit(certificate);
            } catch (PrecinctUnavailableException e) {
                assertTrue(System.nanoTime() < deadline, "the spare was never admitted: " + e.getMessage());
            }
        }
        assertEquals(PrecinctOutcome.ACCEPTED, admitted);
        precinct.start(spare.name());
        precinct.awaitMajority(WAIT);
        precinct.awaitSameCounts(WAIT);
        assertEquals(5, node("kiosk-4").networkState().members().size(), precinct.states().toString());
        byte[] voter = newVoter();
        assertEquals(PrecinctOutcome.ACCEPTED, committed("kiosk-4", id -> checkIn(id, "kiosk-4", voter)));
        assertEquals(PrecinctOutcome.ALREADY_CHECKED_IN, committed("kiosk-4", id -> checkIn(id, "kiosk-4",
                voters.get(0))));
    }

    @Test
    @Order(6)
    void aNodeOfAnotherPrecinctAnUncertifiedMachineAndAReplayAreRefusedAndCounted() throws Exception {
        LoopbackPrecinct.Machine kiosk1 = precinct.machine("kiosk-1");
        NodeCredentials other = certified("kiosk-9", new PrecinctId(999), precinct.loopback.authority());
        assertThrows(IOException.class, () -> handshake(other, kiosk1));
        AuthorityCredentials rogue = AuthorityCredentials.generate("Rogue (TEST)", Clock.systemUTC(),
                Duration.ofDays(1), RANDOM);
        NodeCredentials uncertified = certified("kiosk-8", PRECINCT, rogue);
        assertThrows(IOException.class, () -> handshake(uncertified, kiosk1));
        String counts = precinct.counts().get(kiosk1.name());
        // A few recorded client flights replayed on fresh connections, each dropped after a second of the server's
        // answer (waiting until the server gave up cost 3 s each, and no assertion depends on it).
        for (byte[] recorded : kiosk1.proxy().recorded().stream().limit(3).toList()) {
            try (Socket replay = new Socket(kiosk1.listen().getAddress(), kiosk1.listen().getPort())) {
                replay.setSoTimeout(1000);
                OutputStream out = replay.getOutputStream();
                out.write(recorded);
                out.flush();
                replay.getInputStream().readNBytes(4096);
            } catch (IOException e) {
                // refused: the server's handshake cannot complete with a recorded client flight
            }
        }
        assertEquals(counts, precinct.counts().get(kiosk1.name()), "a replayed connection changed the ledger");
        Map<String, Long> refusals = node("kiosk-1").refusals();
        assertTrue(refusals.getOrDefault("node.refused.otherPrecinct", 0L) > 0, refusals.toString());
        assertTrue(refusals.getOrDefault("node.refused.uncertified", 0L) > 0, refusals.toString());
    }

    @Test
    @Order(7)
    void afterTheDayNoNodeKeepsCheckInsInTimeOrderOrLinkedToTokens() throws Exception {
        // A kiosk's status for the clerk station during the day: the ledger keeps the latest only, so the case
        // it replaced is on no node's disk after the day, and no case code crosses the wire in clear.
        NodeName kiosk1 = new NodeName("kiosk-1");
        KioskStatus swap = new KioskStatus(false, false, false, true, new java.util.TreeSet<>(List.of(
                "clerk.IDENTITY_SWAP")));
        assertEquals(PrecinctOutcome.ACCEPTED, committed("kiosk-1", id -> new PrecinctCommand.PublishStatus(id, kiosk1,
                swap)));
        assertEquals(PrecinctOutcome.ACCEPTED, committed("kiosk-1", id -> new PrecinctCommand.PublishStatus(id, kiosk1,
                KioskStatus.QUIET)));
        assertEquals(PrecinctOutcome.ACCEPTED, committed("kiosk-1",
                id -> new PrecinctCommand.Seal(id, new NodeName("kiosk-1"))));
        precinct.awaitSameCounts(WAIT);
        assertTrue(precinct.counts().get(new NodeName("kiosk-2")).endsWith(" seals=1"), "every node applied the seal");
        for (PrecinctNode node : precinct.nodes.values()) {
            node.snapshotToTheSeal();
        }
        RawBytes.assertNoOrderAndNoLink(precinct.loopback.machines().values().stream()
                .map(m -> m.directory().resolve("ledger")).toList(), voters, tokens);
        for (LoopbackPrecinct.Machine machine : precinct.loopback.machines().values()) {
            for (byte[] traffic : machine.proxy().recorded()) {
                for (byte[] voter : voters) {
                    assertEquals(-1, RawBytes.indexOf(traffic, voter, 0), "a blind index crossed the wire in clear");
                }
                assertEquals(-1, RawBytes.indexOf(traffic, IDENTITY_SWAP, 0), "a kiosk's case crossed in clear");
            }
        }
        for (LoopbackPrecinct.Machine machine : precinct.loopback.machines().values()) {
            try (var files = java.nio.file.Files.walk(machine.directory().resolve("ledger"))) {
                for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    assertEquals(-1, RawBytes.indexOf(java.nio.file.Files.readAllBytes(file), IDENTITY_SWAP, 0),
                            file + " keeps a kiosk status that was replaced");
                }
            }
            assertEquals(java.util.Map.of(kiosk1, KioskStatus.QUIET), precinct.nodes.get(machine.name())
                    .read(PrecinctLedgerState::statuses), machine.name() + ": one status per kiosk, the latest");
        }
    }

    private static final byte[] IDENTITY_SWAP = "IDENTITY_SWAP".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private PrecinctNode node(String name) {
        return precinct.node(name);
    }

    private PrecinctOutcome committed(String node, Function<byte[], PrecinctCommand> command) {
        return InProcessPrecinct.committed(node(node), command, WAIT);
    }

    private PrecinctOutcome redeem(byte[] token, boolean typed) {
        return committed("desk-1", id -> new PrecinctCommand.RedeemToken(id, new NodeName("desk-1"), token, typed));
    }

    private static PrecinctCommand checkIn(byte[] id, String kiosk, byte[] voter) {
        return new PrecinctCommand.CheckIn(id, new NodeName(kiosk), voter, 0);
    }

    private byte[] newVoter() {
        byte[] voter = new byte[32];
        RANDOM.nextBytes(voter);
        synchronized (voters) {
            voters.add(voter);
        }
        return voter;
    }

    private byte[] newToken() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        tokens.add(token);
        return token;
    }

    private static NodeCredentials certified(String name, PrecinctId precinctId, AuthorityCredentials issuer) {
        NodeCredentials credentials = NodeCredentials.generate(new NodeName(name), NodeRole.KIOSK, precinctId,
                RANDOM);
        X509Certificate certificate = NodeCertificates.certify(issuer, credentials.certificationRequest(), precinctId,
                Clock.systemUTC(), Duration.ofDays(1), RANDOM);
        return credentials.withCertificate(certificate, issuer.certificate());
    }

    private static void handshake(NodeCredentials client, LoopbackPrecinct.Machine target) throws IOException {
        SSLContext context;
        try {
            context = IntruderTls.trustingEveryServer(client);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(target.listen().getAddress(),
                target.listen().getPort())) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            // TLS 1.3: the server's verdict on the client certificate arrives after the client's Finished.
            socket.getOutputStream().write(new byte[] {0, 0, 0, 0});
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() < 0) {
                throw new IOException("closed by the server");
            }
        }
    }
}
