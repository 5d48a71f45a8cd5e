package kz.sailau.bench.biometric;

import java.util.List;
import java.util.Locale;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.FingerprintGenerator;
import kz.sailau.prints.ImpressionSize;
import kz.sailau.prints.MasterFinger;
import kz.sailau.prints.VoterSetGenerator;

/**
 * What the duplicate search's screen costs in missed duplicates (decision 0231), measured on synthetic prints: a
 * person enrolled twice, each record with two full-size enrolment impressions of both index fingers, as {@code
 * sample-prints voters --enrol-impressions 4} renders them (record A: impressions 1 and 2, record B: 3 and 4, other
 * touches of the same master fingers). For each finger it takes the best score of the pairs the duplicate search's
 * screen compares (every impression of one record against the representative, the most minutiae, of the other: 3 of
 * the 4 same-finger pairs) and of every impression pair, and counts the people whom the screen, or a search of every
 * impression pair, would not bring to the impression-by-impression decision. Not a JMH benchmark: {@code java -cp bench/target/benchmarks.jar
 * kz.sailau.bench.biometric.DuplicateScreenAccuracy [PEOPLE (150)] [SEED (18)]}.
 */
public final class DuplicateScreenAccuracy {

    private DuplicateScreenAccuracy() {
    }

    /** One finger of one person: its best score over the screen's pairs and over all impression pairs. */
    private record Finger(double screened, double best) {
    }

    /** @param args people (default 150) and the voter set's seed (default 18) */
    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 18;
        SourceAfisMatcher matcher = new SourceAfisMatcher();
        FingerprintGenerator generator = new VoterSetGenerator(seed, 101, Difficulty.NORMAL).withEnrolImpressions(4)
                .fingerprints();
        // voters --enrol-impressions 4 renders impression 0 as the first enrolment image and 22, 23, 24 as the others.
        int[] impressions = {0, 22, 23, 24};
        List<Finger> fingers = FingerprintGenerator.inParallel(2 * people, f -> {
            MasterFinger master = generator.master(f);
            FingerTemplate[] t = new FingerTemplate[4];
            for (int k = 0; k < 4; k++) {
                t[k] = matcher.extract(DemoTemplates.gray(generator.impression(master, impressions[k],
                        ImpressionSize.FULL)));
            }
            int a = representative(matcher, t, 0);
            int b = representative(matcher, t, 2);
            double best = 0;
            double screened = 0;
            for (int i = 0; i < 2; i++) {
                FingerMatcher.PreparedProbe probe = matcher.prepare(t[i]);
                for (int j = 2; j < 4; j++) {
                    double score = probe.score(t[j]);
                    best = Math.max(best, score);
                    if (i == a || j == b) {
                        screened = Math.max(screened, score);
                    }
                }
            }
            return new Finger(screened, best);
        });
        System.out.printf(Locale.ROOT, "%d people × 2 fingers, seed %d, two enrolment impressions per record%n",
                people, seed);
        for (double screen : new double[] {20, 25, 30, 40}) {
            System.out.printf(Locale.ROOT, "fingers whose screened pairs all score below %.0f: %d of %d; "
                            + "people whom the screen at %.0f does not bring to the decision (both fingers below): %d%n",
                    screen, fingers.stream().filter(f -> f.screened() < screen).count(), fingers.size(),
                    screen, missed(fingers, people, screen, true));
        }
        System.out.printf(Locale.ROOT, "people whom every-impression-pair at 40 does not bring to the decision: %d%n",
                missed(fingers, people, 40, false));
        System.out.printf(Locale.ROOT, "people the decision (one pair >= 70, or both fingers >= 40, best of all "
                        + "impressions) finds: %d of %d%n", people - undecided(fingers, people), people);
    }

    /** The index of the representative of {@code t[first]} and {@code t[first + 1]}: the one with more minutiae. */
    private static int representative(SourceAfisMatcher matcher, FingerTemplate[] t, int first) {
        return matcher.minutiaeCount(t[first + 1]).orElse(0) > matcher.minutiaeCount(t[first]).orElse(0)
                ? first + 1 : first;
    }

    private static long missed(List<Finger> fingers, int people, double threshold, boolean screenedOnly) {
        long missed = 0;
        for (int p = 0; p < people; p++) {
            Finger right = fingers.get(2 * p);
            Finger left = fingers.get(2 * p + 1);
            double r = screenedOnly ? right.screened() : right.best();
            double l = screenedOnly ? left.screened() : left.best();
            if (r < threshold && l < threshold) {
                missed++;
            }
        }
        return missed;
    }

    private static long undecided(List<Finger> fingers, int people) {
        long undecided = 0;
        for (int p = 0; p < people; p++) {
            Finger right = fingers.get(2 * p);
            Finger left = fingers.get(2 * p + 1);
            boolean single = Math.max(right.best(), left.best()) >= 70;
            boolean both = right.best() >= 40 && left.best() >= 40;
            if (!single && !both) {
                undecided++;
            }
        }
        return undecided;
    }
}
