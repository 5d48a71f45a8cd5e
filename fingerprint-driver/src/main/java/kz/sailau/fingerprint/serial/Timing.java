package kz.sailau.fingerprint.serial;

import java.time.Duration;

/** The driver's view of time, injectable so that tests decide how long waiting takes. */
interface Timing {

    /** Real time: {@link System#nanoTime()} and {@link Thread#sleep(long, int)}. */
    Timing SYSTEM = new Timing() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /**
     * Returns a monotonic time.
     *
     * @return nanoseconds from an arbitrary origin
     */
    long nanoTime();

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
