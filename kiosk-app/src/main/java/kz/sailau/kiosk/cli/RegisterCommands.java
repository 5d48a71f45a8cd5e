package kz.sailau.kiosk.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import kz.sailau.kiosk.audit.AdministrationEvents;
import kz.sailau.kiosk.audit.RegisterLoadAudit;
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.checkin.MatchThreshold;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.PackageCrypto;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.AcceptedDuplicate;
import kz.sailau.kiosk.register.AcceptedDuplicatesFile;
import kz.sailau.kiosk.register.DuplicateCase;
import kz.sailau.kiosk.register.DuplicateDetector;
import kz.sailau.kiosk.register.EnrolmentQuality;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.PackageManifest;
import kz.sailau.kiosk.register.RegisterBuilder;
import kz.sailau.kiosk.register.RedirectionInput;
import kz.sailau.kiosk.register.Redirection;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Iin;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Set;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.register.RowProblem;
import kz.sailau.kiosk.store.KioskDatabase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code register build|inspect|load|status}: the precinct register package and the kiosk store. */
final class RegisterCommands {

    private RegisterCommands() {
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Build, inspect and load the precinct register package (.srp).")
    static final class Group extends KioskCommandLine.GroupCommand {
    }

    @Command(name = "build",
            description = {"Validate voters.csv, extract fingerprint templates from the enrolment prints, detect "
                    + "duplicates, and write the register package signed by the authority and encrypted to one kiosk, "
                    + "or once to every kiosk of the precinct (--kiosk-cert repeated).",
                    "Every invalid row is reported as 'line<TAB>field<TAB>reason'; nothing is written while any row is "
                            + "invalid or any duplicate is not accepted in --accept-duplicates (exit code 3)."})
    static final class Build implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--voters", required = true, paramLabel = "CSV", description = "voters.csv (UTF-8, RFC 4180).")
        Path voters;

        @Option(names = "--prints", required = true, paramLabel = "DIR",
                description = "Prints directory: DIR/<voter_key>/<finger>_enrol[_<k>].<png|tif|bmp>, k = 2..4 for further "
                        + "impressions; both index fingers required; images without a stated resolution need a 'dpi' "
                        + "column or a DIR/dpi or DIR/<voter_key>/dpi file.")
        Path prints;

        @Mixin
        AuthorityCommands.AuthorityOption authority;

        @Option(names = "--kiosk-cert", required = true, paramLabel = "FILE", description = {"The kiosk's "
                + "certificate. Repeat it for one package that every kiosk of the precinct loads: the records are "
                + "encrypted once, to each of them (decision 0250); every certificate must be of --precinct, each "
                + "kiosk once."})
        List<Path> kioskCertificates;

        @Option(names = "--election", required = true, paramLabel = "ID", description = "Election id, e.g. KZ-2026-PARL.")
        String election;

        @Option(names = "--precinct", required = true, paramLabel = "P", description = "Precinct number.")
        int precinct;

        @Option(names = "--version", required = true, paramLabel = "N", description = "Register version (must grow).")
        long version;

        @Option(names = "--out", required = true, paramLabel = "FILE.srp", description = "Package file to write.")
        Path out;

        @Option(names = "--accept-duplicates", paramLabel = "FILE",
                description = "Examined duplicates: one '<id> <reason>' per line.")
        Path acceptDuplicates;

        @Option(names = "--duplicate-threshold", paramLabel = "SCORE",
                description = "Finger-match score that counts as the same finger (default: "
                        + DuplicateDetector.DEFAULT_THRESHOLD + ").")
        double duplicateThreshold = DuplicateDetector.DEFAULT_THRESHOLD;

        @Option(names = "--report", paramLabel = "FILE",
                description = "Also write the row problems as line<TAB>field<TAB>reason to FILE, under that header "
                        + "line (a new file, or an earlier report: nothing else is replaced).")
        Path report;

        @Option(names = "--enrolment-quality", paramLabel = "Q",
                description = "Report enrolment impressions whose quality (0-100) is below Q, worst first "
                        + "(default: " + EnrolmentQuality.DEFAULT_MINIMUM + "; 0 reports none).")
        double minimumQuality = EnrolmentQuality.DEFAULT_MINIMUM;

        @Option(names = "--polling-stations", paramLabel = "CSV", description = "Every polling station of the country: "
                + RedirectionInput.STATIONS_HEADER + " (with --redirection; decision 0210).")
        Path pollingStations;

        @Option(names = "--redirection", paramLabel = "CSV", description = "Every IIN of the country and its precinct: "
                + RedirectionInput.REDIRECT_HEADER + " (with --polling-stations; decision 0210).")
        Path redirection;

        @Option(names = "--prior-votes", paramLabel = "CSV", description = "Voters who voted early or took an absentee "
                + "certificate: " + RedirectionInput.PRIOR_VOTES_HEADER + ", EARLY or ABSENTEE.")
        Path priorVotes;

        @Mixin
        PassphraseOption passphrase;

        Build(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            ArgumentChecks.existingFile(voters, "--voters");
            ArgumentChecks.existingDirectory(prints, "--prints");
            authority.checked();
            ElectionId electionId = ArgumentChecks.election(election, "--election");
            PrecinctId precinctId = ArgumentChecks.precinct(precinct, "--precinct");
            if (version < 1) {
                throw new CliException("cli.error.version", "--version must be at least 1, got " + version);
            }
            if (!(duplicateThreshold > 0 && duplicateThreshold <= 1000)) {
                throw new CliException("cli.error.threshold", "--duplicate-threshold must be a score above 0 "
                        + "and at most 1000");
            }
            ArgumentChecks.replaceableFile(out, "--out", "a register package", "SAILAUSRP");
            if (report != null) {
                // Only an earlier report may be replaced: never voters.csv, the authority's key or the passphrase.
                ArgumentChecks.replaceableFile(report, "--report", "a build report", RowProblem.TSV_HEADER);
                ArgumentChecks.outside(report, "--report", authority.directory, "the authority directory");
                if (report.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                    throw new CliException("cli.error.usage", "--report and --out name the same file: " + out);
                }
            }
            if (!(minimumQuality >= 0 && minimumQuality <= 100)) {
                throw new CliException("cli.error.enrolmentQuality", "--enrolment-quality must be from 0 to 100");
            }
            if ((pollingStations == null) != (redirection == null)) {
                throw new CliException("cli.error.redirectionPair",
                        "--redirection and --polling-stations go together");
            }
            if (pollingStations != null) {
                ArgumentChecks.existingFile(pollingStations, "--polling-stations");
                ArgumentChecks.existingFile(redirection, "--redirection");
            }
            if (priorVotes != null) {
                // Every line checked now, before the passphrase and the extraction; kept for this register after.
                RedirectionInput.readPriorVotes(ArgumentChecks.existingFile(priorVotes, "--prior-votes"), Set.of());
            }
            List<AcceptedDuplicate> accepted = acceptDuplicates == null ? List.of()
                    : AcceptedDuplicatesFile.read(ArgumentChecks.existingFile(acceptDuplicates, "--accept-duplicates"));
            List<X509Certificate> kioskCerts = new ArrayList<>();
            for (Path kioskCertificate : kioskCertificates) {
                kioskCerts.add(Pem.readCertificate(ArgumentChecks.smallFile(kioskCertificate, "--kiosk-cert")));
            }
            PackageCrypto.checkPrecinctKioskCertificates(kioskCerts,
                    AuthorityCredentials.loadCertificate(authority.directory), precinctId);
            AuthorityCredentials signer = authority.unseal(passphrase);
            Optional<Redirection> table = Optional.empty();
            if (pollingStations != null) {
                table = Optional.of(RedirectionInput.build(redirection,
                        RedirectionInput.readStations(pollingStations), env.random()));
            }
            ConsoleProgressBar bar = ConsoleProgressBar.onConsole(env.err());
            RegisterBuilder.Report result = new RegisterBuilder(env.matcher().get(), env.clock()).build(
                    new RegisterBuilder.Request(voters, prints, electionId, precinctId,
                            version, accepted, duplicateThreshold, minimumQuality), bar);
            bar.finish();
            List<String> tsv = new ArrayList<>(List.of(RowProblem.TSV_HEADER));
            for (RowProblem problem : result.problems()) {
                env.out().println((problem.severity() == RowProblem.Severity.ERROR ? "error\t" : "warning\t")
                        + problem.toTsv());
                tsv.add(problem.toTsv());
            }
            if (report != null) {
                AtomicFileReplacement.write(report, (String.join("\n", tsv) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (DuplicateCase duplicate : result.duplicates()) {
                boolean open = result.unaccepted().contains(duplicate);
                env.out().println((open ? "duplicate\t" : "accepted\t") + duplicate.id() + "\tlines "
                        + duplicate.lines() + "\t" + duplicate.evidence());
            }
            for (EnrolmentQuality.Finding finding : result.quality()) {
                env.out().println("quality\t" + finding.toTsv());
            }
            if (!result.quality().isEmpty()) {
                env.err().println(result.quality().size() + " enrolment impression(s) below quality "
                        + Math.round(minimumQuality) + ": consider enrolling them again (the build is not blocked)");
            }
            if (result.contents().isEmpty()) {
                env.err().println("build blocked: " + result.problems().stream()
                        .filter(p -> p.severity() == RowProblem.Severity.ERROR).count() + " row error(s), "
                        + result.unaccepted().size() + " unaccepted duplicate(s); no package written");
                return KioskCommandLine.BLOCKED;
            }
            RegisterContents contents = result.contents().get();
            if (priorVotes != null) {
                Set<Iin> iins = contents.records().stream().map(r -> r.voter().iin()).collect(Collectors.toSet());
                Map<Iin, PriorVote> votes = RedirectionInput.readPriorVotes(priorVotes, iins);
                contents = contents.withPriorVotes(votes);
                env.out().println("prior votes: " + votes.size() + " voter(s) of this register marked");
            }
            if (table.isPresent()) {
                contents = contents.withRedirection(table.get());
                env.out().println("redirection table: " + table.get().table().entryCount() + " IINs, "
                        + table.get().table().stations().size() + " polling stations");
            }
            AtomicFileReplacement.write(out, RegisterPackages.writeForPrecinct(contents, signer, kioskCerts));
            env.out().println("package written: " + out + " (" + contents.records().size() + " voters, "
                    + contents.fingerCount() + " templates, version " + version
                    + (kioskCerts.size() > 1 ? ", for " + kioskCerts.size() + " kiosks" : "") + ")");
            return KioskCommandLine.OK;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Show a package's manifest and check its signature, without decrypting personal data.")
    static final class Inspect implements Callable<Integer> {
        private final CliEnvironment env;

        @Parameters(index = "0", paramLabel = "FILE.srp", description = "The package.")
        Path file;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        @Option(names = "--captures", paramLabel = "N", description = "Captures the kiosk allows per voter "
                + "(its maxFingerTries, default: 3), for the verify thresholds shown.")
        int captures = 3;

        static final class Trust {
            @Option(names = "--authority-cert", paramLabel = "FILE", description = "Authority certificate to check against.")
            Path certificate;

            @Option(names = "--data", paramLabel = "DIR", description = "Kiosk data directory (its pinned authority).")
            Path data;
        }

        Inspect(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            if (captures < 1 || captures > 10) {
                throw new CliException("cli.error.captures", "--captures must be from 1 to 10");
            }
            X509Certificate authority = trust.certificate != null
                    ? Pem.readCertificate(ArgumentChecks.smallFile(trust.certificate, "--authority-cert"))
                    : ArgumentChecks.initialisedKiosk(trust.data).pinnedAuthority();
            ArgumentChecks.existingFile(file, "FILE.srp");
            if (Files.size(file) > RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES) {
                throw new CliException("register.error.oversized", "package file has " + Files.size(file)
                        + " bytes, more than the limit of " + RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES);
            }
            byte[] bytes = Files.readAllBytes(file);
            PackageManifest manifest = RegisterPackages.inspect(bytes, authority);
            env.out().println(RegisterPackages.manifestJson(manifest));
            env.out().println("signature: valid, signed by " + authority.getSubjectX500Principal().getName());
            if (manifest.templatesPerVoter() == null) {
                env.out().println("templates per voter: not recorded (package built before several impressions per "
                        + "finger); verify threshold " + fmt(MatchThreshold.DEFAULT.verify()));
            }
            for (var entry : manifest.templatesPerVoter() == null ? Map.<String, Integer>of().entrySet()
                    : manifest.templatesPerVoter().entrySet()) {
                int templates = Integer.parseInt(entry.getKey());
                env.out().println("verify threshold " + fmt(MatchThreshold.DEFAULT.verifyFor(templates, captures))
                        + " for " + entry.getValue() + " voter(s) with " + templates + " template(s): " + templates
                        + " x " + captures + " capture(s) = " + (templates * captures) + " comparisons at a system "
                        + "false-accept rate of " + String.format(Locale.ROOT, "%.0e", MatchThreshold.TARGET_SYSTEM_FAR)
                        + " (decision 0040)");
            }
            return KioskCommandLine.OK;
        }
    }

    private static String fmt(double threshold) {
        return String.valueOf(Math.round(threshold));
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Verify a package against the pinned authority, decrypt it with this kiosk's key, check "
                    + "precinct, election and version (no rollback), and replace the register in one transaction. "
                    + "On any failure the previous register stays intact."})
    static final class Load implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        @Option(names = "--package", required = true, paramLabel = "FILE.srp", description = "The package.")
        Path packageFile;

        @Option(names = "--max-bytes", paramLabel = "N", description = "Refuse larger packages (default: 256 MiB).")
        long maxBytes = RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES;

        @Option(names = "--progress", description = "Draw the progress bar on standard error also when not run at a "
                + "terminal (at a terminal it is always drawn).")
        boolean progress;

        @Mixin
        PassphraseOption passphrase;

        Load(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            KioskDataDirectory directory = ArgumentChecks.initialisedKiosk(data);
            KioskDataDirectory.KioskProfile profile = directory.profile();
            X509Certificate authority = directory.pinnedAuthority();
            ArgumentChecks.existingFile(packageFile, "--package");
            if (maxBytes < 1) {
                throw new CliException("cli.error.maxBytes", "--max-bytes must be at least 1, got " + maxBytes);
            }
            try (UnlockedStore unlocked = UnlockedStore.open(directory, passphrase, env)) {
                ConsoleProgressBar bar = progress ? new ConsoleProgressBar(env.err())
                        : ConsoleProgressBar.onConsole(env.err());
                KioskDatabase database = unlocked.database();
                KioskCredentials credentials = unlocked.credentials();
                RegisterStore store = new RegisterStore(database, credentials.storeKeys(), env.random());
                LoadedRegister loaded;
                try {
                    loaded = new RegisterLoader(store, profile, authority, credentials,
                            env.matcher().get().extractorVersion(), env.clock(), maxBytes)
                            .guardedBy(new RegisterLoadAudit(credentials, database.migrations(), env.clock()))
                            .load(packageFile, bar);
                } catch (RegisterException | KioskCryptoException | StateAnchor.TamperedStateException e) {
                    // The refusal goes into the audit log, then to the console as before.
                    String key = e instanceof RegisterException r ? r.messageKey()
                            : e instanceof KioskCryptoException k ? k.messageKey()
                            : ((StateAnchor.TamperedStateException) e).messageKey();
                    AdministrationEvents.record(database, Optional.of(credentials),
                            AdministrationEvents.registerRefused(key), env.clock());
                    throw e;
                }
                bar.finish();
                env.out().println("register loaded: election " + loaded.election() + ", precinct " + loaded.precinct()
                        + ", version " + loaded.version() + ", " + loaded.voterCount() + " voters");
                return KioskCommandLine.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show which register the kiosk holds (no personal data, no passphrase needed).")
    static final class Status implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Kiosk data directory.")
        Path data;

        Status(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            KioskDataDirectory directory = ArgumentChecks.initialisedKiosk(data);
            if (!Files.isRegularFile(directory.databaseFile())) {
                throw new CliException("register.error.noneLoaded", "no register loaded in " + data);
            }
            try (KioskDatabase database = env.openExistingDatabase(directory)) {
                var current = database.read(RegisterStore::current);
                if (current.isEmpty()) {
                    throw new CliException("register.error.noneLoaded", "no register loaded in " + data);
                }
                LoadedRegister loaded = current.get();
                env.out().println("election " + loaded.election() + ", precinct " + loaded.precinct() + ", version "
                        + loaded.version() + ", " + loaded.voterCount() + " voters, package sha256 "
                        + loaded.packageSha256() + ", loaded " + loaded.loadedAt());
                return KioskCommandLine.OK;
            }
        }
    }
}
