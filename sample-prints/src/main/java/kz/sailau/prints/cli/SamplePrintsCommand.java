package kz.sailau.prints.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar sample-prints.jar <command>}: the synthetic fingerprint generator and demo register writer
 * on the command line. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
@Command(name = "sample-prints", mixinStandardHelpOptions = true, version = "sample-prints 0.1",
        description = "Synthetic fingerprints and made-up voter registers (no real person's data).",
        subcommands = {GenerateCommand.class, VotersCommand.class, DemoCommand.class, ReportCommand.class,
                CompetitionCommand.class})
public final class SamplePrintsCommand implements Callable<Integer> {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new SamplePrintsCommand()).execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }
}
