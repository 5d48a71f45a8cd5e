package kz.sailau.kiosk.threats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.register.EnrolledFinger;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;

/**
 * The place an attacker works on in the threat tests: a DEMO authority on disk, an initialised kiosk of precinct
 * {@link RegisterFixtures#PRECINCT} with its certificate, register packages the authority signed for it, and the
 * real command line ({@link Main#commandLine}) run in process with its output captured. Everything is made in a
 * temporary directory per test class; nothing of a real person.
 */
final class ThreatWorld {

    /** The extractor version of the kiosk's real matcher: packages carry it so that {@code register load} takes them. */
    static final String EXTRACTOR = new SourceAfisMatcher().extractorVersion();

    final Path root;
    final Path authority;
    final Path kiosk;
    final Path passphrase;
    final Path wrongPassphrase;
    final X509Certificate kioskCertificate;
    final Path kioskCertificateFile;
    final Path authorityCertificateFile;

    private ThreatWorld(Path root) throws IOException {
        this.root = root;
        authority = root.resolve("authority");
        RegisterFixtures.authority().save(authority, RegisterFixtures.PASSPHRASE, Argon2idParameters.TEST_ONLY,
                RegisterFixtures.RANDOM);
        kiosk = root.resolve("kiosk");
        kioskCertificate = RegisterFixtures.initKiosk(kiosk, RegisterFixtures.PRECINCT);
        kioskCertificateFile = RegisterFixtures.writeCertificate(kiosk.resolve("kiosk.crt.pem"), kioskCertificate);
        authorityCertificateFile = authority.resolve("authority.crt.pem");
        passphrase = root.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");
        wrongPassphrase = root.resolve("wrong-passphrase.txt");
        Files.writeString(wrongPassphrase, "not the passphrase\n");
    }

    /** A fresh world in {@code root}. */
    static ThreatWorld create(Path root) throws IOException {
        return new ThreatWorld(root);
    }

    /** A package of {@code voters} synthetic voters, version {@code version}, signed and encrypted to the kiosk. */
    Path registerPackage(String name, int voters, long version) throws IOException {
        Path file = root.resolve(name);
        Files.write(file, RegisterPackages.write(contents(voters, version), RegisterFixtures.authority(),
                kioskCertificate));
        return file;
    }

    /** The first voter's surname: a name a clerk login must not be ({@code AKHMETOV} on the card's MRZ). */
    static final String FIRST_SURNAME = "Ахметов";

    /** Synthetic register contents whose templates carry the real matcher's extractor version. */
    static RegisterContents contents(int voters, long version) {
        RegisterContents synthetic = RegisterFixtures.contents(voters, version, 7);
        List<RegisterRecord> records = new ArrayList<>();
        for (RegisterRecord record : synthetic.records()) {
            var v = record.voter();
            var voter = records.isEmpty() ? new kz.sailau.kiosk.model.Voter(v.iin(), FIRST_SURNAME, v.givenName(),
                    v.patronymic(), v.birthDate(), v.precinct()) : v;
            records.add(new RegisterRecord(voter, record.sex(), record.fingers().stream()
                    .map(f -> new EnrolledFinger(f.position(), new FingerTemplate(f.template().bytes(), EXTRACTOR),
                            f.imageSha256())).toList()));
        }
        return new RegisterContents(synthetic.election(), synthetic.precinct(), version, synthetic.created(),
                EXTRACTOR, records, List.of());
    }

    /** What one run of the command line did. */
    record Run(int exit, String out, String err) {
        /** Standard error's lines. */
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs {@code sailau-kiosk args...} in process through the real command line. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(RegisterFixtures.CLOCK, RegisterFixtures.RANDOM,
                Main.migrations(), SourceAfisMatcher::new, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Main.commandLine(environment).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs as {@link #run} and hands {@code onError} standard error's text so far after every write to it, on the
     * command's own thread: a test steps in at a point the command reaches (a progress line), not after a wait.
     */
    static Run runWatching(Consumer<String> onError, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputStream watched = new OutputStream() {
            @Override
            public void write(int b) {
                err.write(b);
                onError.accept(err.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                err.write(bytes, offset, length);
                onError.accept(err.toString(StandardCharsets.UTF_8));
            }
        };
        CliEnvironment environment = new CliEnvironment(RegisterFixtures.CLOCK, RegisterFixtures.RANDOM,
                Main.migrations(), SourceAfisMatcher::new, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(watched, true, StandardCharsets.UTF_8));
        int exit = Main.commandLine(environment).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code start --check-only} of a standalone {@link DayFixture} kiosk in {@code data} whose configuration names
     * {@code electionDay} (written beside {@code data}); its standard error. The fixture's database holds the
     * fixture's migrations, so the start opens it with the same.
     */
    static String checkOnlyOfFixture(Path data, LocalDate electionDay) throws IOException {
        return checkOnlyOfFixture(data, electionDay, Optional.empty());
    }

    /** As {@link #checkOnlyOfFixture(Path, LocalDate)}, the configuration naming {@code node} as its precinct node. */
    static String checkOnlyOfFixture(Path data, LocalDate electionDay, Optional<Path> node) throws IOException {
        Path config = Files.writeString(data.resolveSibling(data.getFileName() + ".kiosk.json"),
                "{\"dataDirectory\": \"" + data.toString().replace("\\", "\\\\") + "\", \"election\": \""
                + RegisterFixtures.ELECTION.value() + "\", \"precinct\": " + RegisterFixtures.PRECINCT.number()
                + ", \"electionDay\": \"" + electionDay + "\", "
                + node.map(n -> "\"precinctNetwork\": {\"node\": \"" + n.toString().replace("\\", "\\\\")
                        + "\"}, ").orElse("")
                + "\"scanner\": {\"port\": \"/dev/null\", \"baud\": 57600}, "
                + "\"mrzReader\": {\"port\": \"/dev/null\", \"baud\": 9600}, "
                + "\"printer\": {\"port\": \"/dev/null\", \"baud\": 19200}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(DayFixture.CLOCK, RegisterFixtures.RANDOM,
                DayFixture.migrations(), SourceAfisMatcher::new, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Main.commandLine(environment).execute("start", "--config", config.toString(), "--check-only");
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Runs and fails the test unless the command succeeded. */
    static Run succeed(String... args) {
        Run run = run(args);
        if (run.exit() != 0) {
            throw new AssertionError("sailau-kiosk " + String.join(" ", args) + " failed with " + run.exit() + ":\n"
                    + run.out() + run.err());
        }
        return run;
    }

    /**
     * Every file and directory under {@code directory} with a SHA-256 of each file's content; the SQLite database's
     * transient {@code -wal} and {@code -shm} files are left out and the database's content is not hashed (a refused
     * register load is recorded in its audit log on purpose), but a database that appears is seen.
     */
    static TreeMap<String, String> snapshot(Path directory) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.toList()) {
                String name = directory.relativize(path).toString();
                if (name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-journal")) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    files.put(name + "/", "dir");
                } else if (!Files.isRegularFile(path)) {
                    files.put(name, "special");
                } else if (name.endsWith(".db")) {
                    files.put(name, "database");
                } else {
                    files.put(name, sha256(Files.readAllBytes(path)));
                }
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
