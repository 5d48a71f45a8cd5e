package kz.sailau.kiosk.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.EnumMap;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;

/**
 * Finds suspected duplicates among register records: the same IIN twice; the same name and birth date
 * under different IINs, names compared as they look ({@link NameSkeleton}: Latin and Cyrillic look-alikes count as
 * the same letter); the same finger under different IINs, by a 1:N search of every enrolled finger
 * against all enrolled templates (the gallery search uses all cores). A pair of records is a biometric
 * duplicate when one finger pair scores at least the threshold ({@link #DEFAULT_THRESHOLD}), or both index
 * fingers, each with its namesake, score at least {@link #BOTH_FINGERS_THRESHOLD}.
 */
public final class DuplicateDetector {

    /**
     * Default score above which one pair of enrolled fingers is taken to be the same finger. SourceAFIS scores
     * are calibrated so that a threshold of 40 gives a false match rate of about 0.01 % per comparison and each
     * further 10 points divides it by ten; a 3,000-voter precinct means about 18 million finger pairs, so the
     * per-comparison rate must be near 1e-7 to keep false alarms around one: hence 70.
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
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(matcher, "matcher");
        List<DuplicateCase> cases = new ArrayList<>();
        cases.addAll(sameIin(candidates));
        cases.addAll(sameNameAndBirthDate(candidates));
        cases.addAll(sameFinger(candidates, matcher, threshold));
        return cases;
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

    private static List<DuplicateCase> sameFinger(List<Candidate> candidates, FingerMatcher matcher, double threshold) {
        Map<Integer, List<FingerTemplate>> enrolled = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            enrolled.put(i, candidates.get(i).fingers().stream().map(EnrolledFinger::template).toList());
        }
        if (enrolled.isEmpty()) {
            return List.of();
        }
        FingerMatcher.Gallery<Integer> gallery = matcher.gallery(enrolled);
        double searchThreshold = Math.min(threshold, BOTH_FINGERS_THRESHOLD);
        // Pairs (i < j) of records with different IINs that some finger brings close enough to look at.
        Set<Long> pairs = new TreeSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate probe = candidates.get(i);
            for (EnrolledFinger finger : probe.fingers()) {
                for (FingerMatcher.SearchHit<Integer> hit : gallery.search(finger.template(), searchThreshold)) {
                    int j = hit.key();
                    if (j != i && !candidates.get(j).row().voter().iin().equals(probe.row().voter().iin())) {
                        pairs.add((long) Math.min(i, j) << 32 | Math.max(i, j));
                    }
                }
            }
        }
        List<DuplicateCase> cases = new ArrayList<>();
        for (long pair : pairs) {
            Candidate a = candidates.get((int) (pair >>> 32));
            Candidate b = candidates.get((int) (pair & 0xFFFFFFFFL));
            decide(a, b, matcher, threshold).ifPresent(evidence ->
                    cases.add(caseOf(DuplicateCase.Kind.SAME_FINGER, List.of(a, b), evidence)));
        }
        return cases;
    }

    /** Scores every finger of {@code a} against every finger of {@code b} and applies both rules. */
    private static Optional<String> decide(Candidate a, Candidate b, FingerMatcher matcher, double threshold) {
        double best = 0;
        String bestEvidence = "";
        Map<FingerPosition, Double> samePosition = new EnumMap<>(FingerPosition.class);
        for (EnrolledFinger fa : a.fingers()) {
            FingerMatcher.PreparedProbe probe = matcher.prepare(fa.template());
            for (EnrolledFinger fb : b.fingers()) {
                double score = probe.score(fb.template());
                if (score > best) {
                    best = score;
                    bestEvidence = String.format(Locale.ROOT, "%s of line %d matches %s of line %d (score %.1f)",
                            fa.position().fileName(), a.row().line(), fb.position().fileName(), b.row().line(), score);
                }
                if (fa.position() == fb.position()) {
                    samePosition.put(fa.position(), score);
                }
            }
        }
        if (best >= threshold) {
            return Optional.of(bestEvidence + " under different IINs");
        }
        boolean bothFingers = samePosition.size() == FingerPosition.values().length
                && samePosition.values().stream().allMatch(score -> score >= BOTH_FINGERS_THRESHOLD);
        if (bothFingers) {
            StringBuilder evidence = new StringBuilder("both index fingers of lines " + a.row().line() + " and "
                    + b.row().line() + " match under different IINs (");
            samePosition.forEach((position, score) -> evidence.append(position.fileName())
                    .append(String.format(Locale.ROOT, " %.1f, ", score)));
            evidence.setLength(evidence.length() - 2);
            return Optional.of(evidence.append(')').toString());
        }
        return Optional.empty();
    }

    private static DuplicateCase caseOf(DuplicateCase.Kind kind, List<Candidate> group, String evidence) {
        List<Candidate> sorted = group.stream().sorted(Comparator.comparingInt(c -> c.row().line())).toList();
        List<String> keys = sorted.stream().map(c -> c.row().voterKey()).toList();
        return new DuplicateCase(DuplicateCase.idOf(kind, keys), kind,
                sorted.stream().map(c -> c.row().line()).toList(), keys, evidence);
    }

    private static String lines(List<Candidate> group) {
        return String.join(", ", group.stream().map(c -> c.row().line()).sorted().map(String::valueOf).toList());
    }
}
