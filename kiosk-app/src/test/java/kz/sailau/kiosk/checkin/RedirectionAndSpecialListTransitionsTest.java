package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static kz.sailau.kiosk.checkin.Fixtures.POLICY;
import static kz.sailau.kiosk.checkin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInMachine.Step;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.PriorVote;
import org.junit.jupiter.api.Test;

/** The transitions issue 19 adds: redirection, prior votes, the special list and the clerk's help, as plain values. */
class RedirectionAndSpecialListTransitionsTest {

    private static final PollingStation ELSEWHERE = new PollingStation(new PrecinctId(102), "№14 мектеп, Абай көшесі 5",
            "Школа №14, ул. Абая 5", "School 14, Abai Street 5");
    private static final LegalDocument CERTIFICATE = new LegalDocument(SpecialListReason.ABSENTEE_CERTIFICATE,
            "АБ 0456789");

    private final CheckInMachine machine = new CheckInMachine(POLICY, new SpecialListCap(1));
    private final RegisteredVoter voter = Fixtures.voter(1);
    private final RegisteredVoter outsider = Fixtures.voter(60, LocalDate.of(1990, 5, 5), new PrecinctId(102));
    private final CheckingEligibility byCard = new CheckingEligibility(Route.CARD, outsider.voter().iin(),
            Optional.of(Fixtures.card(outsider)), Optional.empty());

    private Step next(CheckInState state, CheckInEvent event) {
        return machine.next(state, event, T0, Counters.ZERO);
    }

    private static Effect.Audit audit(Step step, int index) {
        return step.effects().stream().filter(Effect.Audit.class::isInstance).map(Effect.Audit.class::cast)
                .toList().get(index);
    }

    @Test
    void aVoterOfAnotherPrecinctIsToldWhereToVote() {
        Step step = next(byCard, new VoterLookedUp(Optional.empty(), false, Optional.of(ELSEWHERE)));
        assertEquals(new Refused(Refusal.OTHER_PRECINCT, false, T0, Optional.of(ELSEWHERE)), step.state());
        assertEquals(new Effect.Audit(CheckInAuditEvent.REFUSED, "OTHER_PRECINCT", Optional.empty()), audit(step, 0));
        // The table may place a voter in this very precinct (the register then lacks them): not another precinct.
        PollingStation here = new PollingStation(POLICY.precinct(), "a", "b", "c");
        assertEquals(new Refused(Refusal.NOT_IN_REGISTER, false, T0),
                next(byCard, new VoterLookedUp(Optional.empty(), false, Optional.of(here))).state());
        assertEquals(new Refused(Refusal.NOT_IN_REGISTER, false, T0),
                next(byCard, new VoterLookedUp(Optional.empty(), false)).state());
    }

    @Test
    void votersWhoVotedBeforeElectionDayAreRefusedWithTheirReason() {
        CheckingEligibility check = new CheckingEligibility(Route.CARD, voter.voter().iin(),
                Optional.of(Fixtures.card(voter)), Optional.empty());
        for (PriorVote vote : PriorVote.values()) {
            RegisteredVoter marked = new RegisteredVoter(voter.voter(), voter.fingers(), Optional.of(vote));
            Step step = next(check, new VoterLookedUp(Optional.of(marked), false));
            Refusal expected = vote == PriorVote.EARLY ? Refusal.VOTED_EARLY : Refusal.VOTED_BY_ABSENTEE_CERTIFICATE;
            assertEquals(new Refused(expected, false, T0), step.state());
            assertEquals(expected.name(), audit(step, 0).detail());
        }
    }

    @Test
    void aClerkAddsAVoterToTheSpecialListAfterARefusalOrAtIdle() {
        ClerkAddsToSpecialList add = new ClerkAddsToSpecialList(CLERK, outsider.voter().iin(), CERTIFICATE);
        CheckingEligibility expected = new CheckingEligibility(Route.SPECIAL_LIST, outsider.voter().iin(),
                Optional.empty(), Optional.of(CLERK), Optional.of(CERTIFICATE));
        for (CheckInState from : List.of(AwaitingCard.FRESH, new Fallback(Optional.empty()),
                new Refused(Refusal.OTHER_PRECINCT, false, T0, Optional.of(ELSEWHERE)),
                new Refused(Refusal.NOT_IN_REGISTER, false, T0))) {
            Step step = next(from, add);
            assertEquals(expected, step.state(), "from " + from.getClass().getSimpleName());
            assertTrue(step.effects().contains(new Effect.LookUpVoter(outsider.voter().iin())));
        }
        // Not after other refusals, nor while a voter is at the scanner.
        for (CheckInState from : List.of(new Refused(Refusal.ALREADY_CHECKED_IN, false, T0),
                new Refused(Refusal.VOTED_EARLY, false, T0),
                new AwaitingFinger(Optional.empty(), 0, Optional.empty(), T0))) {
            assertEquals(from, next(from, add).state());
        }

        Step recorded = next(expected, new VoterLookedUp(Optional.empty(), false, Optional.of(ELSEWHERE)));
        Recording recording = assertInstanceOf(Recording.class, recorded.state());
        CheckInRecord record = new CheckInRecord(outsider.voter().iin(), CheckInMethod.SPECIAL_LIST, Optional.empty(),
                Optional.of(CLERK), Optional.of(CERTIFICATE));
        assertEquals(record, recording.record());
        assertEquals(List.of(new Effect.RecordCheckIn(record)), recorded.effects());
        assertEquals(Session.NO_NAME, recording.session().voter().voter().surname(), "the kiosk holds no name");
        assertFalse(record.toString().contains("0456789"));
        assertFalse(add.toString().contains("0456789") || add.toString().contains(outsider.voter().iin().digits()));
    }

    @Test
    void theSpecialListRefusesWhatTheLawRefuses() {
        CheckingEligibility adding = new CheckingEligibility(Route.SPECIAL_LIST, outsider.voter().iin(),
                Optional.empty(), Optional.of(CLERK), Optional.of(CERTIFICATE));
        assertEquals(Refusal.ALREADY_CHECKED_IN, ((Refused) next(adding,
                new VoterLookedUp(Optional.empty(), true)).state()).refusal());
        assertEquals(Refusal.ON_THIS_REGISTER, ((Refused) next(adding,
                new VoterLookedUp(Optional.of(voter), false)).state()).refusal());
        RegisteredVoter tookCertificateHere = new RegisteredVoter(voter.voter(), voter.fingers(),
                Optional.of(PriorVote.ABSENTEE_CERTIFICATE));
        assertEquals(Refusal.VOTED_BY_ABSENTEE_CERTIFICATE, ((Refused) next(adding,
                new VoterLookedUp(Optional.of(tookCertificateHere), false)).state()).refusal());
        RegisteredVoter child = Fixtures.voter(61, POLICY.electionDay().minusYears(17), new PrecinctId(102));
        CheckingEligibility young = new CheckingEligibility(Route.SPECIAL_LIST, child.voter().iin(),
                Optional.empty(), Optional.of(CLERK), Optional.of(CERTIFICATE));
        assertEquals(Refusal.UNDER_AGE, ((Refused) next(young, new VoterLookedUp(Optional.empty(), false)).state())
                .refusal());
    }

    @Test
    void theCapStopsTheSpecialListAndCallsTheChair() {
        CheckingEligibility adding = new CheckingEligibility(Route.SPECIAL_LIST, outsider.voter().iin(),
                Optional.empty(), Optional.of(CLERK), Optional.of(CERTIFICATE));
        Counters oneAlready = new Counters(10, 0, 0, 0, 0, 1);
        Step step = machine.next(adding, new VoterLookedUp(Optional.empty(), false), T0, oneAlready);
        assertEquals(new NeedsClerk(ClerkReason.SPECIAL_LIST_CAP_REACHED, Optional.empty()), step.state());
        assertEquals(new Effect.Audit(CheckInAuditEvent.SPECIAL_LIST_REFUSED_CAP, "", Optional.of(CLERK)),
                audit(step, 0));
        assertTrue(step.effects().contains(new Effect.SignalClerk(ClerkReason.SPECIAL_LIST_CAP_REACHED,
                Optional.empty())));
        assertTrue(new SpecialListCap(1).allows(Counters.ZERO));
        assertFalse(new SpecialListCap(0).allows(Counters.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SpecialListCap(-1));
        assertEquals(new Counters(1, 0, 0, 0, 0, 1), Counters.ZERO.plus(CheckInMethod.SPECIAL_LIST));
    }

    @Test
    void aClerksHelpIsRecordedWithoutChangingTheScreen() {
        AwaitingFinger waiting = new AwaitingFinger(Optional.empty(), 0, Optional.empty(), T0);
        for (CheckInState state : List.of(AwaitingCard.FRESH, waiting, new Refused(Refusal.NOT_IN_REGISTER, false, T0))) {
            Step step = next(state, new ClerkAssistsVoter(CLERK));
            assertEquals(state, step.state());
            assertEquals(new Effect.Audit(CheckInAuditEvent.VOTER_ASSISTED, "", Optional.of(CLERK)), audit(step, 0));
        }
    }

    @Test
    void aDocumentNumberIsCheckedAndNeverShown() {
        assertEquals("2-3457/2026", new LegalDocument(SpecialListReason.COURT_DECISION, " 2-3457/2026 ").number());
        for (String bad : List.of("", "   ", "x".repeat(33), "AB\n12", "12;DROP")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LegalDocument(SpecialListReason.COURT_DECISION, bad));
            assertFalse(!bad.isBlank() && e.getMessage().contains(bad));
        }
        assertEquals("LegalDocument[ABSENTEE_CERTIFICATE, ***]", CERTIFICATE.toString());
        assertThrows(IllegalArgumentException.class, () -> new CheckInRecord(voter.voter().iin(),
                CheckInMethod.SPECIAL_LIST, Optional.empty(), Optional.of(CLERK), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new CheckInRecord(voter.voter().iin(),
                CheckInMethod.FALLBACK, Optional.empty(), Optional.of(CLERK), Optional.of(CERTIFICATE)));
    }
}
