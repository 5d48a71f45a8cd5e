package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.testing.FakeMatcher;
import org.junit.jupiter.api.Test;

/** The biometric duplicate rules, on a matcher whose scores are a table (no SourceAFIS). */
class DuplicateDetectorTest {

    /** Scores from a table; template byte 0 is a record number, byte 1 the finger (0 right, 1 left). */
    static FakeMatcher tableMatcher(Map<String, Double> scores) {
        return FakeMatcher.scoring("table", (a, b) -> score(scores, a, b));
    }

    private static double score(Map<String, Double> scores, FingerTemplate a, FingerTemplate b) {
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        if (x[0] == y[0] && x[1] == y[1]) {
            return 500;
        }
        String key = Math.min(x[0], y[0]) + "" + (x[0] < y[0] ? x[1] : y[1]) + "-" + Math.max(x[0], y[0])
                + (x[0] < y[0] ? y[1] : x[1]);
        return scores.getOrDefault(key, 3.0);
    }

    static DuplicateDetector.Candidate candidate(int n) {
        LocalDate birth = LocalDate.of(1960 + n, 1, 1);
        Voter voter = new Voter(RegisterFixtures.iin(birth, true, n), "Surname" + n, "Given" + n, "", birth,
                RegisterFixtures.PRECINCT);
        List<EnrolledFinger> fingers = List.of(
                new EnrolledFinger(FingerPosition.RIGHT_INDEX, new FingerTemplate(new byte[] {(byte) n, 0}, "table"), ""),
                new EnrolledFinger(FingerPosition.LEFT_INDEX, new FingerTemplate(new byte[] {(byte) n, 1}, "table"), ""));
        return new DuplicateDetector.Candidate(new VoterRowValidator.ValidRow(n + 2, "K" + n, voter, Sex.MALE), fingers);
    }

    @Test
    void oneStrongFingerOrTwoModerateFingersMakeADuplicate() {
        // 0-1: one finger pair at 75 (single rule). 2-3: both fingers at 45 (both-fingers rule).
        // 4-5: one finger at 60, the other low: not a duplicate. 6-7: right of 6 against left of 7 at 45 and
        // left-left at 45: the cross pair does not count for the both-fingers rule.
        FakeMatcher matcher = tableMatcher(Map.of("00-10", 75.0, "20-30", 45.0, "21-31", 45.0, "40-50", 60.0,
                "60-71", 45.0, "61-71", 45.0));
        List<DuplicateDetector.Candidate> candidates = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            candidates.add(candidate(n));
        }
        List<DuplicateCase> cases = DuplicateDetector.find(candidates, matcher, DuplicateDetector.DEFAULT_THRESHOLD);
        assertEquals(List.of("finger:K0+K1", "finger:K2+K3"), cases.stream().map(DuplicateCase::id).toList());
        assertTrue(cases.get(0).evidence().startsWith("right_index of line 2 matches right_index of line 3 (score 75.0)"),
                cases.get(0).evidence());
        assertEquals("both index fingers of lines 4 and 5 match under different IINs (right_index 45.0, left_index 45.0)",
                cases.get(1).evidence());
    }
}
