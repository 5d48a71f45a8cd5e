package kz.sailau.kiosk.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.register.EnrolmentQuality;

/**
 * What an {@link AccuracyRun} measured, and its summaries per set and in total.
 *
 * @param request        what was run
 * @param voterKeys      each voter's key, {@code <set>/<right finger>+<left finger>}, by voter index
 * @param voterSets      each voter's set, by voter index
 * @param thresholds     each voter's verify threshold, by voter index
 * @param templateLabels each voter's enrolled templates ({@code <finger>_<impression>}), in gallery order
 * @param captures       every live image: voter by voter, finger by finger, live impression by live impression
 * @param outcomes       each voter at the kiosk, by voter index
 * @param enrolmentQuality the enrolment impressions below the default quality minimum, worst first
 */
public record AccuracyResult(AccuracyRun.Request request, List<String> voterKeys, List<String> voterSets,
                             double[] thresholds, List<List<String>> templateLabels, List<Capture> captures,
                             List<VoterOutcome> outcomes, List<EnrolmentQuality.Finding> enrolmentQuality) {

    /** Copies the lists. */
    public AccuracyResult {
        Objects.requireNonNull(request, "request");
        voterKeys = List.copyOf(voterKeys);
        voterSets = List.copyOf(voterSets);
        thresholds = thresholds.clone();
        templateLabels = List.copyOf(templateLabels);
        captures = List.copyOf(captures);
        outcomes = List.copyOf(outcomes);
        enrolmentQuality = List.copyOf(enrolmentQuality);
    }

    /**
     * One live image as the kiosk saw it.
     *
     * @param voter      the voter whose finger it is
     * @param position   the finger
     * @param impression the competition impression number
     * @param label      {@code <set>/<finger>_<impression>}
     * @param quality    the quality gate's verdict ({@code LOW_CONTRAST} also when no template could be made)
     * @param scores     when accepted: the scores against every voter's templates, by voter index then template
     */
    public record Capture(int voter, FingerPosition position, int impression, String label, ImageQuality quality,
                          float[][] scores) {

        /** Whether the quality gate let it through to matching. */
        public boolean accepted() {
            return scores.length > 0;
        }

        /** The best score against one voter's templates. */
        public double best(int against) {
            double best = 0;
            for (float score : scores[against]) {
                best = Math.max(best, score);
            }
            return best;
        }

        /** The best score against any voter but one. */
        public double bestOther(int except) {
            double best = 0;
            for (int v = 0; v < scores.length; v++) {
                if (v != except) {
                    best = Math.max(best, best(v));
                }
            }
            return best;
        }
    }

    /**
     * A voter at the kiosk.
     *
     * @param voter            the voter index
     * @param passed           whether a capture within the allowed ones verified the voter
     * @param tries            each capture: {@code <finger>:<score>}, {@code :<quality>}, {@code :IDENTITY_SWAP} or
     *                         {@code :none} (no live image left for that finger)
     * @param failedEnrolments enrolment impressions that yielded no template
     */
    public record VoterOutcome(int voter, boolean passed, List<String> tries, int failedEnrolments) {
        /** Copies the list. */
        public VoterOutcome {
            tries = List.copyOf(tries);
        }
    }

    /**
     * The counts of one set (or of all).
     *
     * @param name                the set's name, or {@code total}
     * @param voters              voters of the set
     * @param passed              voters verified within the allowed captures
     * @param capturesUsed        captures the voters of the set used
     * @param liveImages          live images of the set's voters
     * @param rejected            of them, rejected by the quality gate
     * @param falseNonMatches     of the accepted ones, those below their voter's threshold
     * @param impostorWithin      impostor template comparisons against this set's voters by live images of the same set
     * @param impostorAcross      … by live images of other sets
     * @param falseMatches        impostor template comparisons at or above the claimed voter's threshold
     * @param highestImpostor     the highest impostor score against this set's voters
     */
    public record SetSummary(String name, int voters, int passed, int capturesUsed, int liveImages, int rejected,
                             int falseNonMatches, long impostorWithin, long impostorAcross, long falseMatches,
                             double highestImpostor) {

        /** The summary line of the report. */
        public String line() {
            int accepted = liveImages - rejected;
            return String.format(Locale.ROOT, "%s: voters %d, passed %d (%s), captures used %d, per-capture reject "
                            + "%d/%d (%s), false non-match %d/%d (%s), impostor comparisons %d within + %d across, "
                            + "false matches %d, highest impostor score %.1f",
                    name, voters, passed, percent(passed, voters), capturesUsed, rejected, liveImages,
                    percent(rejected, liveImages), falseNonMatches, accepted, percent(falseNonMatches, accepted),
                    impostorWithin, impostorAcross, falseMatches, highestImpostor);
        }

        private static String percent(long part, long whole) {
            return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
        }
    }

    /** The summaries per set, in set order, then the total. */
    public List<SetSummary> summaries() {
        Map<String, Counts> bySet = new LinkedHashMap<>();
        for (String set : voterSets) {
            bySet.computeIfAbsent(set, s -> new Counts());
        }
        Counts total = new Counts();
        for (VoterOutcome outcome : outcomes) {
            for (Counts c : List.of(bySet.get(voterSets.get(outcome.voter())), total)) {
                c.voters++;
                c.passed += outcome.passed() ? 1 : 0;
                c.capturesUsed += outcome.tries().size();
            }
        }
        for (Capture capture : captures) {
            String probeSet = voterSets.get(capture.voter());
            for (Counts c : List.of(bySet.get(probeSet), total)) {
                c.live++;
                c.rejected += capture.accepted() ? 0 : 1;
                c.falseNonMatches += capture.accepted() && capture.best(capture.voter())
                        < thresholds[capture.voter()] ? 1 : 0;
            }
            if (!capture.accepted()) {
                continue;
            }
            for (int v = 0; v < capture.scores().length; v++) {
                if (v == capture.voter()) {
                    continue;
                }
                String claimedSet = voterSets.get(v);
                boolean within = claimedSet.equals(probeSet);
                for (float score : capture.scores()[v]) {
                    for (Counts c : List.of(bySet.get(claimedSet), total)) {
                        if (within) {
                            c.within++;
                        } else {
                            c.across++;
                        }
                        c.falseMatches += score >= thresholds[v] ? 1 : 0;
                        c.highest = Math.max(c.highest, score);
                    }
                }
            }
        }
        List<SetSummary> summaries = new ArrayList<>();
        bySet.forEach((name, c) -> summaries.add(c.summary(name)));
        summaries.add(total.summary("total"));
        return summaries;
    }

    /** Voters by their verify threshold, ascending. */
    public Map<Double, Integer> votersByThreshold() {
        Map<Double, Integer> counts = new TreeMap<>();
        for (double t : thresholds) {
            counts.merge(t, 1, Integer::sum);
        }
        return counts;
    }

    private static final class Counts {
        int voters;
        int passed;
        int capturesUsed;
        int live;
        int rejected;
        int falseNonMatches;
        long within;
        long across;
        long falseMatches;
        double highest;

        SetSummary summary(String name) {
            return new SetSummary(name, voters, passed, capturesUsed, live, rejected, falseNonMatches, within, across,
                    falseMatches, highest);
        }
    }
}
