package kz.sailau.kiosk.precinct;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import kz.sailau.kiosk.model.NodeName;

/**
 * What a node knows of the precinct network, for the clerk's screen and the administrator: the voting members,
 * which of them this node reaches, the current leader, and whether this node is with the majority (so check-ins
 * here can be committed).
 *
 * @param self      this node
 * @param members   the voting members
 * @param reachable the machines this node is connected with now (itself included)
 * @param leader    the leader this node follows, if any
 * @param voting    whether this node is a voting member (a spare not yet added is not)
 */
public record NetworkState(NodeName self, SortedSet<NodeName> members, SortedSet<NodeName> reachable,
                           Optional<NodeName> leader, boolean voting) {

    /** Copies the sets. */
    public NetworkState {
        Objects.requireNonNull(self, "self");
        members = new TreeSet<>(members);
        reachable = new TreeSet<>(reachable);
        Objects.requireNonNull(leader, "leader");
    }

    /** Whether this node reaches a majority of the voting members and knows the leader: check-ins can commit. */
    public boolean withMajority() {
        long reached = members.stream().filter(reachable::contains).count();
        return leader.isPresent() && reached >= members.size() / 2 + 1;
    }

    /** One line for logs and the node console, e.g. {@code kiosk-1 leader=kiosk-2 members=3 reachable=3 majority}. */
    public String summary() {
        return self + " leader=" + leader.map(NodeName::value).orElse("-") + " members=" + members.size()
                + " reachable=" + members.stream().filter(reachable::contains).count()
                + (withMajority() ? " majority" : " cut-off") + (voting ? "" : " learner");
    }
}
