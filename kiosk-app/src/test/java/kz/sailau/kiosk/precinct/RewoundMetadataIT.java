package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13/17, session H50: an insider puts back an earlier {@code metadata.raft} (term, vote, commit index; unsigned)
 * on a stopped kiosk, so that it could vote a second time in a term it already voted in. In JGroups Raft the view's
 * coordinator collects the votes of a term and names the member with the most recent log leader; two coordinators
 * in one term (a network split), each with the rewound node's vote, make two leaders of that term, and Raft's log
 * matching (and {@link PrecinctFollower}) rests on one leader per term.
 *
 * <p>The attempt, on three kiosks (A = kiosk-1, K = kiosk-2, B = kiosk-3): K's metadata copied at term T0; B cut off
 * (stays at T0); K restarted so that A and K elect a leader in a new term T1 without B; check-ins committed by A and
 * K; the A–K link cut and two check-ins submitted to A, which A appends in T1 and cannot commit; K stopped, its
 * T0 metadata put back; A cut off, B and K joined. Before decision 0410 K started, voted in B's round for T0 + 1 =
 * T1 (its second vote in T1) and led T1 beside A: two leaders of one term, each refusing the other's messages
 * ("Changing leader … illegally"), A's replica stale for good (session H50; threat model). Now the node refuses to
 * start: the metadata's term is older than its own log's last entry ({@code node.error.ledger},
 * {@link PrecinctRaft#initStateMachineFromLog}); if it starts, the test fails with the state it reached. The
 * technician's remedy, the ledger moved aside and {@code --rejoin}, is refused while A is away and then catches up.
 */
class RewoundMetadataIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;
    private static final NodeName A = new NodeName("kiosk-1");
    private static final NodeName K = new NodeName("kiosk-2");
    private static final NodeName B = new NodeName("kiosk-3");

    @TempDir
    Path root;

    /** The voters whose check-ins were committed (answered ACCEPTED). */
    private final List<byte[]> committed = new ArrayList<>();

    @Test
    void anEarlierMetadataPutBackOnAStoppedNodeIsRefusedBeforeItCanVoteTwiceInOneTerm() throws Exception {
        ExecutorService background = Executors.newCachedThreadPool();
        try (InProcessPrecinct precinct = new InProcessPrecinct(root.resolve("network"), new PrecinctId(4718), 144)) {
            precinct.startAll(InProcessPrecinct.kiosks(3), WAIT);
            LoopbackPrecinct.Machine a = precinct.loopback.machine(A);
            LoopbackPrecinct.Machine k = precinct.loopback.machine(K);
            LoopbackPrecinct.Machine b = precinct.loopback.machine(B);
            Path metadata = k.directory().resolve("ledger").resolve("ledger.log").resolve("metadata.raft");
            checkIns(precinct.node("kiosk-1"), A, 2);
            precinct.awaitSameCounts(WAIT);

            precinct.nodes.remove(K).close();
            Path earlier = root.resolve("metadata.raft.t0");
            Files.copy(metadata, earlier);
            precinct.start(K);
            precinct.awaitMajority(WAIT);
            long termZero = precinct.nodes.get(K).currentTerm();

            precinct.loopback.isolate(b);
            PrecinctNode cutOff = precinct.nodes.remove(B);
            InProcessPrecinct.await(() -> !precinct.node("kiosk-1").networkState().reachable().contains(B), WAIT,
                    () -> "kiosk-3 was never dropped: " + precinct.states());
            precinct.nodes.remove(K).close();
            precinct.start(K);
            precinct.awaitMajority(WAIT);
            long termOne = precinct.nodes.get(K).currentTerm();
            checkIns(precinct.node("kiosk-1"), A, 2);
            precinct.awaitSameCounts(WAIT);
            String leaderOfTermOne = precinct.node("kiosk-1").networkState().leader().map(NodeName::value).orElse("-");

            // A appends two check-ins in T1 that never reach K.
            precinct.loopback.cut(a, k);
            long appended = precinct.node("kiosk-1").lastAppended();
            List<Future<?>> stranded = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                byte[] voter = voter();
                stranded.add(background.submit(() -> {
                    try {
                        return precinct.node("kiosk-1").checkIn(voter, 0);
                    } catch (PrecinctUnavailableException e) {
                        return null;
                    }
                }));
            }
            // Until kiosk-1, the leader of T1, has appended both (a follower could not reach the leader and appends
            // nothing).
            InProcessPrecinct.await(() -> !leaderOfTermOne.equals("kiosk-1")
                            || precinct.node("kiosk-1").lastAppended() >= appended + 2, WAIT,
                    () -> "kiosk-1 did not append the two check-ins: " + precinct.states());
            precinct.nodes.remove(K).halt();
            Files.copy(earlier, metadata, StandardCopyOption.REPLACE_EXISTING);
            precinct.loopback.heal(b);
            precinct.loopback.heal(k);
            precinct.loopback.isolate(a);
            System.out.println("rewound metadata: term T0 " + termZero + ", T1 " + termOne + " (leader "
                    + leaderOfTermOne + "), kiosk-3 at " + cutOff.currentTerm() + "; kiosk-2's metadata put back to "
                    + "its copy of T0");

            PrecinctNode rewound;
            try {
                rewound = precinct.start(K);
            } catch (NodeLedgerException refusal) {
                rewound = null;
                assertEquals("node.error.ledger", refusal.messageKey());
            }
            if (rewound != null) {
                precinct.nodes.put(B, cutOff);
                precinct.awaitMajority(WAIT);
                String during = "kiosk-2 term " + rewound.currentTerm() + " " + precinct.states();
                checkIns(rewound, K, 2);
                precinct.loopback.heal(a);
                precinct.awaitMajority(WAIT);
                checkIns(rewound, K, 1);
                throw new AssertionError("kiosk-2 started on its rewound metadata.raft: " + during + "; after A "
                        + "rejoined " + precinct.counts() + " " + precinct.states() + ", terms "
                        + precinct.node("kiosk-1").currentTerm() + "/" + rewound.currentTerm() + "/"
                        + cutOff.currentTerm());
            }

            // The technician's remedy: the ledger moved aside, kiosk-2 started to rejoin (decision 0440). With A
            // still away (H50's first try, which elected a second leader of T1 without A's check-ins) it is refused,
            // naming A; with A back it starts empty and catches up. Every check-in committed so far is on every
            // replica.
            Files.move(k.directory().resolve("ledger"), root.resolve("moved-aside"));
            RejoinGuard.Refused away = assertThrows(RejoinGuard.Refused.class, () -> precinct.rejoin(K));
            assertEquals("node.error.rejoinUnreachable", away.messageKey(), away.getMessage());
            assertTrue(away.getMessage().contains("kiosk-1") && !away.getMessage().contains("kiosk-3"),
                    away.getMessage());
            precinct.loopback.heal(a);
            precinct.nodes.put(B, cutOff);
            precinct.awaitMajority(WAIT);
            PrecinctNode restored = precinct.rejoin(K);
            precinct.awaitMajority(WAIT);
            checkIns(restored, K, 1);
            for (Future<?> attempt : stranded) {
                attempt.get(WAIT, TimeUnit.SECONDS);
            }
            precinct.awaitSameCounts(WAIT);
            System.out.println("rewound metadata: after the remedy " + precinct.counts() + " " + precinct.states());
            for (PrecinctNode node : precinct.nodes.values()) {
                boolean all = node.read(state -> committed.stream().allMatch(state::isCheckedIn));
                assertTrue(all, node.name() + " lacks a committed check-in: " + precinct.counts());
            }
        } finally {
            background.shutdownNow();
        }
    }

    /** Checks {@code count} new voters in through {@code node}; each is added to {@link #committed}. */
    private void checkIns(PrecinctNode node, NodeName origin, int count) {
        for (int i = 0; i < count; i++) {
            byte[] voter = voter();
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(node,
                    id -> new PrecinctCommand.CheckIn(id, origin, voter, 0), WAIT));
            committed.add(voter);
        }
    }

    private static byte[] voter() {
        byte[] bytes = new byte[PrecinctCommand.VOTER_INDEX_LENGTH];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
