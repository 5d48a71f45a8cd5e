package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The quality bar, measured with SourceAFIS on 200 fingers × 4 impressions at the default difficulty:
 * FMR ≤ 0.01 % and FNMR between 1 % and 15 % at threshold 40.
 */
class SampleQualityIT {

    static final int FINGERS = 200;
    static final int IMPRESSIONS = 4;

    @Test
    void genuineAndImpostorScoresAreSeparatedLikeRealPrints() {
        QualityReport.Result result = QualityReport.measure(4, Difficulty.NORMAL, FINGERS, IMPRESSIONS);
        System.out.print(QualityReport.table(java.util.List.of(result)));
        assertEquals(FINGERS * 6, result.genuine().length);
        assertEquals(FINGERS * (FINGERS - 1), result.impostor().length);
        double fmr = result.falseMatchRate(QualityReport.THRESHOLD);
        double fnmr = result.falseNonMatchRate(QualityReport.THRESHOLD);
        assertTrue(fmr <= 0.0001, "FMR " + fmr + " (" + result.falseMatches(QualityReport.THRESHOLD) + " false matches)");
        assertTrue(fnmr >= 0.01 && fnmr <= 0.15, "FNMR " + fnmr);
    }
}
