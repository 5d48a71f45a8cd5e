package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed node leaves no thread that keeps a JVM alive: the consensus engine's voting thread, which is not a
 * daemon, ends with the node even when the node closes in the middle of a voting round that cannot finish.
 */
class ClosedNodeThreadsIT {

    private static final int WAIT = 60;

    @TempDir
    Path temp;

    @Test
    void aNodeClosedDuringAnElectionLeavesNoVotingThreadAndNoOtherNonDaemonThread() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), new PrecinctId(4715), 68)) {
            List<NodeName> members = precinct.members(InProcessPrecinct.kiosks(3));
            // kiosk-1 starts first and coordinates the view of two; kiosk-3 stays off.
            precinct.start(members.get(0));
            precinct.start(members.get(1));
            precinct.awaitMajority(WAIT);

            // kiosk-2 cut off before failure detection drops it: a round that collects one vote of the two needed.
            precinct.loopback.isolate(precinct.machine("kiosk-2"));
            boolean voting = precinct.node("kiosk-1").startVoting();
            assertTrue(voting, "kiosk-1 runs no voting round: the case was not built " + precinct.states());
            precinct.nodes.remove(members.get(0)).close();

            InProcessPrecinct.await(() -> votingThreads().isEmpty(), 10,
                    () -> "the closed node's voting thread still runs: " + votingThreads());
            precinct.loopback.heal(precinct.machine("kiosk-2"));
        }
        InProcessPrecinct.await(() -> leftBehind(before).isEmpty(), 10,
                () -> "non-daemon threads left after every node closed: " + leftBehind(before));
    }

    private static Set<String> votingThreads() {
        return nonDaemonThreads().stream().map(Thread::getName).filter(name -> name.contains("voting-thread"))
                .collect(Collectors.toSet());
    }

    private static Set<String> leftBehind(Set<Thread> before) {
        return nonDaemonThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
