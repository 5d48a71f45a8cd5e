package kz.sailau.kiosk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.BiometricWipe;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.register.KioskDataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wipe}: delete templates and personal data after the day is closed. */
@Command(name = "wipe", mixinStandardHelpOptions = true,
        description = {"After 'day close' only: delete every fingerprint template, every voter record and the marked "
                + "register (its only copy is then the backup encrypted to the authority), vacuum the database and "
                + "truncate its write-ahead log, and write a signed WIPE_DONE record into the audit log."})
final class WipeCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
    Path data;

    @Mixin
    PassphraseOption passphrase;

    WipeCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        KioskDataDirectory directory = ArgumentChecks.initialisedKiosk(data);
        if (!Files.isRegularFile(directory.databaseFile())) {
            throw new CliException("audit.error.noDatabase", "no kiosk database in " + data);
        }
        try (UnlockedStore store = UnlockedStore.open(directory, passphrase, env)) {
            BiometricWipe.Wiped wiped = BiometricWipe.wipe(store.database(),
                    AuditRecorder.signing(ChainHeadSigner.kiosk(store.credentials())), env.clock());
            env.out().println("wiped: " + wiped.voters() + " voters, " + wiped.templates() + " templates, "
                    + wiped.checkIns() + " check-in marks; database vacuumed, WAL truncated; WIPE_DONE signed");
            return KioskCommandLine.OK;
        } catch (BiometricWipe.WipeRefusedException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
    }
}
