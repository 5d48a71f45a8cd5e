package kz.sailau.kiosk.register;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * The fingerprint half of {@link DuplicateDetector}: every enrolment impression of every record is searched 1:N
 * against all impressions of all records (the gallery search uses all cores). A pair of records is the same person
 * when one impression pair scores at least the threshold, or at least two finger positions, each with its namesake
 * (best over their impressions), score at least {@link DuplicateDetector#BOTH_FINGERS_THRESHOLD}. The same search
 * finds, for every impression, the best score it reaches against any other voter's prints: how close it comes to
 * somebody else (the enrolment quality report, {@link EnrolmentQuality}).
 */
final class FingerprintDuplicates {

    /** Scores below this are not collected as closeness: SourceAFIS gives unrelated prints 0 to about 20. */
    static final double CLOSENESS_FLOOR = 20.0;

    private FingerprintDuplicates() {
    }

    /**
     * Identifies one enrolment impression of a candidate.
     *
     * @param line       the CSV line of the record
     * @param position   the finger
     * @param impression the impression number
     */
    record ImpressionKey(int line, FingerPosition position, int impression) {
    }

    /**
     * @param cases   the biometric duplicates found
     * @param closest every impression's best score against another voter's impressions, when at least
     *                {@link #CLOSENESS_FLOOR}
     */
    record Search(List<DuplicateCase> cases, Map<ImpressionKey, Double> closest) {
    }

    static Search search(List<DuplicateDetector.Candidate> candidates, FingerMatcher matcher, double threshold) {
        Map<Integer, List<FingerTemplate>> enrolled = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            enrolled.put(i, candidates.get(i).fingers().stream().map(EnrolledFinger::template).toList());
        }
        if (enrolled.isEmpty()) {
            return new Search(List.of(), Map.of());
        }
        FingerMatcher.Gallery<Integer> gallery = matcher.gallery(enrolled);
        double pairThreshold = Math.min(threshold, DuplicateDetector.BOTH_FINGERS_THRESHOLD);
        double searchThreshold = Math.min(pairThreshold, CLOSENESS_FLOOR);
        // Pairs (i < j) of records with different IINs that some impression brings close enough to look at.
        Set<Long> pairs = new TreeSet<>();
        Map<ImpressionKey, Double> closest = new ConcurrentHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            DuplicateDetector.Candidate probe = candidates.get(i);
            for (EnrolledFinger finger : probe.fingers()) {
                for (FingerMatcher.SearchHit<Integer> hit : gallery.search(finger.template(), searchThreshold)) {
                    int j = hit.key();
                    if (j == i || candidates.get(j).row().voter().iin().equals(probe.row().voter().iin())) {
                        continue;
                    }
                    closest.merge(new ImpressionKey(probe.row().line(), finger.position(), finger.impression()),
                            hit.score(), Math::max);
                    if (hit.score() >= pairThreshold) {
                        pairs.add((long) Math.min(i, j) << 32 | Math.max(i, j));
                    }
                }
            }
        }
        List<DuplicateCase> cases = new ArrayList<>();
        for (long pair : pairs) {
            DuplicateDetector.Candidate a = candidates.get((int) (pair >>> 32));
            DuplicateDetector.Candidate b = candidates.get((int) (pair & 0xFFFFFFFFL));
            decide(a, b, matcher, threshold).ifPresent(evidence ->
                    cases.add(DuplicateDetector.caseOf(DuplicateCase.Kind.SAME_FINGER, List.of(a, b), evidence)));
        }
        return new Search(cases, Map.copyOf(closest));
    }

    /** Scores every impression of {@code a} against every impression of {@code b} and applies both rules. */
    private static Optional<String> decide(DuplicateDetector.Candidate a, DuplicateDetector.Candidate b,
                                           FingerMatcher matcher, double threshold) {
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
                            EnrolmentImages.ImageFile.field(fa.position(), fa.impression()), a.row().line(),
                            EnrolmentImages.ImageFile.field(fb.position(), fb.impression()), b.row().line(), score);
                }
                if (fa.position() == fb.position()) {
                    samePosition.merge(fa.position(), score, Math::max);
                }
            }
        }
        if (best >= threshold) {
            return Optional.of(bestEvidence + " under different IINs");
        }
        Map<FingerPosition, Double> agreeing = new EnumMap<>(FingerPosition.class);
        samePosition.forEach((position, score) -> {
            if (score >= DuplicateDetector.BOTH_FINGERS_THRESHOLD) {
                agreeing.put(position, score);
            }
        });
        if (agreeing.size() >= 2) {
            StringBuilder evidence = new StringBuilder(agreeing.size() == 2 && agreeing.keySet().containsAll(
                    FingerPosition.INDEX_FINGERS) ? "both index fingers" : agreeing.size() + " fingers");
            evidence.append(" of lines ").append(a.row().line()).append(" and ").append(b.row().line())
                    .append(" match under different IINs (");
            agreeing.forEach((position, score) -> evidence.append(position.fileName())
                    .append(String.format(Locale.ROOT, " %.1f, ", score)));
            evidence.setLength(evidence.length() - 2);
            return Optional.of(evidence.append(')').toString());
        }
        return Optional.empty();
    }
}
