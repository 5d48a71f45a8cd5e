package kz.sailau.kiosk.app.assembly;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkCall;

/**
 * Waits for a check-in engine to reach a state, without polling: for drivers of the engine that run beside its
 * devices ({@code simulate}, {@code demo --check}) and the tests. It keeps the latest state the engine announced,
 * so it never takes the engine's lock while holding its own.
 */
public final class EngineWatch {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private CheckInState latest;
    private Optional<ClerkCall> clerkCall;

    private EngineWatch(CheckInEngine engine) {
        latest = engine.state();
        clerkCall = engine.clerkCall();
    }

    /** Starts watching {@code engine} (for the engine's lifetime). */
    public static EngineWatch on(CheckInEngine engine) {
        Objects.requireNonNull(engine, "engine");
        EngineWatch watch = new EngineWatch(engine);
        engine.addListener(watch::stateChanged);
        engine.addClerkCallListener(watch::clerkCallChanged);
        watch.stateChanged(engine.state());
        return watch;
    }

    /** Whether the engine waits for the outside world in {@code state} (not in the middle of its own work). */
    public static boolean settled(CheckInState state) {
        return !(state instanceof CheckInState.CheckingEligibility || state instanceof CheckInState.Matching
                || state instanceof CheckInState.Recording);
    }

    /** The latest state announced. */
    public CheckInState state() {
        lock.lock();
        try {
            return latest;
        } finally {
            lock.unlock();
        }
    }

    /** The latest clerk-call signal announced. */
    public Optional<ClerkCall> clerkCall() {
        lock.lock();
        try {
            return clerkCall;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the latest state satisfies {@code wanted}.
     *
     * @param what    what is awaited, for the failure message
     * @param timeout how long at most
     * @return that state
     * @throws IllegalStateException naming {@code what} and the state reached when the time is up
     */
    public CheckInState await(String what, Predicate<CheckInState> wanted, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(wanted, "wanted");
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!wanted.test(latest)) {
                if (remaining <= 0) {
                    throw new IllegalStateException("timed out waiting for " + what + "; state "
                            + latest.getClass().getSimpleName());
                }
                remaining = moved.awaitNanos(remaining);
            }
            return latest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the engine settles ({@link #settled}) in a state other than {@code left}: the answer to what was
     * just done in {@code left}.
     */
    public CheckInState awaitNext(CheckInState left, Duration timeout) throws InterruptedException {
        return await("the engine to leave " + left.getClass().getSimpleName(),
                s -> s != left && settled(s), timeout);
    }

    private void stateChanged(CheckInState state) {
        lock.lock();
        try {
            latest = state;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void clerkCallChanged(Optional<ClerkCall> call) {
        lock.lock();
        try {
            clerkCall = call;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
