package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static kz.sailau.kiosk.checkin.Fixtures.POLICY;
import static kz.sailau.kiosk.checkin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInMachine.Step;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper marks (issue 17): marks made on the printed voter list during an outage, entered by a clerk at the paused
 * kiosk, block the voter's later check-in; the transitions as plain values, then through the engine and its ledger.
 */
class PaperMarkTest {

    private static final char[] PIN = "4711".toCharArray();

    private final CheckInMachine machine = new CheckInMachine(POLICY);
    private final List<RegisteredVoter> register = IntStream.rangeClosed(1, 5).mapToObj(Fixtures::voter).toList();
    private final RegisteredVoter voter = register.get(0);
    private final Iin iin = voter.voter().iin();
    private final InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
    private CheckInEngine engine;

    @BeforeEach
    void setUp() {
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        engine = new CheckInEngine(machine, new InMemoryVoterDirectory(register, matcher), ledger,
                new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.clone()),
                new Fixtures.FakeTokenIssuer(), matcher, Fixtures.clock());
    }

    private Step next(CheckInState state, CheckInEvent event) {
        return machine.next(state, event, T0, Counters.ZERO);
    }

    private CheckInState asClerk(CheckInEvent.ClerkEvent event) {
        return engine.submitAsClerk(event, PIN.clone());
    }

    private static String zone(RegisteredVoter v) {
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N00000001", v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(), v.voter().givenName()));
    }

    @Test
    void aPaperMarkIsEnteredOnlyWhileThePauseLasts() {
        ClerkEntersPaperMark mark = new ClerkEntersPaperMark(CLERK, iin);
        for (boolean fallback : new boolean[] {false, true}) {
            Step step = next(new Paused(fallback), mark);
            assertEquals(new Paused(fallback, Optional.of(new PaperMarkEntry.Pending(iin, CLERK))), step.state());
            assertTrue(step.effects().contains(new Effect.LookUpVoter(iin)));
        }
        for (CheckInState elsewhere : List.of(AwaitingCard.FRESH, new Fallback(Optional.empty()), new CutOff(false),
                new Refused(Refusal.NOT_IN_REGISTER, false, T0))) {
            Step step = next(elsewhere, mark);
            assertEquals(elsewhere, step.state(), "not from " + elsewhere.getClass().getSimpleName());
            assertEquals(List.of(), step.effects());
        }
        assertFalse(mark.toString().contains(iin.digits()), "the event's text holds no IIN");
        assertFalse(new PaperMarkEntry.Pending(iin, CLERK).toString().contains(iin.digits()));
        assertFalse(new Effect.RecordPaperMark(iin, CLERK).toString().contains(iin.digits()));
    }

    @Test
    void aVoterOfThisRegisterWhoHasNotVotedIsMarkedWithoutAToken() {
        Paused pending = new Paused(false, Optional.of(new PaperMarkEntry.Pending(iin, CLERK)));
        Step looked = next(pending, new VoterLookedUp(Optional.of(voter), false));
        assertEquals(pending, looked.state());
        assertEquals(List.of(new Effect.RecordPaperMark(iin, CLERK)), looked.effects());
        PaperFormReference reference = new PaperFormReference(PaperFormReference.Kind.PAPER_MARK, 1);
        Step recorded = next(pending, new PaperMarkRecorded(reference));
        assertEquals(new Paused(false, Optional.of(new PaperMarkEntry.Entered(reference))), recorded.state());
        assertTrue(recorded.effects().stream().noneMatch(e -> e instanceof Effect.PrintReceipt),
                "no token, nothing printed");
    }

    @Test
    void aMarkOfAVoterWhoCannotBeMarkedIsRefusedAndNothingRecorded() {
        Paused pending = new Paused(true, Optional.of(new PaperMarkEntry.Pending(iin, CLERK)));
        RegisteredVoter early = new RegisteredVoter(voter.voter(), voter.fingers(), Optional.of(PriorVote.EARLY));
        Object[][] cases = {
                {new VoterLookedUp(Optional.of(voter), true), Refusal.ALREADY_CHECKED_IN},
                {new VoterLookedUp(Optional.empty(), false), Refusal.NOT_IN_REGISTER},
                {new VoterLookedUp(Optional.empty(), true), Refusal.ALREADY_CHECKED_IN},
                {new VoterLookedUp(Optional.of(early), false), Refusal.VOTED_EARLY},
                {new RecordRefusedAlreadyCheckedIn(), Refusal.ALREADY_CHECKED_IN}};
        for (Object[] c : cases) {
            Refusal refusal = (Refusal) c[1];
            Step step = next(pending, (CheckInEvent) c[0]);
            assertEquals(new Paused(true, Optional.of(PaperMarkEntry.NotEntered.refused(refusal))), step.state(),
                    c[0].getClass().getSimpleName());
            assertEquals(List.of(new Effect.Audit(CheckInAuditEvent.PAPER_MARK_REFUSED, refusal.name(),
                    Optional.of(CLERK))), step.effects(), "only the refusal is audited: nothing recorded");
        }
        assertEquals(new Paused(true, Optional.of(PaperMarkEntry.NotEntered.CUT_OFF)),
                next(pending, new NetworkCutOff()).state(), "cut off from the precinct: the normal refusal");
        assertEquals(new Paused(true, Optional.of(PaperMarkEntry.NotEntered.refused(Refusal.NOT_IN_REGISTER))),
                next(pending, new VoterLookedUp(Optional.empty(), false)).state());
    }

    @Test
    void aMarkBlocksTheVotersLaterCheckInAndCountsApartFromCheckIns() {
        asClerk(new ClerkPauses(CLERK));
        Paused entered = assertInstanceOf(Paused.class, asClerk(new ClerkEntersPaperMark(CLERK, iin)));
        PaperFormReference reference = assertInstanceOf(PaperMarkEntry.Entered.class, entered.paperMark().orElseThrow())
                .reference();
        assertEquals("P-0001", reference.text());
        assertEquals(new Counters(0, 0, 0, 0, 0, 0, 1), ledger.counters(), "a paper mark is not a check-in");
        assertTrue(ledger.issuedTokens().isEmpty(), "no token for a paper mark");
        assertEquals(new InMemoryCheckInLedger.AuditEntry(CheckInAuditEvent.PAPER_MARK_ENTERED, "P-0001",
                Optional.of(CLERK)), ledger.auditTrail().get(ledger.auditTrail().size() - 1));

        // The same voter on the paper list twice: refused, nothing more recorded.
        Paused again = assertInstanceOf(Paused.class, asClerk(new ClerkEntersPaperMark(CLERK, iin)));
        assertEquals(Optional.of(PaperMarkEntry.NotEntered.refused(Refusal.ALREADY_CHECKED_IN)), again.paperMark());
        assertEquals(1, ledger.counters().paperMarks());

        // A second voter's mark takes the next paper form number.
        Paused second = assertInstanceOf(Paused.class, asClerk(new ClerkEntersPaperMark(CLERK,
                register.get(1).voter().iin())));
        assertEquals(Optional.of(new PaperMarkEntry.Entered(new PaperFormReference(PaperFormReference.Kind.PAPER_MARK,
                2))), second.paperMark());

        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkResumes(CLERK)));
        Refused refused = assertInstanceOf(Refused.class, engine.submitCard(zone(voter)));
        assertEquals(Refusal.ALREADY_CHECKED_IN, refused.refusal(), "the card of a voter marked on paper");
        assertEquals(0, ledger.counters().checkIns());
        for (InMemoryCheckInLedger.AuditEntry entry : ledger.auditTrail()) {
            assertFalse(entry.detail().contains(iin.digits()) || entry.detail().contains(voter.voter().surname()),
                    "no personal data in " + entry);
        }
    }

    @Test
    void aVoterAlreadyCheckedInAtTheKioskCannotBeMarked() {
        engine.submitCard(zone(voter));
        assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(1))));
        engine.submit(new Acknowledged());
        asClerk(new ClerkPauses(CLERK));
        assertTrue(engine.acceptedClerkEvents().contains(ClerkEntersPaperMark.class), "offered while paused");
        Paused refused = assertInstanceOf(Paused.class, asClerk(new ClerkEntersPaperMark(CLERK, iin)));
        assertEquals(Optional.of(PaperMarkEntry.NotEntered.refused(Refusal.ALREADY_CHECKED_IN)), refused.paperMark());
        assertEquals(new Counters(1, 0, 0, 0, 0), ledger.counters(), "nothing recorded");
        asClerk(new ClerkResumes(CLERK));
        assertFalse(engine.acceptedClerkEvents().contains(ClerkEntersPaperMark.class), "not while voters check in");
    }

    @Test
    void aWrongPinEntersNoMarkAndClearsTheLastOutcome() {
        asClerk(new ClerkPauses(CLERK));
        asClerk(new ClerkEntersPaperMark(CLERK, iin));
        CheckInState after = engine.submitAsClerk(new ClerkEntersPaperMark(CLERK, register.get(1).voter().iin()),
                "0000".toCharArray());
        assertEquals(new Paused(false), after);
        assertEquals(1, ledger.counters().paperMarks());
        assertEquals(CheckInAuditEvent.CLERK_PIN_REJECTED,
                ledger.auditTrail().get(ledger.auditTrail().size() - 1).event());
    }
}
