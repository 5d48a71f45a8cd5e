package kz.sailau.prints.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.prints.CompetitionSetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code competition}: four synthetic sets in the competition layout, for {@code sailau-kiosk accuracy}. */
@Command(name = "competition", mixinStandardHelpOptions = true,
        description = "Write four sets DIR/<set>/<finger>_<impression>.png (fingers from 101, impressions from 1; "
                + "1-2 full-size, 3+ sensor-sized) like four sensors, and DIR/manifest.tsv.")
final class CompetitionCommand implements Callable<Integer> {

    @Option(names = "--fingers", required = true, description = "Fingers per set, even (two per voter).")
    int fingers;

    @Option(names = "--impressions", required = true, description = "Impressions per finger, 3 to 12.")
    int impressions;

    @Option(names = "--seed", required = true, description = "Seed.")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (fingers < 2 || fingers > 200 || fingers % 2 != 0 || impressions < 3 || impressions > 12) {
            throw new UsageException("--fingers must be even, 2..200, and --impressions 3..12");
        }
        OutputFolder.check(out, "--out", GenerateCommand.MANIFEST);
        long start = System.nanoTime();
        new CompetitionSetGenerator(seed).write(out, fingers, impressions);
        System.out.printf("4 sets x %d fingers x %d impressions in %.1f s to %s%n", fingers, impressions,
                (System.nanoTime() - start) / 1e9, out);
        return 0;
    }
}
