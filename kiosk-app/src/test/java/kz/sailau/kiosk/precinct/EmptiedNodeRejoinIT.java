package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, session H50, decision 0440: a member whose ledger went missing (the technician's folder moved aside) has
 * forgotten its votes and the entries it held. It refuses to start ({@code node.error.ledgerMissing}, in this JVM and
 * through the real jar's {@code node run}, before the passphrase), creating nothing; {@code --rejoin} with another
 * member away is refused naming it ({@code node.error.rejoinUnreachable}); with every member up, the node starts and
 * catches up every committed check-in, one committed while it was away included.
 */
class EmptiedNodeRejoinIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;
    private static final NodeName K = new NodeName("kiosk-2");
    private static final NodeName B = new NodeName("kiosk-3");

    @TempDir
    Path root;

    private final List<byte[]> committed = new ArrayList<>();

    @Test
    void anEmptiedMemberStartsOnlyToRejoinAndOnlyWithEveryOtherMemberUp() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(root.resolve("network"), new PrecinctId(4721), 152)) {
            precinct.startAll(InProcessPrecinct.kiosks(3), WAIT);
            Path directory = precinct.loopback.machine(K).directory();
            Path ledger = directory.resolve("ledger");
            assertTrue(Files.isRegularFile(directory.resolve("ledger.joined")), "the member's marker, beside its ledger");
            checkIns(precinct.node("kiosk-1"), 2);
            precinct.awaitSameCounts(WAIT);
            precinct.nodes.remove(K).close();
            checkIns(precinct.node("kiosk-1"), 1);
            Files.move(ledger, root.resolve("moved-aside"));

            RejoinGuard.Refused refused = assertThrows(RejoinGuard.Refused.class, () -> precinct.start(K));
            assertEquals("node.error.ledgerMissing", refused.messageKey(), refused.getMessage());
            JarRunner.Result run = JarRunner.run(root, "node", "run", "--dir", directory.toString(),
                    "--passphrase-file", root.resolve("no-such-passphrase").toString());
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("[node.error.ledgerMissing]") && run.err().contains("--rejoin"), run.err());
            assertFalse(Files.exists(ledger), "a refused start creates no ledger");

            precinct.loopback.isolate(precinct.loopback.machine(B));
            RejoinGuard.Refused unreachable = assertThrows(RejoinGuard.Refused.class, () -> precinct.rejoin(K));
            assertEquals("node.error.rejoinUnreachable", unreachable.messageKey(), unreachable.getMessage());
            assertTrue(unreachable.getMessage().contains("kiosk-3") && !unreachable.getMessage().contains("kiosk-1"),
                    unreachable.getMessage());
            assertFalse(Files.exists(ledger), "a refused rejoin creates no ledger");

            precinct.loopback.heal(precinct.loopback.machine(B));
            precinct.awaitMajority(WAIT);
            PrecinctNode rejoined = precinct.rejoin(K);
            precinct.awaitMajority(WAIT);
            checkIns(rejoined, 1);
            precinct.awaitSameCounts(WAIT);
            for (PrecinctNode node : precinct.nodes.values()) {
                boolean all = node.read(state -> committed.stream().allMatch(state::isCheckedIn));
                assertTrue(all, node.name() + " lacks a committed check-in: " + precinct.counts());
            }
            long checkedIn = rejoined.read(PrecinctLedgerState::checkedInCount);
            assertEquals(committed.size(), checkedIn, "the rejoined node holds every committed check-in");
        }
    }

    /** Checks {@code count} new voters in through {@code node}; each is added to {@link #committed}. */
    private void checkIns(PrecinctNode node, int count) {
        for (int i = 0; i < count; i++) {
            byte[] voter = new byte[PrecinctCommand.VOTER_INDEX_LENGTH];
            RANDOM.nextBytes(voter);
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(node,
                    id -> new PrecinctCommand.CheckIn(id, node.name(), voter, 0), WAIT));
            committed.add(voter);
        }
    }
}
