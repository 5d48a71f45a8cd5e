package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdAndCapTest {

    @Test
    void defaultThresholdsFollowDecisionRecord0040() {
        assertEquals(48, MatchThreshold.DEFAULT.verify());
        assertEquals(83, MatchThreshold.DEFAULT.identify());
        assertEquals(40, MatchThreshold.forSystemFar(1e-4, 1));
        assertEquals(1e-4, MatchThreshold.falseMatchRate(40), 1e-12);
        assertEquals(1e-5, MatchThreshold.falseMatchRate(50), 1e-12);
    }

    @Test
    void systemFalseAcceptRateStaysWithinTheTarget() {
        for (int comparisons : new int[] {1, 2, 6, 10, 18_000, 60_000}) {
            double t = MatchThreshold.forSystemFar(1e-4, comparisons);
            assertTrue(comparisons * MatchThreshold.falseMatchRate(t) <= 1e-4 * (1 + 1e-9), "at " + comparisons);
            assertTrue(comparisons * MatchThreshold.falseMatchRate(t - 1) > 1e-4 || t == 40 && comparisons == 1,
                    "one point lower must exceed the target at " + comparisons);
        }
        assertThrows(IllegalArgumentException.class, () -> MatchThreshold.forSystemFar(0, 6));
        assertThrows(IllegalArgumentException.class, () -> MatchThreshold.forSystemFar(1e-4, 0));
    }

    @Test
    void overrideCapCountsTheCheckInBeingMade() {
        OverrideCap cap = OverrideCap.DEFAULT;
        assertTrue(cap.allows(new Counters(0, 0, 0, 0, 0)));
        assertTrue(cap.allows(new Counters(1, 1, 0, 0, 0)));
        assertFalse(cap.allows(new Counters(2, 2, 0, 0, 0)));
        assertTrue(cap.allows(new Counters(59, 2, 0, 0, 0)));   // 3 of 60 = 5 %
        assertFalse(cap.allows(new Counters(58, 2, 0, 0, 0)));  // 3 of 59 > 5 %
        assertTrue(cap.warns(new Counters(99, 2, 0, 0, 0)));    // 3 of 100 = 3 %
        assertFalse(cap.warns(new Counters(99, 1, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> new OverrideCap(0.05, 0.06, 2));
    }
}
