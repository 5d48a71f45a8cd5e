package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
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

    /** Record {@code n} with two impressions of each index finger; template bytes: record, finger (0 right), impression. */
    static DuplicateDetector.Candidate twoImpressions(int n) {
        LocalDate birth = LocalDate.of(1960 + n, 1, 1);
        Voter voter = new Voter(RegisterFixtures.iin(birth, true, n), "Surname" + n, "Given" + n, "", birth,
                RegisterFixtures.PRECINCT);
        List<EnrolledFinger> fingers = new ArrayList<>();
        for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
            for (int impression = 1; impression <= 2; impression++) {
                fingers.add(new EnrolledFinger(position, impression, new FingerTemplate(new byte[] {(byte) n,
                        (byte) position.ordinal(), (byte) impression}, "table"), ""));
            }
        }
        return new DuplicateDetector.Candidate(new VoterRowValidator.ValidRow(n + 2, "K" + n, voter, Sex.MALE), fingers);
    }

    private static String impression(byte[] t) {
        return t[0] + (t[1] == FingerPosition.RIGHT_INDEX.ordinal() ? "R" : "L") + t[2];
    }

    @Test
    void everyImpressionMeetsTheOtherRecordsRepresentativesThenPairsAreComparedImpressionByImpression() {
        // FakeMatcher reports no minutiae, so each finger's representative is its first impression.
        // 0-1: the right representatives score 45, which brings the pair to the full comparison, where right#2
        //      against right#2 scores 90: a duplicate by the single-pair rule.
        // 2-3: only right#2 against right#2 scores 90, two impressions that are neither one's representative: the
        //      pair is not looked at (the cost of the screen, written in docs/register.md).
        // 4-5: the left index of 4 against the right index of 5, first impressions, 80: a finger enrolled under the
        //      other position is still found.
        // 6-7: the second right impression of 6 against the representative of 7 scores 90: found from either side.
        Map<String, Double> table = Map.of("0R1-1R1", 45.0, "0R2-1R2", 90.0, "2R2-3R2", 90.0, "4L1-5R1", 80.0,
                "6R2-7R1", 90.0);
        FakeMatcher matcher = FakeMatcher.scoring("table", (a, b) -> {
            String x = impression(a.bytes());
            String y = impression(b.bytes());
            return x.equals(y) ? 500 : table.getOrDefault(x + "-" + y, table.getOrDefault(y + "-" + x, 3.0));
        });
        List<DuplicateDetector.Candidate> candidates = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            candidates.add(twoImpressions(n));
        }
        DuplicateDetector.Findings findings = DuplicateDetector.findAll(candidates, matcher,
                DuplicateDetector.DEFAULT_THRESHOLD);
        assertEquals(List.of("finger:K0+K1", "finger:K4+K5", "finger:K6+K7"),
                findings.cases().stream().map(DuplicateCase::id).toList());
        assertEquals("right_index#2 of line 2 matches right_index#2 of line 3 (score 90.0) under different IINs",
                findings.cases().get(0).evidence());
        assertTrue(findings.cases().get(1).evidence().startsWith("left_index of line 6 matches right_index of line 7"),
                findings.cases().get(1).evidence());
        assertEquals("right_index#2 of line 8 matches right_index of line 9 (score 90.0) under different IINs",
                findings.cases().get(2).evidence());
        // Closeness is measured on the compared pairs, both sides of each.
        assertEquals(Map.of(
                new FingerprintDuplicates.ImpressionKey(2, FingerPosition.RIGHT_INDEX, 1), 45.0,
                new FingerprintDuplicates.ImpressionKey(3, FingerPosition.RIGHT_INDEX, 1), 45.0,
                new FingerprintDuplicates.ImpressionKey(6, FingerPosition.LEFT_INDEX, 1), 80.0,
                new FingerprintDuplicates.ImpressionKey(7, FingerPosition.RIGHT_INDEX, 1), 80.0,
                new FingerprintDuplicates.ImpressionKey(8, FingerPosition.RIGHT_INDEX, 2), 90.0,
                new FingerprintDuplicates.ImpressionKey(9, FingerPosition.RIGHT_INDEX, 1), 90.0), findings.closest());
    }

    @Test
    void theRepresentativeIsTheImpressionWithTheMostMinutiae() {
        FakeMatcher table = FakeMatcher.scoring("table", (a, b) -> 0);
        List<EnrolledFinger> fingers = twoImpressions(1).fingers();
        // FakeMatcher counts no minutiae: ties go to the first impression of each finger, in finger order.
        assertEquals(List.of("right_index", "left_index", "right_index#2", "left_index#2"),
                FingerprintDuplicates.representativesFirst(fingers, table).stream().map(EnrolledFinger::key).toList());
        // A matcher that counts more minutiae in the right index's second impression.
        FingerMatcher counting = new FingerMatcher() {
            @Override
            public String extractorVersion() {
                return table.extractorVersion();
            }

            @Override
            public ImageQuality assess(FingerImage image) {
                return table.assess(image);
            }

            @Override
            public FingerTemplate extract(FingerImage image) {
                return table.extract(image);
            }

            @Override
            public OptionalInt minutiaeCount(FingerTemplate template) {
                byte[] t = template.bytes();
                return OptionalInt.of(t[1] == FingerPosition.RIGHT_INDEX.ordinal() && t[2] == 2 ? 40 : 30);
            }

            @Override
            public PreparedProbe prepare(FingerTemplate probe) {
                return table.prepare(probe);
            }

            @Override
            public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
                return table.gallery(enrolled);
            }
        };
        assertEquals(List.of("right_index#2", "left_index", "right_index", "left_index#2"),
                FingerprintDuplicates.representativesFirst(fingers, counting).stream().map(EnrolledFinger::key)
                        .toList());
    }
}
