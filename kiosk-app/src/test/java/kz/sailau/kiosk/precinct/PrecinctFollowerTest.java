package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import org.jgroups.Address;
import org.jgroups.protocols.raft.AppendResult;
import org.jgroups.protocols.raft.Follower;
import org.jgroups.protocols.raft.LogEntries;
import org.jgroups.protocols.raft.LogEntry;
import org.jgroups.protocols.raft.RaftImpl;
import org.jgroups.protocols.raft.Role;
import org.jgroups.raft.StateMachine;
import org.jgroups.raft.util.RequestTable;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follower's side of a replicated entry, on the engine's own {@code RAFT} and a durable log on disk: a follower
 * (kiosk-3) holds an uncommitted entry of term 1 at index 3 that the leader of term 2 (kiosk-1) replaced with its
 * own; kiosk-2 is down, so kiosk-3's acknowledgement decides whether index 3 has a majority of the three.
 *
 * <p>The engine's {@code Follower} answers the leader's commit message (which carries prev-index 0 and checks
 * nothing) with OK at index 3, commits and applies the replaced entry, and its OK commits the leader's entry on the
 * leader alone: one node of three. {@link PrecinctFollower} acknowledges and commits only what it checked.
 */
class PrecinctFollowerTest {

    private static final List<String> MEMBERS = List.of("kiosk-1", "kiosk-2", "kiosk-3");
    private static final int MAJORITY = 2;

    @TempDir
    Path temp;

    @Test
    void aCommitMessageNeitherCommitsNorAcknowledgesAnUncheckedEntry() throws Exception {
        Replica replica = new Replica(temp, raft -> new PrecinctFollower(raft, Role.Follower));
        AppendResult answer = replica.diverge();

        assertTrue(answer.success(), answer.toString());
        assertEquals(2, answer.index(), "the follower acknowledged an entry no request of this leader checked");
        assertEquals(2, replica.raft.commitIndex());
        assertEquals(List.of("e1", "e2"), replica.applied, "the follower applied the replaced entry");
        assertFalse(leaderCommitsIndex3With(answer), "the leader's entry 3 counted a majority with one copy of it");
    }

    @Test
    void theCheckedAppendReplacesTheEntryAndThenCounts() throws Exception {
        Replica replica = new Replica(temp, raft -> new PrecinctFollower(raft, Role.Follower));
        replica.diverge();

        AppendResult answer = replica.follower.handleAppendEntriesRequest(
                LogEntries.create(entry(2, "y3")), replica.newLeader, 2, 1, 2, 3);

        assertTrue(answer.success(), answer.toString());
        assertEquals(3, answer.index());
        assertEquals(3, replica.raft.commitIndex());
        assertEquals(List.of("e1", "e2", "y3"), replica.applied);
        assertTrue(leaderCommitsIndex3With(answer), "the follower's checked copy of entry 3 did not count");
    }

    @Test
    void anEntryConflictingWithACommittedOneIsRefusedAtTheCommitIndex() throws Exception {
        Replica replica = new Replica(temp, raft -> new PrecinctFollower(raft, Role.Follower));
        replica.follower.handleAppendEntriesRequest(LogEntries.create(entry(1, "e1"), entry(1, "e2")),
                replica.oldLeader, 0, 0, 1, 2);
        replica.raft.setLeaderAndTerm(replica.newLeader, 2);

        AppendResult answer = replica.follower.handleAppendEntriesRequest(
                LogEntries.create(entry(2, "other")), replica.newLeader, 1, 1, 2, 2);

        assertTrue(answer.toString().contains("FAIL_CONFLICTING_PREV_TERM"), answer.toString());
        assertEquals(2, answer.index(), "the leader reads commit-index > match-index and sends its snapshot");
        assertEquals(2, answer.commitIndex());
        assertEquals(List.of("e1", "e2"), replica.applied);
    }

    /**
     * The engine's follower, in the same case, is what the repair is for: if this starts failing, an engine
     * upgrade fixed it (docs/reliability.md, "A follower's unchecked acknowledgement").
     */
    @Test
    void theEnginesFollowerAcknowledgesAndAppliesTheReplacedEntry() throws Exception {
        Replica replica = new Replica(temp, Follower::new);
        AppendResult answer = replica.diverge();

        assertEquals(3, answer.index());
        assertEquals(List.of("e1", "e2", "s3"), replica.applied);
        assertTrue(leaderCommitsIndex3With(answer));
    }

    /** The leader's vote count for index 3 ({@code Leader.handleAppendEntriesResponse}): its own and kiosk-3's. */
    private static boolean leaderCommitsIndex3With(AppendResult answer) {
        RequestTable<String> votes = new RequestTable<>();
        votes.create(3, "kiosk-1", null, () -> MAJORITY);
        if (answer.success()) {
            votes.add(answer.index(), "kiosk-3", () -> MAJORITY);
        }
        return votes.isCommitted(3);
    }

    private static LogEntry entry(long term, String command) {
        byte[] bytes = command.getBytes(StandardCharsets.US_ASCII);
        return new LogEntry(term, bytes, 0, bytes.length);
    }

    /** kiosk-3: the engine's RAFT over a durable log in a temporary directory, with a recording state machine. */
    private static final class Replica {
        final PrecinctRaft raft = new PrecinctRaft();
        final RaftImpl follower;
        final List<String> applied = new ArrayList<>();
        final Address oldLeader = UUID.randomUUID();
        final Address newLeader = UUID.randomUUID();

        Replica(Path directory, Function<PrecinctRaft, RaftImpl> follower) throws Exception {
            DurableSnapshotLog log = new DurableSnapshotLog();
            log.init(directory.resolve("ledger.log").toString(), new HashMap<>());
            raft.raftId("kiosk-3").members(MEMBERS);
            raft.log(log);
            raft.stateMachine(new Recorder());
            raft.setLeaderAndTerm(oldLeader, 1);
            this.follower = follower.apply(raft);
        }

        /**
         * Term 1: the old leader replicates e1..e2 committed and s3 uncommitted, then dies. Term 2: the new leader,
         * whose index 3 is its own entry, sends its commit message (commit index 3, prev-index 0).
         */
        AppendResult diverge() {
            AppendResult first = follower.handleAppendEntriesRequest(
                    LogEntries.create(entry(1, "e1"), entry(1, "e2"), entry(1, "s3")), oldLeader, 0, 0, 1, 2);
            assertEquals(3, first.index(), "the case was not built: " + first);
            assertEquals(2, raft.commitIndex(), "the case was not built");
            raft.setLeaderAndTerm(newLeader, 2);
            return follower.handleAppendEntriesRequest(null, newLeader, 0, 0, 2, 3);
        }

        private final class Recorder implements StateMachine {
            @Override
            public byte[] apply(byte[] data, int offset, int length, boolean serializeResponse) {
                applied.add(new String(data, offset, length, StandardCharsets.US_ASCII));
                return null;
            }

            @Override
            public void readContentFrom(DataInput in) {
                throw new UnsupportedOperationException("no snapshot in this test");
            }

            @Override
            public void writeContentTo(DataOutput out) {
                throw new UnsupportedOperationException("no snapshot in this test");
            }
        }
    }
}
