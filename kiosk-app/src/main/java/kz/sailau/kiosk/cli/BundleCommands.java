package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.BundleFormatException;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.MarkedRegisterBackup;
import kz.sailau.kiosk.audit.Reconciliation;
import kz.sailau.kiosk.audit.SignedHead;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.precinct.PrecinctBundleVerifier;
import kz.sailau.kiosk.precinct.PrecinctDayBundle;
import kz.sailau.kiosk.token.RedeemLedger;
import kz.sailau.kiosk.token.TokenStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                    + "token ids against the log, the marked-register backup BUNDLE.marked-register.p7m (or "
                    + "--backup FILE) against the SHA-256 the signed bundle names (missing: a failure unless "
                    + "--backup-elsewhere); with --redeemed also tokens valid = redeemed + unused; with "
                    + "--redeemed-ledger the ballot desk's redemptions against the issued ids; with --head the audit "
                    + "head printed on a report (its QR code, or the line under it) against the bundle's signed log.",
                    "With --precinct DIR (and --authority-cert) instead of BUNDLE: join the end-of-day bundles of every "
                    + "node of a precinct network (DIR/NODE.bundle and NODE.bundle.p7s): each signed by its node "
                    + "certificate, every member present, the same sealed ledger on every node, counts per kiosk, no "
                    + "voter recorded twice, check-ins = tokens issued - voided per kiosk and in total, every redeemed "
                    + "token issued by a kiosk, every node on the register version the precinct agreed on; and every "
                    + "kiosk's own day bundle DIR/NODE" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX + " (with its .p7s, "
                    + "from day close) verified as BUNDLE is, with its check-ins and token ids against the precinct "
                    + "ledger's for that kiosk; a kiosk's own bundle missing is a failure.",
                    "Exit code 0: no check failed; 1: a check failed (each check is printed)."})
    static final class Verify implements Callable<Integer> {
        private final CliEnvironment env;

        @Parameters(index = "0", arity = "0..1", paramLabel = "BUNDLE", description = "The bundle file.")
        Path bundle;

        @Option(names = "--precinct", paramLabel = "DIR",
                description = "A precinct network's node bundles (NODE.bundle, NODE.bundle.p7s) and its kiosks' own day "
                        + "bundles (NODE" + PrecinctBundleVerifier.KIOSK_DAY_SUFFIX + ", .p7s), instead of BUNDLE.")
        Path precinct;

        @Option(names = "--authority-cert", paramLabel = "FILE",
                description = "The authority certificate (authority.crt.pem), obtained by a trusted channel.")
        Path authorityCertificate;

        @Option(names = "--election", paramLabel = "ID",
                description = "The election the bundle must be of (with --precinct: that the kiosks' own logs must "
                        + "name, the node bundles naming none), so that an earlier election's bundle fails.")
        String election;

        @Option(names = "--redeemed", paramLabel = "N", description = "Tokens redeemed at the ballot desk.")
        Long redeemed;

        @Option(names = "--redeemed-ledger", paramLabel = "FILE",
                description = "The ballot desk's ledger: reconcile its redemptions against the issued ids.")
        Path redeemedLedger;

        @Mixin
        BackupOptions backup = new BackupOptions();

        @Option(names = "--head", paramLabel = "TEXT",
                description = "A head printed on an opening report, turnout slip or closing tally, as scanned from its "
                        + "QR code or typed (sailau-head-v1:SEQUENCE:HASH); may be given more than once.")
        List<String> heads = List.of();

        Verify(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            // Each refusal names what is missing or extra, so that nobody takes it for a fault of the file or folder.
            if (bundle == null && precinct == null) {
                throw new CliException("bundle.error.nothingToVerify", "nothing to verify: give the kiosk's bundle "
                        + "file (BUNDLE), or a precinct's folder with --precinct DIR --authority-cert FILE");
            }
            if (bundle != null && precinct != null) {
                throw new CliException("bundle.error.bundleAndPrecinct", "give BUNDLE or --precinct DIR, not both "
                        + "(a precinct's folder holds its kiosks' day bundles already)");
            }
            if (precinct != null) {
                List<String> extra = new ArrayList<>();
                if (redeemed != null) {
                    extra.add("--redeemed");
                }
                if (redeemedLedger != null) {
                    extra.add("--redeemed-ledger");
                }
                if (!heads.isEmpty()) {
                    extra.add("--head");
                }
                if (backup.given()) {
                    extra.add("--backup/--backup-elsewhere");
                }
                if (!extra.isEmpty()) {
                    throw new CliException("bundle.error.notWithPrecinct", String.join(", ", extra) + " does not go "
                            + "with --precinct DIR: the redemptions are in the desk's node bundle and each kiosk's "
                            + "day bundle is checked in the folder; verify a single BUNDLE for those options");
                }
                if (authorityCertificate == null) {
                    throw new CliException("bundle.error.precinctNeedsAuthority", "--precinct DIR also needs "
                            + "--authority-cert FILE, the authority's certificate every node bundle is checked "
                            + "against (the folder " + precinct + " was not looked at)");
                }
                Optional<ElectionId> expected = Optional.ofNullable(election)
                        .map(text -> ArgumentChecks.election(text, "--election"));
                ArgumentChecks.existingDirectory(precinct, "--precinct");
                ArgumentChecks.existingFile(authorityCertificate, "--authority-cert");
                X509Certificate authority = readAuthority(authorityCertificate);
                PrecinctBundleVerifier.Result result = PrecinctBundleVerifier.verify(precinctBundles(precinct),
                        kioskDays(precinct), authority, expected);
                for (PrecinctBundleVerifier.Check check : result.checks()) {
                    env.out().println((check.passed() ? "ok" : "FAILED") + "\t" + check.name() + "\t"
                            + check.message());
                }
                env.out().println(result.verdict());
                return result.passed() ? KioskCommandLine.OK : KioskCommandLine.FAILED;
            }
            Optional<ElectionId> expected = Optional.ofNullable(election)
                    .map(text -> ArgumentChecks.election(text, "--election"));
            List<SignedHead> printed = new ArrayList<>();
            for (String head : heads) {
                try {
                    printed.add(SignedHead.parse(head));
                } catch (IllegalArgumentException e) {
                    throw new CliException("bundle.error.head", "--head is not a printed audit head ("
                            + SignedHead.PREFIX + "SEQUENCE:HASH)");
                }
            }
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
            backup.check();
            X509Certificate authority = authorityCertificate == null ? null : readAuthority(authorityCertificate);
            Optional<Reconciliation.Redeemed> desk = Optional.ofNullable(redeemedLedger).map(BundleCommands::desk);
            BundleVerifier.Result result = verify(bundle, authority,
                    redeemed == null ? OptionalLong.empty() : OptionalLong.of(redeemed), desk, Optional.of(backup),
                    expected);
            if (!printed.isEmpty()) {
                List<AuditEntry> entries = parse(bundle).entries();
                result = result.with(printed.stream().map(head -> head.checkIn(entries)).toList());
            }
            print(env, result);
            return result.passed() ? KioskCommandLine.OK : KioskCommandLine.FAILED;
        }
    }

    /**
     * Where the marked-register backup of a BUNDLE is for {@code bundle verify} and {@code audit verify BUNDLE}: beside
     * the bundle ({@code BUNDLE.marked-register.p7m}), the file of {@code --backup}, or kept elsewhere
     * ({@code --backup-elsewhere}: not looked for, said so).
     */
    static final class BackupOptions {
        @Option(names = "--backup", paramLabel = "FILE",
                description = "The marked-register backup to check against the SHA-256 the bundle signed "
                        + "(default: BUNDLE" + MarkedRegisterBackup.FILE_SUFFIX + " beside the bundle).")
        Path file;

        @Option(names = "--backup-elsewhere",
                description = "The marked-register backup is not here (the authority keeps it): do not look for it; "
                        + "the check is reported as NOT checked instead of failing.")
        boolean elsewhere;

        /** Whether either option was given. */
        boolean given() {
            return file != null || elsewhere;
        }

        /** @throws CliException when both are given or {@code --backup} is no readable file */
        void check() {
            if (file != null && elsewhere) {
                throw new CliException("cli.error.usage", "give --backup FILE or --backup-elsewhere, not both");
            }
            if (file != null) {
                ArgumentChecks.existingFile(file, "--backup");
            }
        }

        /** The backup for {@code bundle}, read. */
        BundleVerifier.Backup read(Path bundle) throws IOException {
            if (elsewhere) {
                return new BundleVerifier.Backup.KeptElsewhere();
            }
            Path backup = file != null ? file
                    : bundle.resolveSibling(bundle.getFileName() + MarkedRegisterBackup.FILE_SUFFIX);
            return Files.isRegularFile(backup)
                    ? new BundleVerifier.Backup.Found(backup.toString(), PrecinctBundleVerifier.readBounded(backup))
                    : new BundleVerifier.Backup.Missing(backup.toString());
        }
    }

    /** {@link #verify(Path, X509Certificate, OptionalLong, Optional, Optional)} without the backup check. */
    static BundleVerifier.Result verify(Path bundle, X509Certificate authority, OptionalLong redeemed,
                                        Optional<Reconciliation.Redeemed> desk) {
        return verify(bundle, authority, redeemed, desk, Optional.empty());
    }

    /**
     * Reads {@code bundle} and {@code bundle.p7s} (absent: verified as missing) and runs {@link BundleVerifier};
     * with {@code backup}, also checks the marked-register backup against the bundle
     * ({@link BundleVerifier#markedRegister}).
     *
     * @throws CliException when the bundle file cannot be read or is not a bundle
     */
    static BundleVerifier.Result verify(Path bundle, X509Certificate authority, OptionalLong redeemed,
                                        Optional<Reconciliation.Redeemed> desk, Optional<BackupOptions> backup) {
        return verify(bundle, authority, redeemed, desk, backup, Optional.empty());
    }

    /**
     * As {@link #verify(Path, X509Certificate, OptionalLong, Optional, Optional)}, and names the bundle's election,
     * precinct and day ({@link BundleVerifier#election}), requiring {@code election} when given.
     *
     * @throws CliException when the bundle file cannot be read or is not a bundle
     */
    static BundleVerifier.Result verify(Path bundle, X509Certificate authority, OptionalLong redeemed,
                                        Optional<Reconciliation.Redeemed> desk, Optional<BackupOptions> backup,
                                        Optional<ElectionId> election) {
        byte[] json;
        byte[] signature;
        Optional<BundleVerifier.Backup> marked;
        try {
            json = PrecinctBundleVerifier.readBounded(bundle);
            Path signatureFile = bundle.resolveSibling(bundle.getFileName() + DayBundle.SIGNATURE_SUFFIX);
            signature = Files.isRegularFile(signatureFile) ? PrecinctBundleVerifier.readBounded(signatureFile) : null;
            marked = backup.isPresent() ? Optional.of(backup.get().read(bundle)) : Optional.empty();
        } catch (PrecinctBundleVerifier.FileTooLargeException e) {
            throw tooLarge(e);
        } catch (IOException e) {
            throw new CliException("audit.error.bundleRead", "the bundle cannot be read: " + bundle + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            BundleVerifier.Result result = BundleVerifier.verify(json, signature, authority, redeemed, desk);
            DayBundle parsed = DayBundle.parse(json).bundle();
            if (marked.isPresent()) {
                result = result.with(List.of(BundleVerifier.markedRegister(parsed, marked.get())));
            }
            return result.with(List.of(BundleVerifier.election(parsed, election.map(ElectionId::value))));
        } catch (BundleFormatException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
    }

    /**
     * Reads and parses a bundle file (after {@link #verify} read it once: the same file).
     *
     * @throws CliException when it cannot be read or is not a bundle
     */
    static DayBundle parse(Path bundle) {
        try {
            return DayBundle.parse(PrecinctBundleVerifier.readBounded(bundle)).bundle();
        } catch (PrecinctBundleVerifier.FileTooLargeException e) {
            throw tooLarge(e);
        } catch (IOException e) {
            throw new CliException("audit.error.bundleRead", "the bundle cannot be read: " + bundle + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (BundleFormatException e) {
            throw new CliException(e.messageKey(), e.getMessage());
        }
    }

    /** Every node bundle of a precinct directory ({@link PrecinctBundleVerifier#read}). */
    static List<PrecinctBundleVerifier.NodeBundle> precinctBundles(Path directory) {
        List<PrecinctBundleVerifier.NodeBundle> bundles;
        try {
            List<String> irregular = PrecinctBundleVerifier.irregularFiles(directory);
            if (!irregular.isEmpty()) {
                throw new CliException("bundle.error.notAFile", String.join(", ", irregular) + " in " + directory
                        + (irregular.size() == 1 ? " is" : " are") + " no regular file (a folder, a link, a named "
                        + "pipe or a device): copy each node's files as its node wrote them");
            }
            bundles = PrecinctBundleVerifier.read(directory);
        } catch (PrecinctBundleVerifier.FileTooLargeException e) {
            throw tooLarge(e);
        } catch (IOException e) {
            throw new CliException("audit.error.bundleRead", "the precinct bundles cannot be read: " + directory
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (bundles.isEmpty()) {
            throw new CliException("bundle.error.precinctEmpty", "no " + PrecinctDayBundle.SUFFIX + " file in "
                    + directory);
        }
        return bundles;
    }

    /** Every kiosk's own day bundle in a precinct directory ({@link PrecinctBundleVerifier#readKioskDays}). */
    static List<PrecinctBundleVerifier.KioskDay> kioskDays(Path directory) {
        try {
            return PrecinctBundleVerifier.readKioskDays(directory);
        } catch (PrecinctBundleVerifier.FileTooLargeException e) {
            throw tooLarge(e);
        } catch (IOException e) {
            throw new CliException("audit.error.bundleRead", "the kiosks' day bundles cannot be read: " + directory
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A bundle or signature file too large to be one: one line, before anything is parsed. */
    private static CliException tooLarge(PrecinctBundleVerifier.FileTooLargeException e) {
        return new CliException("bundle.error.tooLarge", e.getMessage() + ": not a bundle");
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

    /**
     * The authority certificate at {@code file}: {@code kiosk.error.authorityNotCa} when it is no authority's (a
     * kiosk's or a machine's certificate given by mistake would fail every signature line), for every command that
     * takes {@code --authority-cert}.
     */
    static X509Certificate readAuthority(Path file) {
        X509Certificate authority = Pem.readCertificate(ArgumentChecks.smallFile(file, "--authority-cert"));
        KioskSignatures.checkAuthorityCertificate(authority);
        return authority;
    }

    /**
     * Prints one line per check: {@code ok|FAILED|NOT CHECKED<TAB>name<TAB>message}, then the verdict, which names
     * what was not checked (the signer, the marked-register backup).
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
        List<String> notChecked = result.notChecked();
        env.out().println(!result.passed() ? "bundle NOT verified"
                : notChecked.isEmpty() ? "bundle verified"
                : "bundle verified (" + String.join(", ", notChecked) + " NOT checked)");
    }
}
