package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member of the majority that knows no leader while the precinct is idle finds one by itself (session H62): after a
 * partition heals, the consensus engine announces the leader only to members new to its view and sends nothing while
 * no check-in comes, so a kiosk that lost the leader during the split, seen by a leader that never noticed the split
 * (its machine frozen, SIGSTOP), kept its cut-off screen and refused every check-in, however long the network was
 * whole again.
 */
class LeaderlessMemberIT {

    private static final int WAIT = 60;

    @TempDir
    Path temp;

    @Test
    void aFollowerThatLostTheLeaderInAWholeNetworkFindsOneAndChecksVotersInAgain() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), new PrecinctId(4722), 160)) {
            precinct.startAll(InProcessPrecinct.kiosks(3), WAIT);
            PrecinctNode follower = precinct.nodes.values().stream().filter(n -> !n.networkState().leader().equals(Optional.of(n.name()))).findFirst()
                    .orElseThrow();

            // What a lost announcement leaves: every machine in the view, this one with no leader, nothing submitted.
            follower.forgetLeader();
            assertFalse(follower.networkState().withMajority(), "the case was not built: " + precinct.states());

            InProcessPrecinct.await(() -> follower.networkState().withMajority(), 20,
                    () -> "a member of a whole network stayed without a leader: " + precinct.states());
            byte[] voter = HexFormat.of().parseHex("62".repeat(32));
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(follower,
                    id -> new PrecinctCommand.CheckIn(id, follower.name(), voter, 0), WAIT));
            precinct.awaitSameCounts(WAIT);
        }
    }
}
