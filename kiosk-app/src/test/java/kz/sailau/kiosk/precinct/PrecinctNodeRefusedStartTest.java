package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that cannot listen (its port taken by another program) says so ({@code node.error.bind}, naming the address
 * and port) and leaves no data directory behind; a node whose own ledger files are damaged says that
 * ({@code node.error.ledger}) and keeps them, as does a node whose snapshot was edited or put back from an earlier
 * copy beside a later log (decision 0405).
 */
class PrecinctNodeRefusedStartTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final AuthorityCredentials AUTHORITY = AuthorityCredentials.generate("Test-only authority",
            Clock.systemUTC(), Duration.ofDays(1), RANDOM);

    /** The kiosk whose ledger the tests damage or edit, and its certified key. */
    private static final NodeName KIOSK = new NodeName("kiosk-1");
    private static final NodeCredentials KIOSK_CREDENTIALS = PrecinctBundleVerifierTest.certified(AUTHORITY, KIOSK,
            NodeRole.KIOSK, new PrecinctId(4711));

    /** The ledger files whose damage the node names: the consensus log's metadata and the snapshot. */
    private static final Set<String> DAMAGED = Set.of("metadata.raft", DurableSnapshotLog.SNAPSHOT_FILE);

    @TempDir
    Path directory;

    @Test
    void aNodeWhosePortIsTakenLeavesNoLedgerDirectory() throws Exception {
        NodeName name = new NodeName("desk-1");
        NodeCredentials credentials = PrecinctBundleVerifierTest.certified(AUTHORITY, name, NodeRole.BALLOT_DESK,
                new PrecinctId(4711));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
            Path ledger = directory.resolve("ledger");
            PrecinctNodeSettings settings = settings(name, listen);
            PrecinctUnavailableException refused = assertThrows(PrecinctUnavailableException.class,
                    () -> PrecinctNode.startInDataDirectory(settings, credentials, AUTHORITY.certificate(), RANDOM));
            assertEquals("node.error.bind", refused.messageKey(), "a taken port is not a lost network");
            assertTrue(refused.getMessage().startsWith("cannot listen on " + listen.getAddress().getHostAddress()
                    + ":" + listen.getPort() + ": the port is taken"), refused.getMessage());
            assertFalse(Files.exists(ledger), "the ledger directory made for the node is removed again");
            Files.createDirectories(ledger);
            assertThrows(PrecinctUnavailableException.class,
                    () -> PrecinctNode.startInDataDirectory(settings, credentials, AUTHORITY.certificate(), RANDOM));
            assertTrue(Files.isDirectory(ledger), "a ledger directory that was there before stays");
        }
    }

    @Test
    void aNodeWhoseLedgerFilesAreDamagedSaysSoNotThatItIsCutOff() throws Exception {
        NodeCredentials credentials = KIOSK_CREDENTIALS;
        PrecinctNodeSettings settings = settings(KIOSK, freeLoopbackPort());
        Path ledger = directory.resolve("ledger");
        PrecinctNode.startInDataDirectory(settings, credentials, AUTHORITY.certificate(), RANDOM).close();
        List<Path> files;
        try (var walk = Files.walk(ledger)) {
            files = walk.filter(Files::isRegularFile).filter(file -> DAMAGED.contains(file.getFileName().toString()))
                    .toList();
        }
        assertEquals(DAMAGED.size(), files.size(), "the node wrote its log metadata and its snapshot: " + files);
        // Every byte 0xFF: lengths and sequence numbers read as negative, as after a torn or foreign write.
        byte[] garbage = new byte[300];
        Arrays.fill(garbage, (byte) 0xFF);
        for (Path file : files) {
            Files.write(file, garbage);
        }
        PrecinctUnavailableException refused = assertThrows(PrecinctUnavailableException.class,
                () -> PrecinctNode.startInDataDirectory(settings, credentials, AUTHORITY.certificate(), RANDOM));
        assertEquals("node.error.ledger", refused.messageKey(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("the node's ledger in " + ledger + " cannot be read"),
                refused.getMessage());
        assertTrue(Files.isDirectory(ledger), "a damaged ledger is kept for the technician, never removed");
    }

    @Test
    void aNodeWhoseSnapshotWasEditedOrPutBackFromAnEarlierCopyRefusesToStart() throws Exception {
        NodeCredentials credentials = KIOSK_CREDENTIALS;
        PrecinctNodeSettings settings = settings(KIOSK, freeLoopbackPort());
        Path snapshot = directory.resolve("ledger").resolve("ledger.log").resolve(DurableSnapshotLog.SNAPSHOT_FILE);
        byte[] first = new byte[PrecinctCommand.VOTER_INDEX_LENGTH];
        RANDOM.nextBytes(first);
        try (PrecinctNode node = PrecinctNode.startInDataDirectory(settings, credentials, AUTHORITY.certificate(),
                RANDOM)) {
            assertEquals(PrecinctOutcome.ACCEPTED, node.checkIn(first, 0));
        }
        byte[] early = Files.readAllBytes(snapshot);
        try (PrecinctNode node = PrecinctNode.start(settings, credentials, AUTHORITY.certificate(), RANDOM)) {
            // More check-ins than the log keeps behind its snapshot: the early snapshot no longer meets the log.
            for (int i = 0; i <= DurableSnapshotLog.DAY_TAIL; i++) {
                byte[] voter = new byte[PrecinctCommand.VOTER_INDEX_LENGTH];
                RANDOM.nextBytes(voter);
                assertEquals(PrecinctOutcome.ACCEPTED, node.checkIn(voter, 0));
            }
        }
        byte[] genuine = Files.readAllBytes(snapshot);
        int at = RawBytes.indexOf(genuine, first, 0);
        assertTrue(at >= 0, "positive control: the snapshot holds the first check-in");
        byte[] moved = genuine.clone();
        moved[at] ^= 1;
        for (byte[] edited : List.of(moved, early)) {
            Files.write(snapshot, edited);
            PrecinctUnavailableException refused = assertThrows(PrecinctUnavailableException.class,
                    () -> PrecinctNode.start(settings, credentials, AUTHORITY.certificate(), RANDOM));
            assertEquals("node.error.ledger", refused.messageKey(), refused.getMessage());
        }
        Files.write(snapshot, genuine);
        try (PrecinctNode node = PrecinctNode.start(settings, credentials, AUTHORITY.certificate(), RANDOM)) {
            boolean kept = node.read(state -> state.isCheckedIn(first));
            assertTrue(kept, "the genuine snapshot starts with the first check-in");
            assertEquals(DurableSnapshotLog.DAY_TAIL + 2, node.read(PrecinctLedgerState::checkedInCount));
        }
    }

    /** A loopback port no program listens on now. */
    private static InetSocketAddress freeLoopbackPort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), free.getLocalPort());
        }
    }

    /** A one-member network listening on {@code listen}, its ledger in the test directory. */
    private PrecinctNodeSettings settings(NodeName name, InetSocketAddress listen) {
        return new PrecinctNodeSettings(name, listen, listen, Map.of(name, listen), List.of(name),
                directory.resolve("ledger"), Duration.ofSeconds(3));
    }
}
