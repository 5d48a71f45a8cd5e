package kz.sailau.kiosk.register;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.TemplateExtractionException;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * Builds the contents of a register package from {@code voters.csv} and the enrolment prints: validates
 * every row, extracts templates from both index fingers (in parallel), finds duplicates, and refuses to
 * produce contents while any row is invalid or any duplicate is not explicitly accepted.
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
     */
    public record Request(Path voters, Path prints, ElectionId election, PrecinctId precinct, long version,
                          List<AcceptedDuplicate> accepted, double duplicateThreshold) {
    }

    /**
     * The outcome; {@link #contents()} is present only when nothing blocks the build.
     *
     * @param problems   row problems (errors and warnings), by line
     * @param duplicates every suspected duplicate found
     * @param unaccepted duplicates not accepted: they block the build
     * @param contents   the register, when the build may proceed
     */
    public record Report(List<RowProblem> problems, List<DuplicateCase> duplicates, List<DuplicateCase> unaccepted,
                         Optional<RegisterContents> contents) {

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
        VoterRowValidator.Result validated = VoterRowValidator.validate(csv.rows(), request.precinct());
        problems.addAll(validated.problems());

        EnrolmentImages images = new EnrolmentImages(request.prints());
        List<VoterRowValidator.ValidRow> rows = validated.rows();
        AtomicInteger done = new AtomicInteger();
        long total = (long) rows.size() * FingerPosition.values().length;
        progress.update("extracting", 0, Math.max(1, total));
        List<Extracted> extracted = rows.parallelStream().map(row -> {
            Extracted result = extract(row, images);
            progress.update("extracting", done.addAndGet(FingerPosition.values().length), Math.max(1, total));
            return result;
        }).toList();
        List<DuplicateDetector.Candidate> candidates = new ArrayList<>();
        for (Extracted e : extracted) {
            problems.addAll(e.problems());
            if (e.problems().isEmpty()) {
                candidates.add(new DuplicateDetector.Candidate(e.row(), e.fingers()));
            }
        }
        progress.update("duplicates", 0, 1);
        List<DuplicateCase> duplicates = DuplicateDetector.find(candidates, matcher, request.duplicateThreshold());
        progress.update("duplicates", 1, 1);
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
            return new Report(problems, duplicates, unaccepted, Optional.empty());
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
        return new Report(problems, duplicates, unaccepted, Optional.of(contents));
    }

    private record Extracted(VoterRowValidator.ValidRow row, List<EnrolledFinger> fingers, List<RowProblem> problems) {
    }

    private Extracted extract(VoterRowValidator.ValidRow row, EnrolmentImages images) {
        List<EnrolledFinger> fingers = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (FingerPosition position : FingerPosition.values()) {
            try {
                EnrolmentImages.Loaded loaded = images.load(row.voterKey(), position);
                fingers.add(new EnrolledFinger(position, matcher.extract(loaded.image()),
                        Digests.sha256Hex(loaded.bytes())));
            } catch (RegisterException | TemplateExtractionException e) {
                problems.add(RowProblem.error(row.line(), position.fileName(), e.getMessage()));
            }
        }
        return new Extracted(row, fingers, problems);
    }
}
