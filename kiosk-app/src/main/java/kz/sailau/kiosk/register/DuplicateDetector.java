package kz.sailau.kiosk.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import kz.sailau.kiosk.biometric.FingerMatcher;

/**
 * Finds suspected duplicates among register records: the same IIN twice; the same name and birth date
 * under different IINs, names compared as they look ({@link NameSkeleton}: Latin and Cyrillic look-alikes count as
 * the same letter); the same finger under different IINs, every pair of records compared once, every impression
 * against the other record's representative impressions, then impression by impression ({@link FingerprintDuplicates}).
 * A pair of records is a
 * biometric duplicate when one impression pair scores at least the threshold ({@link #DEFAULT_THRESHOLD}), or two
 * fingers, each with its namesake, score at least {@link #BOTH_FINGERS_THRESHOLD}.
 */
public final class DuplicateDetector {

    /**
     * Default score above which one pair of enrolled fingers is taken to be the same finger. SourceAFIS scores
     * are calibrated so that a threshold of 40 gives a false match rate of about 0.01 % per comparison and each
     * further 10 points divides it by ten; a 3,000-voter precinct means about 18 million finger pairs, so the
     * per-comparison rate must be near 1e-7 to keep false alarms around one: hence 70. With two impressions a
     * finger compared both ways (decision 0231) the search makes 54 million comparisons at 3,000 voters, so about
     * five chance cases for the authority to examine (four in the build measured in docs/benchmarks.md).
     */
    public static final double DEFAULT_THRESHOLD = 70.0;

    /**
     * Score that both index fingers of two records must reach, right with right and left with left, to be
     * taken as the same person even when neither reaches {@link #DEFAULT_THRESHOLD}: SourceAFIS's own
     * threshold (FMR 1e-4 per comparison), squared by the two independent fingers to about 1e-8 per record
     * pair, about 0.05 false alarms in a 3,000-voter precinct. It catches a person enrolled twice whose two
     * impressions per finger match only moderately.
     */
    public static final double BOTH_FINGERS_THRESHOLD = 40.0;

    private DuplicateDetector() {
    }

    /**
     * A record to check.
     *
     * @param row     the validated CSV row
     * @param fingers its enrolled fingers
     */
    public record Candidate(VoterRowValidator.ValidRow row, List<EnrolledFinger> fingers) {
    }

    /** All suspected duplicates, in a stable order (kind, then first line). */
    public static List<DuplicateCase> find(List<Candidate> candidates, FingerMatcher matcher, double threshold) {
        return findAll(candidates, matcher, threshold).cases();
    }

    /**
     * All suspected duplicates, and how close every enrolment impression comes to another voter's prints.
     *
     * @param cases   the duplicates, in a stable order (kind, then first line)
     * @param closest best score of each impression against another voter's (line, finger, impression), when at
     *                least {@link FingerprintDuplicates#CLOSENESS_FLOOR}
     */
    record Findings(List<DuplicateCase> cases, Map<FingerprintDuplicates.ImpressionKey, Double> closest) {
    }

    static Findings findAll(List<Candidate> candidates, FingerMatcher matcher, double threshold) {
        return findAll(candidates, matcher, threshold, pairs -> { });
    }

    /** As {@link #findAll(List, FingerMatcher, double)}, counting the record pairs compared into {@code pairsDone}. */
    static Findings findAll(List<Candidate> candidates, FingerMatcher matcher, double threshold,
                            LongConsumer pairsDone) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(matcher, "matcher");
        List<DuplicateCase> cases = new ArrayList<>();
        cases.addAll(sameIin(candidates));
        cases.addAll(sameNameAndBirthDate(candidates));
        FingerprintDuplicates.Search search = FingerprintDuplicates.search(candidates, matcher, threshold,
                pairsDone);
        cases.addAll(search.cases());
        return new Findings(cases, search.closest());
    }

    private static List<DuplicateCase> sameIin(List<Candidate> candidates) {
        Map<String, List<Candidate>> byIin = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byIin.computeIfAbsent(c.row().voter().iin().digits(), k -> new ArrayList<>()).add(c);
        }
        List<DuplicateCase> cases = new ArrayList<>();
        for (List<Candidate> group : byIin.values()) {
            if (group.size() > 1) {
                cases.add(caseOf(DuplicateCase.Kind.SAME_IIN, group, "the same IIN appears on lines " + lines(group)));
            }
        }
        return cases;
    }

    private static List<DuplicateCase> sameNameAndBirthDate(List<Candidate> candidates) {
        // Grouped by how the names look (NameSkeleton), so that look-alike letters do not hide a duplicate.
        Map<String, List<Candidate>> byName = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            var v = c.row().voter();
            String key = NameSkeleton.of(v.surname()) + "|" + NameSkeleton.of(v.givenName()) + "|"
                    + NameSkeleton.of(v.patronymic()) + "|" + v.birthDate();
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<DuplicateCase> cases = new ArrayList<>();
        for (List<Candidate> group : byName.values()) {
            long iins = group.stream().map(c -> c.row().voter().iin().digits()).distinct().count();
            if (iins > 1) {
                long spellings = group.stream().map(c -> normalise(c.row().voter().surname()) + "|"
                        + normalise(c.row().voter().givenName()) + "|" + normalise(c.row().voter().patronymic()))
                        .distinct().count();
                cases.add(caseOf(DuplicateCase.Kind.SAME_NAME_AND_BIRTH_DATE, group,
                        (spellings > 1 ? "look-alike (confusable) " : "same ")
                                + "surname, given name, patronymic and birth date under " + iins
                                + " different IINs on lines " + lines(group)
                                + (spellings > 1 ? " (the names look the same but are spelt with different letters, "
                                + "e.g. Latin and Cyrillic)" : "")));
            }
        }
        return cases;
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    static DuplicateCase caseOf(DuplicateCase.Kind kind, List<Candidate> group, String evidence) {
        List<Candidate> sorted = group.stream().sorted(Comparator.comparingInt(c -> c.row().line())).toList();
        List<String> keys = sorted.stream().map(c -> c.row().voterKey()).toList();
        return new DuplicateCase(DuplicateCase.idOf(kind, keys), kind,
                sorted.stream().map(c -> c.row().line()).toList(), keys, evidence);
    }

    private static String lines(List<Candidate> group) {
        return String.join(", ", group.stream().map(c -> c.row().line()).sorted().map(String::valueOf).toList());
    }
}
