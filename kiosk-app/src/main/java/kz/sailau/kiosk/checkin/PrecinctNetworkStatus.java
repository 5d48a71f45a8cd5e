package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.NodeName;

/**
 * What a kiosk on a precinct network knows of it, as the check-in engine and the clerk's console see it: how many
 * of the precinct's voting members this kiosk reaches, the leader it follows, and whether it is with the majority
 * (only then can a check-in be committed). Node names only: nothing about voters.
 *
 * @param self         this kiosk's node
 * @param members      the voting members of the precinct network
 * @param reachable    how many of them this kiosk reaches now (itself included)
 * @param leader       the leader this kiosk follows, if any
 * @param withMajority whether check-ins can be committed from here
 * @param registerRefused whether the precinct opened with another register version than this kiosk's (then never
 *                        with the majority: it checks nobody in, whatever the network does)
 */
public record PrecinctNetworkStatus(NodeName self, int members, int reachable, Optional<NodeName> leader,
                                    boolean withMajority, boolean registerRefused) {

    /** A status of the network alone (the register not refused). */
    public PrecinctNetworkStatus(NodeName self, int members, int reachable, Optional<NodeName> leader,
                                 boolean withMajority) {
        this(self, members, reachable, leader, withMajority, false);
    }

    /** @throws IllegalArgumentException on negative counts or more reachable than members */
    public PrecinctNetworkStatus {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(leader, "leader");
        if (members < 0 || reachable < 0 || reachable > members) {
            throw new IllegalArgumentException("reachable must be 0.." + members + ": " + reachable);
        }
        if (registerRefused && withMajority) {
            throw new IllegalArgumentException("a kiosk whose register the precinct refused is never with the majority");
        }
    }
}
