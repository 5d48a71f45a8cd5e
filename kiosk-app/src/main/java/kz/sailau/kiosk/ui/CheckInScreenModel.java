package kz.sailau.kiosk.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.FingerprintScanner;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.MrzReader;
import kz.sailau.kiosk.devices.MrzReaderException;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.devices.printer.ReceiptPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view model of the kiosk screens: mirrors the {@link CheckInEngine}'s state into read-only JavaFX
 * properties, runs every engine call on a worker thread, drives the fingerprint scanner while the engine
 * waits for a finger (feeding a real upload progress), and prints the receipt when a token is issued.
 * It adds no business rule: what happens next is always the engine's decision.
 *
 * <p>Threading: the properties change only on the FX thread (through the {@code fxThread} executor given
 * to the constructor); engine calls, capture and printing never run there.
 */
public final class CheckInScreenModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckInScreenModel.class);
    private static final int HISTORY = 20;

    /**
     * One entry of the clerk's exceptions list: what happened and the next step (message keys only, no
     * personal data).
     *
     * @param messageKey  what happened
     * @param nextStepKey what the clerk does
     */
    public record ClerkNotice(String messageKey, String nextStepKey) {
        /** @throws NullPointerException on null */
        public ClerkNotice {
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(nextStepKey, "nextStepKey");
        }
    }

    private final CheckInEngine realEngine;
    private final Supplier<Counters> realCounters;
    private volatile CheckInEngine engine;
    private final FingerprintScanner scanner;
    private final ReceiptPrinter printer;
    private final LanguageViewModel language;
    private final Executor fxThread;
    private volatile Supplier<Counters> counterSource;
    private final Duration fingerTimeout;
    private final ExecutorService engineWorker = Executors.newSingleThreadExecutor(named("kiosk-engine"));
    private final ExecutorService captureWorker = Executors.newSingleThreadExecutor(named("kiosk-capture"));
    private final ExecutorService printWorker = Executors.newSingleThreadExecutor(named("kiosk-printer"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("kiosk-tick"));
    private final AtomicBoolean capturing = new AtomicBoolean();

    private final ReadOnlyObjectWrapper<CheckInState> state;
    private final ReadOnlyDoubleWrapper uploadProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper fingerOnSensor = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Optional<String>> printerProblem = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<String>> scannerProblem = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Counters> counters;
    private final ReadOnlyBooleanWrapper clerkCalled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper pollsClosed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testMode = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Optional<Receipt>> lastReceipt = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<ClerkNotice> notices = FXCollections.observableArrayList();
    // One read-only view for every caller: the view listens to the list weakly, so a view made per call and
    // dropped would silently lose the listeners registered on it.
    private final ObservableList<ClerkNotice> noticesView = FXCollections.unmodifiableObservableList(notices);
    private final ReadOnlyObjectWrapper<java.util.Set<Class<? extends CheckInEvent.ClerkEvent>>> clerkActions;

    /**
     * @param engine        the check-in engine (its calls block: they run on this model's worker)
     * @param scanner       the fingerprint scanner
     * @param printer       the receipt printer
     * @param language      the language of the screens (the receipt is printed in it; reset after each voter)
     * @param fxThread      runs a task on the FX thread ({@code Platform::runLater})
     * @param counterSource the ledger's live counters
     * @param fingerTimeout how long one capture waits for a finger before asking again
     */
    public CheckInScreenModel(CheckInEngine engine, FingerprintScanner scanner, ReceiptPrinter printer,
                              LanguageViewModel language, Executor fxThread, Supplier<Counters> counterSource,
                              Duration fingerTimeout) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.realEngine = engine;
        this.realCounters = Objects.requireNonNull(counterSource, "counterSource");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.language = Objects.requireNonNull(language, "language");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.counterSource = Objects.requireNonNull(counterSource, "counterSource");
        this.fingerTimeout = Objects.requireNonNull(fingerTimeout, "fingerTimeout");
        this.state = new ReadOnlyObjectWrapper<>(engine.state());
        this.counters = new ReadOnlyObjectWrapper<>(counterSource.get());
        this.clerkActions = new ReadOnlyObjectWrapper<>(engine.acceptedClerkEvents());
        listenTo(engine);
    }

    /** Follows {@code source}'s states while it is the engine in use (the L&A test switches engines). */
    private void listenTo(CheckInEngine source) {
        source.addListener(next -> {
            if (engine == source) {
                engineMoved(next);
            }
        });
    }

    // ------------------------------------------------------------------ properties (FX thread)

    /**
     * Whether the election day is closed: the voter screen then shows only the "polls closed" message
     * ({@code checkin.error.dayClosed}) and takes no card.
     */
    public ReadOnlyBooleanProperty pollsClosedProperty() {
        return pollsClosed.getReadOnlyProperty();
    }

    /** Marks the polls closed (any thread); the database refuses check-ins from then on anyway. */
    public void closePolls() {
        fxThread.execute(() -> pollsClosed.set(true));
    }

    /**
     * Whether the pre-election logic-and-accuracy test is running: every voter and clerk screen shows the TEST
     * banner, and every action goes to the test engine.
     */
    public ReadOnlyBooleanProperty testModeProperty() {
        return testMode.getReadOnlyProperty();
    }

    /**
     * Switches the screens to the logic-and-accuracy test's engine and counters (between two engine calls, on
     * the engine worker): from then on every card, finger and clerk action goes to {@code testEngine}, and the
     * screens show the TEST banner. Completes once the screens show the test engine's state.
     */
    public CompletableFuture<Void> useTestEngine(CheckInEngine testEngine, Supplier<Counters> testCounters) {
        Objects.requireNonNull(testEngine, "testEngine");
        Objects.requireNonNull(testCounters, "testCounters");
        return switchEngine(testEngine, testCounters, true);
    }

    /** Switches the screens back to the real engine and counters and removes the TEST banner. */
    public CompletableFuture<Void> useRealEngine() {
        return switchEngine(realEngine, realCounters, false);
    }

    private CompletableFuture<Void> switchEngine(CheckInEngine next, Supplier<Counters> nextCounters, boolean test) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        engineWorker.execute(() -> {
            try {
                if (capturing.get()) {
                    scanner.cancel();
                }
                if (engine != next) {
                    engine = next;
                    if (test) {
                        listenTo(next);
                    }
                }
                counterSource = nextCounters;
                CheckInState now = next.state();
                Counters counted = nextCounters.get();
                fxThread.execute(() -> {
                    testMode.set(test);
                    state.set(now);
                    counters.set(counted);
                    uploadProgress.set(-1);
                    fingerOnSensor.set(false);
                    clerkCalled.set(false);
                    lastReceipt.set(Optional.empty());
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The engine's current state, as last seen on the FX thread. */
    public ReadOnlyObjectProperty<CheckInState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Upload progress of the current capture, 0..1; -1 while waiting for a finger. */
    public ReadOnlyDoubleProperty uploadProgressProperty() {
        return uploadProgress.getReadOnlyProperty();
    }

    /** Whether a finger is on the sensor and its image is being uploaded. */
    public ReadOnlyBooleanProperty fingerOnSensorProperty() {
        return fingerOnSensor.getReadOnlyProperty();
    }

    /** Message key of the last printing failure, empty when the last receipt printed. */
    public ReadOnlyObjectProperty<Optional<String>> printerProblemProperty() {
        return printerProblem.getReadOnlyProperty();
    }

    /** Message key of the last scanner failure, empty when the scanner works. */
    public ReadOnlyObjectProperty<Optional<String>> scannerProblemProperty() {
        return scannerProblem.getReadOnlyProperty();
    }

    /** The ledger's counters after the last engine step. */
    public ReadOnlyObjectProperty<Counters> countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /** Whether the voter pressed "call a commission member" and no clerk has acted yet. */
    public ReadOnlyBooleanProperty clerkCalledProperty() {
        return clerkCalled.getReadOnlyProperty();
    }

    /** The last receipt sent to the printer (printed or not). */
    public ReadOnlyObjectProperty<Optional<Receipt>> lastReceiptProperty() {
        return lastReceipt.getReadOnlyProperty();
    }

    /**
     * The kinds of clerk action the engine acts on in the current state ({@link CheckInEngine#acceptedClerkEvents});
     * it changes on the FX thread just before {@link #stateProperty()}, so a view rendering the state sees the
     * actions of that state. The clerk console shows only these.
     */
    public ReadOnlyObjectProperty<java.util.Set<Class<? extends CheckInEvent.ClerkEvent>>> clerkActionsProperty() {
        return clerkActions.getReadOnlyProperty();
    }

    /** The clerk's exceptions list, newest first (at most 20). */
    public ObservableList<ClerkNotice> notices() {
        return noticesView;
    }

    /** The language of the screens. */
    public LanguageViewModel language() {
        return language;
    }

    // ------------------------------------------------------------------ actions (any thread)

    /** Feeds the text the MRZ reader sent. */
    public CompletableFuture<CheckInState> submitCard(String mrzText) {
        Objects.requireNonNull(mrzText, "mrzText");
        return onEngine(() -> engine.submitCard(mrzText));
    }

    /** Feeds a voter or hardware event (not a clerk event). */
    public CompletableFuture<CheckInState> submit(CheckInEvent event) {
        Objects.requireNonNull(event, "event");
        return onEngine(() -> engine.submit(event));
    }

    /** Feeds a clerk's action with the clerk's PIN (cleared after use). */
    public CompletableFuture<CheckInState> submitAsClerk(CheckInEvent.ClerkEvent event, char[] pin) {
        Objects.requireNonNull(event, "event");
        char[] copy = pin.clone();
        java.util.Arrays.fill(pin, '\0');
        fxThread.execute(() -> clerkCalled.set(false));
        return onEngine(() -> engine.submitAsClerk(event, copy));
    }

    /** Feeds one clock tick (idle timeouts). */
    public CompletableFuture<CheckInState> tick() {
        return onEngine(() -> engine.tick());
    }

    /** Starts feeding a tick every {@code period}. */
    public void startTicking(Duration period) {
        ticker.scheduleAtFixedRate(() -> tick(), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts reading identity cards from the MRZ reader on its own thread; each zone read is fed to the
     * engine with {@link #submitCard}. A reader failure is shown to the clerk and reading stops.
     */
    public void startReadingCards(MrzReader reader) {
        Objects.requireNonNull(reader, "reader");
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && !engineWorker.isShutdown()) {
                try {
                    reader.nextZone(Duration.ofSeconds(1)).ifPresent(this::submitCard);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    return;
                } catch (MrzReaderException e) {
                    if (engineWorker.isShutdown()) {
                        return;
                    }
                    LOG.warn("MRZ reader failed: {}", e.getMessage());
                    String key = e.messageKey();
                    fxThread.execute(() -> addNotice(new ClerkNotice(key, "clerk.next.checkCardReader")));
                    return;
                }
            }
        }, "kiosk-card-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The voter asks for a commission member. */
    public void callClerk() {
        fxThread.execute(() -> clerkCalled.set(true));
    }

    /**
     * Synchronises with the worker threads: completes once every engine call submitted so far has run and
     * its state reached the FX thread. For tests and orderly shutdown.
     */
    public CompletableFuture<CheckInState> settled() {
        return onEngine(() -> engine.state());
    }

    // ------------------------------------------------------------------ internals

    private CompletableFuture<CheckInState> onEngine(Supplier<CheckInState> call) {
        CompletableFuture<CheckInState> done = new CompletableFuture<>();
        engineWorker.execute(() -> {
            try {
                CheckInState next = call.get();
                Counters now = counterSource.get();
                fxThread.execute(() -> {
                    counters.set(now);
                    done.complete(next);
                });
            } catch (RuntimeException e) {
                // Never shown to the voter; the state stays as it was and the clerk sees the failure.
                LOG.error("check-in engine call failed: {}", e.getClass().getSimpleName(), e);
                fxThread.execute(() -> {
                    addNotice(new ClerkNotice("clerk.notice.internalError", "clerk.next.restartKiosk"));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Called by the engine on the worker thread for every new state. */
    private void engineMoved(CheckInState next) {
        // Called inside the engine's step (same thread, lock held): the dry run sees exactly this state.
        java.util.Set<Class<? extends CheckInEvent.ClerkEvent>> actions = engine.acceptedClerkEvents();
        fxThread.execute(() -> {
            CheckInState previous = state.get();
            clerkActions.set(actions);
            state.set(next);
            noticeFor(next).ifPresent(this::addNotice);
            if (next instanceof CheckInState.AwaitingCard && !(previous instanceof CheckInState.AwaitingCard)) {
                // A voter left (done, refused or timed out): clear what the screen showed.
                language.reset();
                uploadProgress.set(-1);
                fingerOnSensor.set(false);
                clerkCalled.set(false);
            }
        });
        if (next instanceof CheckInState.AwaitingFinger) {
            startCapture();
        } else if (!(next instanceof CheckInState.Matching) && capturing.get()) {
            scanner.cancel();
        }
        if (next instanceof CheckInState.TokenIssued issued) {
            print(issued.token());
        }
    }

    private static Optional<ClerkNotice> noticeFor(CheckInState state) {
        if (state instanceof CheckInState.NeedsClerk needs) {
            return Optional.of(new ClerkNotice(needs.reason().messageKey(), needs.reason().nextStepKey()));
        } else if (state instanceof CheckInState.Refused refused) {
            return Optional.of(new ClerkNotice(refused.refusal().messageKey(), refused.refusal().nextStepKey()));
        }
        return Optional.empty();
    }

    private void addNotice(ClerkNotice notice) {
        notices.add(0, notice);
        if (notices.size() > HISTORY) {
            notices.remove(HISTORY, notices.size());
        }
    }

    private void startCapture() {
        if (!capturing.compareAndSet(false, true)) {
            return;
        }
        captureWorker.execute(() -> {
            try {
                while (engine.state() instanceof CheckInState.AwaitingFinger) {
                    fxThread.execute(() -> {
                        uploadProgress.set(-1);
                        fingerOnSensor.set(false);
                    });
                    Capture capture;
                    try {
                        capture = scanner.capture(new FxProgress(), fingerTimeout);
                    } catch (NoFingerException e) {
                        continue;
                    }
                    fxThread.execute(() -> {
                        uploadProgress.set(1);
                        scannerProblem.set(Optional.empty());
                    });
                    FingerImage image = new FingerImage(capture.width(), capture.height(), capture.pixels(),
                            capture.dpi());
                    capturing.set(false);
                    submit(new CheckInEvent.FingerCaptured(image));
                    return;
                }
            } catch (CaptureCancelledException e) {
                LOG.debug("capture cancelled");
            } catch (ScannerException e) {
                LOG.warn("scanner failed: {}", e.technicalMessage());
                String key = e.messageKey();
                fxThread.execute(() -> {
                    scannerProblem.set(Optional.of(key));
                    addNotice(new ClerkNotice(key, "clerk.next.checkScanner"));
                });
            } catch (RuntimeException e) {
                LOG.error("capture failed: {}", e.getClass().getSimpleName(), e);
            }
            capturing.set(false);
        });
    }

    /** Hands upload progress from the capture thread to the FX thread. */
    private final class FxProgress implements CaptureProgress {
        @Override
        public void bytesReceived(long bytesReceived, long totalBytes) {
            double fraction = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesReceived / totalBytes);
            fxThread.execute(() -> uploadProgress.set(fraction));
        }

        @Override
        public void fingerDetected() {
            fxThread.execute(() -> {
                fingerOnSensor.set(true);
                uploadProgress.set(0);
            });
        }
    }

    private void print(IssuedBallotToken token) {
        Messages messages = language.messages();
        Receipt receipt = engine != realEngine ? Receipts.test(messages, token) : Receipts.of(messages, token);
        fxThread.execute(() -> lastReceipt.set(Optional.of(receipt)));
        printWorker.execute(() -> {
            try {
                printer.print(receipt);
                fxThread.execute(() -> printerProblem.set(Optional.empty()));
            } catch (DeviceException e) {
                LOG.warn("receipt not printed: {}", e.getMessage());
                String key = e.messageKey();
                fxThread.execute(() -> {
                    printerProblem.set(Optional.of(key));
                    addNotice(new ClerkNotice(key, "clerk.next.voidAndReprint"));
                });
            } catch (RuntimeException e) {
                LOG.error("printing failed: {}", e.getClass().getSimpleName(), e);
                fxThread.execute(() -> {
                    printerProblem.set(Optional.of(DeviceException.Kind.DISCONNECTED.messageKey()));
                    addNotice(new ClerkNotice(DeviceException.Kind.DISCONNECTED.messageKey(),
                            "clerk.next.voidAndReprint"));
                });
            }
        });
    }

    /** Stops the workers and cancels a running capture; does not close the devices. */
    @Override
    public void close() {
        scanner.cancel();
        ticker.shutdownNow();
        engineWorker.shutdown();
        captureWorker.shutdownNow();
        printWorker.shutdown();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** For the exhaustive list of notice keys in tests. */
    static List<String> fixedNoticeKeys() {
        return new ArrayList<>(List.of("clerk.notice.internalError", "clerk.next.restartKiosk",
                "clerk.next.checkScanner", "clerk.next.voidAndReprint", "clerk.next.checkCardReader"));
    }
}
