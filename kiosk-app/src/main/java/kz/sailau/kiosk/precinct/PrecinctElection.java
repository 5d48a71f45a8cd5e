package kz.sailau.kiosk.precinct;

import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.raft.ELECTION;

/**
 * JGroups Raft's {@code ELECTION} whose voting thread ends when the channel stops.
 *
 * <p>In JGroups Raft 1.1.4 {@code BaseElection.stop} only marks the voting thread to stop, and the thread stops
 * itself only if the majority is gone or a leader is known; {@code stop} has just cleared the leader and the view
 * it reads is the last one before the channel closed, so a round under way when the node closes goes on for ever,
 * on a thread that is not a daemon (its {@code Runner} is private), and keeps the JVM alive. Here a stopped
 * election interrupts its own voting thread at the start of the next round, which the engine's loop takes as
 * "stopped" ({@code runVotingProcess}: {@code Thread.interrupted()} ends the thread).
 */
final class PrecinctElection extends ELECTION {

    private volatile boolean stopped;

    PrecinctElection() {
        // Peers read ELECTION's headers under the protocol id the engine registered for ELECTION.
        setId(ClassConfigurator.getProtocolId(ELECTION.class));
    }

    @Override
    public void start() throws Exception {
        stopped = false;
        super.start();
    }

    @Override
    public void stop() {
        stopped = true;
        super.stop();
    }

    @Override
    protected void runVotingProcess() {
        if (stopped) {
            Thread.currentThread().interrupt();
        }
        super.runVotingProcess();
    }
}
