package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kz.sailau.kiosk.accuracy.AccuracyReport;
import kz.sailau.kiosk.accuracy.AccuracyResult;
import kz.sailau.kiosk.accuracy.AccuracyRun;
import kz.sailau.kiosk.accuracy.CompetitionImages;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.register.RegisterBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accuracy}: runs the kiosk's own enrolment, sensor view, quality gate, capture policy and thresholds over a
 * folder of competition prints and reports what a precinct would see (docs/accuracy.md).
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = {"Measure fingerprint accuracy the way the kiosk checks voters in, over prints in the competition "
                + "layout DIR/<set>/<finger>_<impression>.<png|tif|tiff|bmp> (resolution from each image or from "
                + "DIR/<set>/dpi). Each set's consecutive fingers make a voter (first = right index, second = left "
                + "index).",
                "Prints per set and in total the voters verified within the allowed captures, per-capture reject and "
                        + "false non-match rates, impostor comparisons within and across sets, false matches and the "
                        + "highest impostor score; the last line is 'accuracy voters=V passed=P falseMatches=F "
                        + "impostorComparisons=C'. With --report, also scores.tsv, voters.tsv, det.png, histograms.png, "
                        + "enrolment-quality.tsv and summary.txt."})
final class AccuracyCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of set folders.")
    Path images;

    @Option(names = "--enrol-impressions", required = true, paramLabel = "N[,N...]",
            description = "Impression numbers enrolled per finger, 1 to 4 of them, e.g. 1 or 1,2.")
    String enrolImpressions;

    @Option(names = "--live-impressions", required = true, paramLabel = "N,N...",
            description = "Impression numbers presented at the kiosk, in order, e.g. 2,3,4,5,6,7,8.")
    String liveImpressions;

    @Option(names = "--captures", paramLabel = "N", description = "Captures the kiosk allows per voter (default: 3).")
    int captures = 3;

    @Option(names = "--report", paramLabel = "OUT", description = "Folder for the report files; must not exist or be "
            + "empty.")
    Path report;

    AccuracyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        List<Integer> enrol = numbers("--enrol-impressions", enrolImpressions);
        List<Integer> live = numbers("--live-impressions", liveImpressions);
        if (report != null) {
            checkReportFolder(report);
        }
        List<CompetitionImages.Set> sets = CompetitionImages.read(images);
        // The report is written into a folder made beside it before the run (a place that cannot be written is said
        // before the measurement, not after it) and renamed into place at the end: whole or not at all.
        // An existing (empty) folder may be reached through a link: the report replaces the folder, not the link.
        Path target = report != null && Files.isDirectory(report) ? report.toRealPath() : report;
        Path staging = target == null ? null : stage(target);
        try {
            FingerMatcher matcher = env.matcher().get();
            AccuracyResult result = new AccuracyRun(matcher, new RegisterBuilder(matcher, env.clock()))
                    .run(new AccuracyRun.Request(sets, enrol, live, captures));
            AccuracyReport output = new AccuracyReport(result);
            if (staging != null) {
                output.write(staging);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            }
            output.lines().forEach(env.out()::println);
            return KioskCommandLine.OK;
        } finally {
            if (staging != null) {
                removeStaging(staging);
            }
        }
    }

    /**
     * A new empty folder beside {@code report}, hidden ({@code .OUT.<pid>.<n>.tmp}), on the same file system (so the
     * rename is atomic), made with the process's default permissions as a report folder always was.
     */
    private static Path stage(Path report) throws IOException {
        Path absolute = report.toAbsolutePath();
        try {
            for (int n = 0; ; n++) {
                Path staging = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current()
                        .pid() + "." + n + ".tmp");
                try {
                    return Files.createDirectory(staging);
                } catch (FileAlreadyExistsException e) {
                    if (n >= 100) {
                        throw e;
                    }
                }
            }
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).contains(CommandFailure.NO_SPACE)) {
                throw e; // said as a full disk
            }
            throw new CliException("cli.error.report", "the folder that is to hold --report cannot be written ("
                    + (e.getReason() == null ? "no new folder can be made there" : e.getReason()) + "): "
                    + absolute.getParent());
        }
    }

    /** Removes a staging folder and the report files in it (no subfolders are ever written there). */
    private static void removeStaging(Path staging) {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            // The command's own failure is the one to report; a staging folder left behind is hidden and named so.
        }
    }

    private static List<Integer> numbers(String option, String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.strip().matches("[0-9]{1,3}")) {
                throw new CliException("cli.error.impressions", option + " must be impression numbers separated by "
                        + "commas, e.g. 1,2");
            }
            numbers.add(Integer.parseInt(part.strip()));
        }
        return numbers;
    }

    private static void checkReportFolder(Path folder) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.exists(folder)) {
            throw new CliException("cli.error.report", "--report is a symbolic link that leads to nothing (broken, "
                    + "or a loop): " + folder);
        }
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw new CliException("cli.error.report", "--report is a file, not a folder: " + folder);
            }
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new CliException("cli.error.report", "--report folder is not empty: " + folder);
                }
            }
        } else if (folder.toAbsolutePath().getParent() == null
                || !Files.isDirectory(folder.toAbsolutePath().getParent())) {
            throw new CliException("cli.error.report", "the folder that is to hold --report does not exist: " + folder);
        }
    }
}
