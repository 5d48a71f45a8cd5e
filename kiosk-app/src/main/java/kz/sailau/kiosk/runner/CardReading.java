package kz.sailau.kiosk.runner;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.devices.MrzReader;
import kz.sailau.kiosk.devices.MrzReaderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device runner's card reader thread: opens the reader, feeds every zone it reads to the engine in use, and
 * after a failure reports it once ({@link CheckInEvent.CardReaderFailed}) and reopens the reader every
 * {@code retry} until it works again ({@link CheckInEvent.CardReaderRestored}).
 */
final class CardReading implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CardReading.class);

    private final KioskDevices.CardReaderSource source;
    private final Duration wait;
    private final Duration retry;
    private final Consumer<Consumer<CheckInEngine>> toEngine;
    private final Object lock = new Object();
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile boolean closed;
    private MrzReader open;

    /**
     * @param source   opens the reader
     * @param wait     one read's wait for a card
     * @param retry    the pause before reopening a reader that failed
     * @param toEngine hands a submission to the engine in use (and keeps an engine failure off this thread)
     */
    CardReading(KioskDevices.CardReaderSource source, Duration wait, Duration retry,
                Consumer<Consumer<CheckInEngine>> toEngine) {
        this.source = Objects.requireNonNull(source, "source");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.toEngine = Objects.requireNonNull(toEngine, "toEngine");
    }

    @Override
    public void run() {
        boolean failed = false;
        while (!closed) {
            MrzReader reader;
            try {
                reader = source.open();
            } catch (MrzReaderException e) {
                if (!failed) {
                    failed = true;
                    LOG.warn("card reader cannot be opened: {}", e.getMessage());
                    report(DeviceFaults.of(e));
                }
                pause();
                continue;
            }
            if (!hold(reader)) {
                return;
            }
            if (failed) {
                failed = false;
                toEngine.accept(engine -> engine.submit(new CheckInEvent.CardReaderRestored()));
            }
            try {
                while (!closed) {
                    reader.nextZone(wait).ifPresent(zone -> toEngine.accept(engine -> engine.submitCard(zone)));
                }
            } catch (MrzReaderException e) {
                if (!closed) {
                    failed = true;
                    LOG.warn("card reader failed: {}", e.getMessage());
                    report(DeviceFaults.of(e));
                }
            } finally {
                release(reader);
            }
            pause();
        }
    }

    private void report(DeviceFault fault) {
        toEngine.accept(engine -> engine.submit(new CheckInEvent.CardReaderFailed(fault)));
    }

    /** Keeps the reader so that {@link #close} can unblock it; false (and the reader closed) when closing. */
    private boolean hold(MrzReader reader) {
        synchronized (lock) {
            if (closed) {
                reader.close();
                return false;
            }
            open = reader;
            opened.countDown();
            return true;
        }
    }

    private void release(MrzReader reader) {
        synchronized (lock) {
            open = null;
        }
        reader.close();
    }

    private void pause() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                lock.wait(retry.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /**
     * Waits until the reader has been opened once (a card presented before the port is open is lost, as with a
     * real reader).
     *
     * @return whether it was opened within {@code timeout}
     */
    boolean awaitOpened(Duration timeout) throws InterruptedException {
        return opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops reading: closes the reader it holds (a blocked read then ends) and waits for {@code thread}. */
    void close(Thread thread) throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            if (open != null) {
                open.close();
            }
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
