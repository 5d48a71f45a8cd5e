package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.POLICY;
import static kz.sailau.kiosk.checkin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInState.AwaitingFinger;
import kz.sailau.kiosk.checkin.CheckInState.Matching;
import kz.sailau.kiosk.checkin.CheckInState.Recording;
import kz.sailau.kiosk.model.FingerPosition;
import org.junit.jupiter.api.Test;

/** The verify threshold follows the comparisons an impostor gets: the voter's templates × the captures. */
class VoterThresholdTest {

    @Test
    void thresholdGrowsWithTemplatesAndCaptures() {
        MatchThreshold t = MatchThreshold.DEFAULT;
        assertEquals(48, t.verifyFor(1, 3), "never below the configured 48");
        assertEquals(48, t.verifyFor(2, 3), "2 fingers x 3 captures: decision 0040's 47.8");
        assertEquals(51, t.verifyFor(4, 3), "2 impressions of 2 fingers: 40 + 10 log10(12) = 50.8");
        assertEquals(54, t.verifyFor(8, 3), "4 impressions of 2 fingers");
        assertEquals(61, t.verifyFor(40, 3), "4 impressions of 10 fingers");
        assertEquals(50, t.verifyFor(4, 2), "2 captures: 40 + 10 log10(8) = 49.0 rounded up");
        assertEquals(83, t.identifyFor(6_000, 3), "3,000 voters x 2 templates: the configured 83");
        assertEquals(86, t.identifyFor(12_000, 3), "3,000 voters x 4 templates: 40 + 10 log10(36e4) = 85.6");
    }

    @Test
    void aVoterWithMoreTemplatesNeedsAHigherScore() {
        CheckInMachine machine = new CheckInMachine(POLICY);
        RegisteredVoter two = Fixtures.voter(1);
        RegisteredVoter four = new RegisteredVoter(two.voter(), Map.of(
                FingerPosition.RIGHT_INDEX, List.of(Fixtures.template(1, 0), Fixtures.template(1, 2)),
                FingerPosition.LEFT_INDEX, List.of(Fixtures.template(1, 1), Fixtures.template(1, 3))));
        assertEquals(4, four.templateCount());
        assertEquals(51, POLICY.verifyThreshold(four));
        for (RegisteredVoter voter : List.of(two, four)) {
            Session session = new Session(Route.CARD, voter, Optional.empty(), Optional.empty());
            CheckInState after = machine.next(new Matching(Optional.of(session), 1),
                    new CheckInEvent.CaptureScored(49.5, 0), T0, Counters.ZERO).state();
            if (voter == two) {
                assertInstanceOf(Recording.class, after, "49.5 passes 48");
            } else {
                assertInstanceOf(AwaitingFinger.class, after, "49.5 does not pass 51");
            }
        }
        assertEquals(48, POLICY.verifyThreshold(new RegisteredVoter(two.voter(), Map.of())), "no template counts as one");
    }
}
