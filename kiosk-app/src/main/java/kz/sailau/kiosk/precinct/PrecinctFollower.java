package kz.sailau.kiosk.precinct;

import static org.jgroups.protocols.raft.AppendResult.Result.FAIL_CONFLICTING_PREV_TERM;
import static org.jgroups.protocols.raft.AppendResult.Result.FAIL_ENTRY_NOT_FOUND;
import static org.jgroups.protocols.raft.AppendResult.Result.OK;

import java.util.Iterator;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.protocols.raft.AppendResult;
import org.jgroups.protocols.raft.Follower;
import org.jgroups.protocols.raft.Log;
import org.jgroups.protocols.raft.LogEntries;
import org.jgroups.protocols.raft.LogEntry;
import org.jgroups.protocols.raft.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower (or learner) that acknowledges and commits only entries it has checked against the leader's log, as
 * Raft's AppendEntries rule says (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm",
 * figure 2: reply false unless the entry at prevLogIndex has prevLogTerm; commit up to min(leaderCommit, index of
 * the last new entry)).
 *
 * <p>JGroups Raft 1.1.4's {@code RaftImpl.handleAppendEntriesRequest} answers a request without entries (the
 * leader's commit message, which carries prev-index 0) or one whose first entry is at or below the follower's
 * commit index with OK and the follower's <em>last appended</em> index, and commits up to it, without that check.
 * A follower holding an uncommitted entry of an old term that the new leader replaced therefore commits it, and the
 * leader counts its OK as a vote for that index (its {@code Leader.handleAppendEntriesResponse}): where that vote
 * decides, an entry is committed on fewer than a majority. Here the follower remembers, for the current term, the
 * highest index a checked request of this term's leader matched (one leader per term, whose log only grows within
 * it), and answers and commits only up to that index or its own commit index. See docs/reliability.md, "A
 * follower's unchecked acknowledgement".
 *
 * <p>An entry the leader sends that conflicts with an entry this follower already <em>committed</em> is the
 * diverged state that {@link PrecinctRaft}'s leader repairs with its snapshot: the follower answers
 * {@code FAIL_CONFLICTING_PREV_TERM} at its commit index, which the leader's commit table reads as commit-index
 * &gt; match-index.
 */
final class PrecinctFollower extends Follower {

    private static final Logger LOG = LoggerFactory.getLogger(PrecinctFollower.class);

    private final PrecinctRaft precinctRaft;
    private final Role role;
    private long verifiedTerm = -1;
    private long verifiedIndex;

    PrecinctFollower(PrecinctRaft raft, Role role) {
        super(raft);
        this.precinctRaft = raft;
        this.role = role;
    }

    /** {@link Role#Follower} or {@link Role#Learner} (a learner's acknowledgement counts towards no majority). */
    Role role() {
        return role;
    }

    @Override
    public AppendResult handleAppendEntriesRequest(LogEntries entries, Address leader, long prevIndex, long prevTerm,
                                                   long entryTerm, long leaderCommit) {
        raft.leader(leader);
        long term = raft.currentTerm();
        if (term != verifiedTerm) {
            verifiedTerm = term;
            verifiedIndex = 0;
        }
        if (entries == null || entries.size() == 0) {
            // A commit message checks nothing: it commits and acknowledges only what this leader's requests checked.
            return acknowledged(leaderCommit);
        }
        Log log = raft.log();
        long commit = raft.commitIndex();
        if (prevIndex > commit) {
            LogEntry previous = log.get(prevIndex);
            if (previous == null) {
                return new AppendResult(FAIL_ENTRY_NOT_FOUND, matched()).commitIndex(commit);
            }
            if (previous.term() != prevTerm) {
                long conflicting = getFirstIndexOfConflictingTerm(prevIndex, previous.term());
                precinctRaft.deleteFrom(conflicting);
                return new AppendResult(FAIL_CONFLICTING_PREV_TERM, conflicting, previous.term()).commitIndex(commit);
            }
        } else {
            LogEntry previous = prevIndex > 0 ? log.get(prevIndex) : null;
            if (previous != null && previous.term() != prevTerm) {
                return diverged(prevIndex);
            }
        }
        long index = prevIndex;
        Iterator<LogEntry> sent = entries.iterator();
        while (sent.hasNext()) {
            LogEntry entry = sent.next();
            index++;
            LogEntry existing = log.get(index);
            if (existing != null && existing.term() == entry.term()) {
                continue;
            }
            if (index <= commit) {
                if (existing == null) {
                    continue; // below this follower's snapshot: committed, and so the leader's
                }
                return diverged(index);
            }
            if (existing != null) {
                precinctRaft.deleteFrom(index);
            }
            LogEntries rest = new LogEntries().add(entry);
            sent.forEachRemaining(rest::add);
            precinctRaft.appendFrom(index, rest);
            index += rest.size() - 1;
            break;
        }
        verifiedIndex = Math.max(verifiedIndex, index);
        return acknowledged(leaderCommit);
    }

    @Override
    public void handleInstallSnapshotRequest(Message msg, Address leader, long lastIncludedIndex,
                                             long lastIncludedTerm) {
        super.handleInstallSnapshotRequest(msg, leader, lastIncludedIndex, lastIncludedTerm);
        if (raft.commitIndex() == lastIncludedIndex) {
            verifiedTerm = raft.currentTerm();
            verifiedIndex = lastIncludedIndex;
        }
    }

    /** The highest index this follower knows to match the leader's log: checked in this term, or committed. */
    private long matched() {
        return Math.min(raft.lastAppended(), Math.max(verifiedIndex, raft.commitIndex()));
    }

    private AppendResult acknowledged(long leaderCommit) {
        long matched = matched();
        precinctRaft.commitTo(Math.min(leaderCommit, matched));
        return new AppendResult(OK, matched).commitIndex(raft.commitIndex());
    }

    private AppendResult diverged(long index) {
        long commit = raft.commitIndex();
        LOG.warn("precinct follower: the leader's entry {} differs from the one this node committed (commit index {});"
                + " waiting for the leader's snapshot", index, commit);
        LogEntry own = raft.log().get(commit);
        return new AppendResult(FAIL_CONFLICTING_PREV_TERM, commit, own == null ? 0 : own.term()).commitIndex(commit);
    }
}
