package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.DayCloseException;
import kz.sailau.kiosk.audit.EndOfDay;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.register.KioskDataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code day close}: close the polls and write the signed end-of-day bundle. */
final class DayCommands {

    /** The kiosk certificate's default place in the data directory. */
    static final String KIOSK_CERTIFICATE_FILE = "kiosk.crt.pem";
    /** Software version written into the bundle when the jar has no Implementation-Version. */
    static final String DEFAULT_VERSION = "0.1.0-SNAPSHOT";

    private DayCommands() {
    }

    @Command(name = "day", mixinStandardHelpOptions = true, description = "The election day: close the polls.")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = {"Close the election day: from now on the kiosk refuses every check-in. Writes the signed "
                    + "bundle BUNDLE (JSON), its detached signature BUNDLE.p7s, and the marked register encrypted to "
                    + "the authority BUNDLE.marked-register.p7m; the close is committed only once they are written "
                    + "(a refusal leaves the day open). Every count, tokens included, comes from the signed audit "
                    + "log. On a day already closed, writes the bundle again."})
    static final class Close implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Bundle file to write.")
        Path out;

        @Option(names = "--kiosk-cert", paramLabel = "FILE",
                description = "The kiosk certificate from the authority (default: DATA/" + KIOSK_CERTIFICATE_FILE + ").")
        Path kioskCertificate;

        @Mixin
        PassphraseOption passphrase;

        Close(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            KioskDataDirectory directory = ArgumentChecks.initialisedKiosk(data);
            ArgumentChecks.replaceableFile(out, "--out", "an end-of-day bundle", "\"sailau-day-bundle");
            KioskDataDirectory.KioskProfile profile = directory.profile();
            X509Certificate authority = directory.pinnedAuthority();
            Path certificateFile = kioskCertificate != null ? kioskCertificate : data.resolve(KIOSK_CERTIFICATE_FILE);
            if (!Files.exists(certificateFile)) {
                throw new CliException("audit.error.noKioskCertificate", "no kiosk certificate at " + certificateFile
                        + "; give --kiosk-cert");
            }
            X509Certificate certificate = Pem.readCertificate(ArgumentChecks.smallFile(certificateFile, "--kiosk-cert"));
            try (UnlockedStore store = UnlockedStore.openExisting(directory, passphrase, env)) {
                EndOfDay.Written written;
                try {
                    written = EndOfDay.close(store.database(), store.credentials(), certificate, authority, profile,
                            software(), out, env.clock(), env.random());
                } catch (DayCloseException e) {
                    throw new CliException(e.messageKey(), e.getMessage());
                } catch (IOException e) {
                    throw new CliException("audit.error.bundleWrite", "the bundle cannot be written, the day stays "
                            + "as it was: " + e.getClass().getSimpleName() + " " + e.getMessage());
                }
                var counts = written.content().counts();
                // "label number" throughout, as the other counts: no "1 check-ins" (and no plural forms on a command line).
                env.out().println("election day closed: check-ins " + counts.checkIns()
                        + (counts.paperMarks() > 0 ? " (and paper marks " + counts.paperMarks() + ")" : "")
                        + ", tokens issued "
                        + counts.tokensIssued() + ", voided " + counts.tokensVoided()
                        + (counts.tokensNotIssued() > 0 ? ", not issued " + counts.tokensNotIssued() : "")
                        + ", reconciliation " + (counts.reconciles() ? "balanced" : "NOT balanced"));
                env.out().println("bundle: " + written.bundle());
                env.out().println("signature: " + written.signature());
                written.backup().ifPresent(b -> env.out().println("marked register (encrypted to the authority): " + b));
                return KioskCommandLine.OK;
            }
        }
    }

    /** The running software's version and, when run from a jar, the jar's SHA-256. */
    static EndOfDay.Software software() {
        String version = KioskCommandLine.class.getPackage().getImplementationVersion();
        String jarHash = null;
        try {
            Path location = Path.of(KioskCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                jarHash = Digests.sha256Hex(Files.readAllBytes(location));
            }
        } catch (Exception e) {
            // Not from a jar (tests, IDE): the bundle records no jar hash.
        }
        return new EndOfDay.Software(version != null && version.matches("[0-9.]+(-[A-Z]+)?") ? version
                : DEFAULT_VERSION, jarHash);
    }
}
