package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.timeline.CheckInTimeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kiosk of a precinct network cut off from the majority, through the engine with its ports: the engine asks the
 * network on its ticks and shows {@link CutOff} before a voter starts; a check-in the ledger cannot commit ends in
 * the same state with nothing recorded; the voter can call a commission member; the kiosk returns to its idle
 * screen by itself when the majority is back. A standalone engine never leaves its flow for the network.
 */
class PrecinctCutOffTest {

    private static final char[] PIN = "4711".toCharArray();
    private static final NodeName SELF = new NodeName("kiosk-1");
    private static final PrecinctNetworkStatus WITH_MAJORITY = new PrecinctNetworkStatus(SELF, 3, 3,
            Optional.of(new NodeName("kiosk-2")), true);
    private static final PrecinctNetworkStatus CUT_OFF = new PrecinctNetworkStatus(SELF, 3, 1, Optional.empty(),
            false);

    private final List<RegisteredVoter> register = IntStream.rangeClosed(1, 5).mapToObj(Fixtures::voter).toList();
    private final InMemoryCheckInLedger local = new InMemoryCheckInLedger();
    private final CuttableLedger ledger = new CuttableLedger(local);
    private final List<PrecinctNetworkStatus> announced = new ArrayList<>();
    private final List<Optional<ClerkCall>> calls = new ArrayList<>();
    private volatile PrecinctNetworkStatus network = WITH_MAJORITY;
    private CheckInEngine engine;

    @BeforeEach
    void setUp() {
        engine = engine(Optional.of(() -> network));
        engine.addNetworkListener(announced::add);
        engine.addClerkCallListener(calls::add);
    }

    private CheckInEngine engine(Optional<PrecinctNetwork> precinctNetwork) {
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        return new CheckInEngine(new CheckInMachine(Fixtures.POLICY), new InMemoryVoterDirectory(register, matcher),
                ledger, new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.clone()),
                new Fixtures.FakeTokenIssuer(), matcher, Fixtures.clock(), DeviceEffects.NONE,
                CheckInTimeline.system(), precinctNetwork);
    }

    private String zone(int n) {
        RegisteredVoter v = register.get(n - 1);
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N0000000" + n, v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(),
                v.voter().givenName()));
    }

    @Test
    void aKioskCutOffBeforeTheVoterStartsSaysSoAndComesBackByItself() {
        assertEquals(AwaitingCard.FRESH, engine.tick());
        assertEquals(Optional.of(WITH_MAJORITY), engine.networkStatus());
        network = CUT_OFF;
        assertEquals(new CutOff(false), engine.tick(), "the next tick shows the cut-off screen");
        assertEquals(List.of(WITH_MAJORITY, CUT_OFF), announced, "each change announced once");
        assertEquals(new CutOff(false), engine.submitCard(zone(1)), "no card is taken while cut off");
        assertEquals(new CutOff(false), engine.tick());
        assertEquals(List.of(WITH_MAJORITY, CUT_OFF), announced, "an unchanged state is not announced again");
        network = WITH_MAJORITY;
        assertEquals(AwaitingCard.FRESH, engine.tick(), "back to the welcome screen by itself");
        assertInstanceOf(AwaitingFinger.class, engine.submitCard(zone(1)));
        assertEquals(new Counters(0, 0, 0, 0, 0), local.counters());
    }

    @Test
    void aPaperMarkAtAKioskCutOffRecordsNothingAndTheKioskStaysPaused() {
        network = CUT_OFF;
        assertEquals(new CutOff(false), engine.tick());
        assertEquals(new Paused(false), engine.submitAsClerk(new ClerkPauses(CLERK), PIN.clone()));
        ledger.cutOff = true;
        for (int tick = 0; tick < 2; tick++) {
            assertEquals(new Paused(false), engine.tick(), "the network's ticks leave a paused kiosk paused");
        }
        assertEquals(new Paused(false, Optional.of(PaperMarkEntry.NotEntered.CUT_OFF)), engine.submitAsClerk(
                new ClerkEntersPaperMark(CLERK, register.get(0).voter().iin()), PIN.clone()),
                "the normal cut-off message, nothing recorded");
        assertEquals(Counters.ZERO, local.counters());
        assertFalse(local.isCheckedIn(register.get(0).voter().iin()));

        ledger.cutOff = false;
        network = WITH_MAJORITY;
        assertInstanceOf(PaperMarkEntry.Entered.class, ((Paused) engine.submitAsClerk(new ClerkEntersPaperMark(CLERK,
                register.get(0).voter().iin()), PIN.clone())).paperMark().orElseThrow(), "back in the majority");
        assertEquals(1, local.counters().paperMarks());
    }

    @Test
    void aCheckInTheNetworkCannotCommitRecordsNothingAndTheVoterCanCallAMember() {
        assertInstanceOf(AwaitingFinger.class, engine.submitCard(zone(2)));
        ledger.cutOff = true;
        assertEquals(new CutOff(false), engine.submit(new FingerCaptured(Fixtures.goodImage(2))));
        assertEquals(new Counters(0, 0, 0, 0, 0), local.counters(), "nothing recorded for the voter");
        assertFalse(local.isCheckedIn(register.get(1).voter().iin()));
        assertTrue(local.auditTrail().stream().noneMatch(e -> e.event() == CheckInAuditEvent.CHECKED_IN));

        assertEquals(new CutOff(false), engine.submit(new VoterCallsClerk()), "the call button works here too");
        assertEquals(ClerkReason.VOTER_REQUEST, engine.clerkCall().orElseThrow().reason());
        assertEquals(new CutOff(false), engine.submitAsClerk(new ClerkCancels(CLERK), PIN.clone()),
                "nothing to cancel: the kiosk waits for the network");

        ledger.cutOff = false;
        assertEquals(AwaitingCard.FRESH, engine.tick(), "with the majority the kiosk returns to the welcome screen");
        assertEquals(Optional.empty(), engine.clerkCall(), "the call ends with the screen");
        assertInstanceOf(AwaitingFinger.class, engine.submitCard(zone(2)));
        assertInstanceOf(TokenIssued.class, engine.submit(new FingerCaptured(Fixtures.goodImage(2))),
                "the same voter checks in once the network is back");
        assertEquals(1, local.counters().checkIns());
    }

    @Test
    void aClerkMayPauseACutOffKioskAndManualModeComesBackAsManualMode() {
        assertInstanceOf(Fallback.class, engine.submitAsClerk(new ClerkStartsFallback(CLERK), PIN.clone()));
        network = CUT_OFF;
        assertEquals(new CutOff(true), engine.tick());
        assertEquals(new Paused(true), engine.submitAsClerk(new ClerkPauses(CLERK), PIN.clone()));
        assertEquals(new Paused(true), engine.tick(), "a paused kiosk stays paused whatever the network");
        network = WITH_MAJORITY;
        assertEquals(new Paused(true), engine.tick());
        network = CUT_OFF;
        assertEquals(new Fallback(Optional.empty()), engine.submitAsClerk(new ClerkResumes(CLERK), PIN.clone()));
        assertEquals(new CutOff(true), engine.tick());
        network = WITH_MAJORITY;
        assertEquals(new Fallback(Optional.empty()), engine.tick(), "back to manual mode, where it was");
    }

    @Test
    void aVoterInTheMiddleOfACheckInIsNotInterruptedByTheNetworkState() {
        assertInstanceOf(AwaitingFinger.class, engine.submitCard(zone(3)));
        network = CUT_OFF;
        assertInstanceOf(AwaitingFinger.class, engine.tick(), "the voter's finger screen stays");
        ledger.cutOff = true;
        assertEquals(new CutOff(false), engine.submit(new FingerCaptured(Fixtures.goodImage(3))),
                "the check-in itself is refused with the cut-off screen");
    }

    @Test
    void aStandaloneKioskHasNoNetworkAndNeverShowsTheCutOffScreen() {
        CheckInEngine standalone = engine(Optional.empty());
        List<PrecinctNetworkStatus> heard = new ArrayList<>();
        standalone.addNetworkListener(heard::add);
        network = CUT_OFF;
        assertEquals(AwaitingCard.FRESH, standalone.tick());
        assertFalse(standalone.onPrecinctNetwork());
        assertEquals(Optional.empty(), standalone.networkStatus());
        assertEquals(List.of(), heard);
    }

    @Test
    void theMachineLeavesTheCutOffScreenOnlyForTheNetworkOrAPause() {
        CheckInMachine machine = new CheckInMachine(Fixtures.POLICY);
        Counters none = new Counters(0, 0, 0, 0, 0);
        CutOff cutOff = new CutOff(false);
        for (CheckInEvent event : List.of(new Tick(), new Acknowledged(), new CardlessRequested(),
                new NetworkCutOff())) {
            assertEquals(cutOff, machine.next(cutOff, event, Fixtures.T0, none).state(), event.toString());
        }
        assertEquals(AwaitingCard.FRESH, machine.next(cutOff, new NetworkRestored(), Fixtures.T0, none).state());
        assertEquals(AwaitingCard.FRESH, machine.next(AwaitingCard.FRESH, new NetworkRestored(), Fixtures.T0, none)
                .state(), "with the majority, nothing changes elsewhere");
        assertEquals(new Refused(Refusal.UNDER_AGE, false, Fixtures.T0), machine.next(
                new Refused(Refusal.UNDER_AGE, false, Fixtures.T0), new NetworkCutOff(), Fixtures.T0, none).state(),
                "a refusal on screen is not replaced: the voter reads it first");
        assertEquals(List.of(), machine.next(AwaitingCard.FRESH, new NetworkCutOff(), Fixtures.T0, none).effects(),
                "nothing is recorded for nobody");
    }

    /** The kiosk's ledger behind a network that can be cut: refuses every check-in while cut. */
    private static final class CuttableLedger implements CheckInLedger {
        private final CheckInLedger local;
        volatile boolean cutOff;

        CuttableLedger(CheckInLedger local) {
            this.local = local;
        }

        @Override
        public boolean isCheckedIn(kz.sailau.kiosk.model.Iin iin) {
            return local.isCheckedIn(iin);
        }

        @Override
        public Counters record(CheckInRecord record, Optional<PreparedToken> token) {
            if (cutOff) {
                throw new NetworkCutOffException("no majority of the precinct reachable from kiosk-1");
            }
            return local.record(record, token);
        }

        @Override
        public Counters replaceToken(PreparedToken voided, Optional<PreparedToken> replacement, ClerkId clerk) {
            return local.replaceToken(voided, replacement, clerk);
        }

        @Override
        public PaperFormReference recordPaperMark(kz.sailau.kiosk.model.Iin iin, ClerkId clerk) {
            if (cutOff) {
                throw new NetworkCutOffException("no majority of the precinct reachable from kiosk-1");
            }
            return local.recordPaperMark(iin, clerk);
        }

        @Override
        public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
            local.audit(event, detail, clerk);
        }

        @Override
        public Counters counters() {
            return local.counters();
        }
    }
}
