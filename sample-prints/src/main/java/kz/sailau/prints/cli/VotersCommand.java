package kz.sailau.prints.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.VoterSetFiles;
import kz.sailau.prints.VoterSetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voters}: a made-up register with prints, in the format of {@code docs/sample-prints.md}. */
@Command(name = "voters", mixinStandardHelpOptions = true,
        description = "Write voters.csv, documents.csv, prints/, voters-bad.csv and voters-bad.expected.tsv.")
final class VotersCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, description = "Number of good voters.")
    int count;

    @Option(names = "--precinct", required = true, description = "Precinct number.")
    int precinct;

    @Option(names = "--seed", required = true, description = "Seed.")
    long seed;

    @Option(names = "--difficulty", defaultValue = "NORMAL", description = "EASY, NORMAL or HARD (default ${DEFAULT-VALUE}).")
    Difficulty difficulty;

    @Option(names = "--grey-levels", defaultValue = "256", description = "Posterise images to this many grey levels (default ${DEFAULT-VALUE}).")
    int greyLevels;

    @Option(names = "--no-sensor-noise", description = "Leave out per-pixel sensor noise (much smaller files).")
    boolean noSensorNoise;

    @Option(names = "--enrol-impressions", defaultValue = "1",
            description = "Enrolment impressions per finger, 1 to 4: <finger>_enrol.png, <finger>_enrol_2.png ... "
                    + "(default ${DEFAULT-VALUE}).")
    int enrolImpressions;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || precinct < 1) {
            throw new UsageException("--count and --precinct must be at least 1");
        }
        if (enrolImpressions < 1 || enrolImpressions > VoterSetGenerator.MAX_ENROL_IMPRESSIONS) {
            throw new UsageException("--enrol-impressions must be 1 to " + VoterSetGenerator.MAX_ENROL_IMPRESSIONS);
        }
        if (greyLevels < 2 || greyLevels > 256) {
            throw new UsageException("--grey-levels must be 2 to 256");
        }
        OutputFolder.check(out, "--out", VoterSetFiles.EXPECTED_PROBLEMS);
        long start = System.nanoTime();
        VoterSetGenerator generator = new VoterSetGenerator(seed, precinct, difficulty).withGreyLevels(greyLevels)
                .withEnrolImpressions(enrolImpressions);
        (noSensorNoise ? generator.withoutSensorNoise() : generator).write(out, count);
        System.out.printf("%d voters in %.1f s to %s%n", count, (System.nanoTime() - start) / 1e9, out);
        return 0;
    }
}
