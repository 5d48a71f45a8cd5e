package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static kz.sailau.kiosk.checkin.Fixtures.POLICY;
import static kz.sailau.kiosk.checkin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInMachine.Step;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.mrz.IdentityDocument;
import org.junit.jupiter.api.Test;

/**
 * The hardware half of the flow, as plain values: when the scanner runs and stops, when a receipt prints, what a
 * device fault does to the state, the log and the clerk-call signal, the finger prompt's countdown, and the token
 * screen clearing itself.
 */
class CheckInMachineDevicesTest {

    private static final DeviceFault UNPLUGGED = new DeviceFault(DeviceFault.Device.SCANNER,
            DeviceFault.Kind.DISCONNECTED, "scanner.error.disconnected");
    private static final DeviceFault PAPER_OUT = new DeviceFault(DeviceFault.Device.PRINTER,
            DeviceFault.Kind.OUT_OF_PAPER, "device.error.outOfPaper");
    private static final DeviceFault READER_GONE = new DeviceFault(DeviceFault.Device.CARD_READER,
            DeviceFault.Kind.DISCONNECTED, "device.mrz.disconnected");

    private final CheckInMachine machine = new CheckInMachine(POLICY);
    private final RegisteredVoter voter = Fixtures.voter(1);
    private final IdentityDocument card = Fixtures.card(voter);
    private final Session session = new Session(Route.CARD, voter, Optional.of(card), Optional.empty());
    private final AwaitingFinger waiting = new AwaitingFinger(Optional.of(session), 0, Optional.empty(), T0);
    private final IssuedBallotToken token = new IssuedBallotToken("ABCD-EFGH", "SAILAU1:..");

    private Step next(CheckInState state, CheckInEvent event) {
        return machine.next(state, event, T0, Counters.ZERO);
    }

    private Step at(Instant now, CheckInState state, CheckInEvent event) {
        return machine.next(state, event, now, Counters.ZERO);
    }

    private static Effect.Audit audit(CheckInAuditEvent event, String detail) {
        return new Effect.Audit(event, detail, Optional.empty());
    }

    @Test
    void aScannerFaultStopsTheFingerPromptCallsTheClerkAndIsLogged() {
        Step failed = next(waiting, new ScannerFailed(UNPLUGGED));
        assertEquals(new NeedsClerk(ClerkReason.SCANNER_FAULT, Optional.of(session)), failed.state());
        assertEquals(List.of(new Effect.CancelCapture(),
                audit(CheckInAuditEvent.DEVICE_FAILED, "SCANNER:DISCONNECTED"),
                audit(CheckInAuditEvent.CLERK_CALLED, "SCANNER_FAULT"),
                new Effect.SignalClerk(ClerkReason.SCANNER_FAULT, Optional.of(UNPLUGGED))), failed.effects());

        Step retried = next(failed.state(), new ClerkAllowsRetry(CLERK));
        assertEquals(new AwaitingFinger(Optional.of(session), 0, Optional.empty(), T0), retried.state());
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.StartCapture()), retried.effects(),
                "the clerk's retry lowers the signal and starts the scanner again");
        Step cardless = next(new NeedsClerk(ClerkReason.SCANNER_FAULT, Optional.empty()), new ClerkAllowsRetry(CLERK));
        assertEquals(new AwaitingFinger(Optional.empty(), 0, Optional.empty(), T0), cardless.state(),
                "a card-less voter may retry too");
    }

    @Test
    void theScannerRunsExactlyWhileTheMachineWaitsForAFinger() {
        assertEquals(List.of(new Effect.StartCapture()), next(AwaitingCard.FRESH, new CardlessRequested()).effects());
        Step captured = next(waiting, new FingerCaptured(Fixtures.goodImage(1)));
        assertTrue(captured.effects().stream().noneMatch(e -> e instanceof Effect.DeviceEffect),
                "the capture that delivered the image has ended by itself");
        Step again = next(new Matching(Optional.of(session), 1), new CaptureScored(10, 0));
        assertTrue(again.effects().contains(new Effect.StartCapture()), "a failed try starts the next capture");
        Step cancelled = next(waiting, new ClerkCancels(CLERK));
        assertEquals(new Effect.CancelCapture(), cancelled.effects().get(0), "leaving the prompt stops the scanner");
    }

    @Test
    void everyTokenShownIsPrintedAndTheNextCardClearsTheScreenOncePrinted() {
        Step issued = next(new Recording(session, new CheckInRecord(voter.voter().iin(), CheckInMethod.FINGERPRINT,
                Optional.empty(), Optional.empty())), new CheckInRecorded(token));
        TokenIssued printing = new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0);
        assertEquals(printing, issued.state());
        assertEquals(List.of(new Effect.PrintReceipt(token)), issued.effects());

        assertEquals(printing, next(printing, new CardRead(card)).state(), "a card while printing is ignored");
        Step printed = next(printing, new ReceiptPrinted(token));
        TokenIssued done = new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0, Printout.PRINTED);
        assertEquals(done, printed.state());
        assertTrue(printed.effects().isEmpty());
        assertEquals(printing, next(printing, new ReceiptPrinted(new IssuedBallotToken("OTHER", "QR"))).state(),
                "another token's receipt says nothing about this one");

        Step nextVoter = next(done, new CardRead(card));
        assertEquals(new CheckingEligibility(Route.CARD, voter.voter().iin(), Optional.of(card), Optional.empty()),
                nextVoter.state());
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.LookUpVoter(voter.voter().iin())),
                nextVoter.effects());
    }

    @Test
    void aFailedPrintKeepsTheTokenOnScreenCallsTheClerkAndIsLogged() {
        TokenIssued printing = new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0);
        Step failed = next(printing, new PrintFailed(token, PAPER_OUT));
        TokenIssued notPrinted = new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0,
                new Printout.NotPrinted(PAPER_OUT));
        assertEquals(notPrinted, failed.state());
        assertEquals(List.of(audit(CheckInAuditEvent.DEVICE_FAILED, "PRINTER:OUT_OF_PAPER"),
                audit(CheckInAuditEvent.CLERK_CALLED, "PRINTER_FAULT"),
                new Effect.SignalClerk(ClerkReason.PRINTER_FAULT, Optional.of(PAPER_OUT))), failed.effects());
        Instant muchLater = T0.plus(POLICY.idleTimeout()).plus(POLICY.tokenDisplay());
        assertEquals(notPrinted, at(muchLater, notPrinted, new Tick()).state(), "no timeout takes the token away");
        assertEquals(notPrinted, next(notPrinted, new CardRead(card)).state(), "nor does the next card");

        Step voided = next(notPrinted, new ClerkVoidsToken(CLERK));
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.ReplaceToken(token, CLERK)), voided.effects());
        IssuedBallotToken replacement = new IssuedBallotToken("WXYZ-2345", "SAILAU1:..2");
        Step reprinted = next(notPrinted, new TokenReplaced(replacement));
        assertEquals(new TokenIssued(replacement, CheckInMethod.FINGERPRINT, false, T0), reprinted.state());
        assertEquals(List.of(new Effect.PrintReceipt(replacement)), reprinted.effects());
    }

    @Test
    void aPrintFailureAfterTheVoterLeftStillReachesTheClerkAndTheLog() {
        Step late = next(AwaitingCard.FRESH, new PrintFailed(token, PAPER_OUT));
        assertEquals(AwaitingCard.FRESH, late.state());
        assertEquals(List.of(audit(CheckInAuditEvent.DEVICE_FAILED, "PRINTER:OUT_OF_PAPER"),
                audit(CheckInAuditEvent.CLERK_CALLED, "PRINTER_FAULT"),
                new Effect.SignalClerk(ClerkReason.PRINTER_FAULT, Optional.of(PAPER_OUT))), late.effects());
    }

    @Test
    void aCardReaderFaultTellsTheVoterToUseTheFingerAndCallsTheClerkUntilItIsBack() {
        Step failed = next(AwaitingCard.FRESH, new CardReaderFailed(READER_GONE));
        AwaitingCard hinted = new AwaitingCard(Optional.of(ClerkReason.CARD_READER_FAULT.voterMessageKey()), 0);
        assertEquals(hinted, failed.state());
        assertEquals(List.of(audit(CheckInAuditEvent.DEVICE_FAILED, "CARD_READER:DISCONNECTED"),
                audit(CheckInAuditEvent.CLERK_CALLED, "CARD_READER_FAULT"),
                new Effect.SignalClerk(ClerkReason.CARD_READER_FAULT, Optional.of(READER_GONE))), failed.effects());
        Step back = next(hinted, new CardReaderRestored());
        assertEquals(AwaitingCard.FRESH, back.state());
        assertEquals(List.of(audit(CheckInAuditEvent.DEVICE_RESTORED, "CARD_READER")), back.effects());
        assertEquals(waiting, next(waiting, new CardReaderRestored()).state(), "a voter at the scanner is not disturbed");
    }

    @Test
    void theFingerPromptCountsDownAndTheVoterMayAskForMoreTime() {
        Instant deadline = T0.plus(POLICY.idleTimeout());
        Instant countdown = deadline.minus(POLICY.fingerCountdown());
        assertEquals(waiting, at(countdown.minusSeconds(1), waiting, new Tick()).state());
        Step counting = at(countdown, waiting, new Tick());
        AwaitingFinger shown = new AwaitingFinger(Optional.of(session), 0, Optional.empty(), T0, Optional.of(deadline));
        assertEquals(shown, counting.state());
        assertTrue(counting.effects().isEmpty(), "the scanner keeps polling through the countdown");
        assertEquals(waiting, at(countdown, waiting, new VoterWantsMoreTime()).state(), "no countdown, nothing to extend");

        Step more = at(countdown.plusSeconds(3), shown, new VoterWantsMoreTime());
        assertEquals(new AwaitingFinger(Optional.of(session), 0, Optional.empty(), countdown.plusSeconds(3)),
                more.state());
        assertTrue(more.effects().isEmpty(), "the capture keeps running");

        Step gaveUp = at(deadline, shown, new Tick());
        assertEquals(AwaitingCard.FRESH, gaveUp.state());
        assertEquals(List.of(new Effect.CancelCapture(), new Effect.ClearClerkSignal()), gaveUp.effects());
    }

    @Test
    void theVoterCanCallAClerkFromEveryScreenThatWaitsForThem() {
        List<CheckInState> waitingForVoter = List.of(AwaitingCard.FRESH, waiting,
                new Refused(Refusal.UNDER_AGE, false, T0), new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0),
                new Paused(false), new Fallback(Optional.empty()));
        for (CheckInState state : waitingForVoter) {
            Step called = at(T0.plusSeconds(5), state, new VoterCallsClerk());
            assertEquals(List.of(audit(CheckInAuditEvent.CLERK_CALLED, "VOTER_REQUEST"),
                    new Effect.SignalClerk(ClerkReason.VOTER_REQUEST, Optional.empty())), called.effects(),
                    state.getClass().getSimpleName());
        }
        AwaitingFinger refreshed = (AwaitingFinger) at(T0.plusSeconds(5), waiting, new VoterCallsClerk()).state();
        assertEquals(T0.plusSeconds(5), refreshed.since(), "the prompt does not time out while the clerk comes");
        NeedsClerk already = new NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, Optional.of(session));
        assertEquals(Step.to(already), next(already, new VoterCallsClerk()), "already waiting for a clerk");
    }

    @Test
    void waitingForAClerkRaisesTheSignalAndAClerkActingOrTheVoterLeavingLowersIt() {
        Step needs = next(new Matching(Optional.of(session), 3), new CaptureScored(10, 0));
        assertTrue(needs.effects().contains(new Effect.SignalClerk(ClerkReason.FINGER_NOT_RECOGNISED,
                Optional.empty())), needs.effects().toString());
        Step refused = next(new Refused(Refusal.UNDER_AGE, false, T0), new Acknowledged());
        assertEquals(List.of(new Effect.ClearClerkSignal()), refused.effects(), "the voter left");
        Step wrongPin = next(new NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, Optional.of(session)),
                new ClerkPinRejected());
        assertTrue(wrongPin.effects().stream().noneMatch(Effect.ClearClerkSignal.class::isInstance),
                "a wrong PIN is no clerk acting");
    }

    @Test
    void theVoterNeverReadsThatTheirFingerMatchesAnotherVoter() {
        assertNotEquals(ClerkReason.IDENTITY_SWAP.messageKey(), ClerkReason.IDENTITY_SWAP.voterMessageKey());
        for (ClerkReason reason : ClerkReason.values()) {
            assertNotEquals("checkin.clerk.identitySwap", reason.voterMessageKey(), reason.name());
        }
    }
}
