package kz.sailau.kiosk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.BundleFormatException;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.crypto.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bundle verify}: the observer's full check of an end-of-day bundle. */
final class BundleCommands {

    private BundleCommands() {
    }

    @Command(name = "bundle", mixinStandardHelpOptions = true, description = "Check end-of-day bundles.")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check an end-of-day bundle: its detached signature BUNDLE.p7s (by a kiosk certificate "
                    + "issued by the authority), the audit chain and signed heads, the counts against the log, and "
                    + "the reconciliation check-ins = tokens issued - voided; with --redeemed also tokens valid = "
                    + "redeemed + unused.",
                    "Exit code 0: every check passed; 1: a check failed (each check is printed)."})
    static final class Verify implements Callable<Integer> {
        private final CliEnvironment env;

        @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle file.")
        Path bundle;

        @Option(names = "--authority-cert", required = true, paramLabel = "FILE",
                description = "The authority certificate (authority.crt.pem), obtained by a trusted channel.")
        Path authorityCertificate;

        @Option(names = "--redeemed", paramLabel = "N", description = "Tokens redeemed at the ballot desk.")
        Long redeemed;

        Verify(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            ArgumentChecks.existingFile(bundle, "BUNDLE");
            ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
            if (redeemed != null) {
                ArgumentChecks.notNegative(redeemed, "--redeemed");
            }
            byte[] json = Files.readAllBytes(bundle);
            Path signatureFile = bundle.resolveSibling(bundle.getFileName() + DayBundle.SIGNATURE_SUFFIX);
            byte[] signature = Files.exists(signatureFile) ? Files.readAllBytes(signatureFile) : null;
            X509Certificate authority = Pem.readCertificate(Files.readAllBytes(authorityCertificate));
            BundleVerifier.Result result;
            try {
                result = BundleVerifier.verify(json, signature, authority,
                        redeemed == null ? OptionalLong.empty() : OptionalLong.of(redeemed));
            } catch (BundleFormatException e) {
                throw new CliException(e.messageKey(), e.getMessage());
            }
            print(env, result);
            return result.passed() ? KioskCommandLine.OK : KioskCommandLine.FAILED;
        }
    }

    /** Prints one line per check: {@code ok|FAILED<TAB>name<TAB>message}. */
    static void print(CliEnvironment env, BundleVerifier.Result result) {
        for (BundleVerifier.Check check : result.checks()) {
            env.out().println((check.passed() ? "ok" : "FAILED") + "\t" + check.name() + "\t" + check.message());
        }
        env.out().println(result.passed() ? "bundle verified" : "bundle NOT verified");
    }
}
