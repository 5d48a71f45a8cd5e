package kz.sailau.fingerprint.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code fingerprint-driver.jar}: {@code emulate}, {@code probe} and {@code capture}.
 *
 * <p>Exit codes: 0 success, 1 scanner failure (the message key and technical message go to stderr),
 * 2 invalid usage.
 */
@Command(name = "fingerprint-driver", mixinStandardHelpOptions = true, version = "fingerprint-driver 0.1",
        description = "R30x / ZFM-20 / AS608 fingerprint sensor: emulator, probe and capture.",
        subcommands = {EmulateCommand.class, ProbeCommand.class, CaptureCommand.class})
public final class FingerprintCommand implements Callable<Integer> {

    /** Exit code for a scanner failure. */
    static final int EXIT_SCANNER_FAILURE = 1;

    @Spec
    CommandSpec spec;

    /** Creates the command; picocli calls this. */
    public FingerprintCommand() {
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "fingerprint-cli-logback.xml");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams, for tests.
     *
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new FingerprintCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }
}
