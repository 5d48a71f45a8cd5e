package kz.sailau.kiosk.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.app.demo.DemoCommand;
import kz.sailau.kiosk.app.la.LogicAccuracyCommand;
import kz.sailau.kiosk.app.simulate.SimulateCommand;
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.Migration;
import picocli.CommandLine;

/** Entry point of {@code sailau-kiosk.jar}: wires the real clock, randomness, matcher and migrations. */
public final class Main {

    /** The election-day start's command name. */
    private static final String START = "start";

    private Main() {
    }

    /**
     * Every database migration of the kiosk, in order. Later features append theirs here
     * (e.g. check-ins, tokens, audit log); a released migration is never edited or reordered.
     */
    public static List<Migration> migrations() {
        List<Migration> all = new ArrayList<>(RegisterStore.MIGRATIONS);
        all.addAll(SqliteCheckInLedger.MIGRATIONS);
        all.addAll(ClerkRoster.MIGRATIONS);
        all.addAll(StateAnchor.MIGRATIONS);
        all.addAll(SqliteCheckInLedger.TOKEN_MIGRATIONS);
        all.addAll(SqliteCheckInLedger.SPECIAL_LIST_MIGRATIONS);
        all.addAll(SqliteCheckInLedger.PAPER_MARK_MIGRATIONS);
        all.addAll(CheckInSeal.MIGRATIONS);
        return List.copyOf(all);
    }

    /** The administrator commands plus the application's own: {@code demo}, {@code start}, {@code simulate}, {@code la},
     * {@code clerk-station}. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine root = KioskCommandLine.create(environment);
        root.addSubcommand("demo", new CommandLine(new DemoCommand(environment)));
        root.addSubcommand(START, new CommandLine(new StartCommand(environment)));
        root.addSubcommand("simulate", new CommandLine(new SimulateCommand(environment)));
        root.addSubcommand("la", LogicAccuracyCommand.create(environment));
        root.addSubcommand("clerk-station", new CommandLine(new ClerkStationCommand(environment)));
        return KioskCommandLine.reportFailuresOnOneLine(root, environment);
    }

    /**
     * The command line that runs {@code args}: {@link #commandLine} with every command, except for {@code start} (the
     * election-day start, whose every moment before the passphrase prompt the administrator waits through), which
     * runs under a root holding only itself. Picocli reads the annotations of every command it is given before it
     * parses anything: for the forty-odd administrator commands that was about a third of the time before the prompt
     * (decision 0280). What {@code start} parses, prints for {@code --help} and refuses is the same either way
     * ({@code MainTest}).
     */
    public static CommandLine commandLineFor(String[] args, CliEnvironment environment) {
        if (args.length > 0 && START.equals(args[0])) {
            CommandLine root = KioskCommandLine.root(environment);
            root.addSubcommand(START, new CommandLine(new StartCommand(environment)));
            return KioskCommandLine.reportFailuresOnOneLine(root, environment);
        }
        return commandLine(environment);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), new SecureRandom(), migrations(),
                SourceAfisMatcher::new, System.out, System.err);
        System.exit(commandLineFor(args, environment).execute(args));
    }
}
