package kz.sailau.kiosk.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import kz.sailau.kiosk.biometric.PrintMeasures;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * The enrolment quality report of {@code register build}: which enrolment impressions are likely to fail on
 * election day, and why. Every impression gets a quality from 0 (useless) to 100 (good) on each of five measures;
 * its quality is the lowest of them and its reason that measure's. Impressions below the authority's minimum
 * ({@link #DEFAULT_MINIMUM}, {@code --enrolment-quality}) are reported, worst first (past the useless end of a
 * measure, the further past the worse). The report never blocks the
 * build: the authority decides whether to enrol the finger again.
 *
 * <p>Each measure rises linearly from its "useless" to its "good" value (constants below, with where they come
 * from); see {@code docs/decisions/0142-enrolment-quality.md}.
 */
public final class EnrolmentQuality {

    /** Impressions with a quality below this are reported by default. */
    public static final double DEFAULT_MINIMUM = 50;

    // The anchors below were set on the enrolment impressions of FVC2000 DB1-DB4 B and FVC2002 DB1 B (50 real
    // fingers, optical, capacitive and synthetic sensors) and the sample-prints demo set (96 fingers): the
    // default minimum 50 flags about the worst tenth of the real prints on each measure (decision 0142).
    // Ridged area: the sensor window is 13.0 x 14.6 mm = 190 mm²; real enrolment prints measure 100-230 mm²
    // (median 155-220); below 40 mm² too few minutiae are left in common with a live capture.
    static final double AREA_USELESS_MM2 = 40;
    static final double AREA_GOOD_MM2 = 120;
    // Ridge clarity (mean orientation coherence): real prints measure 0.25-0.84, median 0.52-0.74; noise and
    // smudge stay below 0.25.
    static final double CLARITY_USELESS = 0.25;
    static final double CLARITY_GOOD = 0.50;
    // Minutiae: SourceAFIS keeps at most about 100; real 500-dpi prints have a median of 20-78, the worst tenth
    // 12-37; below 8, chance pairings dominate any comparison.
    static final double MINUTIAE_USELESS = 8;
    static final double MINUTIAE_GOOD = 25;
    // Closeness: the best score against another voter's prints. Unrelated prints score 0-20; at 45 an impostor
    // comparison is as likely to pass as at the verify threshold of two templates and three captures (48, decision 0040).
    static final double CLOSENESS_GOOD = 25;
    static final double CLOSENESS_USELESS = 45;
    // ...but the best of M chance comparisons grows with M: by decision 0040's model, FMR(t) = 1e-4 · 10^(-(t-40)/10),
    // M comparisons reach about CHANCE(M) = 40 + 10 log10(M · 1e-4) once (41 for the 12,000 impressions of 3,000
    // voters). Past the register size where that passes the anchors above, they move with it: good at CHANCE(M),
    // useless 20 points (100 times rarer) above, so quality 50 is 10 points above chance, which about a tenth of the
    // impressions reach by chance alone, as on the other measures (decision 0370).
    static final double CHANCE_ANCHOR_SCORE = 40;
    static final double CHANCE_ANCHOR_FMR = 1e-4;
    static final double CHANCE_POINTS_PER_DECADE = 10;
    static final double CLOSENESS_USELESS_ABOVE_CHANCE = 20;
    // Consistency: the best score of an impression against the other impressions of the same finger; two good
    // impressions of one finger score well above 60, below 20 they hardly look like the same finger.
    static final double CONSISTENCY_USELESS = 20;
    static final double CONSISTENCY_GOOD = 60;

    private EnrolmentQuality() {
    }

    /** Why an impression is likely to fail; the report prints the lower-case name with dashes. */
    public enum Reason {
        /** Too little ridged area. */
        TOO_SMALL,
        /** Ridges unclear: noise, smudge, dry or wet skin. */
        TOO_NOISY,
        /** Too few minutiae for a reliable comparison. */
        TOO_FEW_MINUTIAE,
        /** Scores high against another voter's prints: a false match risk for both. */
        TOO_CLOSE,
        /** Does not match the other impressions of the same finger: a poor impression or a mislabelled finger. */
        INCONSISTENT;

        /** The name in the report, e.g. {@code too-few-minutiae}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What was measured of one enrolment impression.
     *
     * @param line        CSV line of the record
     * @param voterKey    the record's voter key (the authority's own key, not personal data)
     * @param position    the finger
     * @param impression  the impression number
     * @param measures    area and clarity of the image
     * @param minutiae    minutiae in its template, when the matcher tells
     * @param consistency best score against the other impressions of the same finger, when it has some
     */
    public record Measured(int line, String voterKey, FingerPosition position, int impression, PrintMeasures measures,
                           OptionalInt minutiae, OptionalDouble consistency) {
        /** @throws NullPointerException on null */
        public Measured {
            Objects.requireNonNull(voterKey, "voterKey");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(measures, "measures");
            Objects.requireNonNull(minutiae, "minutiae");
            Objects.requireNonNull(consistency, "consistency");
        }
    }

    /**
     * One impression likely to fail.
     *
     * @param line     CSV line
     * @param voterKey voter key
     * @param field    finger and impression, e.g. {@code right_index#2}
     * @param quality  0..100
     * @param reason   the weakest measure
     * @param detail   the measured values, e.g. {@code area 52 mm², clarity 0.61, 18 minutiae, closest 31.2}
     */
    public record Finding(int line, String voterKey, String field, double quality, Reason reason, String detail) {

        /** The report line: {@code quality<TAB>line<TAB>voter_key<TAB>field<TAB>quality<TAB>reason<TAB>detail}. */
        public String toTsv() {
            return String.format(Locale.ROOT, "%d\t%s\t%s\t%.0f\t%s\t%s", line, voterKey, field, quality,
                    reason.label(), detail);
        }
    }

    /**
     * Rates every measured impression and returns those below {@code minimum}, worst first (then by line, finger,
     * impression).
     *
     * @param measured  every enrolment impression
     * @param closeness best score of an impression against another voter's, when it reached
     *                  {@link FingerprintDuplicates#CLOSENESS_FLOOR}
     * @param minimum   report impressions whose quality is below this (0..100; 0 reports nothing)
     */
    public static List<Finding> rate(List<Measured> measured, Map<FingerprintDuplicates.ImpressionKey, Double> closeness,
                                     double minimum) {
        Objects.requireNonNull(closeness, "closeness");
        Objects.requireNonNull(measured, "measured");
        // Each impression was compared with (at most) every impression of the other records.
        Map<Integer, Long> perLine = measured.stream().collect(Collectors.groupingBy(Measured::line,
                Collectors.counting()));
        return rate(measured, m -> OptionalDouble.of(closeness.getOrDefault(
                new FingerprintDuplicates.ImpressionKey(m.line(), m.position(), m.impression()), 0.0)),
                m -> measured.size() - perLine.get(m.line()), minimum);
    }

    /**
     * Rates on the image and template measures alone, without closeness to other voters (the accuracy command, which
     * does not search enrolment impressions against each other).
     */
    public static List<Finding> rateWithoutCloseness(List<Measured> measured, double minimum) {
        return rate(measured, m -> OptionalDouble.empty(), m -> 0L, minimum);
    }

    private static List<Finding> rate(List<Measured> measured, Function<Measured, OptionalDouble> closeness,
                                      ToLongFunction<Measured> comparisons, double minimum) {
        Objects.requireNonNull(measured, "measured");
        if (!(minimum >= 0 && minimum <= 100)) {
            throw new IllegalArgumentException("minimum quality must be 0..100");
        }
        List<Rated> rated = new ArrayList<>();
        for (Measured m : measured) {
            Rated r = rate(m, closeness.apply(m), comparisons.applyAsLong(m));
            if (r.finding().quality() < minimum) {
                rated.add(r);
            }
        }
        // Past the useless end, the further past, the worse: rank on the unclamped value.
        rated.sort(Comparator.comparingDouble(Rated::raw).thenComparingInt((Rated r) -> r.finding().line())
                .thenComparing(r -> r.finding().field()));
        return rated.stream().map(Rated::finding).toList();
    }

    private record Rated(Finding finding, double raw) {
    }

    /**
     * The score the best of {@code comparisons} chance comparisons reaches about once (decision 0040's model); minus
     * infinity for none.
     */
    static double chanceBest(long comparisons) {
        return comparisons < 1 ? Double.NEGATIVE_INFINITY
                : CHANCE_ANCHOR_SCORE + CHANCE_POINTS_PER_DECADE * Math.log10(comparisons * CHANCE_ANCHOR_FMR);
    }

    /** Rates {@code m}, whose closeness is the best of at most {@code comparisons} comparisons with other voters. */
    static Rated rate(Measured m, OptionalDouble closest, long comparisons) {
        Reason reason = Reason.TOO_SMALL;
        double raw = share(m.measures().contactAreaMm2(), AREA_USELESS_MM2, AREA_GOOD_MM2);
        double clarity = share(m.measures().ridgeClarity(), CLARITY_USELESS, CLARITY_GOOD);
        if (clarity < raw) {
            raw = clarity;
            reason = Reason.TOO_NOISY;
        }
        if (m.minutiae().isPresent()) {
            double minutiae = share(m.minutiae().getAsInt(), MINUTIAE_USELESS, MINUTIAE_GOOD);
            if (minutiae < raw) {
                raw = minutiae;
                reason = Reason.TOO_FEW_MINUTIAE;
            }
        }
        if (closest.isPresent()) {
            double chance = chanceBest(comparisons);
            double good = Math.max(CLOSENESS_GOOD, chance);
            double useless = Math.max(CLOSENESS_USELESS, chance + CLOSENESS_USELESS_ABOVE_CHANCE);
            double apart = share(-closest.getAsDouble(), -useless, -good);
            if (apart < raw) {
                raw = apart;
                reason = Reason.TOO_CLOSE;
            }
        }
        if (m.consistency().isPresent()) {
            double consistent = share(m.consistency().getAsDouble(), CONSISTENCY_USELESS, CONSISTENCY_GOOD);
            if (consistent < raw) {
                raw = consistent;
                reason = Reason.INCONSISTENT;
            }
        }
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, "area %.0f mm², clarity %.2f",
                m.measures().contactAreaMm2(), m.measures().ridgeClarity()));
        m.minutiae().ifPresent(n -> detail.append(", ").append(n).append(" minutiae"));
        closest.ifPresent(c -> detail.append(String.format(Locale.ROOT, ", closest other voter %.1f", c)));
        m.consistency().ifPresent(c -> detail.append(String.format(Locale.ROOT, ", own other impressions %.1f", c)));
        double quality = 100 * Math.max(0, Math.min(1, raw));
        return new Rated(new Finding(m.line(), m.voterKey(), EnrolmentImages.ImageFile.field(m.position(),
                m.impression()), quality, reason, detail.toString()), raw);
    }

    /** Where {@code value} lies from {@code useless} (0) to {@code good} (1), not clamped. */
    static double share(double value, double useless, double good) {
        return (value - useless) / (good - useless);
    }

}
