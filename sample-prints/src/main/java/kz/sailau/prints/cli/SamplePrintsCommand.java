package kz.sailau.prints.cli;

import java.io.IOException;
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

    /**
     * Runs the command line and returns its exit code (for tests). Every refusal and failure is one line on standard
     * error, {@code error [sample-prints.error.usage]: ...} (exit 2) or {@code error [sample-prints.error.failed]:
     * ...} (exit 1), never a stack trace.
     */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new SamplePrintsCommand());
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String help = e.getCommandLine().getCommandSpec().qualifiedName();
            return refuse("sample-prints.error.usage", e.getMessage() + " (see '" + help + " --help')", 2);
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> e instanceof UsageException
                ? refuse("sample-prints.error.usage", e.getMessage(), 2)
                : refuse("sample-prints.error.failed", (e instanceof IOException ? "file error: " : "")
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), 1));
        return commandLine.execute(args);
    }

    /** Prints the one line of a refusal, control characters shown as {@code ?}, and returns the exit code. */
    private static int refuse(String key, String message, int exitCode) {
        System.err.println("error [" + key + "]: " + message.replaceAll("\\p{Cntrl}", "?"));
        return exitCode;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }
}
