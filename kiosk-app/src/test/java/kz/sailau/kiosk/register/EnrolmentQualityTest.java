package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
