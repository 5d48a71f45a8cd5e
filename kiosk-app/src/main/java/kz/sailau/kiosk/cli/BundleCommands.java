package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.BundleFormatException;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.Reconciliation;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.token.RedeemLedger;
import kz.sailau.kiosk.token.TokenStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bundle verify}: the observer's full check of an end-of-day bundle ({@link BundleVerifier}); also the file
 * handling that {@code audit verify BUNDLE} and {@code token reconcile} share with it, so that all of them run the
 * same checks.
 */
final class BundleCommands {

    private BundleCommands() {
    }

    @Command(name = "bundle", mixinStandardHelpOptions = true, description = "Check end-of-day bundles.")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check an end-of-day bundle: its detached signature BUNDLE.p7s (by a kiosk certificate "
                    + "issued by the authority, with --authority-cert; without it only against the certificate it "
                    + "carries, and the signer is reported as NOT checked), the audit chain and signed heads, the "
                    + "counts against the log, the reconciliation check-ins = tokens issued - voided, the issued "
                    + "token ids against the log; with --redeemed also tokens valid = redeemed + unused; with "
                    + "--redeemed-ledger the ballot desk's redemptions against the issued ids.",
                    "Exit code 0: no check failed; 1: a check failed (each check is printed)."})
    static final class Verify implements Callable<Integer> {
        private final CliEnvironment env;

        @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle file.")
        Path bundle;

        @Option(names = "--authority-cert", paramLabel = "FILE",
                description = "The authority certificate (authority.crt.pem), obtained by a trusted channel.")
        Path authorityCertificate;

        @Option(names = "--redeemed", paramLabel = "N", description = "Tokens redeemed at the ballot desk.")
        Long redeemed;

        @Option(names = "--redeemed-ledger", paramLabel = "FILE",
                description = "The ballot desk's ledger: reconcile its redemptions against the issued ids.")
        Path redeemedLedger;

        Verify(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            ArgumentChecks.existingFile(bundle, "BUNDLE");
            if (authorityCertificate != null) {
                ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
            }
            if (redeemed != null) {
                ArgumentChecks.notNegative(redeemed, "--redeemed");
            }
            if (redeemedLedger != null) {
                ArgumentChecks.existingFile(redeemedLedger, "--redeemed-ledger");
            }
            X509Certificate authority = authorityCertificate == null ? null : readAuthority(authorityCertificate);
            Optional<Reconciliation.Redeemed> desk = Optional.ofNullable(redeemedLedger).map(BundleCommands::desk);
            BundleVerifier.Result result = verify(bundle, authority,
                    redeemed == null ? OptionalLong.empty() : OptionalLong.of(redeemed), desk);
            print(env, result);
            return result.passed() ? KioskCommandLine.OK : KioskCommandLine.FAILED;
        }
    }

    /**
     * Reads {@code bundle} and {@code bundle.p7s} (absent: verified as missing) and runs {@link BundleVerifier}.
     *
     * @throws CliException when the bundle file cannot be read or is not a bundle
     */
    static BundleVerifier.Result verify(Path bundle, X509Certificate authority, OptionalLong redeemed,
                                        Optional<Reconciliation.Redeemed> desk) {
        byte[] json;
        byte[] signature;
        try {
            json = Files.readAllBytes(bundle);
            Path signatureFile = bundle.resolveSibling(bundle.getFileName() + DayBundle.SIGNATURE_SUFFIX);
            signature = Files.isRegularFile(signatureFile) ? Files.readAllBytes(signatureFile) : null;
        } catch (IOException e) {
            throw new CliException("audit.error.bundleRead", "the bundle cannot be read: " + bundle + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return BundleVerifier.verify(json, signature, authority, redeemed, desk);
        } catch (BundleFormatException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
    }

    /** The redemptions of a ballot desk's ledger file. */
    static Reconciliation.Redeemed desk(Path ledger) {
        try {
            return new Reconciliation.Redeemed(ledger.toString(), RedeemLedger.readRedemptions(ledger).stream()
                    .map(r -> new Reconciliation.Redemption(r.id().toString(), r.typed())).toList());
        } catch (TokenStoreException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
    }

    /** The authority certificate at {@code file}. */
    static X509Certificate readAuthority(Path file) {
        try {
            return Pem.readCertificate(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CliException("cli.error.authorityCert", "the authority certificate cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * Prints one line per check: {@code ok|FAILED|NOT CHECKED<TAB>name<TAB>message}, then the verdict, which says
     * when the signer was not checked.
     */
    static void print(CliEnvironment env, BundleVerifier.Result result) {
        for (BundleVerifier.Check check : result.checks()) {
            String status = switch (check.status()) {
                case PASSED -> "ok";
                case FAILED -> "FAILED";
                case NOT_CHECKED -> "NOT CHECKED";
            };
            env.out().println(status + "\t" + check.name() + "\t" + check.message());
        }
        env.out().println(!result.passed() ? "bundle NOT verified"
                : result.signerChecked() ? "bundle verified" : "bundle verified (signer NOT checked)");
    }
}
