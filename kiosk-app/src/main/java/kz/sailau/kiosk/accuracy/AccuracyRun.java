package kz.sailau.kiosk.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.biometric.TemplateExtractionException;
import kz.sailau.kiosk.checkin.CapturePolicy;
import kz.sailau.kiosk.checkin.MatchThreshold;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.register.EnrolledFinger;
import kz.sailau.kiosk.register.EnrolmentImages;
import kz.sailau.kiosk.register.EnrolmentQuality;
import kz.sailau.kiosk.register.RegisterBuilder;
import kz.sailau.kiosk.register.RegisterException;

/**
 * Runs the kiosk's own path over competition prints and counts what a precinct would see: each set's consecutive
 * finger pairs are voters (first finger = right index, second = left index); their enrolment impressions go through
 * {@code register build}'s enrolment ({@link RegisterBuilder#enrol}: resolution, 500 dpi, extraction); every live
 * impression becomes the scanner's view ({@link SensorView}: 500 dpi, 256 × 288, 4 bits), passes the quality gate
 * and is extracted as the check-in engine does; each voter then gets the captures the kiosk allows, each asking for
 * the finger the {@link CapturePolicy} names, and passes when a capture reaches the voter's verify threshold
 * ({@link MatchThreshold#verifyFor}: templates × captures) without another voter scoring higher at that threshold
 * (the identity-swap check). Every accepted live view is also an impostor attempt against every other voter's
 * templates: comparisons, false matches at that voter's threshold, the highest impostor score. Deterministic: work
 * runs on all cores but is collected in input order.
 */
public final class AccuracyRun {

    /** The most captures a run may simulate. */
    public static final int MAX_CAPTURES = 10;

    private final FingerMatcher matcher;
    private final RegisterBuilder builder;

    /**
     * @param matcher the kiosk's matcher
     * @param builder the register builder whose enrolment is used
     */
    public AccuracyRun(FingerMatcher matcher, RegisterBuilder builder) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /**
     * What to run.
     *
     * @param sets              the competition sets
     * @param enrolImpressions  impression numbers used for enrolment, 1 to 4 of them, in order
     * @param liveImpressions   impression numbers used as live captures, in the order a voter presents them
     * @param captures          captures the kiosk allows per voter
     */
    public record Request(List<CompetitionImages.Set> sets, List<Integer> enrolImpressions,
                          List<Integer> liveImpressions, int captures) {
        /** Copies the lists. */
        public Request {
            sets = List.copyOf(sets);
            enrolImpressions = List.copyOf(enrolImpressions);
            liveImpressions = List.copyOf(liveImpressions);
        }
    }

    /** One voter: two consecutive fingers of one set. */
    record Voter(int index, CompetitionImages.Set set, int rightFinger, int leftFinger) {
        String key() {
            return set.name() + "/" + rightFinger + "+" + leftFinger;
        }

        int finger(FingerPosition position) {
            return position == FingerPosition.RIGHT_INDEX ? rightFinger : leftFinger;
        }
    }

    /** One live impression of one voter's finger. */
    record LiveImage(Voter voter, FingerPosition position, int impression) {
        Path path() {
            return voter.set().images().get(voter.finger(position)).get(impression);
        }

        String label() {
            return voter.set().name() + "/" + voter.finger(position) + "_" + impression;
        }
    }

    /**
     * The voters of the sets, checking that every finger has every impression asked for.
     *
     * @throws AccuracyException {@code accuracy.error.impressions} for impression lists that do not fit
     */
    static List<Voter> voters(Request request) {
        checkImpressionLists(request);
        List<Voter> voters = new ArrayList<>();
        for (CompetitionImages.Set set : request.sets()) {
            List<Integer> fingers = List.copyOf(set.images().keySet());
            for (int i = 0; i + 1 < fingers.size(); i += 2) {
                Voter voter = new Voter(voters.size(), set, fingers.get(i), fingers.get(i + 1));
                for (int finger : List.of(voter.rightFinger(), voter.leftFinger())) {
                    for (int impression : concat(request.enrolImpressions(), request.liveImpressions())) {
                        if (!set.images().get(finger).containsKey(impression)) {
                            throw new AccuracyException("accuracy.error.impressions", "set " + set.name()
                                    + ": finger " + finger + " has no impression " + impression);
                        }
                    }
                }
                voters.add(voter);
            }
        }
        return voters;
    }

    private static void checkImpressionLists(Request request) {
        List<Integer> enrol = request.enrolImpressions();
        List<Integer> live = request.liveImpressions();
        if (enrol.isEmpty() || enrol.size() > EnrolledFinger.MAX_IMPRESSIONS) {
            throw new AccuracyException("accuracy.error.impressions", "--enrol-impressions needs 1 to "
                    + EnrolledFinger.MAX_IMPRESSIONS + " impression numbers");
        }
        if (live.isEmpty()) {
            throw new AccuracyException("accuracy.error.impressions", "--live-impressions needs at least one number");
        }
        Set<Integer> seen = new HashSet<>();
        for (int impression : concat(enrol, live)) {
            if (!seen.add(impression)) {
                throw new AccuracyException("accuracy.error.impressions", "impression " + impression
                        + " is listed twice (enrolment and live impressions must be distinct)");
            }
        }
        if (request.captures() < 1 || request.captures() > MAX_CAPTURES) {
            throw new AccuracyException("accuracy.error.captures", "--captures must be from 1 to " + MAX_CAPTURES);
        }
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Decodes every image the run will use and settles its resolution, before anything is computed or written.
     *
     * @throws AccuracyException {@code accuracy.error.image} naming the first file that cannot be used
     */
    void validateImages(Request request, List<Voter> voters) {
        List<String> failures = voters.parallelStream().flatMap(voter -> {
            List<String> bad = new ArrayList<>();
            for (int finger : List.of(voter.rightFinger(), voter.leftFinger())) {
                for (int impression : concat(request.enrolImpressions(), request.liveImpressions())) {
                    Path path = voter.set().images().get(finger).get(impression);
                    try {
                        EnrolmentImages.load(path, voter.set().toldDpi());
                    } catch (RegisterException e) {
                        bad.add(describe(voter.set(), path, e));
                    }
                }
            }
            return bad.stream();
        }).toList();
        if (!failures.isEmpty()) {
            throw new AccuracyException("accuracy.error.image", failures.get(0)
                    + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : ""));
        }
    }

    private static String describe(CompetitionImages.Set set, Path path, RegisterException e) {
        String where = "set " + set.name() + ": " + path.getFileName() + ": ";
        return switch (e.messageKey()) {
            case "register.error.imageResolutionUnknown" -> where + "the image states no resolution; write it "
                    + "into " + set.name() + "/" + EnrolmentImages.DPI_FILE;
            case "register.error.imageResolutionConflict" -> where + e.getMessage() + " in "
                    + set.name() + "/" + EnrolmentImages.DPI_FILE;
            default -> where + e.getMessage();
        };
    }

    /** Runs the measurement. */
    public AccuracyResult run(Request request) {
        Objects.requireNonNull(request, "request");
        List<Voter> voters = voters(request);
        validateImages(request, voters);

        // Enrolment, exactly as register build does it.
        List<Enrolled> enrolled = voters.parallelStream().map(voter -> enrol(request, voter)).toList();
        LinkedHashMap<Integer, List<FingerTemplate>> gallery = new LinkedHashMap<>();
        double[] thresholds = new double[voters.size()];
        for (Enrolled e : enrolled) {
            gallery.put(e.voter().index(), e.fingers().stream().map(EnrolledFinger::template).toList());
            thresholds[e.voter().index()] = MatchThreshold.DEFAULT.verifyFor(e.fingers().size(), request.captures());
        }
        FingerMatcher.Gallery<Integer> decoded = matcher.gallery(gallery);

        // Every live impression through the scanner's view, the quality gate and extraction, then scored.
        List<LiveImage> live = new ArrayList<>();
        for (Voter voter : voters) {
            for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
                for (int impression : request.liveImpressions()) {
                    live.add(new LiveImage(voter, position, impression));
                }
            }
        }
        List<AccuracyResult.Capture> captures = live.parallelStream()
                .map(image -> capture(image, decoded, thresholds)).toList();

        // The kiosk's captures per voter, each asking for the finger the capture policy names.
        List<AccuracyResult.VoterOutcome> outcomes = new ArrayList<>();
        for (Enrolled e : enrolled) {
            outcomes.add(simulate(e, request, captures, thresholds[e.voter().index()]));
        }
        List<EnrolmentQuality.Measured> measured = enrolled.stream().flatMap(e -> e.measured().stream()).toList();
        return new AccuracyResult(request, voters.stream().map(Voter::key).toList(),
                voters.stream().map(v -> v.set().name()).toList(), thresholds, enrolled.stream()
                .map(e -> e.templateLabels()).toList(), captures, outcomes,
                EnrolmentQuality.rateWithoutCloseness(measured, EnrolmentQuality.DEFAULT_MINIMUM));
    }

    /** A voter's enrolment: the templates that could be made, and their labels ({@code 101_1}). */
    record Enrolled(Voter voter, List<EnrolledFinger> fingers, List<String> templateLabels,
                    List<EnrolmentQuality.Measured> measured, int failedImpressions) {
    }

    private Enrolled enrol(Request request, Voter voter) {
        List<EnrolmentImages.ImageFile> files = new ArrayList<>();
        for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
            for (int k = 0; k < request.enrolImpressions().size(); k++) {
                files.add(new EnrolmentImages.ImageFile(position, k + 1, voter.set().images()
                        .get(voter.finger(position)).get(request.enrolImpressions().get(k))));
            }
        }
        RegisterBuilder.Enrolment enrolment = builder.enrol(voter.index() + 1, voter.key(), files,
                voter.set().toldDpi());
        List<String> labels = enrolment.fingers().stream().map(f -> voter.finger(f.position()) + "_"
                + request.enrolImpressions().get(f.impression() - 1)).toList();
        return new Enrolled(voter, enrolment.fingers(), labels, enrolment.measured(), enrolment.problems().size());
    }

    /** One live image through the sensor view, the quality gate and extraction, scored against every voter. */
    private AccuracyResult.Capture capture(LiveImage image, FingerMatcher.Gallery<Integer> gallery,
                                           double[] thresholds) {
        FingerImage view;
        try {
            view = SensorView.of(EnrolmentImages.load(image.path(), image.voter().set().toldDpi()).image());
        } catch (RegisterException e) {
            throw new AccuracyException("accuracy.error.image", describe(image.voter().set(), image.path(), e));
        }
        ImageQuality quality = matcher.assess(view);
        Optional<FingerTemplate> template = Optional.empty();
        if (quality == ImageQuality.GOOD) {
            try {
                template = Optional.of(matcher.extract(view));
            } catch (TemplateExtractionException e) {
                quality = ImageQuality.LOW_CONTRAST; // as the check-in engine treats a good-looking image without a template
            }
        }
        if (template.isEmpty()) {
            return new AccuracyResult.Capture(image.voter().index(), image.position(), image.impression(),
                    image.label(), quality, new float[0][]);
        }
        List<FingerMatcher.KeyScores<Integer>> scores = gallery.scoresOf(template.get());
        float[][] byVoter = new float[thresholds.length][];
        for (FingerMatcher.KeyScores<Integer> key : scores) {
            float[] values = new float[key.scores().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) key.scores()[i];
            }
            byVoter[key.key()] = values;
        }
        return new AccuracyResult.Capture(image.voter().index(), image.position(), image.impression(), image.label(),
                quality, byVoter);
    }

    /** The voter at the kiosk: captures in the order of the capture policy, each finger's live images in order. */
    private static AccuracyResult.VoterOutcome simulate(Enrolled enrolled, Request request,
                                                        List<AccuracyResult.Capture> captures, double threshold) {
        Voter voter = enrolled.voter();
        Set<FingerPosition> fingers = enrolled.fingers().stream().map(EnrolledFinger::position)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FingerPosition.class)));
        Map<FingerPosition, Integer> used = new EnumMap<>(FingerPosition.class);
        List<String> tries = new ArrayList<>();
        for (int k = 0; k < request.captures() && !fingers.isEmpty(); k++) {
            FingerPosition asked = CapturePolicy.fingerFor(fingers, k);
            int next = used.merge(asked, 1, Integer::sum) - 1;
            if (next >= request.liveImpressions().size()) {
                tries.add(asked.fileName() + ":none");
                continue;
            }
            // The captures are listed voter by voter, finger by finger, live impression by live impression.
            int live = request.liveImpressions().size();
            AccuracyResult.Capture capture = captures.get((voter.index() * FingerPosition.INDEX_FINGERS.size()
                    + FingerPosition.INDEX_FINGERS.indexOf(asked)) * live + next);
            if (!capture.accepted()) {
                tries.add(asked.fileName() + ":" + capture.quality().name());
                continue;
            }
            double claimed = capture.best(voter.index());
            double other = capture.bestOther(voter.index());
            if (other >= threshold && other > claimed) {
                tries.add(asked.fileName() + ":IDENTITY_SWAP");
                return new AccuracyResult.VoterOutcome(voter.index(), false, tries, enrolled.failedImpressions());
            }
            if (claimed >= threshold) {
                tries.add(asked.fileName() + ":" + String.format(Locale.ROOT, "%.1f", claimed));
                return new AccuracyResult.VoterOutcome(voter.index(), true, tries, enrolled.failedImpressions());
            }
            tries.add(asked.fileName() + ":" + String.format(Locale.ROOT, "%.1f", claimed));
        }
        return new AccuracyResult.VoterOutcome(voter.index(), false, tries, enrolled.failedImpressions());
    }
}
