package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk that loses power and is started again at once finds its old self still in its peers' view until their
 * failure detection drops it (five seconds and more): the coordinator refuses its join as a duplicate and the node
 * joins again until it is let in. JGroups Raft 1.1.4 closes the consensus log when a failed connect stops the
 * stack and does not reopen it on a second connect of the same channel: the second try failed with "fileSize
 * cannot be retrieved if closed" (a clean-clone CI run, {@link RewoundMetadataIT}'s rejoin). Each try now has a
 * channel of its own.
 */
class RestartedInTheViewIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;
    private static final NodeName RESTARTED = new NodeName("kiosk-3");

    @TempDir
    Path temp;

    @Test
    void aNodeStartedAgainWhileItsOldSelfIsStillInTheViewJoinsOnceThatIsDropped() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), new PrecinctId(4723), 168)) {
            precinct.startAll(InProcessPrecinct.kiosks(3), WAIT);
            checkIn(precinct.node("kiosk-1"));
            precinct.awaitSameCounts(WAIT);

            LoopbackPrecinct.Machine machine = precinct.loopback.machine(RESTARTED);
            precinct.loopback.isolate(machine);
            precinct.nodes.remove(RESTARTED).halt();
            precinct.loopback.heal(machine);
            assertTrue(precinct.node("kiosk-1").networkState().reachable().contains(RESTARTED),
                    "kiosk-3's old self left the view at once, so its restart could not meet it: "
                            + precinct.states());

            PrecinctNode restarted = precinct.start(RESTARTED);
            precinct.awaitMajority(WAIT);
            checkIn(restarted);
            precinct.awaitSameCounts(WAIT);
            for (PrecinctNode node : precinct.nodes.values()) {
                assertEquals(2L, (long) node.read(PrecinctLedgerState::checkedInCount), node.name() + ": "
                        + precinct.counts());
            }
        }
    }

    private static void checkIn(PrecinctNode node) {
        byte[] voter = new byte[PrecinctCommand.VOTER_INDEX_LENGTH];
        RANDOM.nextBytes(voter);
        assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(node,
                id -> new PrecinctCommand.CheckIn(id, node.name(), voter, 0), WAIT));
    }
}
