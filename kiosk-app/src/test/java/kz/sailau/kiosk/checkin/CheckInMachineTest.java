package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static kz.sailau.kiosk.checkin.Fixtures.ELECTION_DAY;
import static kz.sailau.kiosk.checkin.Fixtures.POLICY;
import static kz.sailau.kiosk.checkin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInMachine.Step;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.mrz.IdentityDocument;
import kz.sailau.kiosk.model.mrz.MrzField;
import org.junit.jupiter.api.Test;

/** Every transition of the check-in flow, without hardware, JavaFX or storage. */
class CheckInMachineTest {

    private final CheckInMachine machine = new CheckInMachine(POLICY);
    private final RegisteredVoter voter = Fixtures.voter(1);
    private final IdentityDocument card = Fixtures.card(voter);
    private final Session cardSession = new Session(Route.CARD, voter, Optional.of(card), Optional.empty());

    private Step next(CheckInState state, CheckInEvent event) {
        return machine.next(state, event, T0, Counters.ZERO);
    }

    private Step next(CheckInState state, CheckInEvent event, Counters counters) {
        return machine.next(state, event, T0, counters);
    }

    private AwaitingFinger awaitingFinger(int captures) {
        return new AwaitingFinger(Optional.of(cardSession), captures, Optional.empty(), T0);
    }

    private static Effect.Audit audit(Step step) {
        return step.effects().stream().filter(Effect.Audit.class::isInstance).map(Effect.Audit.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no audit effect in " + step.effects()));
    }

    // --- the card ---

    @Test
    void cardStartsTheEligibilityCheck() {
        Step step = next(AwaitingCard.FRESH, new CardRead(card));
        assertEquals(new CheckingEligibility(Route.CARD, voter.voter().iin(), Optional.of(card), Optional.empty()),
                step.state());
        assertEquals(List.of(new Effect.LookUpVoter(voter.voter().iin())), step.effects());
    }

    @Test
    void unreadableCardGivesAHintThenCallsTheClerk() {
        Step first = next(AwaitingCard.FRESH, new CardUnreadable(MrzField.BIRTH_DATE));
        assertEquals(new AwaitingCard(Optional.of("mrz.error.birthDate"), 1, T0), first.state());
        assertTrue(first.effects().isEmpty());
        Step second = next(first.state(), new CardUnreadable(MrzField.LAYOUT));
        assertEquals(new NeedsClerk(ClerkReason.CARD_UNREADABLE, Optional.empty()), second.state());
        assertEquals(CheckInAuditEvent.CLERK_CALLED, audit(second).event());
        Step typed = next(second.state(), new ClerkEnteredIin(CLERK, voter.voter().iin()));
        assertEquals(new CheckingEligibility(Route.CLERK_ENTRY, voter.voter().iin(), Optional.empty(),
                Optional.of(CLERK)), typed.state());
    }

    @Test
    void anUnreadableCardsHintAndCountGoAtTheIdleTimeoutForTheNextVoter() {
        AwaitingCard hinted = (AwaitingCard) next(AwaitingCard.FRESH, new CardUnreadable(MrzField.LAYOUT)).state();
        assertEquals(hinted, machine.next(hinted, new Tick(), T0.plusSeconds(59), Counters.ZERO).state());
        Step gone = machine.next(hinted, new Tick(), T0.plusSeconds(60), Counters.ZERO);
        assertEquals(AwaitingCard.FRESH, gone.state(), "the voter who left took their hint with them");
        assertEquals(new AwaitingCard(Optional.of(MrzField.LAYOUT.messageKey()), 1, T0.plusSeconds(60)),
                machine.next(gone.state(), new CardUnreadable(MrzField.LAYOUT), T0.plusSeconds(60), Counters.ZERO)
                        .state(), "the next voter's first unreadable card is their first, not a clerk call");
        AwaitingCard pinRefused = (AwaitingCard) next(AwaitingCard.FRESH, new ClerkPinRejected()).state();
        assertEquals(AwaitingCard.FRESH, machine.next(pinRefused, new Tick(), T0.plusSeconds(60), Counters.ZERO)
                .state());
        AwaitingCard readerFault = new AwaitingCard(Optional.of(ClerkReason.CARD_READER_FAULT.voterMessageKey()), 0);
        assertEquals(readerFault, machine.next(readerFault, new Tick(), T0.plusSeconds(3600), Counters.ZERO).state(),
                "a card reader's fault stays until the reader is back");
    }

    @Test
    void clerkMayTypeTheIinAtAnyIdleMoment() {
        Step step = next(AwaitingCard.FRESH, new ClerkEnteredIin(CLERK, voter.voter().iin()));
        assertInstanceOf(CheckingEligibility.class, step.state());
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.LookUpVoter(voter.voter().iin())),
                step.effects(), "a clerk acting lowers the clerk-call signal");
        Step eligible = next(step.state(), new VoterLookedUp(Optional.of(voter), false));
        AwaitingFinger finger = assertInstanceOf(AwaitingFinger.class, eligible.state());
        assertEquals(Route.CLERK_ENTRY, finger.session().orElseThrow().route());  // the finger is still needed
    }

    // --- eligibility: each refusal its own reason ---

    private Step lookUp(Optional<RegisteredVoter> entry, boolean already, IdentityDocument document) {
        CheckingEligibility checking = new CheckingEligibility(Route.CARD, voter.voter().iin(),
                Optional.of(document), Optional.empty());
        return next(checking, new VoterLookedUp(entry, already));
    }

    private void assertRefused(Refusal refusal, Step step) {
        assertEquals(new Refused(refusal, false, T0), step.state());
        assertEquals(new Effect.Audit(CheckInAuditEvent.REFUSED, refusal.name(), Optional.empty()), audit(step));
    }

    @Test
    void eligibleVoterIsAskedForAFinger() {
        Step step = lookUp(Optional.of(voter), false, card);
        assertEquals(awaitingFinger(0), step.state());
        assertEquals(List.of(new Effect.StartCapture()), step.effects(), "the scanner starts with the finger prompt");
    }

    @Test
    void refusesAVoterNotInTheRegister() {
        assertRefused(Refusal.NOT_IN_REGISTER, lookUp(Optional.empty(), false, card));
    }

    @Test
    void refusesAVoterOfAnotherPrecinct() {
        RegisteredVoter elsewhere = Fixtures.voter(2, voter.voter().birthDate(), new PrecinctId(124));
        assertRefused(Refusal.OTHER_PRECINCT, lookUp(Optional.of(elsewhere), false, card));
    }

    @Test
    void refusesAVoterAlreadyCheckedIn() {
        assertRefused(Refusal.ALREADY_CHECKED_IN, lookUp(Optional.of(voter), true, card));
    }

    @Test
    void eighteenOnElectionDayMayVoteOneDayYoungerMayNot() {
        RegisteredVoter adult = Fixtures.voter(3, ELECTION_DAY.minusYears(18), Fixtures.PRECINCT);
        RegisteredVoter minor = Fixtures.voter(4, ELECTION_DAY.minusYears(18).plusDays(1), Fixtures.PRECINCT);
        assertInstanceOf(AwaitingFinger.class, lookUp(Optional.of(adult), false, Fixtures.card(adult)).state());
        assertRefused(Refusal.UNDER_AGE, lookUp(Optional.of(minor), false, Fixtures.card(minor)));
    }

    @Test
    void documentValidThroughElectionDayOnly() {
        assertInstanceOf(AwaitingFinger.class,
                lookUp(Optional.of(voter), false, Fixtures.card(voter, ELECTION_DAY)).state());
        assertRefused(Refusal.DOCUMENT_EXPIRED,
                lookUp(Optional.of(voter), false, Fixtures.card(voter, ELECTION_DAY.minusDays(1))));
    }

    @Test
    void refusesACardWhoseBirthDateDisagreesWithTheRegister() {
        RegisteredVoter sameIinOtherBirth = new RegisteredVoter(new kz.sailau.kiosk.model.Voter(voter.voter().iin(),
                "X", "Y", "", voter.voter().birthDate().minusDays(1), Fixtures.PRECINCT), voter.fingers());
        assertRefused(Refusal.DOCUMENT_MISMATCH, lookUp(Optional.of(sameIinOtherBirth), false, card));
    }

    @Test
    void refusalEndsOnAcknowledgeOrTimeout() {
        Refused refused = new Refused(Refusal.UNDER_AGE, false, T0);
        assertEquals(AwaitingCard.FRESH, next(refused, new Acknowledged()).state());
        assertEquals(refused, machine.next(refused, new Tick(), T0.plusSeconds(59), Counters.ZERO).state());
        assertEquals(AwaitingCard.FRESH, machine.next(refused, new Tick(), T0.plusSeconds(60), Counters.ZERO).state());
    }

    @Test
    void theNextVotersCardClearsARefusalTheVoterLeavesAndIsReadAtOnce() {
        CheckingEligibility read = new CheckingEligibility(Route.CARD, voter.voter().iin(), Optional.of(card),
                Optional.empty());
        for (Refusal refusal : Refusal.values()) {
            Refused refused = new Refused(refusal, false, T0);
            if (refusal == Refusal.NOT_IDENTIFIED) {
                assertEquals(refused, next(refused, new CardRead(card)).state(), "the clerk types the IIN here");
                continue;
            }
            assertEquals(read, next(refused, new CardRead(card)).state(), refusal.name());
            assertEquals(new AwaitingCard(Optional.of(MrzField.LAYOUT.messageKey()), 1, T0),
                    next(refused, new CardUnreadable(MrzField.LAYOUT)).state(), refusal.name());
        }
        Refused manual = new Refused(Refusal.ALREADY_CHECKED_IN, true, T0);
        assertEquals(manual, next(manual, new CardRead(card)).state(), "manual mode takes no card");
    }

    // --- 1:1 verification, quality hints, identity swap ---

    @Test
    void captureIsScoredAgainstTheClaimedVoter() {
        var image = Fixtures.goodImage(1);
        Step step = next(awaitingFinger(0), new FingerCaptured(image));
        assertEquals(new Matching(Optional.of(cardSession), 1), step.state());
        assertEquals(List.of(new Effect.ScoreCapture(image, voter)), step.effects());
    }

    @Test
    void matchAtTheThresholdChecksIn() {
        double t = POLICY.threshold().verify();
        Step step = next(new Matching(Optional.of(cardSession), 1), new CaptureScored(t, 0));
        CheckInRecord record = new CheckInRecord(voter.voter().iin(), CheckInMethod.FINGERPRINT, Optional.empty(),
                Optional.empty());
        assertEquals(new Recording(cardSession, record), step.state());
        assertEquals(List.of(new Effect.RecordCheckIn(record)), step.effects());
    }

    @Test
    void poorCapturesGiveHintsThenTheClerkIsCalled() {
        Step first = next(new Matching(Optional.of(cardSession), 1), new CaptureRejected(ImageQuality.SMALL_CONTACT));
        assertEquals(new AwaitingFinger(Optional.of(cardSession), 1, Optional.of(ImageQuality.SMALL_CONTACT), T0),
                first.state());
        Step second = next(new Matching(Optional.of(cardSession), 2),
                new CaptureScored(POLICY.threshold().verify() - 0.5, 0));
        assertEquals(new AwaitingFinger(Optional.of(cardSession), 2, Optional.empty(), T0), second.state());
        Step third = next(new Matching(Optional.of(cardSession), 3), new CaptureRejected(ImageQuality.LOW_CONTRAST));
        assertEquals(new NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, Optional.of(cardSession)), third.state());
        assertEquals("FINGER_NOT_RECOGNISED", audit(third).detail());
    }

    @Test
    void anotherVoterMatchingBetterCallsTheClerk() {
        Step step = next(new Matching(Optional.of(cardSession), 1), new CaptureScored(60, 90));
        assertEquals(new NeedsClerk(ClerkReason.IDENTITY_SWAP, Optional.of(cardSession)), step.state());
        assertEquals("IDENTITY_SWAP", audit(step).detail());
    }

    @Test
    void anotherVoterMatchingLessWellDoesNotBlock() {
        Step step = next(new Matching(Optional.of(cardSession), 1), new CaptureScored(90, 60));
        assertInstanceOf(Recording.class, step.state());
    }

    @Test
    void anotherVoterAboveThresholdWhileClaimedFailsIsASwap() {
        Step step = next(new Matching(Optional.of(cardSession), 3), new CaptureScored(10, 50));
        assertEquals(ClerkReason.IDENTITY_SWAP, ((NeedsClerk) step.state()).reason());
    }

    @Test
    void fingerPromptTimesOut() {
        assertEquals(awaitingFinger(1), machine.next(awaitingFinger(1), new Tick(), T0.plusSeconds(30),
                Counters.ZERO).state());
        assertEquals(AwaitingCard.FRESH, machine.next(awaitingFinger(1), new Tick(), T0.plus(Duration.ofMinutes(1)),
                Counters.ZERO).state());
    }

    // --- clerk override and its cap ---

    private final NeedsClerk fingerFailed = new NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, Optional.of(cardSession));

    @Test
    void clerkOverrideRecordsWithReasonAndClerk() {
        Step step = next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.WORN_FINGERPRINTS),
                new Counters(100, 0, 0, 0, 0));
        CheckInRecord record = new CheckInRecord(voter.voter().iin(), CheckInMethod.CLERK_OVERRIDE,
                Optional.of(OverrideReason.WORN_FINGERPRINTS), Optional.of(CLERK));
        assertEquals(new Recording(cardSession, record), step.state());
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.RecordCheckIn(record)), step.effects());
    }

    @Test
    void overrideNearTheCapWarnsAndAtTheCapIsRefused() {
        // 100 check-ins so far: the 101st may be the 5th override (5/101 <= 5 %), not the 6th.
        Step warned = next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                new Counters(100, 4, 0, 0, 0));
        assertInstanceOf(Recording.class, warned.state());
        assertEquals(CheckInAuditEvent.OVERRIDE_CAP_WARNING, audit(warned).event());
        Step refused = next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                new Counters(100, 5, 0, 0, 0));
        assertEquals(new NeedsClerk(ClerkReason.OVERRIDE_CAP_REACHED, Optional.of(cardSession)), refused.state());
        assertEquals(new Effect.Audit(CheckInAuditEvent.OVERRIDE_REFUSED_CAP, "", Optional.of(CLERK)),
                audit(refused));
        Step quiet = next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                new Counters(100, 1, 0, 0, 0));
        assertTrue(quiet.effects().stream().noneMatch(Effect.Audit.class::isInstance), "no warning at 2 %");
    }

    @Test
    void firstOverridesOfTheDayAreAllowed() {
        assertInstanceOf(Recording.class, next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                Counters.ZERO).state());
        assertInstanceOf(Recording.class, next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                new Counters(1, 1, 0, 0, 0)).state());
        assertInstanceOf(NeedsClerk.class, next(fingerFailed, new ClerkOverride(CLERK, OverrideReason.DISABILITY),
                new Counters(2, 2, 0, 0, 0)).state());
    }

    @Test
    void overrideIsNotPossibleForOtherClerkReasons() {
        NeedsClerk confirm = new NeedsClerk(ClerkReason.CONFIRM_IDENTITY, Optional.of(cardSession));
        assertEquals(confirm, next(confirm, new ClerkOverride(CLERK, OverrideReason.DISABILITY)).state());
        NeedsClerk unreadable = new NeedsClerk(ClerkReason.CARD_UNREADABLE, Optional.empty());
        assertEquals(unreadable, next(unreadable, new ClerkOverride(CLERK, OverrideReason.DISABILITY)).state());
    }

    @Test
    void clerkMayLetTheVoterTryAgain() {
        assertEquals(awaitingFinger(0), next(fingerFailed, new ClerkAllowsRetry(CLERK)).state());
    }

    @Test
    void wrongPinKeepsTheStateAndIsAudited() {
        Step step = next(fingerFailed, new ClerkPinRejected());
        assertEquals(fingerFailed, step.state());
        assertEquals(CheckInAuditEvent.CLERK_PIN_REJECTED, audit(step).event());
    }

    // --- card-less identification ---

    @Test
    void cardlessVoterIsFoundByFingerAndConfirmedByTheClerk() {
        Step start = next(AwaitingCard.FRESH, new CardlessRequested());
        assertEquals(new AwaitingFinger(Optional.empty(), 0, Optional.empty(), T0), start.state());
        var image = Fixtures.goodImage(1);
        Step capture = next(start.state(), new FingerCaptured(image));
        assertEquals(List.of(new Effect.IdentifyCapture(image)), capture.effects());
        Step found = next(capture.state(), new Identified(Optional.of(voter.voter().iin())));
        assertEquals(new CheckingEligibility(Route.CARDLESS, voter.voter().iin(), Optional.empty(), Optional.empty()),
                found.state());
        Step eligible = next(found.state(), new VoterLookedUp(Optional.of(voter), false));
        Session session = new Session(Route.CARDLESS, voter, Optional.empty(), Optional.empty());
        assertEquals(new NeedsClerk(ClerkReason.CONFIRM_IDENTITY, Optional.of(session)), eligible.state());
        Step confirmed = next(eligible.state(), new ClerkConfirmedIdentity(CLERK));
        assertEquals(new Recording(session, new CheckInRecord(voter.voter().iin(), CheckInMethod.CARDLESS_FINGERPRINT,
                Optional.empty(), Optional.of(CLERK))), confirmed.state());
    }

    @Test
    void aCardlessMissGoesToTheClerkWhoTypesTheIinAndTheFingerIsThenVerifiedOneToOne() {
        Step missed = next(new Matching(Optional.empty(), 3), new Identified(Optional.empty()));
        assertRefused(Refusal.NOT_IDENTIFIED, missed);
        assertEquals("checkin.next.checkDocumentThenEnterIin", Refusal.NOT_IDENTIFIED.nextStepKey());
        Step typed = next(missed.state(), new ClerkEnteredIin(CLERK, voter.voter().iin()));
        assertEquals(new CheckingEligibility(Route.CLERK_ENTRY, voter.voter().iin(), Optional.empty(),
                Optional.of(CLERK)), typed.state());
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.LookUpVoter(voter.voter().iin())),
                typed.effects());
        Step eligible = next(typed.state(), new VoterLookedUp(Optional.of(voter), false));
        AwaitingFinger finger = assertInstanceOf(AwaitingFinger.class, eligible.state());
        assertEquals(Route.CLERK_ENTRY, finger.session().orElseThrow().route(), "1:1 at the verify threshold");
        Refused otherRefusal = new Refused(Refusal.OTHER_PRECINCT, false, T0);
        assertEquals(otherRefusal, next(otherRefusal, new ClerkEnteredIin(CLERK, voter.voter().iin())).state(),
                "only a card-less miss takes a typed IIN");
    }

    @Test
    void cardlessVoterNotFoundAfterThreeCapturesIsRefused() {
        Matching m = new Matching(Optional.empty(), 1);
        assertEquals(new AwaitingFinger(Optional.empty(), 1, Optional.empty(), T0),
                next(m, new Identified(Optional.empty())).state());
        assertRefused(Refusal.NOT_IDENTIFIED, next(new Matching(Optional.empty(), 3), new Identified(Optional.empty())));
        assertRefused(Refusal.NOT_IDENTIFIED,
                next(new Matching(Optional.empty(), 3), new CaptureRejected(ImageQuality.NO_FINGER)));
    }

    // --- recording and the token ---

    private final CheckInRecord fingerprintRecord = new CheckInRecord(voter.voter().iin(), CheckInMethod.FINGERPRINT,
            Optional.empty(), Optional.empty());
    private final Recording recording = new Recording(cardSession, fingerprintRecord);
    private final IssuedBallotToken token = new IssuedBallotToken("ABCD-EFGH", "SAILAU1:...");

    @Test
    void recordedCheckInShowsTheToken() {
        assertEquals(new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0),
                next(recording, new CheckInRecorded(token)).state());
    }

    @Test
    void ledgerRefusalBecomesAlreadyCheckedIn() {
        assertRefused(Refusal.ALREADY_CHECKED_IN, next(recording, new RecordRefusedAlreadyCheckedIn()));
    }

    @Test
    void tokenFailureCallsTheClerk() {
        Step step = next(recording, new TokenIssueFailed());
        assertEquals(new NeedsClerk(ClerkReason.TOKEN_NOT_ISSUED, Optional.of(cardSession)), step.state());
    }

    @Test
    void clerkCannotCancelWhileRecording() {
        assertEquals(recording, next(recording, new ClerkCancels(CLERK)).state());
    }

    @Test
    void tokenIsVoidedAndReplaced() {
        TokenIssued issued = new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0);
        Step voiding = next(issued, new ClerkVoidsToken(CLERK));
        assertEquals(issued, voiding.state());
        assertEquals(List.of(new Effect.ClearClerkSignal(), new Effect.ReplaceToken(token, CLERK)), voiding.effects());
        IssuedBallotToken replacement = new IssuedBallotToken("WXYZ-2345", "SAILAU1:..2");
        Instant later = T0.plusSeconds(10);
        Step replaced = machine.next(issued, new TokenReplaced(replacement), later, Counters.ZERO);
        assertEquals(new TokenIssued(replacement, CheckInMethod.FINGERPRINT, false, later), replaced.state());
        assertEquals(List.of(new Effect.PrintReceipt(replacement)), replaced.effects(), "the new token is printed");
    }

    @Test
    void tokenScreenEndsOnAcknowledgeOrTimeout() {
        TokenIssued issued = new TokenIssued(token, CheckInMethod.FINGERPRINT, false, T0);
        assertEquals(AwaitingCard.FRESH, next(issued, new Acknowledged()).state());
        Instant shown = T0.plus(POLICY.tokenDisplay());
        assertEquals(issued, machine.next(issued, new Tick(), shown.minusSeconds(1), Counters.ZERO).state());
        assertEquals(AwaitingCard.FRESH, machine.next(issued, new Tick(), shown, Counters.ZERO).state(),
                "the token screen clears itself after the short token display time");
    }

    // --- pause, cancel, fallback ---

    @Test
    void pausedKioskIgnoresCardsUntilResumed() {
        Step paused = next(AwaitingCard.FRESH, new ClerkPauses(CLERK));
        assertEquals(new Paused(false), paused.state());
        assertEquals(CheckInAuditEvent.PAUSED, audit(paused).event());
        assertEquals(new Paused(false), next(paused.state(), new CardRead(card)).state());
        Step resumed = next(paused.state(), new ClerkResumes(CLERK));
        assertEquals(AwaitingCard.FRESH, resumed.state());
        assertEquals(CheckInAuditEvent.RESUMED, audit(resumed).event());
    }

    @Test
    void clerkCancelsAVoterMidway() {
        Step step = next(awaitingFinger(2), new ClerkCancels(CLERK));
        assertEquals(AwaitingCard.FRESH, step.state());
        assertEquals(Optional.of(CLERK), audit(step).clerk());
    }

    @Test
    void fallbackChecksInByIinWithoutFingerAndStaysInFallback() {
        Step started = next(AwaitingCard.FRESH, new ClerkStartsFallback(CLERK));
        assertEquals(new Fallback(Optional.empty()), started.state());
        assertEquals(CheckInAuditEvent.FALLBACK_STARTED, audit(started).event());
        assertEquals(started.state(), next(started.state(), new CardRead(card)).state());
        Step typed = next(started.state(), new ClerkEnteredIin(CLERK, voter.voter().iin()));
        Step eligible = next(typed.state(), new VoterLookedUp(Optional.of(voter), false));
        Session session = new Session(Route.FALLBACK, voter, Optional.empty(), Optional.of(CLERK));
        CheckInRecord record = new CheckInRecord(voter.voter().iin(), CheckInMethod.FALLBACK, Optional.empty(),
                Optional.of(CLERK));
        assertEquals(new Recording(session, record), eligible.state());
        Step issued = next(eligible.state(), new CheckInRecorded(token));
        assertEquals(new TokenIssued(token, CheckInMethod.FALLBACK, true, T0), issued.state());
        assertEquals(new Fallback(Optional.empty()), next(issued.state(), new Acknowledged()).state());
        Step refused = next(new CheckingEligibility(Route.FALLBACK, voter.voter().iin(), Optional.empty(),
                Optional.of(CLERK)), new VoterLookedUp(Optional.of(voter), true));
        assertEquals(new Refused(Refusal.ALREADY_CHECKED_IN, true, T0), refused.state());
        assertEquals(new Fallback(Optional.empty()), next(refused.state(), new Acknowledged()).state());
        Step ended = next(new Fallback(Optional.empty()), new ClerkEndsFallback(CLERK));
        assertEquals(AwaitingCard.FRESH, ended.state());
        assertEquals(CheckInAuditEvent.FALLBACK_ENDED, audit(ended).event());
    }

    @Test
    void pauseInFallbackResumesIntoFallback() {
        Step paused = next(new Fallback(Optional.empty()), new ClerkPauses(CLERK));
        assertEquals(new Paused(true), paused.state());
        assertEquals(new Fallback(Optional.empty()), next(paused.state(), new ClerkResumes(CLERK)).state());
    }

    @Test
    void failedEffectCallsTheClerkKeepingTheVoter() {
        Step step = next(recording, new EffectFailed("RecordCheckIn"));
        assertEquals(new NeedsClerk(ClerkReason.SYSTEM_FAULT, Optional.of(cardSession)), step.state());
        assertEquals("SYSTEM_FAULT", audit(step).detail());
        assertEquals(new NeedsClerk(ClerkReason.SYSTEM_FAULT, Optional.empty()),
                next(new CheckingEligibility(Route.CARD, voter.voter().iin(), Optional.of(card), Optional.empty()),
                        new EffectFailed("LookUpVoter")).state());
        assertEquals(AwaitingCard.FRESH, next(step.state(), new ClerkCancels(CLERK)).state());
    }

    @Test
    void statesRevealNoPersonalData() {
        List<CheckInState> states = List.of(awaitingFinger(1), new Matching(Optional.of(cardSession), 1), recording,
                fingerFailed, new CheckingEligibility(Route.CARD, voter.voter().iin(), Optional.of(card),
                        Optional.empty()));
        for (CheckInState s : states) {
            String text = s.toString();
            assertFalse(text.contains(voter.voter().iin().digits()), text);
            assertFalse(text.contains(voter.voter().surname()), text);
            assertFalse(text.contains(card.surname()), text);
            assertFalse(text.contains(voter.voter().birthDate().toString()), text);
        }
    }
}
