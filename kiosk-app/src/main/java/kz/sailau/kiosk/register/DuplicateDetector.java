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
import java.util.TreeMap;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;

/**
 * Finds suspected duplicates among register records: the same IIN twice; the same name and birth date
 * under different IINs; the same finger under different IINs, by a 1:N search of every enrolled finger
 * against all enrolled templates (the gallery search uses all cores).
 */
public final class DuplicateDetector {

    /**
     * Default score above which two enrolled fingers are taken to be the same finger. SourceAFIS scores are
     * calibrated so that a threshold of 40 gives a false match rate of about 0.01 % per comparison and each
     * further 10 points divides it by ten; a 3,000-voter precinct means about 18 million finger pairs, so the
     * per-comparison rate must be near 1e-7 to keep false alarms around one: hence 70.
     */
    public static final double DEFAULT_THRESHOLD = 70.0;

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
        Map<String, List<Candidate>> byName = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            var v = c.row().voter();
            String key = normalise(v.surname()) + "|" + normalise(v.givenName()) + "|" + normalise(v.patronymic())
                    + "|" + v.birthDate();
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<DuplicateCase> cases = new ArrayList<>();
        for (List<Candidate> group : byName.values()) {
            long iins = group.stream().map(c -> c.row().voter().iin().digits()).distinct().count();
            if (iins > 1) {
                cases.add(caseOf(DuplicateCase.Kind.SAME_NAME_AND_BIRTH_DATE, group,
                        "same surname, given name, patronymic and birth date under " + iins + " different IINs on lines "
                                + lines(group)));
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
        // Pairs (i < j) of records with different IINs whose fingers match, with the best evidence found.
        Map<Long, String> pairs = new TreeMap<>();
        Map<Long, Double> best = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate probe = candidates.get(i);
            for (EnrolledFinger finger : probe.fingers()) {
                for (FingerMatcher.SearchHit<Integer> hit : gallery.search(finger.template(), threshold)) {
                    int j = hit.key();
                    Candidate other = candidates.get(j);
                    if (j == i || other.row().voter().iin().equals(probe.row().voter().iin())) {
                        continue;
                    }
                    long pair = (long) Math.min(i, j) << 32 | Math.max(i, j);
                    if (hit.score() > best.getOrDefault(pair, -1.0)) {
                        best.put(pair, hit.score());
                        pairs.put(pair, evidence(probe, finger, other, matcher, hit.score()));
                    }
                }
            }
        }
        List<DuplicateCase> cases = new ArrayList<>();
        for (Map.Entry<Long, String> pair : pairs.entrySet()) {
            int i = (int) (pair.getKey() >>> 32);
            int j = (int) (pair.getKey() & 0xFFFFFFFFL);
            cases.add(caseOf(DuplicateCase.Kind.SAME_FINGER, List.of(candidates.get(i), candidates.get(j)),
                    pair.getValue()));
        }
        return cases;
    }

    private static String evidence(Candidate probe, EnrolledFinger finger, Candidate other, FingerMatcher matcher,
                                   double score) {
        FingerMatcher.PreparedProbe prepared = matcher.prepare(finger.template());
        EnrolledFinger matched = other.fingers().stream()
                .max(Comparator.comparingDouble(f -> prepared.score(f.template()))).orElseThrow();
        return String.format(Locale.ROOT, "%s of line %d matches %s of line %d (score %.1f) under different IINs",
                finger.position().fileName(), probe.row().line(), matched.position().fileName(), other.row().line(),
                score);
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
