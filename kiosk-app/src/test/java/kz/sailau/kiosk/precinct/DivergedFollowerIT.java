package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.HashMap;
import java.util.List;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import org.jgroups.protocols.raft.LogEntries;
import org.jgroups.protocols.raft.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case of the one failed CI run of {@code PrecinctNetworkIT}, made repeatable: a follower that has
 * <em>committed</em> an entry of an old term which the next leader replaced at the same index.
 *
 * <p>JGroups Raft 1.1.4 lets a follower get there (docs/reliability.md, "The consensus engine's commit-table
 * assertion"), and there it stays: it answers every later append with {@code FAIL_CONFLICTING_PREV_TERM}, the
 * leader's commit table breaks its invariant commit-index &lt;= match-index (the {@code AssertionError} of the test
 * JVM) and the leader resends the same entry for ever. The test builds that state with the engine's own log API, as
 * the race leaves it on disk: three kiosks, the follower stopped, an entry of the old term appended and committed to
 * its log (a check-in no other node has), the other two restarted (a new term) and committing a different check-in
 * at that index, then the follower restarted and one more check-in committed. The replicas must converge, to the
 * leader's ledger: {@link PrecinctRaft} notices the follower and sends it the leader's snapshot.
 */
class DivergedFollowerIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;

    @TempDir
    Path temp;

    @Test
    void aFollowerThatCommittedAReplacedEntryConvergesToTheLeadersLedger() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), new PrecinctId(4714), 10)) {
            List<NodeName> members = precinct.startAll(InProcessPrecinct.kiosks(3), WAIT);
            for (int i = 0; i < 3; i++) {
                byte[] voter = voter();
                assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node("kiosk-1"),
                        id -> checkIn(id, "kiosk-1", voter), WAIT));
            }
            precinct.awaitSameCounts(WAIT);
            InProcessPrecinct.await(() -> precinct.node("kiosk-1").networkState().leader().isPresent(), WAIT,
                    () -> "no leader: " + precinct.states());
            NodeName leader = precinct.node("kiosk-1").networkState().leader().orElseThrow();
            NodeName follower = members.stream().filter(m -> !m.equals(leader)).findFirst().orElseThrow();
            NodeName other = members.stream().filter(m -> !m.equals(leader) && !m.equals(follower)).findFirst()
                    .orElseThrow();

            // The follower stops as after a power cut; the other two shut down in order.
            precinct.loopback.isolate(precinct.loopback.machine(follower));
            precinct.nodes.remove(follower).halt();
            precinct.loopback.heal(precinct.loopback.machine(follower));
            precinct.nodes.remove(leader).close();
            precinct.nodes.remove(other).close();

            // What the engine's race leaves on the follower: one more entry, of the old term, committed.
            byte[] replaced = voter();
            Path followerDirectory = precinct.loopback.machine(follower).directory();
            long index = appendCommitted(followerDirectory, signedBy(followerDirectory,
                    checkIn(PrecinctCommand.newId(RANDOM), follower.value(), replaced)));

            // The other two elect a leader in a new term and commit a different check-in at that index.
            precinct.start(leader);
            precinct.start(other);
            precinct.awaitMajority(WAIT);
            byte[] atTheSameIndex = voter();
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.nodes.get(other),
                    id -> checkIn(id, other.value(), atTheSameIndex), WAIT));

            PrecinctNode diverged = precinct.start(follower);
            // The leader may repair the follower between its start and this read; a repair counted shows the case
            // was built as well (the leader counts it once its snapshot is sent, so it is awaited).
            boolean startedDiverged = diverged.read(state -> state.isCheckedIn(replaced));
            if (!startedDiverged) {
                InProcessPrecinct.await(() -> repairs(precinct) >= 1, WAIT, () -> "the follower did not start from "
                        + "the replaced entry at " + index + " and no leader repaired it: the case was not built");
            }
            precinct.awaitMajority(WAIT);
            byte[] after = voter();
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.nodes.get(other),
                    id -> checkIn(id, other.value(), after), WAIT));

            precinct.awaitSameCounts(WAIT);
            boolean keptReplaced = diverged.read(state -> state.isCheckedIn(replaced));
            assertFalse(keptReplaced, "the follower kept the replaced entry");
            boolean hasTheLeaders = diverged.read(state -> state.isCheckedIn(atTheSameIndex) && state.isCheckedIn(after));
            assertTrue(hasTheLeaders, "the follower lacks the leader's check-ins: " + precinct.counts());
            assertTrue(repairs(precinct) >= 1, "no leader noticed the diverged follower: " + precinct.states());
        }
    }

    private static long repairs(InProcessPrecinct precinct) {
        return precinct.nodes.values().stream().mapToLong(PrecinctNode::divergedFollowerRepairs).sum();
    }

    /** The command in the envelope every replica checks, signed with the stopped machine's own key. */
    private static byte[] signedBy(Path machineDirectory, PrecinctCommand command) throws IOException {
        NodeCredentials key = NodeCredentials.unlock(machineDirectory, InProcessPrecinct.PASSPHRASE);
        byte[] bytes = PrecinctCommand.encode(command);
        try {
            return new SignedCommand(bytes, key.certificate().orElseThrow().getEncoded(), key.signCommand(bytes))
                    .encode();
        } catch (CertificateEncodingException e) {
            throw new AssertionError("the test machine's certificate cannot be encoded", e);
        }
    }

    /** Appends one entry of the last entry's term to a stopped node's consensus log and commits it there. */
    private static long appendCommitted(Path machineDirectory, byte[] data) throws Exception {
        Path logDirectory = machineDirectory.resolve("ledger").resolve("ledger.log");
        assertTrue(Files.isDirectory(logDirectory), "no consensus log at " + logDirectory);
        try (DurableSnapshotLog log = new DurableSnapshotLog()) {
            log.init(logDirectory.toString(), new HashMap<>());
            long last = log.lastAppended();
            LogEntry previous = log.get(last);
            assertTrue(previous != null, "the stopped follower's log has no entry at its last index " + last);
            log.append(last + 1, LogEntries.create(new LogEntry(previous.term(), data, 0, data.length)));
            log.commitIndex(last + 1);
            return last + 1;
        }
    }

    private static PrecinctCommand checkIn(byte[] id, String kiosk, byte[] voter) {
        return new PrecinctCommand.CheckIn(id, new NodeName(kiosk), voter, 0);
    }

    private static byte[] voter() {
        byte[] voter = new byte[32];
        RANDOM.nextBytes(voter);
        return voter;
    }
}
