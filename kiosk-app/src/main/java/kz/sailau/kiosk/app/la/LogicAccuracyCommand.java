package kz.sailau.kiosk.app.la;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.CliException;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.cli.PassphraseOption;
import kz.sailau.kiosk.cli.UnlockedStore;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code la status|end}: the pre-election logic-and-accuracy test from a shell, with the kiosk program
 * stopped. The test itself runs only from the administrator screen (it needs the voter screens); these commands
 * show whether a test store is present and the L&amp;A events of the log, and end a test a stop or crash left
 * behind (tally, wipe, {@code LA_TEST_ENDED}), as <i>End test and reset to zero</i> does.
 */
@Command(name = "la", mixinStandardHelpOptions = true,
        description = "The pre-election logic-and-accuracy test (started from the administrator screen).")
public final class LogicAccuracyCommand {

    private LogicAccuracyCommand() {
    }

    /** Adds {@code la status} and {@code la end} to the kiosk's command line. */
    public static CommandLine create(CliEnvironment environment) {
        return new CommandLine(new LogicAccuracyCommand())
                .addSubcommand("status", new Status(environment))
                .addSubcommand("end", new End(environment));
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Whether a test store is in the data directory, and the LA_TEST_STARTED / LA_TEST_ENDED "
                    + "entries of the audit log with their fields.", "Exit code 0."})
    static final class Status implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        Status(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            KioskDataDirectory directory = KioskDataDirectory.at(data);
            if (!Files.exists(directory.databaseFile())) {
                throw new CliException("audit.error.noDatabase", "no kiosk database in " + data);
            }
            env.out().println("test store: " + (LogicAccuracyMode.testStorePresent(directory)
                    ? "present (a test is running or was interrupted; end it with 'la end')" : "none"));
            try (KioskDatabase database = env.openExistingDatabase(directory)) {
                for (AuditEntry entry : database.read(AuditLog::readAll)) {
                    AuditEventType type = entry.event().type();
                    if (type == AuditEventType.LA_TEST_STARTED || type == AuditEventType.LA_TEST_ENDED) {
                        StringBuilder line = new StringBuilder(entry.sequence() + "\t" + type);
                        entry.event().fields().forEach(f -> line.append('\t').append(f.name()).append('=')
                                .append(f.value()));
                        env.out().println(line);
                    }
                }
            }
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "end", mixinStandardHelpOptions = true,
            description = {"End a test left in the data directory (kiosk program stopped): tally it, overwrite and "
                    + "delete its files, and record LA_TEST_ENDED signed with the kiosk key.",
                    "Exit code 0: ended; 1: no test store (la.error.notRunning) or refused."})
    static final class End implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        @Option(names = "--passphrase-file", required = true, paramLabel = "FILE",
                description = "Read the administrator passphrase from the first line of FILE.")
        Path passphraseFile;

        End(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            KioskDataDirectory directory = KioskDataDirectory.at(data);
            char[] secret = PassphraseOption.readFile(passphraseFile, "--passphrase-file");
            try (UnlockedStore store = UnlockedStore.open(directory, secret, env)) {
                LogicAccuracyMode.Status ended = LogicAccuracyMode.endLeftOver(directory, store.database(),
                        env.migrations(), store.credentials(), env.clock(), env.random());
                env.out().println("test ended: " + ended.checkIns() + " check-ins, " + ended.refusals() + " refusals, "
                        + ended.overrides() + " overrides, " + ended.tokensIssued()
                        + " tokens during the test; test store wiped; LA_TEST_ENDED signed");
                return KioskCommandLine.OK;
            } catch (LogicAccuracyException e) {
                throw new CliException(e.messageKey(), e.getMessage());
            }
        }
    }
}
