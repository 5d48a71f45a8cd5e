package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.PhaseTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine with its ports: in-memory register, ledger and clerks, a fake matcher and token issuer. */
class CheckInEngineTest {

    private static final char[] PIN = "4711".toCharArray();

    private final List<RegisteredVoter> register = IntStream.rangeClosed(1, 20).mapToObj(Fixtures::voter).toList();
    private final ManualClock clock = Fixtures.clock();
    private final InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
    private final Fixtures.FakeTokenIssuer tokens = new Fixtures.FakeTokenIssuer();
    private CheckInEngine engine;
    private final List<CheckInState> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        InMemoryClerkAuthenticator clerks = new InMemoryClerkAuthenticator(new SecureRandom())
                .withClerk(CLERK, PIN.clone());
        engine = new CheckInEngine(new CheckInMachine(Fixtures.POLICY), new InMemoryVoterDirectory(register, matcher),
                ledger, clerks, tokens, matcher, clock);
        engine.addListener(seen::add);
    }

    private String zone(int n) {
        RegisteredVoter v = register.get(n - 1);
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N0000000" + n % 10, v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(), v.voter().givenName()));
    }

    private CheckInState asClerk(CheckInEvent.ClerkEvent event) {
        return engine.submitAsClerk(event, PIN.clone());
    }

    @Test
    void cardAndMatchingFingerGiveAToken() {
        assertInstanceOf(AwaitingFinger.class, engine.submitCard(zone(1)));
        CheckInState done = engine.submit(new FingerCaptured(Fixtures.goodImage(1)));
        TokenIssued issued = assertInstanceOf(TokenIssued.class, done);
        assertEquals("T1", issued.token().humanCode());
        assertEquals(CheckInMethod.FINGERPRINT, issued.method());
        assertEquals(new Counters(1, 0, 0, 0, 0), ledger.counters());
        assertTrue(ledger.isCheckedIn(register.get(0).voter().iin()));
        assertEquals(List.of(new InMemoryCheckInLedger.AuditEntry(CheckInAuditEvent.CHECKED_IN, "FINGERPRINT",
                Optional.empty()), new InMemoryCheckInLedger.AuditEntry(CheckInAuditEvent.TOKEN_ISSUED, "",
                Optional.empty())), ledger.auditTrail(), "the check-in and its token in one step");
        assertEquals(List.of(CheckingEligibility.class, AwaitingFinger.class, Matching.class, Recording.class,
                TokenIssued.class), seen.stream().map(Object::getClass).toList());
        assertEquals(AwaitingCard.FRESH, engine.submit(new Acknowledged()));
    }

    @Test
    void secondVisitIsRefusedAsAlreadyCheckedIn() {
        engine.submitCard(zone(2));
        engine.submit(new FingerCaptured(Fixtures.goodImage(2)));
        engine.submit(new Acknowledged());
        assertEquals(Refusal.ALREADY_CHECKED_IN, ((Refused) engine.submitCard(zone(2))).refusal());
        assertEquals(1, ledger.counters().checkIns());
    }

    @Test
    void poorCapturesHintThenFailedMatchesCallTheClerkWhoOverrides() {
        engine.submitCard(zone(3));
        AwaitingFinger hint = (AwaitingFinger) engine.submit(
                new FingerCaptured(Fixtures.image(3, 120, ImageQuality.SMALL_CONTACT)));
        assertEquals(Optional.of(ImageQuality.SMALL_CONTACT), hint.hint());
        engine.submit(new FingerCaptured(Fixtures.image(3, 20, ImageQuality.GOOD)));
        NeedsClerk clerk = (NeedsClerk) engine.submit(new FingerCaptured(Fixtures.image(3, 47, ImageQuality.GOOD)));
        assertEquals(ClerkReason.FINGER_NOT_RECOGNISED, clerk.reason());
        assertEquals(clerk, engine.submitAsClerk(new ClerkOverride(CLERK, OverrideReason.WORN_FINGERPRINTS),
                "0000".toCharArray()));
        TokenIssued issued = (TokenIssued) asClerk(new ClerkOverride(CLERK, OverrideReason.WORN_FINGERPRINTS));
        assertEquals(CheckInMethod.CLERK_OVERRIDE, issued.method());
        assertEquals(new Counters(1, 1, 0, 0, 0), ledger.counters());
        assertTrue(ledger.auditTrail().contains(new InMemoryCheckInLedger.AuditEntry(CheckInAuditEvent.CHECKED_IN,
                "CLERK_OVERRIDE:WORN_FINGERPRINTS", Optional.of(CLERK))));
        assertTrue(ledger.auditTrail().stream().anyMatch(e -> e.event() == CheckInAuditEvent.CLERK_PIN_REJECTED));
    }

    @Test
    void fingerOfAnotherRegisteredVoterIsFlagged() {
        engine.submitCard(zone(4));
        NeedsClerk flagged = (NeedsClerk) engine.submit(new FingerCaptured(Fixtures.goodImage(5)));
        assertEquals(ClerkReason.IDENTITY_SWAP, flagged.reason());
        assertEquals(0, ledger.counters().checkIns());
    }

    @Test
    void theTimelineRecordsEachPhaseOfAFingerprintCheckIn() {
        engine.submitCard(zone(7));
        engine.submit(new FingerCaptured(Fixtures.goodImage(7)));
        PhaseTable table = engine.timeline().table();
        for (CheckInPhase phase : List.of(CheckInPhase.CARD_TO_VOTER,
                CheckInPhase.ELIGIBILITY, CheckInPhase.QUALITY_CHECK,
                CheckInPhase.EXTRACTION, CheckInPhase.VERIFY,
                CheckInPhase.TOKEN_SIGNING,
                CheckInPhase.DURABLE_COMMIT)) {
            assertEquals(1, table.row(phase).orElseThrow(() -> new AssertionError(phase + " not recorded")).count(),
                    phase.name());
        }
        assertEquals(5, table.row(CheckInPhase.SCREEN_UPDATE).orElseThrow().count(),
                "one screen update per new state");
    }

    @Test
    void aClaimedScoreAtTheIdentificationThresholdSkipsTheSwapSearch() {
        double identify = Fixtures.POLICY.identifyThreshold(register.size() * 2L);
        engine.submitCard(zone(8));
        assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.image(8, (int) Math.ceil(identify),
                ImageQuality.GOOD))));
        assertTrue(engine.timeline().table().row(CheckInPhase.SWAP_SEARCH).isEmpty(),
                "no 1:N search when the claimed voter is identified by the card-less standard");
        engine.submit(new Acknowledged());
        engine.submitCard(zone(9));
        assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.image(9, (int) identify - 1,
                ImageQuality.GOOD))));
        assertEquals(1, engine.timeline().table().row(CheckInPhase.SWAP_SEARCH).orElseThrow()
                .count(), "below it the swap search runs");
    }

    @Test
    void cardlessVoterIsIdentifiedAndConfirmed() {
        engine.submit(new CardlessRequested());
        NeedsClerk confirm = (NeedsClerk) engine.submit(new FingerCaptured(Fixtures.image(6, 200, ImageQuality.GOOD)));
        assertEquals(ClerkReason.CONFIRM_IDENTITY, confirm.reason());
        assertEquals(register.get(5).voter().iin(), confirm.session().orElseThrow().iin());
        TokenIssued issued = (TokenIssued) asClerk(new ClerkConfirmedIdentity(CLERK));
        assertEquals(CheckInMethod.CARDLESS_FINGERPRINT, issued.method());
        assertEquals(new Counters(1, 0, 1, 0, 0), ledger.counters());
    }

    @Test
    void cardlessBelowTheIdentificationThresholdIsNotIdentified() {
        engine.submit(new CardlessRequested());
        for (int i = 0; i < 2; i++) {
            assertInstanceOf(AwaitingFinger.class, engine.submit(new FingerCaptured(Fixtures.image(6, 80,
                    ImageQuality.GOOD))));
        }
        assertEquals(Refusal.NOT_IDENTIFIED,
                ((Refused) engine.submit(new FingerCaptured(Fixtures.image(6, 80, ImageQuality.GOOD)))).refusal());
    }

    @Test
    void unknownCardIsRefusedAndUnreadableCardsCallTheClerk() {
        assertEquals(new AwaitingCard(Optional.of("mrz.error.layout"), 1, clock.instant()),
                engine.submitCard("garbage"));
        assertEquals(ClerkReason.CARD_UNREADABLE, ((NeedsClerk) engine.submitCard("")).reason());
        assertInstanceOf(AwaitingFinger.class, asClerk(new ClerkEnteredIin(CLERK, register.get(6).voter().iin())));
        assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(7))));
    }

    @Test
    void clerkEventsWithoutPinAreNotAccepted() {
        assertThrows(IllegalArgumentException.class, () -> engine.submit(new ClerkStartsFallback(CLERK)));
    }

    @Test
    void pinArrayIsClearedAfterUse() {
        char[] pin = PIN.clone();
        engine.submitAsClerk(new ClerkPauses(CLERK), pin);
        assertArrayEquals(new char[pin.length], pin);
        assertEquals(new Paused(false), engine.state());
    }

    @Test
    void voidedTokenIsReplacedAndCounted() {
        engine.submitCard(zone(8));
        engine.submit(new FingerCaptured(Fixtures.goodImage(8)));
        TokenIssued replaced = (TokenIssued) asClerk(new ClerkVoidsToken(CLERK));
        assertEquals("T2", replaced.token().humanCode());
        assertEquals(java.util.Map.of(String.format("%032x", 1), true, String.format("%032x", 2), false),
                ledger.issuedTokens(), "the first token voided, its replacement issued");
        assertEquals(new Counters(1, 0, 0, 0, 1), ledger.counters());
        List<CheckInAuditEvent> events = ledger.auditTrail().stream().map(InMemoryCheckInLedger.AuditEntry::event)
                .toList();
        assertEquals(List.of(CheckInAuditEvent.CHECKED_IN, CheckInAuditEvent.TOKEN_ISSUED,
                CheckInAuditEvent.TOKEN_VOIDED, CheckInAuditEvent.TOKEN_ISSUED), events);
    }

    @Test
    void tokenFailureAfterRecordingCallsTheClerk() {
        engine.submitCard(zone(9));
        tokens.failNext = true;
        NeedsClerk clerk = (NeedsClerk) engine.submit(new FingerCaptured(Fixtures.goodImage(9)));
        assertEquals(ClerkReason.TOKEN_NOT_ISSUED, clerk.reason());
        assertEquals(1, ledger.counters().checkIns());
        assertTrue(ledger.issuedTokens().isEmpty());
        assertEquals(CheckInAuditEvent.TOKEN_NOT_ISSUED, ledger.auditTrail().get(1).event(),
                "recorded with the check-in, so the day still reconciles");
    }

    @Test
    void raceWithTheLedgerIsRefused() {
        engine.submitCard(zone(10));
        ledger.record(new CheckInRecord(register.get(9).voter().iin(), CheckInMethod.FALLBACK, Optional.empty(),
                Optional.of(CLERK)), Optional.empty());
        assertEquals(Refusal.ALREADY_CHECKED_IN,
                ((Refused) engine.submit(new FingerCaptured(Fixtures.goodImage(10)))).refusal());
        assertEquals(1, ledger.counters().checkIns());
    }

    @Test
    void fallbackModeChecksInByClerkAndIsCounted() {
        asClerk(new ClerkStartsFallback(CLERK));
        TokenIssued issued = (TokenIssued) asClerk(new ClerkEnteredIin(CLERK, register.get(10).voter().iin()));
        assertTrue(issued.fallback());
        assertEquals(new Fallback(Optional.empty()), engine.submit(new Acknowledged()));
        assertEquals(new Counters(1, 0, 0, 1, 0), ledger.counters());
        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkEndsFallback(CLERK)));
    }

    @Test
    void idleTimeoutReturnsToTheCardPrompt() {
        engine.submitCard(zone(12));
        clock.advance(Duration.ofSeconds(59));
        assertInstanceOf(AwaitingFinger.class, engine.tick());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(AwaitingCard.FRESH, engine.tick());
    }

    @Test
    void overrideCapHoldsOverAWholeDay() {
        // 60 voters: the kiosk never lets overrides exceed max(2, 5 % of check-ins).
        List<RegisteredVoter> many = IntStream.rangeClosed(1, 60).mapToObj(Fixtures::voter).toList();
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        InMemoryCheckInLedger dayLedger = new InMemoryCheckInLedger();
        CheckInEngine day = new CheckInEngine(new CheckInMachine(Fixtures.POLICY),
                new InMemoryVoterDirectory(many, matcher), dayLedger,
                new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.clone()),
                new Fixtures.FakeTokenIssuer(), matcher, clock);
        int refusedOverrides = 0;
        for (int n = 1; n <= 60; n++) {
            day.submitAsClerk(new ClerkEnteredIin(CLERK, many.get(n - 1).voter().iin()), PIN.clone());
            boolean failing = n % 4 == 0;   // every 4th voter's finger fails: 25 % would want an override
            for (int i = 0; i < 3 && day.state() instanceof AwaitingFinger; i++) {
                day.submit(new FingerCaptured(Fixtures.image(n, failing ? 10 : 120, ImageQuality.GOOD)));
            }
            if (day.state() instanceof NeedsClerk) {
                CheckInState after = day.submitAsClerk(new ClerkOverride(CLERK, OverrideReason.DISABILITY), PIN.clone());
                if (after instanceof NeedsClerk n2 && n2.reason() == ClerkReason.OVERRIDE_CAP_REACHED) {
                    refusedOverrides++;
                    day.submitAsClerk(new ClerkCancels(CLERK), PIN.clone());
                }
            }
            day.submit(new Acknowledged());
            Counters c = dayLedger.counters();
            assertTrue(c.overrides() <= Math.max(2, Math.floor(0.05 * c.checkIns())), c.toString());
        }
        Counters end = dayLedger.counters();
        assertEquals(15, end.overrides() + refusedOverrides);
        assertEquals(45 + end.overrides(), end.checkIns());
        assertTrue(dayLedger.auditTrail().stream().anyMatch(e -> e.event() == CheckInAuditEvent.OVERRIDE_CAP_WARNING));
        assertTrue(dayLedger.auditTrail().stream().anyMatch(e -> e.event() == CheckInAuditEvent.OVERRIDE_REFUSED_CAP));
    }

    @Test
    void failingLedgerCallsTheClerkAndRecordsNothing() {
        List<CheckInAuditEvent> auditTried = new ArrayList<>();
        boolean[] diskFull = {true};
        CheckInLedger broken = new CheckInLedger() {
            @Override
            public boolean isCheckedIn(kz.sailau.kiosk.model.Iin iin) {
                return false;
            }

            @Override
            public Counters record(CheckInRecord record, Optional<PreparedToken> token) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Counters replaceToken(PreparedToken voided, Optional<PreparedToken> replacement, ClerkId clerk) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public PaperFormReference recordPaperMark(kz.sailau.kiosk.model.Iin iin, ClerkId clerk) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
                // A full disk takes the log entry of the clerk call too; an Error stops an engine that would loop.
                auditTried.add(event);
                if (auditTried.size() > 20) {
                    throw new AssertionError("the engine keeps retrying the failing audit log: " + auditTried.size());
                }
                if (diskFull[0]) {
                    throw new IllegalStateException("disk full");
                }
            }

            @Override
            public Counters counters() {
                return Counters.ZERO;
            }
        };
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        CheckInEngine faulty = new CheckInEngine(new CheckInMachine(Fixtures.POLICY),
                new InMemoryVoterDirectory(register, matcher), broken,
                new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.clone()), tokens, matcher, clock);
        faulty.submitCard(zone(16));
        NeedsClerk fault = (NeedsClerk) faulty.submit(new FingerCaptured(Fixtures.goodImage(16)));
        assertEquals(ClerkReason.SYSTEM_FAULT, fault.reason());
        assertEquals(1, tokens.issued, "a token was made in memory; the ledger failing, it was never issued or shown");
        assertEquals(List.of(CheckInAuditEvent.CLERK_CALLED), auditTried, "the clerk call is logged once, not retried");
        assertEquals(ClerkReason.SYSTEM_FAULT, faulty.clerkCall().orElseThrow().reason());
        diskFull[0] = false;
        assertEquals(AwaitingCard.FRESH, faulty.submitAsClerk(new ClerkCancels(CLERK), PIN.clone()));
    }

    @Test
    void auditTrailHoldsNoPersonalData() {
        engine.submitCard(zone(13));
        engine.submit(new FingerCaptured(Fixtures.goodImage(14)));
        asClerk(new ClerkCancels(CLERK));
        engine.submitCard(zone(15));
        engine.submit(new FingerCaptured(Fixtures.goodImage(15)));
        for (InMemoryCheckInLedger.AuditEntry entry : ledger.auditTrail()) {
            String text = entry.toString();
            for (RegisteredVoter v : register) {
                assertFalse(text.contains(v.voter().iin().digits()), text);
                assertFalse(text.contains(v.voter().surname()), text);
            }
            assertTrue(entry.detail().matches("[A-Z_:]*"), entry.detail());
        }
    }

    @Test
    void deviceEffectsGoToTheDevicePortAndTheClerkSignalToListeners() {
        List<Effect.DeviceEffect> asked = new ArrayList<>();
        List<Optional<ClerkCall>> calls = new ArrayList<>();
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        CheckInEngine withDevices = new CheckInEngine(new CheckInMachine(Fixtures.POLICY),
                new InMemoryVoterDirectory(register, matcher), ledger,
                new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.clone()), tokens, matcher,
                clock, asked::add);
        withDevices.addClerkCallListener(calls::add);
        withDevices.submitCard(zone(17));
        assertEquals(List.of(new Effect.StartCapture()), asked);
        for (int i = 0; i < Fixtures.POLICY.maxCaptures(); i++) {
            withDevices.submit(new FingerCaptured(Fixtures.image(17, 10, ImageQuality.GOOD)));
        }
        ClerkCall call = withDevices.clerkCall().orElseThrow();
        assertEquals(ClerkReason.FINGER_NOT_RECOGNISED, call.reason());
        assertEquals(clock.instant(), call.since());
        assertEquals(List.of(Optional.of(call)), calls);
        TokenIssued issued = (TokenIssued) withDevices.submitAsClerk(
                new ClerkOverride(CLERK, OverrideReason.WORN_FINGERPRINTS), PIN.clone());
        assertEquals(Optional.empty(), withDevices.clerkCall(), "the clerk acted");
        assertEquals(List.of(Optional.of(call), Optional.empty()), calls);
        assertEquals(new Effect.PrintReceipt(issued.token()), asked.get(asked.size() - 1));
        withDevices.submit(new PrintFailed(issued.token(), new DeviceFault(DeviceFault.Device.PRINTER,
                DeviceFault.Kind.OUT_OF_PAPER, "device.error.outOfPaper")));
        assertEquals(ClerkReason.PRINTER_FAULT, withDevices.clerkCall().orElseThrow().reason());
        assertTrue(ledger.auditTrail().contains(new InMemoryCheckInLedger.AuditEntry(CheckInAuditEvent.DEVICE_FAILED,
                "PRINTER:OUT_OF_PAPER", Optional.empty())));
    }

    @Test
    void anOutcomeNoLongerWantedIsDropped() {
        engine.submitCard(zone(18));
        assertInstanceOf(AwaitingFinger.class, engine.submitIf(() -> false,
                new FingerCaptured(Fixtures.goodImage(18))));
        assertInstanceOf(TokenIssued.class, engine.submitIf(() -> true, new FingerCaptured(Fixtures.goodImage(18))));
        assertThrows(IllegalArgumentException.class, () -> engine.submitIf(() -> true, new ClerkCancels(CLERK)));
    }
}
