package kz.sailau.kiosk.cli;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command {@code sailau-kiosk} and its administrator subcommands. New features add their command
 * group with {@link CommandLine#addSubcommand} in {@link #create} (or the app wiring adds e.g. {@code ui}
 * to the returned command line).
 *
 * <p>Exit codes: 0 success; 1 refused or failed; 2 wrong usage; 3 register build blocked by invalid rows or
 * unaccepted duplicates. Every failure prints exactly one line {@code error [<message key>]: <reason>} on standard
 * error ({@link #reportFailuresOnOneLine}).
 */
public final class KioskCommandLine {

    /** Success. */
    public static final int OK = 0;
    /** Refused or failed. */
    public static final int FAILED = 1;
    /** Wrong usage: a missing, unknown or malformed option or parameter. */
    public static final int USAGE = 2;
    /** Register build blocked by invalid rows or unaccepted duplicates. */
    public static final int BLOCKED = 3;

    private KioskCommandLine() {
    }

    /** The root command. */
    @Command(name = "sailau-kiosk", mixinStandardHelpOptions = true, version = "Sailau Kiosk 0.1",
            description = "Sailau Kiosk: offline biometric voter check-in. Administrator commands.")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
        }
    }

    /** Builds the command line with every administrator command. */
    public static CommandLine create(CliEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand("authority", new CommandLine(new AuthorityCommands.Group())
                .addSubcommand("init", new AuthorityCommands.Init(environment))
                .addSubcommand("certify-kiosk", new AuthorityCommands.CertifyKiosk(environment))
                .addSubcommand("token-key", new AuthorityCommands.TokenKey(environment))
                .addSubcommand("desk-key", new AuthorityCommands.DeskKey(environment)));
        root.addSubcommand("kiosk", new CommandLine(new KioskCommands.Group())
                .addSubcommand("init", new KioskCommands.Init(environment)));
        root.addSubcommand("register", new CommandLine(new RegisterCommands.Group())
                .addSubcommand("build", new RegisterCommands.Build(environment))
                .addSubcommand("inspect", new RegisterCommands.Inspect(environment))
                .addSubcommand("load", new RegisterCommands.Load(environment))
                .addSubcommand("status", new RegisterCommands.Status(environment)));
        root.addSubcommand("token", new CommandLine(new TokenCommand()));
        root.addSubcommand("accuracy", new CommandLine(new AccuracyCommand(environment)));
        AuditCommandLines.register(root, environment);
        ClerkCommands.register(root, environment);
        NodeCommands.register(root, environment);
        root.setOut(new PrintWriter(environment.out(), true));
        root.setErr(new PrintWriter(environment.err(), true));
        reportFailuresOnOneLine(root, environment);
        return root;
    }

    /**
     * The root command {@code sailau-kiosk} alone, writing to the environment's console as {@link #create}'s does:
     * what the election-day {@code start} runs under by itself, since picocli reads the annotations of every command
     * it is given before it parses anything (decision 0280). Add the subcommand, then call
     * {@link #reportFailuresOnOneLine}.
     */
    public static CommandLine root(CliEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        CommandLine root = new CommandLine(new Root());
        root.setOut(new PrintWriter(environment.out(), true));
        root.setErr(new PrintWriter(environment.err(), true));
        return root;
    }

    /**
     * Makes every command of {@code root} (call it again after adding subcommands) report a failure as exactly one
     * line {@code error [<message key>]: <reason>} on standard error, never a stack trace: wrong usage (a missing
     * or malformed option) with {@code cli.error.usage} and exit code {@value #USAGE}, a refusal or failure with its
     * own key ({@link CommandFailure}) and exit code {@value #FAILED}.
     */
    public static CommandLine reportFailuresOnOneLine(CommandLine root, CliEnvironment environment) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(environment, "environment");
        root.setParameterExceptionHandler((exception, args) -> {
            ConsoleProgressBar.endLine(environment.err());
            environment.err().println(new CommandFailure("cli.error.usage", exception.getMessage() + " (see '"
                    + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help')").line());
            return USAGE;
        });
        root.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            ConsoleProgressBar.endLine(environment.err());
            environment.err().println(CommandFailure.of(exception).line());
            return FAILED;
        });
        // The last resort for an input far larger or deeper than any the kiosk expects that no command's own limit
        // caught (picocli passes errors through): one line, never a stack trace.
        CommandLine.IExecutionStrategy strategy = root.getExecutionStrategy();
        root.setExecutionStrategy(parseResult -> {
            try {
                return strategy.execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError e) {
                ConsoleProgressBar.endLine(environment.err());
                environment.err().println(new CommandFailure("cli.error.inputTooLarge", "the command ran out of "
                        + "memory or stack on its input: a file or line far larger, or nested far deeper, than any "
                        + "the kiosk expects; the command stopped there").line());
                return FAILED;
            }
        });
        return root;
    }

    /** A command group that only holds subcommands. */
    abstract static class GroupCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
        }
    }
}
