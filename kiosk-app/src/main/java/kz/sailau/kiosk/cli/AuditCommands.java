package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.model.PrintableText;
import kz.sailau.kiosk.audit.AuditChain;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditLogFormatException;
import kz.sailau.kiosk.audit.AuditSample;
import kz.sailau.kiosk.audit.AuditVerifier;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.RegisterSigners;
import kz.sailau.kiosk.audit.CheckInAuditMapping;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.ElectionDay;
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit verify|sample}: the observer's checks of the audit log, on the kiosk or in a bundle. */
final class AuditCommands {

    private AuditCommands() {
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Verify the hash-chained audit log; draw a reproducible sample of check-ins.")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the audit log of a kiosk data directory (--data DIR) or of an end-of-day bundle "
                    + "(BUNDLE, with BUNDLE.p7s next to it): every entry's hash, the links, the sequence and the "
                    + "kiosk's signed chain heads. Any changed, deleted, inserted or reordered entry, a rewritten "
                    + "chain or a cut-off end is reported with its position. With --data also the kiosk's state "
                    + "(register version, day phase, pre-election test) against the state anchored in the signed log: "
                    + "deleted or edited rows, a day set back to OPEN, a log cut back, altered triggers. A BUNDLE gets "
                    + "every check of 'bundle verify' (signature, counts, reconciliation, issued ids, the "
                    + "marked-register backup against the hash the bundle signed).",
                    "Exit code 0: intact (for a BUNDLE: no check failed); 1: broken (the first problem and its "
                            + "position are printed)."})
    static final class Verify implements Callable<Integer> {
        private final CliEnvironment env;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--data", paramLabel = "DIR", description = "Kiosk data directory.")
            Path data;

            @Parameters(paramLabel = "BUNDLE", description = "End-of-day bundle file.")
            Path bundle;
        }

        @Option(names = "--kiosk-cert", paramLabel = "FILE",
                description = "With --data: the kiosk certificate whose key signs the heads (default: the key of "
                        + "DATA/kiosk.csr.pem).")
        Path kioskCertificate;

        @Option(names = "--authority-cert", paramLabel = "FILE",
                description = "With BUNDLE: also check that the bundle is signed by a kiosk of this authority "
                        + "(without it the signer is reported as NOT checked). With --data: check that the key the "
                        + "heads are checked with is certified by a kiosk certificate of this authority (--kiosk-cert, "
                        + "or DATA/kiosk.crt.pem for the key of DATA/kiosk.csr.pem).")
        Path authorityCertificate;

        @Mixin
        BundleCommands.BackupOptions backup = new BundleCommands.BackupOptions();

        Verify(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            // An option that does not apply is refused, not ignored: an observer must not believe a check was made.
            if (source.bundle != null && kioskCertificate != null) {
                throw new CliException("cli.error.usage", "--kiosk-cert goes with --data only; a BUNDLE's signer is "
                        + "checked with --authority-cert");
            }
            if (source.data != null && backup.given()) {
                throw new CliException("cli.error.usage", "--backup and --backup-elsewhere go with BUNDLE only: the "
                        + "marked-register backup is checked against the bundle that names it");
            }
            if (source.bundle != null) {
                return verifyBundle();
            }
            KioskDataDirectory directory = KioskDataDirectory.at(source.data);
            ArgumentChecks.existingDirectory(source.data, "--data");
            if (kioskCertificate != null) {
                ArgumentChecks.existingFile(kioskCertificate, "--kiosk-cert");
            }
            if (authorityCertificate != null) {
                ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
            }
            Path request = source.data.resolve(KioskCredentials.REQUEST_FILE);
            if (kioskCertificate == null && !Files.isRegularFile(request)) {
                throw new CliException("kiosk.error.notInitialised", "--data: " + ArgumentChecks.noKioskData(
                        source.data, " holds no kiosk data (no " + KioskCredentials.REQUEST_FILE + "); give the "
                                + "kiosk's data folder, or --kiosk-cert"));
            }
            X509Certificate authority = null;
            if (authorityCertificate != null) {
                authority = BundleCommands.readAuthority(authorityCertificate);
            }
            X509Certificate givenCertificate = kioskCertificate == null ? null
                    : Pem.readCertificate(ArgumentChecks.smallFile(kioskCertificate, "--kiosk-cert"));
            PublicKey key = givenCertificate != null ? givenCertificate.getPublicKey()
                    : KioskSignatures.publicKeyOfRequest(ArgumentChecks.smallFile(request, "--data"));
            if (!Files.exists(directory.databaseFile())) {
                throw new CliException("audit.error.noDatabase", "no kiosk database in " + source.data);
            }
            HeadKey headKey = headKey(request, givenCertificate, authority);
            try (KioskDatabase database = env.openExistingDatabase(directory)) {
                List<AuditEntry> entries;
                try {
                    entries = database.read(AuditLog::readAll);
                } catch (AuditLogFormatException e) {
                    env.out().println("audit log broken at entry " + e.sequence() + ": "
                            + AuditChain.Problem.CHANGED + " (unreadable)");
                    return KioskCommandLine.FAILED;
                }
                ElectionDay.Phase phase = database.read(ElectionDay::phase);
                AuditVerifier.Report report = AuditVerifier.verifyKiosk(entries, Optional.of(key),
                        phase != ElectionDay.Phase.OPEN);
                env.out().println("election day: " + phase);
                env.out().println(headKey.line());
                env.out().println(report.describe());
                BundleVerifier.Check signers = RegisterSigners.check(entries, authority);
                // A check not made says so in its message ("NOT checked: …"); only a failure gets a prefix.
                env.out().println(signers.name() + ": " + (signers.status() == BundleVerifier.Status.FAILED
                        ? "FAILED: " : "") + signers.message());
                boolean consistent;
                try {
                    StateAnchor.State state = database.read(c -> StateAnchor.verify(c, key, env.migrations()));
                    env.out().println("kiosk state: agrees with the signed audit log: " + state.describe());
                    consistent = true;
                } catch (StateAnchor.TamperedStateException e) {
                    env.out().println("kiosk state: TAMPERED [" + e.messageKey() + "]: " + e.getMessage());
                    consistent = false;
                }
                return report.intact() && consistent && headKey.trusted() && signers.passed() ? KioskCommandLine.OK
                        : KioskCommandLine.FAILED;
            }
        }

        /**
         * Which key the signed heads are checked with, said in one line, and whether that key is contradicted.
         *
         * @param line    what is printed
         * @param trusted false when the authority certificate was given and contradicts the key (a failure)
         */
        private record HeadKey(String line, boolean trusted) {
        }

        /**
         * With {@code --kiosk-cert} its key (checked against {@code --authority-cert} when given); otherwise the key of
         * the directory's own {@code kiosk.csr.pem}: with {@code --authority-cert} and the authority-issued
         * {@code DATA/kiosk.crt.pem} beside it, that certificate must chain to the authority and certify this very key
         * (a request replaced by an insider's own key does not); without either, the honest warning that the key is
         * the directory's own.
         */
        private HeadKey headKey(Path request, X509Certificate givenCertificate, X509Certificate authority)
                throws IOException {
            String own = "signed heads checked with the key of " + request + ", a file of the directory checked: "
                    + "for a check that does not trust that directory give --kiosk-cert (from the authority)";
            if (givenCertificate != null) {
                String line = "signed heads checked with the key of " + kioskCertificate;
                if (authority == null) {
                    return new HeadKey(line, true);
                }
                try {
                    KioskSignatures.checkIssuedBy(givenCertificate, authority);
                    return new HeadKey(line + ", issued by " + authority.getSubjectX500Principal().getName(), true);
                } catch (KioskCryptoException e) {
                    return new HeadKey(line + ": FAILED, " + e.getMessage() + " [" + e.messageKey() + "]", false);
                }
            }
            if (authority == null) {
                return new HeadKey(own, true);
            }
            Path certificateFile = source.data.resolve(DayCommands.KIOSK_CERTIFICATE_FILE);
            if (!Files.isRegularFile(certificateFile)) {
                return new HeadKey(own + "; no kiosk certificate " + certificateFile + " to check that key against the "
                        + "authority", true);
            }
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(ArgumentChecks.smallFile(certificateFile, "--data"));
                KioskSignatures.checkIssuedBy(certificate, authority);
            } catch (KioskCryptoException e) {
                return new HeadKey("signed heads checked with the key of " + request + ": FAILED, " + certificateFile
                        + " does not chain to the authority (" + e.getMessage() + ") [" + e.messageKey() + "]", false);
            }
            PublicKey requested = KioskSignatures.publicKeyOfRequest(ArgumentChecks.smallFile(request, "--data"));
            if (!Arrays.equals(requested.getEncoded(), certificate.getPublicKey().getEncoded())) {
                return new HeadKey("signed heads checked with the key of " + request + ": FAILED, it is not the key "
                        + certificateFile + " certifies (one of them was replaced) [audit.error.kioskKeyNotCertified]",
                        false);
            }
            return new HeadKey("signed heads checked with the key of " + request + ", which " + certificateFile
                    + " certifies, issued by " + authority.getSubjectX500Principal().getName(), true);
        }

        private Integer verifyBundle() {
            ArgumentChecks.existingFile(source.bundle, "BUNDLE");
            if (authorityCertificate != null) {
                ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
            }
            backup.check();
            X509Certificate authority = authorityCertificate == null ? null
                    : BundleCommands.readAuthority(authorityCertificate);
            BundleVerifier.Result result = BundleCommands.verify(source.bundle, authority, OptionalLong.empty(),
                    Optional.empty(), Optional.of(backup));
            BundleCommands.print(env, result);
            return result.passed() ? KioskCommandLine.OK : KioskCommandLine.FAILED;
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = {"Draw a reproducible random sample of check-in events from a bundle for manual review. "
                    + "The same bundle and seed give the same sample on any machine (SHA-256 counter-mode "
                    + "generator, see docs/observer-guide.md).",
                    "Prints one line per drawn entry: sequence, type and fields (an override or fallback check-in has "
                            + "form=REFERENCE, the number on the clerk's paper form), then the paper forms to fetch."})
    static final class Sample implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--bundle", required = true, paramLabel = "BUNDLE", description = "End-of-day bundle file.")
        Path bundle;

        @Option(names = "--seed", required = true, paramLabel = "PUBLIC_SEED",
                description = "The publicly announced seed.")
        String seed;

        @Option(names = "--size", required = true, paramLabel = "N", description = "Number of check-ins to draw.")
        int size;

        Sample(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            if (size < 1 || seed.isEmpty()) {
                throw new CliException("cli.error.usage", "--size must be at least 1 and --seed not empty");
            }
            if (!PrintableText.of(seed).equals(seed)) {
                // Printed back in the sample's first line: an escape sequence or a line break in a published seed
                // could clear or forge lines of the observer's printout, and nobody could type it again.
                throw new CliException("cli.error.usage", "--seed must be printable text on one line (no control, "
                        + "format or line-break characters): " + PrintableText.of(seed));
            }
            ArgumentChecks.existingFile(bundle, "--bundle");
            DayBundle parsed = BundleCommands.parse(bundle);
            List<Long> drawn = AuditSample.draw(parsed.entries(), seed, size);
            env.out().println("sample of " + drawn.size() + " check-ins, seed \"" + seed + "\", audit head "
                    + parsed.head().hash());
            for (long sequence : drawn) {
                AuditEntry entry = parsed.entries().stream().filter(e -> e.sequence() == sequence).findFirst()
                        .orElseThrow();
                StringBuilder line = new StringBuilder().append(sequence).append('\t').append(entry.time())
                        .append('\t').append(entry.event().type());
                for (AuditField field : entry.event().fields()) {
                    line.append('\t').append(field.name()).append('=').append(field.value());
                }
                env.out().println(line);
            }
            List<String> forms = drawn.stream().map(sequence -> parsed.entries().stream()
                    .filter(e -> e.sequence() == sequence).findFirst().orElseThrow().event()
                    .field(CheckInAuditMapping.FORM_FIELD)).filter(Objects::nonNull).toList();
            env.out().println("paper forms to fetch: " + (forms.isEmpty() ? "none" : String.join(", ", forms)));
            return KioskCommandLine.OK;
        }
    }
}
