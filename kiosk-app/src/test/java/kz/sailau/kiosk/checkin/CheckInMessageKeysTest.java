package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.checkin.CheckInState.*;
import org.junit.jupiter.api.Test;

class CheckInMessageKeysTest {

    @Test
    void keysAreDottedIdentifiersAndCoverEveryReason() {
        Set<String> keys = CheckInMessageKeys.all();
        for (String key : keys) {
            assertTrue(key.matches("[a-z]+(\\.[a-zA-Z0-9]+)+"), key);
        }
        assertTrue(keys.contains("checkin.refusal.alreadyCheckedIn"));
        assertTrue(keys.contains("mrz.error.composite"));
        assertTrue(keys.contains("finger.quality.smallContact"));
        for (Refusal r : Refusal.values()) {
            assertTrue(keys.contains(r.messageKey()) && keys.contains(r.nextStepKey()), r.name());
        }
        for (ClerkReason r : ClerkReason.values()) {
            assertTrue(keys.contains(r.messageKey()) && keys.contains(r.nextStepKey()), r.name());
        }
        for (ClerkReason r : ClerkReason.values()) {
            assertTrue(keys.contains(r.voterMessageKey()), r.name());
        }
    }

    @Test
    void visitorReachesEveryState() {
        CheckInState.Visitor<String> names = new CheckInState.Visitor<>() {
            public String awaitingCard(AwaitingCard s) { return "card"; }
            public String checkingEligibility(CheckingEligibility s) { return "checking"; }
            public String awaitingFinger(AwaitingFinger s) { return "finger"; }
            public String matching(Matching s) { return "matching"; }
            public String recording(Recording s) { return "recording"; }
            public String tokenIssued(TokenIssued s) { return "token"; }
            public String refused(Refused s) { return "refused"; }
            public String needsClerk(NeedsClerk s) { return "clerk"; }
            public String paused(Paused s) { return "paused"; }
            public String fallback(Fallback s) { return "fallback"; }
            public String cutOff(CutOff s) { return "cut-off"; }
        };
        assertEquals("card", AwaitingCard.FRESH.accept(names));
        assertEquals("paused", new Paused(false).accept(names));
        assertEquals("fallback", new Fallback(Optional.empty()).accept(names));
        assertEquals("clerk", new NeedsClerk(ClerkReason.CARD_UNREADABLE, Optional.empty()).accept(names));
        assertEquals("refused", new Refused(Refusal.UNDER_AGE, false, Fixtures.T0).accept(names));
        assertEquals("finger", new AwaitingFinger(Optional.empty(), 0, Optional.empty(), Fixtures.T0).accept(names));
        assertEquals("matching", new Matching(Optional.empty(), 1).accept(names));
        assertEquals("cut-off", new CutOff(false).accept(names));
    }
}
