package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jgroups.Address;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.raft.Log;
import org.jgroups.protocols.raft.LogEntries;
import org.jgroups.protocols.raft.LogEntry;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.protocols.raft.RaftImpl;
import org.jgroups.protocols.raft.Role;
import org.jgroups.raft.util.CommitTable;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JGroups Raft's {@code RAFT} protocol with two repairs: its followers are {@link PrecinctFollower}s, which
 * acknowledge and commit only entries checked against the leader's log, and on the leader a follower that
 * <em>committed</em> an entry the leader never replicated to it gets the leader's snapshot, which replaces its
 * replica.
 *
 * <p>JGroups Raft 1.1.4 lets a follower commit an uncommitted entry of an old term that the new leader has replaced
 * (a commit message or a resend below its commit index is answered without the consistency check, and the leader
 * takes that answer as a match: {@code RaftImpl.handleAppendEntriesRequest}, lines 46–48). From then on the follower
 * answers every append after that index with {@code FAIL_CONFLICTING_PREV_TERM} at an index at or below its commit
 * index, the leader's commit table holds commit-index &gt; match-index for it (the invariant whose {@code assert}
 * fired in the test JVM), and the leader resends the same entry forever, with or without assertions, until its log
 * truncation passes that index. See docs/reliability.md, "The consensus engine's commit-table assertion".
 *
 * <p>That state is exactly commit-index &gt; match-index in the leader's commit table, which no healthy follower
 * reaches; here the table's update notices it and sends the follower a snapshot at once (at most one per leader
 * commit index while the follower has not answered it), and leaves out the engine's {@code assert}. The rest of
 * the update is the engine's, unchanged.
 */
final class PrecinctRaft extends RAFT {

    private static final Logger LOG = LoggerFactory.getLogger(PrecinctRaft.class);

    private final AtomicLong divergedFollowerRepairs = new AtomicLong();
    private volatile boolean loadingOwnFiles;

    PrecinctRaft() {
        // Peers read RAFT's headers under the protocol id the engine registered for RAFT, not for this subclass.
        setId(ClassConfigurator.getProtocolId(RAFT.class));
        impl = new PrecinctFollower(this, Role.Follower);
    }

    /**
     * The engine's role change, with {@link PrecinctFollower} in place of its {@code Follower} and {@code Learner}
     * ({@code RAFT.changeRole} of JGroups Raft 1.1.4 otherwise: a change to the same role does nothing).
     */
    @Override
    protected RAFT changeRole(Role role) {
        if (role != Role.Follower && role != Role.Learner) {
            return super.changeRole(role);
        }
        RaftImpl old = impl;
        if (old instanceof PrecinctFollower follower && follower.role() == role) {
            return this;
        }
        PrecinctFollower follower = new PrecinctFollower(this, role);
        if (old != null) {
            old.destroy();
        }
        follower.init();
        impl = follower;
        notifyRoleChangeListeners(role);
        return this;
    }

    /** Appends entries a leader sent, from {@code index} (the follower's last appended + 1). */
    void appendFrom(long index, LogEntries entries) {
        append(index, entries);
    }

    /** Deletes this follower's log from {@code index} on (never at or below its commit index). */
    void deleteFrom(long index) {
        if (index <= commitIndex()) {
            throw new IllegalStateException("entry " + index + " is committed (commit index " + commitIndex() + ")");
        }
        deleteAllLogEntriesStartingFrom(index);
    }

    /** Commits and applies this node's log up to {@code index} (no further than its last appended entry). */
    void commitTo(long index) {
        commitLogTo(index, false);
    }

    /**
     * The engine's loading of this node's own snapshot and log at start, marked so that the ledger's state machine
     * can tell it from the installation of a leader's snapshot ({@link #loadingOwnFiles()}). A log that ends before
     * its commit index is refused first: the engine would apply what it has, skip the rest for good (an entry at or
     * below the commit index is never applied again) and join with a replica that lacks committed check-ins
     * (session H49: an earlier copy's log and snapshot put back under the later {@code metadata.raft}). A node
     * appends, and forces, every entry before it commits it, so no crash leaves that. A {@code metadata.raft} whose
     * term is older than the log's last entry is refused too (session H50, decision 0410): the engine writes, and
     * forces, a new term before it appends any entry of it, so only an earlier copy put back leaves that, and with
     * it the node would vote a second time in a term it already voted in.
     */
    @Override
    public void initStateMachineFromLog() throws Exception {
        Log log = log();
        if (log.lastAppended() < log.commitIndex()) {
            throw new DamagedLedgerException("the consensus log ends at entry " + log.lastAppended()
                    + ", before its commit index " + log.commitIndex() + ": committed entries are missing", null);
        }
        LogEntry last = log.get(log.lastAppended());
        if (last != null && log.currentTerm() < last.term()) {
            throw new DamagedLedgerException("the consensus metadata records term " + log.currentTerm()
                    + ", older than its log's last entry (term " + last.term() + "): an earlier metadata.raft, "
                    + "with which this node could vote twice in one term", null);
        }
        loadingOwnFiles = true;
        try {
            super.initStateMachineFromLog();
        } finally {
            loadingOwnFiles = false;
        }
    }

    /** Whether the node is loading its own snapshot at start (not installing one its leader sent). */
    boolean loadingOwnFiles() {
        return loadingOwnFiles;
    }

    /** The engine's persistent state (the voting members) as it writes it into a snapshot before the ledger. */
    byte[] engineState() {
        ByteArrayDataOutputStream out = new ByteArrayDataOutputStream(64);
        try {
            internal_state.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out.buffer(), out.position());
    }

    /** How many snapshots this node sent, as leader, to a follower that had committed a replaced entry. */
    long divergedFollowerRepairs() {
        return divergedFollowerRepairs.get();
    }

    @Override
    protected void createCommitTable() {
        super.createCommitTable();
        commit_table = new RepairingCommitTable(new ArrayList<>(commit_table.keys()), last_appended + 1);
    }

    /** The engine's commit table, whose update sends a diverged follower a snapshot instead of asserting. */
    private final class RepairingCommitTable extends CommitTable {

        /**
         * Members sent a repairing snapshot, with the leader's commit index when it was sent. (Not pruned on a view
         * change: the super constructor's adjust runs before this field exists, and a member that rejoins has a new
         * address; a few addresses a day.)
         */
        private final Map<Address, Long> repairs = new ConcurrentHashMap<>();

        RepairingCommitTable(List<Address> members, long nextIndex) {
            super(members, nextIndex);
        }

        @Override
        public CommitTable update(Address member, long matchIndex, long nextIndex, long commitIndex,
                                  boolean singleResend, boolean overwrite) {
            Entry entry = get(member);
            if (entry == null) {
                return this;
            }
            // CommitTable.update of JGroups Raft 1.1.4, without its assertInvariant().
            entry.matchIndex(overwrite ? matchIndex : Math.max(matchIndex, entry.matchIndex()));
            entry.nextIndex(Math.max(1, nextIndex));
            entry.commitIndex(Math.max(entry.commitIndex(), commitIndex));
            entry.sendSingleMessage(singleResend);
            if (entry.commitIndex() <= entry.matchIndex()) {
                repairs.remove(member);
                return this;
            }
            long leaderCommit = commitIndex();
            Long sentAt = repairs.get(member);
            if (sentAt != null && sentAt >= leaderCommit) {
                return this;
            }
            repairs.put(member, leaderCommit);
            LOG.warn("precinct leader: {} committed an entry this leader never replicated to it ({}); sending it "
                    + "the ledger snapshot at {}", member, entry, leaderCommit);
            try {
                sendSnapshotTo(member);
                divergedFollowerRepairs.incrementAndGet();
            } catch (Exception e) {
                repairs.remove(member);
                LOG.warn("precinct leader: no snapshot for {}: {}", member, e.toString());
            }
            return this;
        }
    }
}
