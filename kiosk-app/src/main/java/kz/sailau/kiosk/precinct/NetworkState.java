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

    /**
     * Why withdrawing {@code node} must be refused now, as a message key, or empty when it may go: never this
     * machine itself ({@link PrecinctMembershipException#WITHDRAW_SELF}), and never when the members left would
     * not reach a majority of themselves from here, so that the precinct could decide nothing more
     * ({@link PrecinctMembershipException#WITHDRAW_MAJORITY}). A name that is not a member may be withdrawn (its
     * certificate is refused from then on).
     */
    public Optional<String> withdrawalRefusal(NodeName node) {
        Objects.requireNonNull(node, "node");
        if (node.equals(self)) {
            return Optional.of(PrecinctMembershipException.WITHDRAW_SELF);
        }
        if (!members.contains(node)) {
            return Optional.empty();
        }
        long left = members.size() - 1;
        long reached = members.stream().filter(member -> !member.equals(node)).filter(reachable::contains).count();
        return reached >= left / 2 + 1 ? Optional.empty()
                : Optional.of(PrecinctMembershipException.WITHDRAW_MAJORITY);
    }

    /** One line for logs and the node console, e.g. {@code kiosk-1 leader=kiosk-2 members=3 reachable=3 majority}. */
    public String summary() {
        return self + " leader=" + leader.map(NodeName::value).orElse("-") + " members=" + members.size()
                + " reachable=" + members.stream().filter(reachable::contains).count()
                + (withMajority() ? " majority" : " cut-off") + (voting ? "" : " learner");
    }
}
