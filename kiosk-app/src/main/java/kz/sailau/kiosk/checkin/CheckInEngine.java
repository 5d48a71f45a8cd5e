package kz.sailau.kiosk.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.biometric.TemplateExtractionException;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkEvent;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.mrz.MrzFormatException;
import kz.sailau.kiosk.model.mrz.MrzParser;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.CheckInTimeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link CheckInMachine}: feeds it events, executes the effects it asks for through the ports,
 * and feeds their results back until the machine waits for the outside world again. Device effects (capture,
 * cancel, print) go to the {@link DeviceEffects} port, which starts them and returns; their outcomes come back
 * later as events from the devices' threads. Calls block while matching, the ledger and token issuing run:
 * call them from a worker thread, never the FX thread. Thread-safe (one event at a time).
 *
 * <p>Besides the state, the engine holds the clerk-call signal ({@link ClerkCall}) the machine raises and
 * lowers, for screens to show as a banner and a sound, and the check-in timeline ({@link CheckInTimeline}): how
 * long each phase it runs takes, as histograms with no per-voter record.
 *
 * <p>On a precinct network the engine also owns the network's state ({@link PrecinctNetwork}): it asks the port on
 * every {@link #tick()}, tells its network listeners when the state changes (the clerk's console), and feeds the
 * machine {@link CheckInEvent.NetworkCutOff} or {@link CheckInEvent.NetworkRestored}, so that a kiosk cut off from
 * the majority shows so before a voter starts and returns to its idle screen by itself. A check-in the ledger
 * refuses for the same reason ({@link NetworkCutOffException}) ends in the same state, nothing recorded.
 *
 * <p>The identity-swap search is skipped when the claimed voter's own score already reaches the card-less
 * identification threshold of the whole register (decision 0191): it could then send a voter to the clerk only if
 * another voter scored higher still, which that threshold bounds as tightly as it bounds identifying anybody.
 *
 * <p>Once told the election day is closed ({@link #closeDay()}), the engine starts nothing more (decision 0415): it
 * takes no card, no voter's tap, no device outcome and no clerk action, offers no clerk action, and only its clock
 * ticks still run, so that a case left open at the close times out as it would have. The ledger refuses a check-in
 * after the close as well ({@link DayClosedException}); the engine refuses it before a voter is looked up.
 */
public final class CheckInEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CheckInEngine.class);

    private final CheckInMachine machine;
    private final VoterDirectory directory;
    private final CheckInLedger ledger;
    private final ClerkAuthenticator clerks;
    private final BallotTokenIssuer tokens;
    private final FingerMatcher matcher;
    private final Clock clock;
    private final DeviceEffects devices;
    private final CheckInTimeline timeline;
    private final List<Consumer<CheckInState>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<ClerkCall>>> clerkCallListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PrecinctNetworkStatus>> networkListeners = new CopyOnWriteArrayList<>();
    private final Optional<PrecinctNetwork> network;
    private Optional<PrecinctNetworkStatus> networkStatus = Optional.empty();
    private final EffectRunner effectRunner = new EffectRunner();
    private CheckInState state = CheckInState.AwaitingCard.FRESH;
    private Optional<ClerkCall> clerkCall = Optional.empty();
    /** The token issued last, the only one a clerk can void (its id is needed to void it). */
    private PreparedToken lastIssued;
    /** When the card being looked up reached the engine (a {@link CheckInTimeline#now()}), or none. */
    private OptionalLong cardArrived = OptionalLong.empty();
    /** Whether the election day is closed: from then on only clock ticks are run. */
    private boolean dayClosed;

    /**
     * @param machine   the flow and its policy
     * @param directory the precinct register
     * @param ledger    the durable check-in record
     * @param clerks    the clerk PIN check
     * @param tokens    the ballot token issuer
     * @param matcher   the fingerprint matcher
     * @param clock     the time source (idle timeouts, century of MRZ birth dates)
     * @param devices   runs the device effects (scanner, printer)
     */
    public CheckInEngine(CheckInMachine machine, VoterDirectory directory, CheckInLedger ledger,
                         ClerkAuthenticator clerks, BallotTokenIssuer tokens, FingerMatcher matcher, Clock clock,
                         DeviceEffects devices) {
        this(machine, directory, ledger, clerks, tokens, matcher, clock, devices, CheckInTimeline.system());
    }

    /**
     * An engine that records its phases into {@code timeline} (the others record into a timeline of their own).
     *
     * @param timeline where the durations of the phases go
     */
    public CheckInEngine(CheckInMachine machine, VoterDirectory directory, CheckInLedger ledger,
                         ClerkAuthenticator clerks, BallotTokenIssuer tokens, FingerMatcher matcher, Clock clock,
                         DeviceEffects devices, CheckInTimeline timeline) {
        this(machine, directory, ledger, clerks, tokens, matcher, clock, devices, timeline, Optional.empty());
    }

    /**
     * An engine of a kiosk that is a node of a precinct network (or standalone, with no network).
     *
     * @param timeline where the durations of the phases go
     * @param network  the precinct network's state, asked on every tick; empty for a standalone kiosk
     */
    public CheckInEngine(CheckInMachine machine, VoterDirectory directory, CheckInLedger ledger,
                         ClerkAuthenticator clerks, BallotTokenIssuer tokens, FingerMatcher matcher, Clock clock,
                         DeviceEffects devices, CheckInTimeline timeline, Optional<PrecinctNetwork> network) {
        this.network = Objects.requireNonNull(network, "network");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clerks = Objects.requireNonNull(clerks, "clerks");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An engine without devices ({@link DeviceEffects#NONE}): device outcomes are submitted by hand, as in
     * tests of the flow alone.
     */
    public CheckInEngine(CheckInMachine machine, VoterDirectory directory, CheckInLedger ledger,
                         ClerkAuthenticator clerks, BallotTokenIssuer tokens, FingerMatcher matcher, Clock clock) {
        this(machine, directory, ledger, clerks, tokens, matcher, clock, DeviceEffects.NONE);
    }

    /**
     * Tells the engine the election day is closed (the administrator closed it): from now on it takes no card, tap,
     * device outcome or clerk action, and {@link #acceptedClerkEvents()} is empty. Nothing is recorded and no listener
     * is called; the current state stays as it is. Closing twice is the same as once.
     */
    public synchronized void closeDay() {
        if (!dayClosed) {
            dayClosed = true;
            LOG.info("check-in engine: the election day is closed, no more check-ins are started");
        }
    }

    /** Whether the engine was told the election day is closed ({@link #closeDay()}). */
    public synchronized boolean dayClosed() {
        return dayClosed;
    }

    /** The current state. */
    public synchronized CheckInState state() {
        return state;
    }

    /** The clerk-call signal: present while the kiosk calls a commission member. */
    public synchronized Optional<ClerkCall> clerkCall() {
        return clerkCall;
    }

    /** The check-in timeline this engine and its device runner record into. */
    public CheckInTimeline timeline() {
        return timeline;
    }

    /** The policy this engine's machine applies. */
    public CheckInPolicy policy() {
        return machine.policy();
    }

    /**
     * Prepares the precinct's 1:N gallery (identity-swap check, card-less identification) now, so that the
     * first voter does not wait for it. Safe to call from a worker thread while the engine runs; later calls
     * return at once.
     *
     * @return the number of voters in the gallery
     */
    public int prepareGallery() {
        return directory.gallery().size();
    }

    /** Registers a listener called with every new state (on the calling thread, the engine's lock held). */
    public void addListener(Consumer<CheckInState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * The precinct network's state as last asked (on the latest tick); empty for a standalone kiosk and before the
     * first tick.
     */
    public synchronized Optional<PrecinctNetworkStatus> networkStatus() {
        return networkStatus;
    }

    /** Whether this engine's kiosk is a node of a precinct network. */
    public boolean onPrecinctNetwork() {
        return network.isPresent();
    }

    /**
     * Registers a listener called whenever the precinct network's state changes (on the ticking thread, the
     * engine's lock held). A standalone kiosk never calls it.
     */
    public void addNetworkListener(Consumer<PrecinctNetworkStatus> listener) {
        networkListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Registers a listener called whenever the clerk-call signal goes up or down (as {@link #addListener}). */
    public void addClerkCallListener(Consumer<Optional<ClerkCall>> listener) {
        clerkCallListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Feeds a hardware, voter or clock event.
     *
     * @return the state after the event and all effects it caused
     * @throws IllegalArgumentException for a {@link ClerkEvent}: use {@link #submitAsClerk}
     */
    public synchronized CheckInState submit(CheckInEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof ClerkEvent) {
            throw new IllegalArgumentException("clerk events need the clerk's PIN: use submitAsClerk");
        }
        return dayClosed ? state : run(event);
    }

    /**
     * Feeds a device's outcome only if {@code stillWanted} holds when the engine takes it. The condition is
     * checked under the engine's lock, where device effects are started and cancelled, so an outcome of a capture
     * the machine has cancelled meanwhile is dropped rather than taken for the next voter's finger.
     *
     * @return the state after the event, or the current state when the outcome was dropped
     * @throws IllegalArgumentException for a {@link ClerkEvent}
     */
    public synchronized CheckInState submitIf(BooleanSupplier stillWanted, CheckInEvent event) {
        Objects.requireNonNull(stillWanted, "stillWanted");
        Objects.requireNonNull(event, "event");
        if (event instanceof ClerkEvent) {
            throw new IllegalArgumentException("clerk events need the clerk's PIN: use submitAsClerk");
        }
        return !dayClosed && stillWanted.getAsBoolean() ? run(event) : state;
    }

    /**
     * Feeds a clerk's action after checking the clerk's PIN; a wrong PIN feeds
     * {@link CheckInEvent.ClerkPinRejected} instead. The PIN array is cleared.
     *
     * @return the state after the event and all effects it caused
     */
    public synchronized CheckInState submitAsClerk(ClerkEvent event, char[] pin) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(pin, "pin");
        boolean ok;
        try {
            if (dayClosed) {
                // Nothing to authorise: no PIN is checked (no Argon2 work, no wrong attempt counted).
                return state;
            }
            ok = clerks.authenticate(event.clerk(), pin);
        } finally {
            Arrays.fill(pin, '\0');
        }
        return run(ok ? event : new CheckInEvent.ClerkPinRejected());
    }

    /**
     * Feeds the text an MRZ reader sent: a readable zone becomes {@link CheckInEvent.CardRead}, anything else
     * {@link CheckInEvent.CardUnreadable} naming the field.
     */
    public synchronized CheckInState submitCard(String mrzText) {
        Objects.requireNonNull(mrzText, "mrzText");
        if (dayClosed) {
            return state;
        }
        long arrived = timeline.now();
        LocalDate today = LocalDate.now(clock);
        CheckInEvent event;
        try {
            event = new CheckInEvent.CardRead(MrzParser.parse(mrzText, today));
            cardArrived = OptionalLong.of(arrived);
        } catch (MrzFormatException e) {
            event = new CheckInEvent.CardUnreadable(e.field());
        }
        return run(event);
    }

    /**
     * Feeds a clock tick (call about once a second) so idle states time out; on a precinct network, then asks the
     * network's state and feeds the machine whether the kiosk is cut off or with the majority.
     */
    public synchronized CheckInState tick() {
        run(new CheckInEvent.Tick());
        if (network.isPresent()) {
            PrecinctNetworkStatus now = network.get().status();
            if (networkStatus.isEmpty() || !networkStatus.get().equals(now)) {
                networkStatus = Optional.of(now);
                for (Consumer<PrecinctNetworkStatus> listener : networkListeners) {
                    listener.accept(now);
                }
            }
            run(now.withMajority() ? new CheckInEvent.NetworkRestored() : new CheckInEvent.NetworkCutOff());
        }
        return state;
    }

    /**
     * The kinds of clerk event the machine would act on in the current state, so that a clerk console offers
     * exactly those actions: a dry run of {@link CheckInMachine#next} for one sample event of each kind (no effect
     * runs, nothing is recorded, no listener is called). An event "acts" when it changes the state or asks for an
     * effect. The PIN is not part of this: a wrong PIN is refused when the action is submitted. Empty once the day is
     * closed.
     */
    public synchronized Set<Class<? extends ClerkEvent>> acceptedClerkEvents() {
        if (dayClosed) {
            return Set.of();
        }
        Instant now = clock.instant();
        Counters counters = ledger.counters();
        Set<Class<? extends ClerkEvent>> accepted = new LinkedHashSet<>();
        for (ClerkEvent sample : SAMPLE_CLERK_EVENTS) {
            CheckInMachine.Step step = machine.next(state, sample, now, counters);
            if (!step.state().equals(state) || !step.effects().isEmpty()) {
                accepted.add(sample.getClass());
            }
        }
        return Collections.unmodifiableSet(accepted);
    }

    /** One event of each clerk kind, for {@link #acceptedClerkEvents()}; the values are never recorded. */
    private static final List<ClerkEvent> SAMPLE_CLERK_EVENTS = sampleClerkEvents();

    private static List<ClerkEvent> sampleClerkEvents() {
        ClerkId clerk = new ClerkId("probe");
        Iin iin = null;
        for (int serial = 0; iin == null; serial++) {
            String candidate = "0001015" + String.format("%04d", serial);
            int control = Iin.controlDigit(candidate);
            if (control >= 0) {
                iin = new Iin(candidate + control);
            }
        }
        return List.of(new CheckInEvent.ClerkOverride(clerk, OverrideReason.values()[0]),
                new CheckInEvent.ClerkAllowsRetry(clerk), new CheckInEvent.ClerkConfirmedIdentity(clerk),
                new CheckInEvent.ClerkVoidsToken(clerk), new CheckInEvent.ClerkEnteredIin(clerk, iin),
                new CheckInEvent.ClerkCancels(clerk), new CheckInEvent.ClerkPauses(clerk),
                new CheckInEvent.ClerkResumes(clerk), new CheckInEvent.ClerkStartsFallback(clerk),
                new CheckInEvent.ClerkEndsFallback(clerk),
                new CheckInEvent.ClerkAddsToSpecialList(clerk, iin,
                        new LegalDocument(SpecialListReason.ABSENTEE_CERTIFICATE, "probe")),
                new CheckInEvent.ClerkAssistsVoter(clerk), new CheckInEvent.ClerkEntersPaperMark(clerk, iin));
    }

    /**
     * Runs an event and every result it leads to. Each step's effects that answer nothing (audit entries, the
     * clerk-call signal, device effects, which return at once) run before the new state is announced, so that a
     * listener sees a state together with its signal; the effects whose result the machine waits for (register,
     * matching, ledger, tokens) run after it, so that screens show the working state while they run.
     */
    private CheckInState run(CheckInEvent first) {
        Deque<CheckInEvent> events = new ArrayDeque<>();
        events.add(first);
        while (!events.isEmpty()) {
            CheckInEvent event = events.removeFirst();
            long decided = timeline.now();
            CheckInMachine.Step step = machine.next(state, event, clock.instant(), ledger.counters());
            if (event instanceof CheckInEvent.VoterLookedUp) {
                timeline.since(CheckInPhase.ELIGIBILITY, decided);
            }
            boolean changed = !step.state().equals(state);
            state = step.state();
            for (Effect effect : step.effects()) {
                if (!answers(effect)) {
                    runEffect(effect, event, events);
                }
            }
            if (changed) {
                long shown = timeline.now();
                for (Consumer<CheckInState> listener : listeners) {
                    listener.accept(state);
                }
                timeline.since(CheckInPhase.SCREEN_UPDATE, shown);
                markVisit(state);
            }
            for (Effect effect : step.effects()) {
                if (answers(effect)) {
                    runEffect(effect, event, events);
                }
            }
        }
        return state;
    }

    /** Whether the machine waits for this effect's result event. */
    private static boolean answers(Effect effect) {
        return !(effect instanceof Effect.Audit || effect instanceof Effect.SignalClerk
                || effect instanceof Effect.ClearClerkSignal || effect instanceof Effect.DeviceEffect);
    }

    /**
     * Runs one effect of the step {@code cause} led to; a failure becomes {@link CheckInEvent.EffectFailed}, except
     * the failed log entry of the machine's answer to a failure (decision 0450): on a full disk that entry fails as
     * the first write did, and feeding it back would call the clerk and log the call again, forever.
     */
    private void runEffect(Effect effect, CheckInEvent cause, Deque<CheckInEvent> events) {
        try {
            effect.accept(effectRunner).ifPresent(events::addLast);
        } catch (RuntimeException e) {
            // Port failures carry technical messages only; the class name is enough to find them.
            LOG.warn("check-in effect {} failed: {}", effect.getClass().getSimpleName(), e.getClass().getName());
            if (effect instanceof Effect.Audit && cause instanceof CheckInEvent.EffectFailed) {
                LOG.warn("the audit entry of the clerk call after a failed effect was not written; the clerk is "
                        + "called all the same");
                return;
            }
            events.addLast(new CheckInEvent.EffectFailed(effect.getClass().getSimpleName(),
                    e instanceof LedgerFullException ? ClerkReason.STORE_FULL : ClerkReason.SYSTEM_FAULT));
        }
    }

    /** Runs each effect through its port; the result event, if the effect has one. */
    private final class EffectRunner implements Effect.Visitor<Optional<CheckInEvent>> {
        @Override
        public Optional<CheckInEvent> lookUpVoter(Effect.LookUpVoter e) {
            long start = cardArrived.orElse(timeline.now());
            cardArrived = OptionalLong.empty();
            Optional<RegisteredVoter> voter = directory.find(e.iin());
            CheckInEvent found = new CheckInEvent.VoterLookedUp(voter, ledger.isCheckedIn(e.iin()),
                    voter.isEmpty() ? directory.pollingStationOf(e.iin()) : Optional.empty());
            timeline.since(CheckInPhase.CARD_TO_VOTER, start);
            return Optional.of(found);
        }

        @Override
        public Optional<CheckInEvent> scoreCapture(Effect.ScoreCapture e) {
            return Optional.of(score(e.image(), e.claimed()));
        }

        @Override
        public Optional<CheckInEvent> identifyCapture(Effect.IdentifyCapture e) {
            return Optional.of(identify(e.image()));
        }

        @Override
        public Optional<CheckInEvent> recordCheckIn(Effect.RecordCheckIn e) {
            // The token is made first, in memory; the ledger makes the check-in and its issue durable together.
            long signing = timeline.now();
            Optional<PreparedToken> token = prepareToken();
            timeline.since(CheckInPhase.TOKEN_SIGNING, signing);
            long committing = timeline.now();
            try {
                ledger.record(e.record(), token);
            } catch (AlreadyCheckedInException already) {
                return Optional.of(new CheckInEvent.RecordRefusedAlreadyCheckedIn());
            } catch (NetworkCutOffException cutOff) {
                LOG.warn("check-in not recorded: the precinct network is out of reach [{}]: {}", cutOff.messageKey(),
                        cutOff.getMessage());
                return Optional.of(new CheckInEvent.NetworkCutOff());
            }
            timeline.since(CheckInPhase.DURABLE_COMMIT, committing);
            lastIssued = token.orElse(null);
            return Optional.of(token.<CheckInEvent>map(t -> new CheckInEvent.CheckInRecorded(t.token()))
                    .orElseGet(CheckInEvent.TokenIssueFailed::new));
        }

        @Override
        public Optional<CheckInEvent> replaceToken(Effect.ReplaceToken e) {
            PreparedToken voided = lastIssued;
            if (voided == null || !voided.token().equals(e.token())) {
                throw new IllegalStateException("only the last token issued can be voided");
            }
            Optional<PreparedToken> replacement = prepareToken();
            ledger.replaceToken(voided, replacement, e.clerk());
            lastIssued = replacement.orElse(null);
            return Optional.of(replacement.<CheckInEvent>map(t -> new CheckInEvent.TokenReplaced(t.token()))
                    .orElseGet(CheckInEvent.TokenIssueFailed::new));
        }

        @Override
        public Optional<CheckInEvent> recordPaperMark(Effect.RecordPaperMark e) {
            try {
                return Optional.of(new CheckInEvent.PaperMarkRecorded(ledger.recordPaperMark(e.iin(), e.clerk())));
            } catch (AlreadyCheckedInException already) {
                return Optional.of(new CheckInEvent.RecordRefusedAlreadyCheckedIn());
            } catch (NetworkCutOffException cutOff) {
                LOG.warn("paper mark not recorded: the precinct network is out of reach [{}]: {}",
                        cutOff.messageKey(), cutOff.getMessage());
                return Optional.of(new CheckInEvent.NetworkCutOff());
            }
        }

        @Override
        public Optional<CheckInEvent> audit(Effect.Audit e) {
            ledger.audit(e.event(), e.detail(), e.clerk());
            return Optional.empty();
        }

        @Override
        public Optional<CheckInEvent> signalClerk(Effect.SignalClerk e) {
            changeClerkCall(Optional.of(new ClerkCall(e.reason(), e.fault(), clock.instant())));
            return Optional.empty();
        }

        @Override
        public Optional<CheckInEvent> clearClerkSignal(Effect.ClearClerkSignal e) {
            changeClerkCall(Optional.empty());
            return Optional.empty();
        }

        @Override
        public Optional<CheckInEvent> device(Effect.DeviceEffect e) {
            devices.run(e);
            return Optional.empty();
        }
    }

    /**
     * Closes the finger-to-token measurement when a token of a fingerprint check-in reaches the screens, and drops
     * it when a visit ends any other way.
     */
    private void markVisit(CheckInState shown) {
        if (shown instanceof CheckInState.TokenIssued issued && issued.method() == CheckInMethod.FINGERPRINT) {
            timeline.tokenShown();
        } else if (shown instanceof CheckInState.TokenIssued || shown instanceof CheckInState.AwaitingCard) {
            timeline.visitEnded();
        }
    }

    private void changeClerkCall(Optional<ClerkCall> next) {
        if (next.equals(clerkCall)) {
            return;
        }
        clerkCall = next;
        for (Consumer<Optional<ClerkCall>> listener : clerkCallListeners) {
            listener.accept(next);
        }
    }

    private Optional<PreparedToken> prepareToken() {
        try {
            return Optional.of(tokens.prepare());
        } catch (RuntimeException e) {
            LOG.warn("ballot token could not be made: {}", e.getClass().getName());
            return Optional.empty();
        }
    }

    private CheckInEvent score(FingerImage image, RegisteredVoter claimed) {
        Judged judged = judgeAndExtract(image);
        if (judged.template().isEmpty()) {
            return new CheckInEvent.CaptureRejected(judged.quality());
        }
        Optional<FingerTemplate> probe = judged.template();
        long verifying = timeline.now();
        double claimedScore = matcher.prepare(probe.get()).bestScore(claimed.templates());
        timeline.since(CheckInPhase.VERIFY, verifying);
        FingerMatcher.Gallery<Iin> gallery = directory.gallery();
        if (claimedScore >= machine.policy().identifyThreshold(gallery.templateCount())) {
            // Decision 0191: identified as the claimed voter by the card-less standard; no other voter can outscore.
            return new CheckInEvent.CaptureScored(claimedScore, 0);
        }
        Iin claimedIin = claimed.voter().iin();
        double bestOther = 0;
        long searching = timeline.now();
        for (FingerMatcher.SearchHit<Iin> hit : gallery.search(probe.get(), machine.policy().verifyThreshold(claimed))) {
            if (!hit.key().equals(claimedIin)) {
                bestOther = Math.max(bestOther, hit.score());
            }
        }
        timeline.since(CheckInPhase.SWAP_SEARCH, searching);
        return new CheckInEvent.CaptureScored(claimedScore, bestOther);
    }

    private CheckInEvent identify(FingerImage image) {
        Judged judged = judgeAndExtract(image);
        if (judged.template().isEmpty()) {
            return new CheckInEvent.CaptureRejected(judged.quality());
        }
        Optional<FingerTemplate> probe = judged.template();
        FingerMatcher.Gallery<Iin> gallery = directory.gallery();
        long searching = timeline.now();
        List<FingerMatcher.SearchHit<Iin>> hits = gallery.search(probe.get(),
                machine.policy().identifyThreshold(gallery.templateCount()));
        timeline.since(CheckInPhase.IDENTIFICATION, searching);
        return new CheckInEvent.Identified(hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0).key()));
    }

    private record Judged(Optional<FingerTemplate> template, ImageQuality quality) {
    }

    private Judged judgeAndExtract(FingerImage image) {
        long assessing = timeline.now();
        ImageQuality quality = matcher.assess(image);
        timeline.since(CheckInPhase.QUALITY_CHECK, assessing);
        if (quality != ImageQuality.GOOD) {
            return new Judged(Optional.empty(), quality);
        }
        long extracting = timeline.now();
        try {
            FingerTemplate template = matcher.extract(image);
            timeline.since(CheckInPhase.EXTRACTION, extracting);
            return new Judged(Optional.of(template), quality);
        } catch (TemplateExtractionException e) {
            // Good contrast yet no template: in practice a smeared or partial print; ask for a firmer press.
            return new Judged(Optional.empty(), ImageQuality.LOW_CONTRAST);
        }
    }
}
