package kz.sailau.kiosk.app;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkCall;
import kz.sailau.kiosk.checkin.OpenCase;
import kz.sailau.kiosk.precinct.KioskStatus;
import kz.sailau.kiosk.precinct.PrecinctCommand;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a precinct kiosk's status for the clerk station ({@link KioskStatus}: paused, fallback, checking nobody
 * in, calling a clerk, the open cases by kind) into the replicated ledger, where it replaces the kiosk's last one.
 * Only on change: the engine's states come and go with every voter, but a status is committed only when what it
 * says differs from the last one committed. Never on the engine's thread: the engine calls its listeners under its
 * lock, and a commit waits for the majority; one worker commits the latest wanted status, skipping the ones it
 * replaced meanwhile. When the kiosk cannot reach the majority the status waits, and goes out when the network
 * comes back (the engine announces the change).
 */
public final class KioskStatusPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KioskStatusPublisher.class);

    private final Consumer<KioskStatus> commit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-status");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    /** The status the kiosk shows now. */
    private KioskStatus wanted;
    /** The last status committed (null before the first). */
    private KioskStatus committed;
    private boolean scheduled;

    /**
     * @param commit commits one status to the precinct, waiting for the answer; throws
     *               {@link PrecinctUnavailableException} when the majority is not reachable
     */
    KioskStatusPublisher(Consumer<KioskStatus> commit) {
        this.commit = Objects.requireNonNull(commit, "commit");
    }

    /**
     * Follows an engine of a precinct kiosk and publishes through its node: the current status at once, then every
     * change of state, clerk call or network. The caller closes the publisher before the node.
     */
    public static KioskStatusPublisher attach(CheckInEngine engine, PrecinctNode node) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(node, "node");
        KioskStatusPublisher publisher = to(node);
        engine.addListener(state -> publisher.observe(state, engine.clerkCall()));
        engine.addClerkCallListener(call -> publisher.observe(engine.state(), call));
        engine.addNetworkListener(network -> publisher.retry());
        publisher.observe(engine.state(), engine.clerkCall());
        return publisher;
    }

    /**
     * A publisher through {@code node} that the caller feeds with {@link #observe} ({@link #attach} feeds it from
     * an engine).
     */
    public static KioskStatusPublisher to(PrecinctNode node) {
        Objects.requireNonNull(node, "node");
        return new KioskStatusPublisher(status -> {
            var outcome = node.submit(new PrecinctCommand.PublishStatus(node.newCommandId(), node.name(), status));
            LOG.debug("kiosk status published: {}", outcome);
        });
    }

    /** What a kiosk in {@code state} with its clerk-call signal tells the clerk station. */
    static KioskStatus statusOf(CheckInState state, Optional<ClerkCall> call) {
        boolean paused = state instanceof CheckInState.Paused;
        boolean fallback = state instanceof CheckInState.Fallback
                || state instanceof CheckInState.Paused p && p.fallback();
        return new KioskStatus(paused, fallback, state instanceof CheckInState.CutOff, call.isPresent(),
                OpenCase.codes(state, call));
    }

    /**
     * Takes the kiosk's state now (returns at once); commits its status later, on the publisher's worker, if it
     * differs from the last committed.
     */
    public void observe(CheckInState state, Optional<ClerkCall> call) {
        KioskStatus now = statusOf(state, call);
        synchronized (lock) {
            wanted = now;
        }
        retry();
    }

    /** Commits the wanted status if it was not committed yet (after a cut-off, when the network is back). */
    void retry() {
        synchronized (lock) {
            if (wanted == null || wanted.equals(committed) || scheduled) {
                return;
            }
            scheduled = true;
        }
        try {
            worker.execute(this::commitLatest);
        } catch (RejectedExecutionException closed) {
            synchronized (lock) {
                scheduled = false;
            }
        }
    }

    private void commitLatest() {
        while (true) {
            KioskStatus next;
            synchronized (lock) {
                if (wanted.equals(committed)) {
                    scheduled = false;
                    return;
                }
                next = wanted;
            }
            try {
                commit.accept(next);
            } catch (RuntimeException e) {
                // Cut off (PrecinctUnavailableException) or the node is closing: sent again at the next change.
                LOG.info("kiosk status not published now (sent again when the network is back): {}",
                        e.getMessage());
                synchronized (lock) {
                    scheduled = false;
                }
                return;
            }
            synchronized (lock) {
                committed = next;
            }
        }
    }

    /** The last status committed, if any (for tests and the log). */
    Optional<KioskStatus> committed() {
        synchronized (lock) {
            return Optional.ofNullable(committed);
        }
    }

    /** Runs {@code action} on the publisher's worker after what it has queued (tests wait on it). */
    void runOnWorker(Runnable action) {
        worker.execute(action);
    }

    /** Stops publishing (a commit under way is given a moment to finish). */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
