package kz.sailau.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkCall;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.checkin.PrecinctNetworkStatus;
import kz.sailau.kiosk.checkin.Route;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.runner.DeviceRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view model of the kiosk screens: mirrors the {@link CheckInEngine}'s state and clerk-call signal into
 * read-only JavaFX properties, shows the scanner's upload progress and the last receipt the {@link DeviceRunner}
 * reports, and forwards the voter's and the clerk's taps to the engine on a worker thread. It decides nothing:
 * when a device acts, when the clerk is called and when a screen clears are the engine's rules.
 *
 * <p>Threading: the properties change only on the FX thread (through the {@code fxThread} executor given to the
 * constructor); engine calls never run there.
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

    private final Clock clock;
    private final CheckInEngine realEngine;
    private final Supplier<Counters> realCounters;
    private volatile CheckInEngine engine;
    private volatile Supplier<Counters> counterSource;
    private final LanguageViewModel language;
    private final Executor fxThread;
    private final ExecutorService engineWorker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiosk-engine");
        thread.setDaemon(true);
        return thread;
    });

    private final ReadOnlyObjectWrapper<CheckInState> state;
    private final ReadOnlyObjectWrapper<Optional<ClerkCall>> clerkCall;
    private final ReadOnlyObjectWrapper<Optional<PrecinctNetworkStatus>> network;
    private final DeviceActivity activity;
    private final ReadOnlyObjectWrapper<Counters> counters;
    private final ReadOnlyBooleanWrapper pollsClosed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testMode = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Optional<String>> printerProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Optional<String>> scannerProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper clerkCalled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper largeText = new ReadOnlyBooleanWrapper();
    private volatile AudioGuide audioGuide = new AudioGuide(AudioOutput.SILENT);
    private final ObservableList<ClerkNotice> notices = FXCollections.observableArrayList();
    // One read-only view for every caller: the view listens to the list weakly, so a view made per call and
    // dropped would silently lose the listeners registered on it.
    private final ObservableList<ClerkNotice> noticesView = FXCollections.unmodifiableObservableList(notices);
    private final ReadOnlyObjectWrapper<Set<Class<? extends CheckInEvent.ClerkEvent>>> clerkActions;

    /**
     * @param engine        the check-in engine (its calls block: they run on this model's worker)
     * @param devices       the engine's device runner (upload progress, receipts)
     * @param language      the language of the screens (the next voter starts in Kazakh again)
     * @param fxThread      runs a task on the FX thread ({@code Platform::runLater})
     * @param counterSource the ledger's live counters
     */
    public CheckInScreenModel(CheckInEngine engine, DeviceRunner devices, LanguageViewModel language,
                              Executor fxThread, Supplier<Counters> counterSource) {
        this(engine, devices, language, fxThread, counterSource, Clock.systemUTC());
    }

    /**
     * @param engine        the check-in engine (its calls block: they run on this model's worker)
     * @param devices       the engine's device runner (upload progress, receipts)
     * @param language      the language of the screens (the next voter starts in Kazakh again)
     * @param fxThread      runs a task on the FX thread ({@code Platform::runLater})
     * @param counterSource the ledger's live counters
     * @param clock         the engine's clock: the seconds a countdown shows are counted on it
     */
    public CheckInScreenModel(CheckInEngine engine, DeviceRunner devices, LanguageViewModel language,
                              Executor fxThread, Supplier<Counters> counterSource, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.realEngine = engine;
        this.realCounters = Objects.requireNonNull(counterSource, "counterSource");
        this.counterSource = counterSource;
        this.language = Objects.requireNonNull(language, "language");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.state = new ReadOnlyObjectWrapper<>(engine.state());
        this.clerkCall = new ReadOnlyObjectWrapper<>(engine.clerkCall());
        this.network = new ReadOnlyObjectWrapper<>(engine.networkStatus());
        // The engine asks the network on its ticks; the screens only show what it announces.
        engine.addNetworkListener(status -> fxThread.execute(() -> network.set(Optional.of(status))));
        this.counters = new ReadOnlyObjectWrapper<>(counterSource.get());
        this.clerkActions = new ReadOnlyObjectWrapper<>(engine.acceptedClerkEvents());
        printerProblem.bind(Bindings.createObjectBinding(() -> printerProblem(state.get()), state));
        scannerProblem.bind(Bindings.createObjectBinding(() -> clerkCall.get().flatMap(ClerkCall::fault)
                .filter(f -> f.device() == DeviceFault.Device.SCANNER).map(DeviceFault::messageKey), clerkCall));
        clerkCalled.bind(Bindings.createBooleanBinding(() -> clerkCall.get()
                .map(c -> c.reason() == ClerkReason.VOTER_REQUEST).orElse(false), clerkCall));
        language.languageProperty().addListener((obs, old, now) -> audioGuide.guide(state.get(), now));
        this.activity = new DeviceActivity(fxThread);
        Objects.requireNonNull(devices, "devices").addObserver(activity);
        listenTo(engine);
    }

    /** Follows {@code source}'s states and clerk calls while it is the engine in use (the L&A test switches). */
    private void listenTo(CheckInEngine source) {
        source.addListener(next -> {
            if (engine == source) {
                engineMoved(next);
            }
        });
        source.addClerkCallListener(call -> {
            if (engine == source) {
                fxThread.execute(() -> {
                    clerkCall.set(call);
                    call.ifPresent(c -> addNotice(new ClerkNotice(c.messageKey(), c.reason().nextStepKey())));
                });
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

    /**
     * Whether the screens show large, high-contrast text (a voter or a clerk switched it on); back to normal when the
     * voter leaves.
     */
    public ReadOnlyBooleanProperty largeTextProperty() {
        return largeText.getReadOnlyProperty();
    }

    /** Switches large, high-contrast text on or off (FX thread). */
    public void toggleLargeText() {
        largeText.set(!largeText.get());
    }

    /**
     * Plays the audio guidance of every voter step through {@code guide} from now on (decision 0211), starting with
     * the current step. The default guide is silent.
     */
    public void useAudioGuide(AudioGuide guide) {
        this.audioGuide = Objects.requireNonNull(guide, "guide");
        fxThread.execute(() -> guide.guide(state.get(), language.languageProperty().get()));
    }

    /** The audio guide in use. */
    public AudioGuide audioGuide() {
        return audioGuide;
    }

    /**
     * Marks the polls closed (any thread): tells the engine the day is closed, so that it starts nothing more and
     * offers no clerk action (decision 0415), then shows it on the screens. The database refuses check-ins from then
     * on anyway.
     */
    public void closePolls() {
        engineWorker.execute(() -> {
            realEngine.closeDay();
            Set<Class<? extends CheckInEvent.ClerkEvent>> actions = engine.acceptedClerkEvents();
            fxThread.execute(() -> {
                clerkActions.set(actions);
                pollsClosed.set(true);
            });
        });
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
     * the engine worker): from then on every tap goes to {@code testEngine}, and the screens show the TEST banner.
     * Completes once the screens show the test engine's state. (The devices are switched by the test itself.)
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
                if (engine != next) {
                    engine = next;
                    if (test) {
                        listenTo(next);
                    }
                }
                counterSource = nextCounters;
                CheckInState now = next.state();
                Optional<ClerkCall> call = next.clerkCall();
                Set<Class<? extends CheckInEvent.ClerkEvent>> actions = next.acceptedClerkEvents();
                Counters counted = nextCounters.get();
                fxThread.execute(() -> {
                    testMode.set(test);
                    clerkActions.set(actions);
                    state.set(now);
                    clerkCall.set(call);
                    counters.set(counted);
                    activity.clear();
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

    /**
     * The precinct network's state as the election day's engine last announced it: empty for a standalone kiosk
     * (and on a precinct node until the engine's first tick).
     */
    public ReadOnlyObjectProperty<Optional<PrecinctNetworkStatus>> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /**
     * The engine's clerk-call signal: present while the kiosk calls a commission member (why, the device fault if
     * any, since when). A screen shows a banner and sounds while it is present.
     */
    public ReadOnlyObjectProperty<Optional<ClerkCall>> clerkCallProperty() {
        return clerkCall.getReadOnlyProperty();
    }

    /** Upload progress of the current capture, 0..1; -1 while waiting for a finger. */
    public ReadOnlyDoubleProperty uploadProgressProperty() {
        return activity.uploadProgress();
    }

    /** Whether a finger is on the sensor and its image is being uploaded. */
    public ReadOnlyBooleanProperty fingerOnSensorProperty() {
        return activity.fingerOnSensor();
    }

    /**
     * Message key of the printer's failure while the token on screen has no printed receipt; empty otherwise
     * (derived from {@link CheckInState.TokenIssued#printout()}).
     */
    public ReadOnlyObjectProperty<Optional<String>> printerProblemProperty() {
        return printerProblem.getReadOnlyProperty();
    }

    /** Message key of the scanner's failure while the kiosk calls a clerk for it; empty otherwise. */
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
        return activity.lastReceipt();
    }

    /**
     * The kinds of clerk action the engine acts on in the current state ({@link CheckInEngine#acceptedClerkEvents});
     * it changes on the FX thread just before {@link #stateProperty()}, so a view rendering the state sees the
     * actions of that state. The clerk console shows only these.
     */
    public ReadOnlyObjectProperty<Set<Class<? extends CheckInEvent.ClerkEvent>>> clerkActionsProperty() {
        return clerkActions.getReadOnlyProperty();
    }

    /** The clerk's exceptions list, newest first (at most 20). */
    public ObservableList<ClerkNotice> notices() {
        return noticesView;
    }

    /**
     * When the token screen {@code shown} clears itself (on the engine's clock), by the engine's policy; empty while
     * its receipt did not print.
     */
    public Optional<Instant> tokenClearsAt(CheckInState.TokenIssued shown) {
        return engine.policy().tokenClearsAt(shown);
    }

    /**
     * Whole seconds from now (on the engine's clock) until {@code moment}, rounded up, never negative: what a
     * countdown shows.
     */
    public long secondsUntil(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        Duration left = Duration.between(clock.instant(), moment);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }

    /** The language of the screens. */
    public LanguageViewModel language() {
        return language;
    }

    // ------------------------------------------------------------------ actions (any thread)

    /**
     * Feeds a zone as the card reader does (the devices feed the engine directly; tests and tools that have no
     * card reader use this).
     */
    public CompletableFuture<CheckInState> submitCard(String mrzText) {
        Objects.requireNonNull(mrzText, "mrzText");
        return onEngine(() -> engine.submitCard(mrzText));
    }

    /** Feeds a voter's tap (not a clerk event). */
    public CompletableFuture<CheckInState> submit(CheckInEvent event) {
        Objects.requireNonNull(event, "event");
        return onEngine(() -> engine.submit(event));
    }

    /** Feeds a clerk's action with the clerk's PIN (cleared after use). */
    public CompletableFuture<CheckInState> submitAsClerk(CheckInEvent.ClerkEvent event, char[] pin) {
        Objects.requireNonNull(event, "event");
        char[] copy = pin.clone();
        Arrays.fill(pin, '\0');
        return onEngine(() -> engine.submitAsClerk(event, copy));
    }

    /** Feeds one clock tick (idle timeouts); the kiosk's device runner ticks by itself. */
    public CompletableFuture<CheckInState> tick() {
        return onEngine(() -> engine.tick());
    }

    /** The voter asks for a commission member. */
    public CompletableFuture<CheckInState> callClerk() {
        return submit(new CheckInEvent.VoterCallsClerk());
    }

    /** The voter, shown the finger prompt's countdown, asks for more time. */
    public CompletableFuture<CheckInState> moreTime() {
        return submit(new CheckInEvent.VoterWantsMoreTime());
    }

    /**
     * Synchronises with the worker: completes once every engine call submitted so far has run and its state
     * reached the FX thread. For tests and orderly shutdown.
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

    /** Called by the engine, on whichever thread fed it, for every new state. */
    private void engineMoved(CheckInState next) {
        // Called inside the engine's step (same thread, lock held): the dry run sees exactly this state.
        Set<Class<? extends CheckInEvent.ClerkEvent>> actions = engine.acceptedClerkEvents();
        Counters now = counterSource.get();
        fxThread.execute(() -> {
            CheckInState previous = state.get();
            clerkActions.set(actions);
            state.set(next);
            counters.set(now);
            if (next instanceof CheckInState.Refused refused) {
                addNotice(new ClerkNotice(RefusalWording.clerkHeadingKey(refused.refusal()),
                        refused.refusal().nextStepKey()));
            }
            if (voterLeft(previous, next)) {
                // A voter left (done, refused, timed out, or the next card cleared the token): the next one starts
                // in the state language, in normal text, with nothing of the last voter on screen.
                language.reset();
                largeText.set(false);
                activity.clearProgress();
            }
            // A paper mark the clerk enters changes the paused state only on the console: nothing new to say.
            if (!next.equals(previous)
                    && !(previous instanceof CheckInState.Paused && next instanceof CheckInState.Paused)) {
                audioGuide.guide(next, language.languageProperty().get());
            }
        });
    }

    private static boolean voterLeft(CheckInState previous, CheckInState next) {
        return next instanceof CheckInState.AwaitingCard && !(previous instanceof CheckInState.AwaitingCard)
                || (previous instanceof CheckInState.TokenIssued || previous instanceof CheckInState.Refused)
                && next instanceof CheckInState.CheckingEligibility c && c.route() == Route.CARD
                || previous instanceof CheckInState.AwaitingCard p && p.unreadableCards() > 0
                && next instanceof CheckInState.AwaitingCard n && n.unreadableCards() == 0;
    }

    private static Optional<String> printerProblem(CheckInState state) {
        return state instanceof CheckInState.TokenIssued issued
                && issued.printout() instanceof CheckInState.Printout.NotPrinted failed
                ? Optional.of(failed.fault().messageKey()) : Optional.empty();
    }

    private void addNotice(ClerkNotice notice) {
        notices.add(0, notice);
        if (notices.size() > HISTORY) {
            notices.remove(HISTORY, notices.size());
        }
    }

    /** Stops the worker; the engine and its devices are closed by their owner. */
    @Override
    public void close() {
        engineWorker.shutdown();
    }

    /** For the exhaustive list of notice keys in tests. */
    static List<String> fixedNoticeKeys() {
        return new ArrayList<>(List.of("clerk.notice.internalError", "clerk.next.restartKiosk"));
    }
}
