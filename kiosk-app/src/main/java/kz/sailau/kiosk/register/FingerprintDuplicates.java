package kz.sailau.kiosk.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * The fingerprint half of {@link DuplicateDetector}. Every pair of records is compared once (i &lt; j, on all cores):
 * every enrolment impression of one record against each finger's <em>representative</em> impression of the other (the
 * one with the most minutiae), both ways, every finger against every finger so that a finger enrolled under another
 * position is still found; two impressions that are neither one's representative are not compared at first. With one
 * impression per finger that is every impression pair; with two, 12 of the 16 pairs. A pair of records where a
 * compared pair scores at least {@link #SCREEN_THRESHOLD} is then compared impression by impression, and is the same
 * person when one impression pair scores at least the threshold, or at least two finger positions, each with its
 * namesake (best over their impressions), score at least {@link DuplicateDetector#BOTH_FINGERS_THRESHOLD}. What it may
 * miss is written in {@code docs/register.md} (decision 0231). The same comparisons give, for every impression, the
 * best score it reaches against another voter's impressions it was compared with: how close it comes to somebody else
 * (the enrolment quality report, {@link EnrolmentQuality}).
 */
final class FingerprintDuplicates {

    /** Scores below this are not collected as closeness: SourceAFIS gives unrelated prints 0 to about 20. */
    static final double CLOSENESS_FLOOR = 20.0;

    /**
     * A compared impression pair scoring at least this (or the pair threshold, when lower) sends its two records to
     * the impression-by-impression comparison: below the pair threshold (40), so that a person enrolled twice whose
     * compared impressions happen to match only moderately is still compared in full. Measured in decision 0231.
     */
    static final double SCREEN_THRESHOLD = 30.0;

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
     * @param closest every impression's best score against the other voters' impressions it was compared with,
     *                when at least {@link #CLOSENESS_FLOOR}
     */
    record Search(List<DuplicateCase> cases, Map<ImpressionKey, Double> closest) {
    }

    static Search search(List<DuplicateDetector.Candidate> candidates, FingerMatcher matcher, double threshold) {
        return search(candidates, matcher, threshold, keyPairs -> { });
    }

    /** As {@link #search(List, FingerMatcher, double)}, counting the record pairs compared into {@code pairsDone}. */
    static Search search(List<DuplicateDetector.Candidate> candidates, FingerMatcher matcher, double threshold,
                         LongConsumer pairsDone) {
        if (candidates.isEmpty()) {
            return new Search(List.of(), Map.of());
        }
        // Each record's impressions with the representatives first; counting minutiae reads every template: all cores.
        List<List<EnrolledFinger>> ordered = candidates.parallelStream()
                .map(candidate -> representativesFirst(candidate.fingers(), matcher)).toList();
        Map<Integer, List<FingerTemplate>> enrolled = new LinkedHashMap<>();
        Map<Integer, Integer> fingerCount = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            enrolled.put(i, ordered.get(i).stream().map(EnrolledFinger::template).toList());
            fingerCount.put(i, (int) ordered.get(i).stream().map(EnrolledFinger::position).distinct().count());
        }
        FingerMatcher.Gallery<Integer> gallery = matcher.gallery(enrolled);
        double screenThreshold = Math.min(Math.min(threshold, DuplicateDetector.BOTH_FINGERS_THRESHOLD),
                SCREEN_THRESHOLD);
        double collectThreshold = Math.min(screenThreshold, CLOSENESS_FLOOR);
        // Pairs (i < j) of records with different IINs that a compared impression pair brings close enough to look at.
        Set<Long> pairs = new TreeSet<>();
        Map<ImpressionKey, Double> closest = new HashMap<>();
        for (FingerMatcher.PairScore<Integer> pair : gallery.pairsAtLeast(collectThreshold, fingerCount::get,
                pairsDone)) {
            int i = pair.first();
            int j = pair.second();
            DuplicateDetector.Candidate a = candidates.get(i);
            DuplicateDetector.Candidate b = candidates.get(j);
            if (a.row().voter().iin().equals(b.row().voter().iin())) {
                continue;
            }
            closest.merge(keyOf(a, ordered.get(i).get(pair.firstTemplate())), pair.score(), Math::max);
            closest.merge(keyOf(b, ordered.get(j).get(pair.secondTemplate())), pair.score(), Math::max);
            if (pair.score() >= screenThreshold) {
                pairs.add((long) Math.min(i, j) << 32 | Math.max(i, j));
            }
        }
        // The full comparisons on both cores, in pair order. The pairs are grouped by their first record, whose
        // impressions are prepared as probes once for the whole group: a record of a large precinct is screened
        // with dozens of others, and preparing a probe costs more than one comparison.
        Map<Integer, List<Integer>> byFirst = new LinkedHashMap<>();
        for (long pair : pairs) {
            byFirst.computeIfAbsent((int) (pair >>> 32), k -> new ArrayList<>()).add((int) (pair & 0xFFFFFFFFL));
        }
        List<DuplicateCase> cases = new ArrayList<>(byFirst.entrySet()).parallelStream()
                .flatMap(group -> {
                    DuplicateDetector.Candidate a = candidates.get(group.getKey());
                    List<FingerMatcher.PreparedProbe> probes = a.fingers().stream()
                            .map(finger -> matcher.prepare(finger.template())).toList();
                    return group.getValue().stream().map(j -> {
                        DuplicateDetector.Candidate b = candidates.get(j);
                        return decide(a, probes, b, threshold).map(evidence ->
                                DuplicateDetector.caseOf(DuplicateCase.Kind.SAME_FINGER, List.of(a, b), evidence));
                    }).flatMap(Optional::stream);
                })
                .toList();
        return new Search(cases, Map.copyOf(closest));
    }

    private static ImpressionKey keyOf(DuplicateDetector.Candidate candidate, EnrolledFinger finger) {
        return new ImpressionKey(candidate.row().line(), finger.position(), finger.impression());
    }

    /**
     * A record's impressions with each finger's representative first, in finger order (the impression with the most
     * minutiae: more of the finger to compare; the lowest impression number on a tie), then the other impressions.
     */
    static List<EnrolledFinger> representativesFirst(List<EnrolledFinger> fingers, FingerMatcher matcher) {
        Map<FingerPosition, EnrolledFinger> best = new EnumMap<>(FingerPosition.class);
        Map<FingerPosition, Integer> bestMinutiae = new EnumMap<>(FingerPosition.class);
        for (EnrolledFinger finger : fingers.stream().sorted(Comparator.comparingInt(EnrolledFinger::impression))
                .toList()) {
            int minutiae = matcher.minutiaeCount(finger.template()).orElse(0);
            Integer current = bestMinutiae.get(finger.position());
            if (current == null || minutiae > current) {
                best.put(finger.position(), finger);
                bestMinutiae.put(finger.position(), minutiae);
            }
        }
        List<EnrolledFinger> ordered = new ArrayList<>(best.values());
        fingers.stream().filter(finger -> !best.containsValue(finger)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /**
     * Scores every impression of {@code a} against every impression of {@code b} and applies both rules.
     *
     * @param probes {@code a}'s impressions prepared as probes, in the order of {@code a.fingers()}
     */
    private static Optional<String> decide(DuplicateDetector.Candidate a, List<FingerMatcher.PreparedProbe> probes,
                                           DuplicateDetector.Candidate b, double threshold) {
        double best = 0;
        String bestEvidence = "";
        Map<FingerPosition, Double> samePosition = new EnumMap<>(FingerPosition.class);
        for (int k = 0; k < a.fingers().size(); k++) {
            EnrolledFinger fa = a.fingers().get(k);
            FingerMatcher.PreparedProbe probe = probes.get(k);
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
