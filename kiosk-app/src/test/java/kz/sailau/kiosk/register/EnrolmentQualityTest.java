package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import kz.sailau.kiosk.biometric.PrintMeasures;
import kz.sailau.kiosk.model.FingerPosition;
import org.junit.jupiter.api.Test;

class EnrolmentQualityTest {

    private static EnrolmentQuality.Measured measured(int line, double area, double clarity, int minutiae,
                                                      OptionalDouble consistency) {
        return new EnrolmentQuality.Measured(line, "K" + line, FingerPosition.RIGHT_INDEX, 1,
                new PrintMeasures(area, clarity, 10, 128, 144), OptionalInt.of(minutiae), consistency);
    }

    private static final OptionalDouble NONE = OptionalDouble.empty();

    @Test
    void theWeakestMeasureGivesTheQualityAndTheReason() {
        List<EnrolmentQuality.Measured> all = List.of(
                measured(2, 150, 0.7, 40, NONE),                    // good on everything
                measured(3, 60, 0.7, 40, NONE),                     // area: (60-40)/(120-40) = 25
                measured(4, 150, 0.3, 40, NONE),                    // clarity: (0.3-0.25)/0.25 = 20
                measured(5, 150, 0.7, 10, NONE),                    // minutiae: (10-8)/17 = 11.8
                measured(6, 150, 0.7, 40, OptionalDouble.of(30)),   // consistency: (30-20)/40 = 25
                measured(7, 20, 0.7, 40, NONE),                     // area far below useless: ranks first
                measured(8, 150, 0.7, 40, NONE));                   // too close to another voter (below)
        Map<FingerprintDuplicates.ImpressionKey, Double> closeness = Map.of(
                new FingerprintDuplicates.ImpressionKey(8, FingerPosition.RIGHT_INDEX, 1), 40.0);
        List<EnrolmentQuality.Finding> findings = EnrolmentQuality.rate(all, closeness, 50);
        assertEquals(List.of("7 too-small 0", "5 too-few-minutiae 12", "4 too-noisy 20", "3 too-small 25",
                        "6 inconsistent 25", "8 too-close 25"),
                findings.stream().map(f -> f.line() + " " + f.reason().label() + " " + Math.round(f.quality()))
                        .toList());
        assertEquals("8\tK8\tright_index\t25\ttoo-close\tarea 150 mm², clarity 0.70, 40 minutiae, closest other voter "
                + "40.0", findings.get(5).toTsv(), "equal quality: by line");
        assertEquals(List.of(), EnrolmentQuality.rate(all, closeness, 0));
        assertEquals(6, EnrolmentQuality.rate(all, closeness, 100).size(), "below 100: all but the perfect one");
        assertEquals(List.of("7", "5", "4", "3", "6"), EnrolmentQuality.rateWithoutCloseness(all, 50).stream()
                .map(f -> String.valueOf(f.line())).toList(), "without closeness line 8 is fine");
        assertThrows(IllegalArgumentException.class, () -> EnrolmentQuality.rate(all, closeness, 101));
    }

    @Test
    void closenessIsJudgedAgainstWhatChanceGivesAtTheRegistersSize() {
        // Decision 0040's model: the best of M chance comparisons is about 40 + 10 log10(M · 1e-4).
        assertEquals(40.8, EnrolmentQuality.chanceBest(11_996), 0.05, "3,000 voters × 4 impressions, one's own aside");
        assertEquals(21.9, EnrolmentQuality.chanceBest(156), 0.05, "40 voters × 4 impressions");
        assertEquals(Double.NEGATIVE_INFINITY, EnrolmentQuality.chanceBest(0));

        assertEquals(List.of(25L, 0L), closenessQualities(40, 40.0, 45.0), "a small register: the anchors 25 → 45");
        // 3,000 voters: good at 40.8, useless at 60.8. The best of 12,000 chance scores (about 41) is no reason to
        // enrol again; a score 10 points above chance is rated 50, one 20 above it is useless.
        assertEquals(List.of(100L, 50L, 0L), closenessQualities(3_000, 40.8, 50.8, 60.8));
        assertEquals(List.of(), findingsAt(3_000, 44.0), "not reported at 3,000 voters what 40 voters would flag");
        assertEquals(List.of("too-close"), findingsAt(40, 44.0));
        assertEquals(List.of("too-close"), findingsAt(3_000, 58.0));
    }

    /** The closeness quality of voter 1's first impression in a register of {@code voters} × 4 impressions. */
    private static List<Long> closenessQualities(int voters, double... closest) {
        List<Long> qualities = new ArrayList<>();
        for (double score : closest) {
            List<EnrolmentQuality.Finding> findings = EnrolmentQuality.rate(register(voters), Map.of(
                    new FingerprintDuplicates.ImpressionKey(1, FingerPosition.RIGHT_INDEX, 1), score), 100);
            qualities.add(findings.isEmpty() ? 100L : Math.round(findings.get(0).quality()));
        }
        return qualities;
    }

    private static List<String> findingsAt(int voters, double closest) {
        return EnrolmentQuality.rate(register(voters), Map.of(
                        new FingerprintDuplicates.ImpressionKey(1, FingerPosition.RIGHT_INDEX, 1), closest), 50)
                .stream().map(f -> f.reason().label()).toList();
    }

    /** {@code voters} records of two fingers × two good impressions each, lines 1.. */
    private static List<EnrolmentQuality.Measured> register(int voters) {
        List<EnrolmentQuality.Measured> all = new ArrayList<>();
        for (int line = 1; line <= voters; line++) {
            for (FingerPosition position : List.of(FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_INDEX)) {
                for (int impression = 1; impression <= 2; impression++) {
                    all.add(new EnrolmentQuality.Measured(line, "K" + line, position, impression,
                            new PrintMeasures(150, 0.7, 10, 128, 144), OptionalInt.of(40), OptionalDouble.of(90)));
                }
            }
        }
        return all;
    }
}
