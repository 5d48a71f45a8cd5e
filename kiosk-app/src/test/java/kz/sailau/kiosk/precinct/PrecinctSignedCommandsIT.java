package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forger at the ballot desk, or a kiosk writing in another kiosk's name, through real nodes on loopback TLS
 * (decision 0285): the desk's own console issuing a token, a kiosk redeeming one, a kiosk checking a voter in as
 * another kiosk. Every replica answers {@code NOT_PERMITTED}, counts nothing and counts the refusal; the machines'
 * own commands still go through.
 */
class PrecinctSignedCommandsIT {

    private static final PrecinctId PRECINCT = new PrecinctId(4716);
    private static final int WAIT = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path root;

    @Test
    void noMachineWritesOutsideItsRoleOrInAnotherMachinesName() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(root, PRECINCT, 84)) {
            Map<String, NodeRole> machines = InProcessPrecinct.kiosks(2);
            machines.put("desk-1", NodeRole.BALLOT_DESK);
            List<NodeName> members = precinct.startAll(machines, WAIT);
            byte[] token = random(16);
            byte[] voter = random(32);

            PrecinctNodeConsole deskConsole = new PrecinctNodeConsole(precinct.node("desk-1"), System::nanoTime);
            String hex = HexFormat.of().formatHex(token);
            assertTrue(deskConsole.answer("issue " + hex).startsWith("issue NOT_PERMITTED "),
                    "the desk's console cannot issue a token");
            assertTrue(deskConsole.answer("checkin " + HexFormat.of().formatHex(voter) + " 0")
                    .startsWith("checkin NOT_PERMITTED "), "nor check a voter in");
            assertEquals(PrecinctOutcome.NOT_PERMITTED, InProcessPrecinct.committed(precinct.node("kiosk-1"),
                    id -> new PrecinctCommand.CheckIn(id, new NodeName("kiosk-2"), voter, 0), WAIT),
                    "kiosk-1 cannot check a voter in as kiosk-2");
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node("kiosk-1"),
                    id -> new PrecinctCommand.IssueToken(id, new NodeName("kiosk-1"), token), WAIT));
            assertEquals(PrecinctOutcome.NOT_PERMITTED, InProcessPrecinct.committed(precinct.node("kiosk-2"),
                    id -> new PrecinctCommand.RedeemToken(id, new NodeName("kiosk-2"), token, false), WAIT),
                    "a kiosk cannot redeem");
            assertTrue(deskConsole.answer("redeem " + hex + " scanned").startsWith("redeem ACCEPTED "),
                    "the desk redeems the kiosk's token");

            precinct.awaitSameCounts(WAIT);
            for (NodeName name : members) {
                String counts = precinct.counts().get(name);
                assertTrue(counts.startsWith("checkedIn=0 ") && counts.contains(" issued=1 ")
                        && counts.contains(" redeemed=1 "), name + ": " + counts);
                InProcessPrecinct.await(() -> precinct.node(name.value()).refusals()
                        .getOrDefault("precinct.refused.notPermitted", 0L) == 4, WAIT,
                        () -> name + " counted " + precinct.node(name.value()).refusals());
            }
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
