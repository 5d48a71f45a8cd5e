package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After the day is closed the engine starts nothing (decision 0415): no card, no IIN typed by a clerk, no paper mark,
 * no special list, no pause or manual mode, no voter's call; it offers no clerk action, records nothing and asks no
 * device to act. Only its clock still ticks.
 * Before, a clerk's IIN after the close looked the voter up and armed the scanner, and the ledger's refusal only
 * came at the end, as a system fault.
 */
class DayClosedEngineTest {

    private static final char[] PIN = "4711".toCharArray();

    private final List<RegisteredVoter> register = IntStream.rangeClosed(1, 5).mapToObj(Fixtures::voter).toList();
    private final InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
    private final List<Effect.DeviceEffect> deviceEffects = new ArrayList<>();
    private final List<CheckInState> seen = new ArrayList<>();
    private CheckInEngine engine;

    @BeforeEach
    void setUp() {
        engine = Fixtures.engine(register, ledger, PIN, deviceEffects::add);
        engine.addListener(seen::add);
    }

    private String zone(int n) {
        RegisteredVoter v = register.get(n - 1);
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N0000000" + n % 10, v.voter().iin(), v.voter().birthDate(),
                Optional.empty(), Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(), v.voter().givenName()));
    }

    private CheckInState asClerk(ClerkEvent event) {
        return engine.submitAsClerk(event, PIN.clone());
    }

    @Test
    void anOpenDayTakesTheClerksIinAndArmsTheScanner() {
        assertFalse(engine.dayClosed());
        assertTrue(engine.acceptedClerkEvents().contains(ClerkEnteredIin.class));
        assertInstanceOf(AwaitingFinger.class, asClerk(new ClerkEnteredIin(CLERK, register.get(0).voter().iin())));
        assertFalse(deviceEffects.isEmpty(), "the scanner is asked to capture");
    }

    @Test
    void afterTheCloseNothingStartsAndNoClerkActionIsOffered() {
        engine.closeDay();
        assertTrue(engine.dayClosed());
        assertEquals(Set.of(), engine.acceptedClerkEvents(), "no clerk action after the close");
        int audited = ledger.auditTrail().size();

        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkEnteredIin(CLERK, register.get(0).voter().iin())));
        assertEquals(AwaitingCard.FRESH, engine.submitCard(zone(2)));
        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkPauses(CLERK)));
        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkStartsFallback(CLERK)));
        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkEntersPaperMark(CLERK, register.get(3).voter().iin())));
        assertEquals(AwaitingCard.FRESH, asClerk(new ClerkAddsToSpecialList(CLERK, register.get(4).voter().iin(),
                new LegalDocument(SpecialListReason.ABSENTEE_CERTIFICATE, "AB-1"))));
        assertEquals(AwaitingCard.FRESH, engine.submit(new VoterCallsClerk()));
        assertEquals(AwaitingCard.FRESH, engine.tick(), "the clock still ticks, and an idle kiosk stays idle");

        assertTrue(deviceEffects.isEmpty(), "no device is asked to act");
        assertEquals(new Counters(0, 0, 0, 0, 0), ledger.counters(), "nothing recorded");
        assertEquals(audited, ledger.auditTrail().size(), "no audit entry");
        assertTrue(seen.isEmpty(), "no new state announced");
        assertTrue(register.stream().noneMatch(v -> ledger.isCheckedIn(v.voter().iin())));
    }

    @Test
    void aCaseOpenAtTheCloseIsLeftAndItsActionsAreNoLongerOffered() {
        asClerk(new ClerkEnteredIin(CLERK, register.get(0).voter().iin()));
        assertInstanceOf(AwaitingFinger.class, engine.state());
        deviceEffects.clear();

        engine.closeDay();

        assertEquals(Set.of(), engine.acceptedClerkEvents());
        assertInstanceOf(AwaitingFinger.class, asClerk(new ClerkCancels(CLERK)),
                "the engine takes nothing after the close, not even a cancel: the voter screen is closed anyway");
        assertEquals(new Counters(0, 0, 0, 0, 0), ledger.counters());
        assertTrue(deviceEffects.isEmpty());
    }
}
