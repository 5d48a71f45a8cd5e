package kz.sailau.kiosk.cli;

import java.util.Objects;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command {@code sailau-kiosk} and its administrator subcommands. New features add their command
 * group with {@link CommandLine#addSubcommand} in {@link #create} (or the app wiring adds e.g. {@code ui}
 * to the returned command line).
 *
 * <p>Exit codes: 0 success; 1 refused or failed (the message names the reason and its message key);
 * 2 wrong usage; 3 register build blocked by invalid rows or unaccepted duplicates.
 */
public final class KioskCommandLine {

    /** Success. */
    public static final int OK = 0;
    /** Refused or failed. */
    public static final int FAILED = 1;
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
                .addSubcommand("certify-kiosk", new AuthorityCommands.CertifyKiosk(environment)));
        root.addSubcommand("kiosk", new CommandLine(new KioskCommands.Group())
                .addSubcommand("init", new KioskCommands.Init(environment)));
        root.addSubcommand("register", new CommandLine(new RegisterCommands.Group())
                .addSubcommand("build", new RegisterCommands.Build(environment))
                .addSubcommand("inspect", new RegisterCommands.Inspect(environment))
                .addSubcommand("load", new RegisterCommands.Load(environment))
                .addSubcommand("status", new RegisterCommands.Status(environment)));
        root.addSubcommand("token", new CommandLine(new TokenCommand()));
        AuditCommandLines.register(root, environment);
        ClerkCommands.register(root, environment);
        NodeCommands.register(root, environment);
        root.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            String key = exception instanceof RegisterException e ? e.messageKey()
                    : exception instanceof KioskCryptoException e ? e.messageKey()
                    : exception instanceof StoreException e ? e.messageKey()
                    : exception instanceof CliException e ? e.messageKey() : null;
            if (key == null) {
                throw exception;
            }
            environment.err().println();
            environment.err().println("error [" + key + "]: " + exception.getMessage());
            return FAILED;
        });
        root.setOut(new java.io.PrintWriter(environment.out(), true));
        root.setErr(new java.io.PrintWriter(environment.err(), true));
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
