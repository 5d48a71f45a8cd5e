package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import kz.sailau.kiosk.model.NodeName;
import org.junit.jupiter.api.Test;

/**
 * When the administrator may withdraw a machine ({@link NetworkState#withdrawalRefusal}, what the node console's
 * {@code withdraw} and the Precinct network pane both obey): never this machine, never a member without which the
 * rest would not reach a majority of their own from here; a dead machine of three, or a name that is not a member,
 * may go.
 */
class NetworkStateTest {

    private static NetworkState state(String self, String members, String reachable) {
        return new NetworkState(new NodeName(self), names(members), names(reachable),
                Optional.of(new NodeName(self)), true);
    }

    private static TreeSet<NodeName> names(String list) {
        TreeSet<NodeName> names = new TreeSet<>();
        Arrays.stream(list.split(" ")).filter(name -> !name.isEmpty()).map(NodeName::new).forEach(names::add);
        return names;
    }

    private static Optional<String> withdraw(NetworkState state, String node) {
        return state.withdrawalRefusal(new NodeName(node));
    }

    @Test
    void thisMachineItselfIsNeverWithdrawnFromHere() {
        assertEquals(Optional.of(PrecinctMembershipException.WITHDRAW_SELF),
                withdraw(state("kiosk-1", "kiosk-1 kiosk-2 kiosk-3", "kiosk-1 kiosk-2 kiosk-3"), "kiosk-1"));
    }

    @Test
    void aDeadMachineOfThreeOrFourMayGo() {
        assertEquals(Optional.empty(),
                withdraw(state("kiosk-1", "kiosk-1 kiosk-2 kiosk-3", "kiosk-1 kiosk-2"), "kiosk-3"));
        assertEquals(Optional.empty(),
                withdraw(state("kiosk-1", "desk-1 kiosk-1 kiosk-2 kiosk-3", "desk-1 kiosk-1 kiosk-2"), "kiosk-3"));
        assertEquals(Optional.empty(),
                withdraw(state("kiosk-1", "kiosk-1 kiosk-2 kiosk-3", "kiosk-1 kiosk-2 kiosk-3"), "kiosk-2"));
    }

    @Test
    void aMemberWithoutWhichTheRestReachNoMajorityStays() {
        // Three members, kiosk-3 dead: withdrawing the living kiosk-2 leaves kiosk-1 with a dead partner.
        assertEquals(Optional.of(PrecinctMembershipException.WITHDRAW_MAJORITY),
                withdraw(state("kiosk-1", "kiosk-1 kiosk-2 kiosk-3", "kiosk-1 kiosk-2"), "kiosk-2"));
        // Five members, two dead: withdrawing a third living one leaves two of four.
        assertEquals(Optional.of(PrecinctMembershipException.WITHDRAW_MAJORITY),
                withdraw(state("kiosk-1", "desk-1 kiosk-1 kiosk-2 kiosk-3 kiosk-4", "kiosk-1 kiosk-2 kiosk-3"),
                        "kiosk-3"));
        // ... but a dead one of them may go: three of the four left remain reachable.
        assertEquals(Optional.empty(),
                withdraw(state("kiosk-1", "desk-1 kiosk-1 kiosk-2 kiosk-3 kiosk-4", "kiosk-1 kiosk-2 kiosk-3"),
                        "kiosk-4"));
    }

    @Test
    void aNameThatIsNotAMemberMayBeWithdrawnSoItsCertificateIsRefused() {
        assertEquals(Optional.empty(),
                withdraw(state("kiosk-1", "kiosk-1 kiosk-2 kiosk-3", "kiosk-1 kiosk-2 kiosk-3"), "kiosk-9"));
    }
}
