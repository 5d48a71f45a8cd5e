package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.IntruderTls;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.precinct.loopback.NodeConsoleProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A precinct of three kiosks and a ballot desk, each its own JVM running the real {@code sailau-kiosk.jar node run}
 * on its own loopback address with mutual TLS, behind fault-injecting proxies: racing kiosks, a node cut off, a
 * node killed with SIGKILL and rejoining from a snapshot, the leader killed, a spare kiosk added by the
 * administrator, intruders refused, the listener on the configured address only, and the raw bytes of every
 * node's files after the day. The steps run in order on one cluster; each asserts its own outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrecinctNetworkIT {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path root;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final Path JAR = jar();

    private LoopbackPrecinct precinct;
    private final Map<NodeName, NodeConsoleProcess> nodes = new LinkedHashMap<>();
    private final List<byte[]> voters = new ArrayList<>();
    private final List<byte[]> tokens = new ArrayList<>();
    private final List<NodeName> members = List.of(new NodeName("kiosk-1"), new NodeName("kiosk-2"),
            new NodeName("kiosk-3"), new NodeName("desk-1"));

    @BeforeAll
    void startThePrecinct() throws Exception {
        precinct = new LoopbackPrecinct(root, PRECINCT, AuthorityCredentials.generate("Test-only authority",
                Clock.systemUTC(), Duration.ofDays(2), RANDOM), "test-only node passphrase".toCharArray(), 20, RANDOM,
                Clock.systemUTC());
        precinct.add("kiosk-1", NodeRole.KIOSK);
        precinct.add("kiosk-2", NodeRole.KIOSK);
        precinct.add("kiosk-3", NodeRole.KIOSK);
        precinct.add("desk-1", NodeRole.BALLOT_DESK);
        precinct.writeSettings(members);
        for (NodeName name : members) {
            nodes.put(name, precinct.start(JAR, machine(name)));
        }
        for (NodeName name : members) {
            awaitMajority(node(name), 60);
        }
    }

    @AfterAll
    void stopThePrecinct() throws Exception {
        for (NodeConsoleProcess node : nodes.values()) {
            node.close();
        }
        precinct.close();
    }

    @Test
    @Order(1)
    void twoKiosksRacingOnTheSameVoterGiveOneCheckInAndOneAlreadyCheckedIn() throws Exception {
        for (int i = 0; i < 20; i++) {
            byte[] voter = newVoter();
            String first = "checkin " + HEX.formatHex(voter) + " 0 " + newId();
            String second = "checkin " + HEX.formatHex(voter) + " 0 " + newId();
            node("kiosk-1").send(first);
            node("kiosk-2").send(second);
            String one = word(node("kiosk-1").next(30), 1);
            String two = word(node("kiosk-2").next(30), 1);
            // A command that got no answer in time is retried with its own id: answered, never applied twice.
            one = one.equals("UNAVAILABLE") ? committed("kiosk-1", first) : one;
            two = two.equals("UNAVAILABLE") ? committed("kiosk-2", second) : two;
            List<String> outcomes = List.of(one, two);
            assertEquals(1, outcomes.stream().filter("ACCEPTED"::equals).count(), "voter " + i + ": " + outcomes);
            assertEquals(1, outcomes.stream().filter("ALREADY_CHECKED_IN"::equals).count(), "voter " + i + ": "
                    + outcomes);
            byte[] token = newToken();
            assertEquals("ACCEPTED", committed(i % 2 == 0 ? "kiosk-1" : "kiosk-2", "issue " + HEX.formatHex(token)));
        }
        // The ballot desk checks tokens live: issued at any kiosk → accepted once; again, or never issued → refused.
        assertEquals("ACCEPTED", committed("desk-1", "redeem " + HEX.formatHex(tokens.get(0)) + " scanned"));
        assertEquals("ALREADY_REDEEMED", committed("desk-1", "redeem " + HEX.formatHex(tokens.get(0)) + " scanned"));
        assertEquals("UNKNOWN_TOKEN", committed("desk-1", "redeem " + HEX.formatHex(new byte[16]) + " typed"));
        assertEquals("ACCEPTED", committed("kiosk-1", "void " + HEX.formatHex(tokens.get(1))));
        assertEquals("TOKEN_VOIDED", committed("desk-1", "redeem " + HEX.formatHex(tokens.get(1)) + " scanned"));
        awaitSameCounts();
        String counts = node("kiosk-3").ask("counts");
        assertTrue(counts.contains("checkedIn=20 ") && counts.contains("issued=20 ") && counts.contains("voided=1 ")
                && counts.contains("redeemed=1 "), counts);
    }

    @Test
    @Order(2)
    void aKioskCutOffFromTheMajorityRefusesCheckInsAndCatchesUpWhenHealed() throws Exception {
        LoopbackPrecinct.Machine kiosk3 = machine(new NodeName("kiosk-3"));
        precinct.isolate(kiosk3);
        await(() -> ask("kiosk-3", "state").contains("cut-off"), 30, "kiosk-3 never noticed it was cut off");
        assertEquals("UNAVAILABLE", word(node("kiosk-3").ask("checkin " + HEX.formatHex(newVoter())), 1));
        voters.remove(voters.size() - 1);
        await(() -> ask("kiosk-1", "state").contains(" majority"), 30, "the majority lost its leader");
        for (int i = 0; i < 5; i++) {
            assertEquals("ACCEPTED", committed("kiosk-1", "checkin " + HEX.formatHex(newVoter()) + " 0"));
        }
        precinct.heal(kiosk3);
        awaitSameCounts();
        assertTrue(node("kiosk-3").ask("counts").contains("checkedIn=25 "));
    }

    @Test
    @Order(3)
    void aKioskKilledWithSigkillRejoinsFromASnapshotWithoutStoppingCheckIns() throws Exception {
        NodeConsoleProcess kiosk2 = node("kiosk-2");
        kiosk2.kill();
        assertFalse(kiosk2.alive());
        for (int i = 0; i < 30; i++) {
            assertEquals("ACCEPTED", committed(i % 2 == 0 ? "kiosk-1" : "kiosk-3", "checkin "
                    + HEX.formatHex(newVoter()) + " 0"));
        }
        long start = System.nanoTime();
        nodes.put(new NodeName("kiosk-2"), precinct.start(JAR, machine(new NodeName("kiosk-2"))));
        awaitSameCounts();
        System.out.printf("precinct: killed kiosk rejoined and caught up in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertTrue(node("kiosk-2").ask("counts").contains("checkedIn=55 "));
    }

    @Test
    @Order(4)
    void whenTheLeaderDiesTheOthersElectAnotherAndGoOn() throws Exception {
        await(() -> !ask("kiosk-1", "state").contains("leader=-"), 30, "no leader");
        String state = node("kiosk-1").ask("state");
        NodeName leader = new NodeName(state.replaceAll(".*leader=(\\S+).*", "$1"));
        NodeConsoleProcess dead = nodes.get(leader);
        dead.kill();
        NodeName survivor = members.stream().filter(m -> !m.equals(leader)).findFirst().orElseThrow();
        long start = System.nanoTime();
        String outcome = committed(survivor.value(), "checkin " + HEX.formatHex(newVoter()) + " 0");
        assertEquals("ACCEPTED", outcome);
        System.out.printf("precinct: check-ins resumed %d ms after the leader (%s) was killed%n",
                (System.nanoTime() - start) / 1_000_000, leader);
        nodes.put(leader, precinct.start(JAR, machine(leader)));
        awaitSameCounts();
    }

    @Test
    @Order(5)
    void aSpareKioskAddedByTheAdministratorCatchesUpAndChecksVotersIn() throws Exception {
        LoopbackPrecinct.Machine spare = precinct.add("kiosk-4", NodeRole.KIOSK);
        precinct.writeSettings(spare, members);
        assertEquals("ACCEPTED", word(node("kiosk-1").ask("admit " + precinct.certificate(spare)), 1));
        nodes.put(spare.name(), precinct.start(JAR, spare));
        awaitMajority(node("kiosk-4"), 60);
        awaitSameCounts();
        assertTrue(ask("kiosk-4", "state").contains("members=5"), ask("kiosk-4", "state"));
        assertEquals("ACCEPTED", committed("kiosk-4", "checkin " + HEX.formatHex(newVoter()) + " 0"));
        byte[] already = voters.get(0);
        assertEquals("ALREADY_CHECKED_IN", committed("kiosk-4", "checkin " + HEX.formatHex(already) + " 0"));
    }

    @Test
    @Order(6)
    void aNodeOfAnotherPrecinctAnUncertifiedMachineAndAReplayAreRefusedAndLogged() throws Exception {
        LoopbackPrecinct.Machine kiosk1 = machine(new NodeName("kiosk-1"));
        NodeCredentials other = certified("kiosk-9", new PrecinctId(999), precinct.authority());
        assertThrows(IOException.class, () -> handshake(other, precinct.authority().certificate(), kiosk1));
        AuthorityCredentials rogue = AuthorityCredentials.generate("Rogue (TEST)", Clock.systemUTC(),
                Duration.ofDays(1), RANDOM);
        NodeCredentials uncertified = certified("kiosk-8", PRECINCT, rogue);
        assertThrows(IOException.class, () -> handshake(uncertified, rogue.certificate(), kiosk1));
        String counts = node("kiosk-1").ask("counts");
        for (byte[] recorded : kiosk1.proxy().recorded()) {
            try (Socket replay = new Socket(kiosk1.listen().getAddress(), kiosk1.listen().getPort())) {
                replay.setSoTimeout(5000);
                OutputStream out = replay.getOutputStream();
                out.write(recorded);
                out.flush();
                byte[] answer = replay.getInputStream().readNBytes(4096);
                assertFalse(new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ready"));
            } catch (IOException e) {
                // refused: the server's handshake cannot complete with a recorded client flight
            }
        }
        assertEquals(counts, node("kiosk-1").ask("counts"), "a replayed connection changed the ledger");
        String refusals = node("kiosk-1").ask("refusals");
        assertTrue(refusals.contains("node.refused.otherPrecinct="), refusals);
        assertTrue(refusals.contains("node.refused.uncertified="), refusals);
        String log = node("kiosk-1").log();
        assertTrue(log.contains("[node.refused.otherPrecinct]") && log.contains("[node.refused.uncertified]"), log);
    }

    @Test
    @Order(7)
    void eachNodeListensOnlyOnItsConfiguredAddress() throws Exception {
        for (Map.Entry<NodeName, NodeConsoleProcess> entry : nodes.entrySet()) {
            List<String> listening = ListeningSockets.of(entry.getValue().pid());
            LoopbackPrecinct.Machine machine = machine(entry.getKey());
            assertEquals(List.of(machine.address().getHostAddress() + ":" + machine.listen().getPort()), listening,
                    entry.getKey() + " listens on " + listening);
        }
    }

    @Test
    @Order(8)
    void afterTheDayNoNodeKeepsCheckInsInTimeOrderOrLinkedToTokens() throws Exception {
        assertEquals("ACCEPTED", committed("kiosk-1", "seal"));
        awaitSameCounts();
        assertTrue(node("kiosk-2").ask("counts").endsWith(" seals=1"), "every node applied the seal");
        for (NodeConsoleProcess node : nodes.values()) {
            assertTrue(node.ask("snapshot").equals("snapshot done"));
        }
        RawBytes.assertNoOrderAndNoLink(nodes.values().stream().map(n -> n.directory().resolve("ledger")).toList(),
                voters, tokens);
        for (NodeConsoleProcess node : nodes.values()) {
            String log = node.log();
            for (byte[] voter : voters) {
                assertFalse(log.contains(HEX.formatHex(voter)), "a voter's blind index is in a log");
            }
        }
        for (LoopbackPrecinct.Machine machine : precinct.machines().values()) {
            for (byte[] traffic : machine.proxy().recorded()) {
                for (byte[] voter : voters) {
                    assertEquals(-1, RawBytes.indexOf(traffic, voter, 0), "a blind index crossed the wire in clear");
                }
            }
        }
    }

    private static Path jar() {
        String jar = System.getProperty("sailau.kiosk.jar");
        if (jar == null) {
            throw new AssertionError("system property sailau.kiosk.jar not set: run through failsafe (mvn verify)");
        }
        return Path.of(jar);
    }

    private NodeCredentials certified(String name, PrecinctId precinctId, AuthorityCredentials issuer) {
        NodeCredentials credentials = NodeCredentials.generate(new NodeName(name), NodeRole.KIOSK, precinctId,
                RANDOM);
        X509Certificate certificate = NodeCertificates.certify(issuer, credentials.certificationRequest(), precinctId,
                Clock.systemUTC(), Duration.ofDays(1), RANDOM);
        return credentials.withCertificate(certificate, issuer.certificate());
    }

    private static void handshake(NodeCredentials client, X509Certificate trusted, LoopbackPrecinct.Machine target)
            throws IOException {
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

    /**
     * Sends a command with a fresh command id and, while the node answers UNAVAILABLE (a leader election under
     * load), sends it again with the same id: the outcome is the cluster's one answer for that command.
     */
    private String committed(String node, String request) {
        String withId = request.startsWith("checkin ") || request.startsWith("redeem ") || request.startsWith("seal")
                || request.startsWith("issue ") || request.startsWith("void ") ? request + " " + newId() : request;
        long deadline = System.nanoTime() + 60_000_000_000L;
        String outcome;
        do {
            outcome = word(ask(node, withId), 1);
        } while (outcome.equals("UNAVAILABLE") && System.nanoTime() < deadline);
        return outcome;
    }

    private static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HEX.formatHex(id);
    }

    private byte[] newVoter() {
        byte[] voter = new byte[32];
        RANDOM.nextBytes(voter);
        voters.add(voter);
        return voter;
    }

    private byte[] newToken() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        tokens.add(token);
        return token;
    }

    private NodeConsoleProcess node(String name) {
        return node(new NodeName(name));
    }

    private NodeConsoleProcess node(NodeName name) {
        return nodes.get(name);
    }

    private LoopbackPrecinct.Machine machine(NodeName name) {
        return precinct.machine(name);
    }

    private String ask(String name, String request) {
        try {
            return node(name).ask(request);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String word(String line, int index) {
        String[] words = line.split(" ");
        return words.length > index ? words[index] : line;
    }

    private void awaitMajority(NodeConsoleProcess node, int seconds) {
        await(() -> {
            try {
                return node.ask("state").contains(" majority");
            } catch (IOException e) {
                return false;
            }
        }, seconds, "no majority at " + node.directory().getFileName());
    }

    private void awaitSameCounts() {
        await(() -> nodes.values().stream().map(n -> {
            try {
                return n.ask("counts");
            } catch (IOException e) {
                return "?";
            }
        }).distinct().count() == 1, 60, "the nodes' ledgers did not converge");
    }

    private static void await(BooleanSupplier condition, int seconds, String failure) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
