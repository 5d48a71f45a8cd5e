package kz.sailau.kiosk.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that other threads or machines make true (a replica catching up, a majority forming),
 * up to a deadline: the one place where tests of the precinct network poll, so that no test sleeps a fixed time.
 */
public final class Conditions {

    private static final long POLL_MILLIS = 50;

    private Conditions() {
    }

    /**
     * Returns as soon as {@code condition} holds; fails with {@code failure}'s message once {@code within} has
     * passed without it.
     *
     * @throws AssertionError if the condition did not hold in time, or the waiting thread was interrupted
     */
    public static void await(BooleanSupplier condition, Duration within, Supplier<String> failure) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(failure, "failure");
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + failure.get(), e);
            }
        }
    }
}
