package kz.sailau.kiosk.register;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerImageFiles;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.PrintMeasures;
import kz.sailau.kiosk.biometric.TemplateExtractionException;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * Builds the contents of a register package from {@code voters.csv} and the enrolment prints: validates
 * every row, extracts a template from every enrolment impression of every finger at the sensor's 500 dpi (rows in
 * parallel), finds duplicates, rates enrolment quality, and refuses to produce contents while any row is invalid or
 * any duplicate is not explicitly accepted.
 */
public final class RegisterBuilder {

    private final FingerMatcher matcher;
    private final Clock clock;

    /**
     * @param matcher extracts and compares templates
     * @param clock   creation time of the package
     */
    public RegisterBuilder(FingerMatcher matcher, Clock clock) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What to build.
     *
     * @param voters             {@code voters.csv}
     * @param prints             prints directory
     * @param election           election id
     * @param precinct           precinct every row must carry
     * @param version            register version
     * @param accepted           accepted duplicates with reasons
     * @param duplicateThreshold finger-match score that makes a biometric duplicate
     * @param minimumQuality     enrolment impressions below this quality (0..100) are reported
     */
    public record Request(Path voters, Path prints, ElectionId election, PrecinctId precinct, long version,
                          List<AcceptedDuplicate> accepted, double duplicateThreshold, double minimumQuality) {

        /** A request with the default enrolment quality minimum ({@link EnrolmentQuality#DEFAULT_MINIMUM}). */
        public Request(Path voters, Path prints, ElectionId election, PrecinctId precinct, long version,
                       List<AcceptedDuplicate> accepted, double duplicateThreshold) {
            this(voters, prints, election, precinct, version, accepted, duplicateThreshold,
                    EnrolmentQuality.DEFAULT_MINIMUM);
        }
    }

    /**
     * The outcome; {@link #contents()} is present only when nothing blocks the build.
     *
     * @param problems   row problems (errors and warnings), by line
     * @param duplicates every suspected duplicate found
     * @param unaccepted duplicates not accepted: they block the build
     * @param quality    enrolment impressions likely to fail, worst first (never blocks the build)
     * @param contents   the register, when the build may proceed
     */
    public record Report(List<RowProblem> problems, List<DuplicateCase> duplicates, List<DuplicateCase> unaccepted,
                         List<EnrolmentQuality.Finding> quality, Optional<RegisterContents> contents) {

        /** Whether any row problem is an error. */
        public boolean hasRowErrors() {
            return problems.stream().anyMatch(p -> p.severity() == RowProblem.Severity.ERROR);
        }
    }

    /** Progress of template extraction: done and total images. */
    @FunctionalInterface
    public interface Progress {
        /** Reports progress. */
        void update(String stage, long done, long total);
    }

    /** Builds. */
    public Report build(Request request, Progress progress) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        VoterCsvReader.CsvContent csv = VoterCsvReader.read(request.voters());
        List<RowProblem> problems = new ArrayList<>(csv.problems());
        if (csv.problems().isEmpty() && csv.rows().isEmpty()) {
            problems.add(RowProblem.error(2, "-", "no voter rows: a register package needs at least one voter"));
        }
        VoterRowValidator.Result validated = VoterRowValidator.validate(csv.rows(), request.precinct(),
                LocalDate.now(clock));
        problems.addAll(validated.problems());

        EnrolmentImages images = new EnrolmentImages(request.prints());
        Map<Integer, VoterCsvReader.CsvRow> csvRows = new HashMap<>();
        csv.rows().forEach(row -> csvRows.put(row.line(), row));
        List<VoterRowValidator.ValidRow> rows = validated.rows();
        AtomicInteger done = new AtomicInteger();
        long total = Math.max(1, rows.size());
        progress.update("extracting", 0, total);
        List<Extracted> extracted = rows.parallelStream().map(row -> {
            Extracted result = extract(row, csvRows.get(row.line()), images);
            progress.update("extracting", done.incrementAndGet(), total);
            return result;
        }).toList();
        List<DuplicateDetector.Candidate> candidates = new ArrayList<>();
        List<EnrolmentQuality.Measured> measured = new ArrayList<>();
        for (Extracted e : extracted) {
            problems.addAll(e.problems());
            if (e.problems().isEmpty()) {
                candidates.add(new DuplicateDetector.Candidate(e.row(), e.fingers()));
                measured.addAll(e.measured());
            }
        }
        // The search compares every pair of records once: its progress counts record pairs, n(n - 1)/2 in all.
        long recordPairs = Math.max(1, (long) candidates.size() * (candidates.size() - 1) / 2);
        AtomicLong pairsDone = new AtomicLong();
        progress.update("duplicates", 0, recordPairs);
        DuplicateDetector.Findings findings = DuplicateDetector.findAll(candidates, matcher,
                request.duplicateThreshold(), pairs -> {
                    synchronized (pairsDone) { // in order: a bar never steps back
                        progress.update("duplicates", Math.min(recordPairs, pairsDone.addAndGet(pairs)), recordPairs);
                    }
                });
        List<DuplicateCase> duplicates = findings.cases();
        List<EnrolmentQuality.Finding> quality = EnrolmentQuality.rate(measured, findings.closest(),
                request.minimumQuality());
        progress.update("duplicates", recordPairs, recordPairs);
        Map<String, AcceptedDuplicate> accepted = request.accepted().stream()
                .collect(Collectors.toMap(AcceptedDuplicate::id, Function.identity(), (a, b) -> a));
        List<DuplicateCase> unaccepted = duplicates.stream().filter(d -> !accepted.containsKey(d.id())).toList();
        Set<String> found = duplicates.stream().map(DuplicateCase::id).collect(Collectors.toSet());
        for (AcceptedDuplicate a : request.accepted()) {
            if (!found.contains(a.id())) {
                problems.add(RowProblem.warning(0, "-", "accepted duplicate " + a.id() + " was not found (stale entry?)"));
            }
        }
        problems.sort(Comparator.comparingInt(RowProblem::line));
        boolean rowErrors = problems.stream().anyMatch(p -> p.severity() == RowProblem.Severity.ERROR);
        if (rowErrors || !unaccepted.isEmpty()) {
            return new Report(problems, duplicates, unaccepted, quality, Optional.empty());
        }
        // An accepted same-IIN case keeps the record of its first line only: the register is keyed by IIN.
        Set<Integer> dropped = new HashSet<>();
        for (DuplicateCase d : duplicates) {
            if (d.kind() == DuplicateCase.Kind.SAME_IIN) {
                dropped.addAll(d.lines().subList(1, d.lines().size()));
            }
        }
        List<RegisterRecord> records = candidates.stream().filter(c -> !dropped.contains(c.row().line()))
                .map(c -> new RegisterRecord(c.row().voter(), c.row().sex(), c.fingers())).toList();
        List<AcceptedDuplicate> used = request.accepted().stream().filter(a -> found.contains(a.id())).toList();
        RegisterContents contents = new RegisterContents(request.election(), request.precinct(), request.version(),
                clock.instant(), matcher.extractorVersion(), records, used);
        return new Report(problems, duplicates, unaccepted, quality, Optional.of(contents));
    }

    private record Extracted(VoterRowValidator.ValidRow row, List<EnrolledFinger> fingers, List<RowProblem> problems,
                             List<EnrolmentQuality.Measured> measured) {
    }

    /** Loads, extracts and measures every enrolment impression of one row. */
    private Extracted extract(VoterRowValidator.ValidRow row, VoterCsvReader.CsvRow csvRow, EnrolmentImages images) {
        List<RowProblem> problems = new ArrayList<>();
        EnrolmentImages.Listing listing = images.list(row.voterKey());
        listing.problems().forEach(p -> problems.add(RowProblem.error(row.line(), p.field(), p.reason())));
        OptionalInt told;
        try {
            told = toldDpi(row, csvRow, images);
        } catch (RegisterException e) {
            problems.add(RowProblem.error(row.line(), VoterCsvReader.DPI_COLUMN, e.getMessage()));
            return new Extracted(row, List.of(), problems, List.of());
        }
        Enrolment enrolment = enrol(row.line(), row.voterKey(), listing.files(), told);
        enrolment.problems().forEach(p -> problems.add(RowProblem.error(row.line(), p.field(), p.reason())));
        return new Extracted(row, enrolment.fingers(), problems,
                problems.isEmpty() ? enrolment.measured() : List.of());
    }

    /**
     * One voter's enrolment from its image files: each image decoded with its resolution settled, brought to the
     * sensor's 500 dpi, its template extracted and its quality measured. The one enrolment path of the kiosk,
     * used by {@code register build} and by the accuracy command.
     *
     * @param fingers  an enrolled impression per image that yielded a template, in the order of the files
     * @param measured the quality measures of every impression (empty when any image failed)
     * @param problems the images that failed, with their field and reason
     */
    public record Enrolment(List<EnrolledFinger> fingers, List<EnrolmentQuality.Measured> measured,
                            List<EnrolmentImages.Problem> problems) {
    }

    /**
     * Enrols one voter's impressions.
     *
     * @param line     the voter's line (for the quality report)
     * @param voterKey the voter's key (for the quality report)
     * @param files    the enrolment images
     * @param told     the resolution stated for images that do not state their own, if any
     */
    public Enrolment enrol(int line, String voterKey, List<EnrolmentImages.ImageFile> files, OptionalInt told) {
        List<EnrolledFinger> fingers = new ArrayList<>();
        List<EnrolmentImages.Problem> problems = new ArrayList<>();
        List<FingerImage> sensorImages = new ArrayList<>();
        for (EnrolmentImages.ImageFile file : files) {
            try {
                EnrolmentImages.Loaded loaded = EnrolmentImages.load(file, told);
                FingerImage image = loaded.atSensorResolution();
                fingers.add(new EnrolledFinger(file.position(), file.impression(), matcher.extract(image),
                        Digests.sha256Hex(loaded.bytes())));
                sensorImages.add(image);
            } catch (RegisterException | TemplateExtractionException | IllegalArgumentException e) {
                problems.add(new EnrolmentImages.Problem(file.field(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Enrolment(fingers, List.of(), problems);
        }
        List<EnrolmentQuality.Measured> measured = new ArrayList<>();
        for (int i = 0; i < fingers.size(); i++) {
            EnrolledFinger finger = fingers.get(i);
            measured.add(new EnrolmentQuality.Measured(line, voterKey, finger.position(),
                    finger.impression(), PrintMeasures.of(sensorImages.get(i)),
                    matcher.minutiaeCount(finger.template()), consistency(finger, fingers)));
        }
        return new Enrolment(List.copyOf(fingers), List.copyOf(measured), List.of());
    }

    /** The row's dpi cell, else a dpi file of the voter or of the prints directory. */
    private static OptionalInt toldDpi(VoterRowValidator.ValidRow row, VoterCsvReader.CsvRow csvRow,
                                       EnrolmentImages images) {
        if (csvRow != null && csvRow.dpi().isPresent()) {
            OptionalInt dpi = FingerImageFiles.parseDpi(csvRow.dpi().get());
            if (dpi.isEmpty()) {
                throw new RegisterException("register.error.dpiFile", "dpi must be one number from "
                        + FingerImageFiles.MIN_PLAUSIBLE_DPI + " to " + FingerImageFiles.MAX_DPI, null);
            }
            return dpi;
        }
        return images.toldDpi(row.voterKey());
    }

    /** The best score of one impression against the other impressions of the same finger, if there are any. */
    private OptionalDouble consistency(EnrolledFinger finger, List<EnrolledFinger> all) {
        List<FingerTemplate> others = all.stream().filter(f -> f.position() == finger.position() && f != finger)
                .map(EnrolledFinger::template).toList();
        return others.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(matcher.prepare(finger.template()).bestScore(others));
    }
}
