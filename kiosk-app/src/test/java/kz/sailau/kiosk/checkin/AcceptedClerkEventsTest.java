package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckInEngine#acceptedClerkEvents()}: in each state, exactly the clerk actions the machine acts on, and
 * asking changes nothing (no state, no audit entry, no listener call).
 */
class AcceptedClerkEventsTest {

    private static final char[] PIN = "4711".toCharArray();

    private final List<RegisteredVoter> register = IntStream.rangeClosed(1, 20).mapToObj(Fixtures::voter).toList();
    private final InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
    private final List<CheckInState> seen = new ArrayList<>();
    private CheckInEngine engine;

    @BeforeEach
    void setUp() {
        engine = Fixtures.engine(register, ledger, PIN, DeviceEffects.NONE);
        engine.addListener(seen::add);
    }

    private String zone(int n) {
        RegisteredVoter v = register.get(n - 1);
        return kz.sailau.kiosk.model.mrz.MrzWriter.text(new kz.sailau.kiosk.model.mrz.MrzWriter.Card("KAZ",
                "N0000000" + n % 10, v.voter().iin(), v.voter().birthDate(), Optional.empty(),
                Fixtures.ELECTION_DAY.plusYears(2), "KAZ", v.voter().surname(), v.voter().givenName()));
    }

    private Set<Class<? extends ClerkEvent>> accepted() {
        CheckInState before = engine.state();
        int audited = ledger.auditTrail().size();
        int heard = seen.size();
        Set<Class<? extends ClerkEvent>> accepted = engine.acceptedClerkEvents();
        assertEquals(before, engine.state(), "asking changes no state");
        assertEquals(audited, ledger.auditTrail().size(), "asking records nothing");
        assertEquals(heard, seen.size(), "asking calls no listener");
        return accepted;
    }

    @Test
    void idleKioskOffersIinEntryPauseAndFallback() {
        assertEquals(Set.of(ClerkEnteredIin.class, ClerkPauses.class, ClerkStartsFallback.class,
                ClerkAddsToSpecialList.class, ClerkAssistsVoter.class), accepted());
    }

    @Test
    void failedFingerOffersOverrideRetryAndCancelOnly() {
        engine.submitCard(zone(3));
        for (int i = 0; i < 3; i++) {
            engine.submit(new FingerCaptured(Fixtures.image(3, 10, ImageQuality.GOOD)));
        }
        assertEquals(Set.of(ClerkOverride.class, ClerkAllowsRetry.class, ClerkCancels.class), accepted());
    }

    @Test
    void cardlessIdentificationOffersConfirmationAndCancel() {
        engine.submit(new CardlessRequested());
        engine.submit(new FingerCaptured(Fixtures.image(6, 200, ImageQuality.GOOD)));
        assertEquals(Set.of(ClerkConfirmedIdentity.class, ClerkCancels.class), accepted());
    }

    @Test
    void anIssuedTokenCanBeVoidedAndPausedKioskOnlyResumedOrGivenPaperMarks() {
        engine.submitCard(zone(1));
        engine.submit(new FingerCaptured(Fixtures.goodImage(1)));
        assertEquals(Set.of(ClerkVoidsToken.class, ClerkCancels.class, ClerkAssistsVoter.class), accepted());
        engine.submit(new Acknowledged());
        engine.submitAsClerk(new ClerkPauses(CLERK), PIN.clone());
        assertEquals(Set.of(ClerkResumes.class, ClerkEntersPaperMark.class), accepted());
        engine.submitAsClerk(new ClerkResumes(CLERK), PIN.clone());
        engine.submitAsClerk(new ClerkStartsFallback(CLERK), PIN.clone());
        assertEquals(Set.of(ClerkEnteredIin.class, ClerkEndsFallback.class, ClerkPauses.class,
                ClerkAddsToSpecialList.class, ClerkAssistsVoter.class), accepted());
    }
}
