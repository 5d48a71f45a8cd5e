package kz.sailau.kiosk.runner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.DeviceEffects;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.checkin.Effect;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.printer.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the check-in engine's device effects on the kiosk's devices and feeds their outcomes back, beside the
 * engine: the scanner captures while the machine waits for a finger ({@link Effect.StartCapture} →
 * {@link CheckInEvent.FingerCaptured} or {@link CheckInEvent.ScannerFailed}), a capture stops when the machine
 * says so ({@link Effect.CancelCapture}), each issued token is printed ({@link Effect.PrintReceipt} →
 * {@link CheckInEvent.ReceiptPrinted} or {@link CheckInEvent.PrintFailed}). It also reads identity cards
 * ({@code submitCard}, {@link CheckInEvent.CardReaderFailed}, {@link CheckInEvent.CardReaderRestored}: the reader is
 * reopened after an unplug) and feeds clock ticks. It decides nothing: every rule of when a device acts is in the
 * {@link kz.sailau.kiosk.checkin.CheckInMachine}.
 *
 * <p>Threads: one each for capturing, printing, reading cards and ticking; {@link #run} only hands work to them
 * (the engine calls it while holding its lock). Outcomes of a capture the machine cancelled meanwhile are dropped
 * ({@link CheckInEngine#submitIf}). Observers hear of upload progress and receipts for the screens.
 */
public final class DeviceRunner implements DeviceEffects, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);

    /**
     * How long the runner's device calls wait.
     *
     * @param fingerWait      one scanner call's wait for a finger (the runner calls again until cancelled)
     * @param cardWait        one card reader call's wait for a card
     * @param cardReaderRetry how long to wait before reopening a card reader that failed
     */
    public record Timing(Duration fingerWait, Duration cardWait, Duration cardReaderRetry) {
        /** The kiosk's: 10 s per finger wait, 1 s per card wait, reopen a failed card reader every 2 s. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(2));

        /** @throws IllegalArgumentException unless every duration is positive */
        public Timing {
            for (Duration d : new Duration[] {fingerWait, cardWait, cardReaderRetry}) {
                if (Objects.requireNonNull(d, "timing").isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("device timings must be positive");
                }
            }
        }
    }

    /** Lays out the receipt of a token (language, and TEST receipts during the pre-election test). */
    @FunctionalInterface
    public interface ReceiptLayout {
        /** The receipt to print for {@code token}. */
        Receipt layout(IssuedBallotToken token);
    }

    /**
     * Hears what the devices do, for the screens (progress bar, last receipt). Called on the devices' threads:
     * hand the values to the UI thread and return quickly.
     */
    public interface Observer {
        /** A capture started waiting for a finger. */
        default void waitingForFinger() {
        }

        /** A finger is on the sensor; its image upload starts. */
        default void fingerDetected() {
        }

        /** Image bytes received so far of {@code totalBytes}. */
        default void uploaded(long bytesReceived, long totalBytes) {
        }

        /** A receipt goes to the printer. */
        default void printing(Receipt receipt) {
        }
    }

    /** The engine whose device effects this runner runs, and how its receipts look. */
    private record Target(CheckInEngine engine, ReceiptLayout layout) {
    }

    private final KioskDevices devices;
    private final Timing timing;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final ExecutorService captureThread = deviceThread("kiosk-capture");
    private final ExecutorService printThread = deviceThread("kiosk-printer");
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("kiosk-tick"));
    /** The latest capture asked for; a capture keeps running while it is the latest and not cancelled. */
    private final AtomicLong captureRequest = new AtomicLong();
    /** Captures up to this request are cancelled. */
    private final AtomicLong cancelledUpTo = new AtomicLong();
    private volatile Target target;
    private volatile boolean closed;
    private final CardReading cardReading;
    private Thread readerThread;

    /**
     * @param devices the kiosk's devices (not closed by the runner)
     * @param timing  how long device calls wait
     */
    public DeviceRunner(KioskDevices devices, Timing timing) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.cardReading = new CardReading(devices.cardReader(), timing.cardWait(), timing.cardReaderRetry(),
                submission -> submitQuietly(() -> submission.accept(requireTarget().engine())));
    }

    /**
     * Feeds the outcomes of devices to {@code engine} from now on, laying out receipts with {@code layout} (the
     * pre-election test switches to its own engine and back). A capture running for the previous engine stops.
     */
    public void drive(CheckInEngine engine, ReceiptLayout layout) {
        Target next = new Target(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(layout, "layout"));
        cancelCapture();
        target = next;
    }

    /** Registers an observer of captures and receipts. */
    public void addObserver(Observer observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    /** Starts reading identity cards on the runner's reader thread (once). */
    public synchronized void startReadingCards() {
        requireTarget();
        if (readerThread == null) {
            readerThread = named("kiosk-card-reader").newThread(cardReading);
            readerThread.start();
        }
    }

    /**
     * Waits until the card reader thread has opened the reader once; a card presented earlier is lost, as with a
     * real reader (the demo and the tests wait for it before the first card).
     *
     * @return whether the reader was opened within {@code timeout}
     */
    public boolean awaitCardReaderOpened(Duration timeout) throws InterruptedException {
        return cardReading.awaitOpened(Objects.requireNonNull(timeout, "timeout"));
    }

    /** Starts feeding the engine a clock tick every {@code period} (idle timeouts, the token screen). */
    public void startTicking(Duration period) {
        requireTarget();
        long millis = Objects.requireNonNull(period, "period").toMillis();
        ticker.scheduleAtFixedRate(() -> {
            try {
                target.engine().tick();
            } catch (RuntimeException e) {
                LOG.error("clock tick failed: {}", e.getClass().getName());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts a device effect; returns at once (called by the engine under its lock). */
    @Override
    public void run(Effect.DeviceEffect effect) {
        Objects.requireNonNull(effect, "effect");
        if (effect instanceof Effect.StartCapture) {
            startCapture();
        } else if (effect instanceof Effect.CancelCapture) {
            cancelCapture();
        } else if (effect instanceof Effect.PrintReceipt print) {
            startPrinting(print.token());
        } else {
            throw new IllegalStateException("unknown device effect " + effect.getClass().getSimpleName());
        }
    }

    private void startCapture() {
        Target asking = requireTarget();
        long request = captureRequest.incrementAndGet();
        try {
            captureThread.execute(() -> capture(asking.engine(), request));
        } catch (RejectedExecutionException e) {
            LOG.debug("capture not started: the runner is closed");
        }
    }

    private void cancelCapture() {
        cancelledUpTo.set(captureRequest.get());
        devices.scanner().cancel();
    }

    /** Captures until a finger is read, the scanner fails, or the request is cancelled or replaced. */
    private void capture(CheckInEngine engine, long request) {
        BooleanSupplier current = () -> !closed && captureRequest.get() == request && cancelledUpTo.get() < request;
        try {
            while (current.getAsBoolean()) {
                observers.forEach(Observer::waitingForFinger);
                Capture capture;
                try {
                    capture = devices.scanner().capture(new Progress(), timing.fingerWait());
                } catch (NoFingerException e) {
                    continue;
                }
                FingerImage image = new FingerImage(capture.width(), capture.height(), capture.pixels(), capture.dpi());
                engine.submitIf(current, new CheckInEvent.FingerCaptured(image));
                return;
            }
        } catch (CaptureCancelledException e) {
            LOG.debug("capture cancelled");
        } catch (ScannerException e) {
            LOG.warn("scanner failed: {}", e.technicalMessage());
            submitQuietly(() -> engine.submitIf(current, new CheckInEvent.ScannerFailed(DeviceFaults.of(e))));
        } catch (RuntimeException e) {
            LOG.error("capture failed: {}", e.getClass().getName());
            submitQuietly(() -> engine.submitIf(current,
                    new CheckInEvent.ScannerFailed(DeviceFaults.unexpected(DeviceFault.Device.SCANNER))));
        }
    }

    private void startPrinting(IssuedBallotToken token) {
        Target asking = requireTarget();
        try {
            printThread.execute(() -> print(asking, token));
        } catch (RejectedExecutionException e) {
            LOG.debug("receipt not printed: the runner is closed");
        }
    }

    private void print(Target asking, IssuedBallotToken token) {
        CheckInEvent outcome;
        try {
            Receipt receipt = asking.layout().layout(token);
            observers.forEach(o -> o.printing(receipt));
            devices.printer().print(receipt);
            outcome = new CheckInEvent.ReceiptPrinted(token);
        } catch (DeviceException e) {
            LOG.warn("receipt not printed: {}", e.getMessage());
            outcome = new CheckInEvent.PrintFailed(token, DeviceFaults.of(e));
        } catch (RuntimeException e) {
            LOG.error("printing failed: {}", e.getClass().getName());
            outcome = new CheckInEvent.PrintFailed(token, DeviceFaults.unexpected(DeviceFault.Device.PRINTER));
        }
        CheckInEvent result = outcome;
        submitQuietly(() -> asking.engine().submit(result));
    }

    /** Feeds an outcome; an engine failure is logged, never thrown at a device thread. */
    private static void submitQuietly(Runnable submission) {
        try {
            submission.run();
        } catch (RuntimeException e) {
            LOG.error("check-in engine failed on a device outcome: {}", e.getClass().getName());
        }
    }

    private Target requireTarget() {
        Target current = target;
        if (current == null) {
            throw new IllegalStateException("drive(engine, layout) first");
        }
        return current;
    }

    /** Hands upload progress from the capture thread to the observers. */
    private final class Progress implements CaptureProgress {
        @Override
        public void bytesReceived(long bytesReceived, long totalBytes) {
            observers.forEach(o -> o.uploaded(bytesReceived, totalBytes));
        }

        @Override
        public void fingerDetected() {
            observers.forEach(Observer::fingerDetected);
        }
    }

    /**
     * Stops every device thread: cancels a capture, stops ticking and reading cards (closing the card reader it
     * opened), lets a receipt being printed finish. Does not close the scanner or the printer ({@link KioskDevices}).
     */
    @Override
    public void close() {
        Thread reader;
        closed = true;
        synchronized (this) {
            reader = readerThread;
        }
        devices.scanner().cancel();
        ticker.shutdownNow();
        captureThread.shutdown();
        printThread.shutdown();
        try {
            cardReading.close(reader);
            captureThread.awaitTermination(5, TimeUnit.SECONDS);
            printThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One thread for one device, started at once, so that the kiosk's thread count does not grow at the first voter. */
    private static ExecutorService deviceThread(String name) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named(name));
        executor.prestartAllCoreThreads();
        return executor;
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
