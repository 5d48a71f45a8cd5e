package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.mrz.MrzField;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any sequence of events, in any order, leaves the machine in a defined state with sound effects. */
class CheckInMachinePropertiesTest {

    private static final RegisteredVoter VOTER = Fixtures.voter(1);
    private static final RegisteredVoter OTHER = Fixtures.voter(2);

    @Provide
    Arbitrary<List<CheckInEvent>> days() {
        Arbitrary<CheckInEvent> event = Arbitraries.of(
                new CardRead(Fixtures.card(VOTER)), new CardRead(Fixtures.card(OTHER)),
                new CardUnreadable(MrzField.LAYOUT), new CardlessRequested(),
                new FingerCaptured(Fixtures.goodImage(1)), new Acknowledged(), new Tick(),
                new VoterLookedUp(Optional.of(VOTER), false), new VoterLookedUp(Optional.of(VOTER), true),
                new VoterLookedUp(Optional.empty(), false),
                new CaptureRejected(ImageQuality.SMALL_CONTACT), new CaptureScored(120, 0), new CaptureScored(10, 0),
                new CaptureScored(60, 90), new Identified(Optional.of(VOTER.voter().iin())),
                new Identified(Optional.empty()), new CheckInRecorded(new IssuedBallotToken("A", "B")),
                new RecordRefusedAlreadyCheckedIn(), new TokenIssueFailed(),
                new TokenReplaced(new IssuedBallotToken("C", "D")), new EffectFailed("X"), new ClerkPinRejected(),
                new ClerkEnteredIin(CLERK, VOTER.voter().iin()), new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                new ClerkAllowsRetry(CLERK), new ClerkConfirmedIdentity(CLERK), new ClerkVoidsToken(CLERK),
                new ClerkCancels(CLERK), new ClerkPauses(CLERK), new ClerkResumes(CLERK),
                new ClerkStartsFallback(CLERK), new ClerkEndsFallback(CLERK),
                new ScannerFailed(new DeviceFault(DeviceFault.Device.SCANNER, DeviceFault.Kind.TIMEOUT,
                        "scanner.error.timeout")),
                new CardReaderFailed(new DeviceFault(DeviceFault.Device.CARD_READER, DeviceFault.Kind.DISCONNECTED,
                        "device.mrz.disconnected")), new CardReaderRestored(),
                new ReceiptPrinted(new IssuedBallotToken("A", "B")),
                new PrintFailed(new IssuedBallotToken("A", "B"), new DeviceFault(DeviceFault.Device.PRINTER,
                        DeviceFault.Kind.OUT_OF_PAPER, "device.error.outOfPaper")),
                new VoterWantsMoreTime(), new VoterCallsClerk());
        return event.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 400)
    void anyEventSequenceIsHandled(@ForAll("days") List<CheckInEvent> events) {
        CheckInMachine machine = new CheckInMachine(Fixtures.POLICY);
        CheckInState state = AwaitingCard.FRESH;
        Instant now = Fixtures.T0;
        Counters counters = Counters.ZERO;
        for (CheckInEvent event : events) {
            now = now.plusSeconds(7);
            CheckInMachine.Step step = machine.next(state, event, now, counters);
            assertNotNull(step.state());
            for (Effect effect : step.effects()) {
                if (effect instanceof Effect.RecordCheckIn r) {
                    Recording recording = (Recording) step.state();
                    assertEquals(recording.session().iin(), r.record().iin(), "records the session's voter");
                    if (r.record().method() == CheckInMethod.CLERK_OVERRIDE) {
                        assertTrue(OverrideCap.DEFAULT.allows(counters), "override only within the cap");
                    }
                    counters = counters.plus(r.record().method());
                }
                if (effect instanceof Effect.Audit a) {
                    assertTrue(a.detail().matches("[A-Z_]*(:[A-Z_]+)?"), a.detail());
                }
            }
            if (step.state() instanceof Paused) {
                assertTrue(step.effects().stream().allMatch(e -> e instanceof Effect.Audit
                        || e instanceof Effect.ClearClerkSignal || e instanceof Effect.SignalClerk));
            }
            // The scanner runs exactly while the machine waits for a finger.
            boolean starts = step.effects().contains(new Effect.StartCapture());
            boolean cancels = step.effects().contains(new Effect.CancelCapture());
            assertEquals(step.state() instanceof AwaitingFinger && !(state instanceof AwaitingFinger), starts,
                    "capture starts exactly on entering the finger prompt");
            assertEquals(state instanceof AwaitingFinger && !(step.state() instanceof AwaitingFinger
                    || step.state() instanceof Matching), cancels, "capture stops exactly on leaving it");
            // Every new token shown is printed.
            if (step.state() instanceof TokenIssued t && !(state instanceof TokenIssued s && s.token().equals(t.token()))) {
                assertTrue(step.effects().contains(new Effect.PrintReceipt(t.token())), "a new token is printed");
            }
            state = step.state();
        }
    }
}
