package kz.sailau.kiosk.precinct;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>A voting member that has known no leader for {@link #LEADERLESS_MILLIS} while its view holds a majority starts
 * a voting round itself (decision 0470). The engine starts one only on the view's coordinator, and only when a view
 * change reaches or loses the majority; it announces the leader again only to members new to the leader's view, and
 * a leader sends nothing while no command comes (no heartbeat). So after a partition heals, a member that lost the
 * leader during the split, seen by a leader that never noticed the split (its machine frozen, its view unchanged),
 * stayed without a leader, cut off and refusing check-ins, until some other machine submitted a command; and with
 * the terms raised on the minority's side, the old leader's appends were dropped too and the whole precinct stayed
 * without one (session H62, docs/reliability.md). The round's higher term makes every member, the old leader
 * included, follow the leader it elects.
 */
final class PrecinctElection extends ELECTION {

    /** How long a voting member of a view with a majority may know no leader before it starts a voting round. */
    static final long LEADERLESS_MILLIS = 3000;

    /** How often the leaderless check runs. */
    private static final long CHECK_MILLIS = 1000;

    private volatile boolean stopped;
    private Future<?> leaderlessCheck;
    /** When the check first saw this node without a leader in a view with a majority, or -1 (check thread only). */
    private long leaderlessSince = -1;

    PrecinctElection() {
        // Peers read ELECTION's headers under the protocol id the engine registered for ELECTION.
        setId(ClassConfigurator.getProtocolId(ELECTION.class));
    }

    @Override
    public void start() throws Exception {
        stopped = false;
        super.start();
        leaderlessCheck = getTransport().getTimer().scheduleWithFixedDelay(this::checkLeaderless, CHECK_MILLIS,
                CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        stopped = true;
        if (leaderlessCheck != null) {
            leaderlessCheck.cancel(false);
        }
        super.stop();
    }

    /** Starts a voting round when this voting member has had no leader for {@link #LEADERLESS_MILLIS} in a majority. */
    private void checkLeaderless() {
        boolean leaderless = !stopped && raft != null && raft.leader() == null && isMajorityAvailable()
                && raft.members().contains(raft.raftId());
        if (!leaderless) {
            leaderlessSince = -1;
            return;
        }
        long now = System.nanoTime();
        if (leaderlessSince < 0) {
            leaderlessSince = now;
        } else if (now - leaderlessSince >= TimeUnit.MILLISECONDS.toNanos(LEADERLESS_MILLIS)
                && !isVotingThreadRunning()) {
            log.warn("%s: no leader for %d ms in a view with a majority (%s): starting a voting round",
                    local_addr, LEADERLESS_MILLIS, view);
            leaderlessSince = now;
            startVotingThread();
        }
    }

    @Override
    protected void runVotingProcess() {
        if (stopped) {
            Thread.currentThread().interrupt();
        }
        super.runVotingProcess();
    }
}
