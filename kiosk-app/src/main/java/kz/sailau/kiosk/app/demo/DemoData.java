package kz.sailau.kiosk.app.demo;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kz.sailau.kiosk.model.ElectionId;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.CliException;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.prints.DemoSet;
import kz.sailau.prints.VoterSetFiles;

/**
 * Creates a complete demo data directory from nothing: the demo voters of {@link DemoSet} and their prints, a DEMO
 * authority and kiosk key pair (sealed with the DEMO passphrase), a signed and encrypted register package
 * for precinct 101, loaded into the kiosk store, and the precinct token key for the kiosk and the ballot desk.
 * Every step runs the same administrator commands an election official would run ({@code authority init},
 * {@code kiosk init}, {@code authority certify-kiosk}, {@code authority token-key}, {@code authority desk-key},
 * {@code register build}, {@code register load}).
 *
 * <p>Layout: {@code DIR/authority/}, {@code DIR/kiosk/} (the kiosk data directory), {@code DIR/demo-set/}
 * (voters.csv, documents.csv, prints/), {@code DIR/register-v1.srp}, {@code DIR/DEMO-desk.key} (the ballot desk's
 * key package), {@code DIR/devices/} (emulator links),
 * {@code DIR/.sailau-demo} (marks the directory as safe to wipe).
 */
public final class DemoData {

    /** The DEMO passphrase of the demo authority and kiosk keys. Shown on screen; never use it for real. */
    public static final String PASSPHRASE = "DEMO-only passphrase 101";
    /** The demo election. */
    public static final String ELECTION = "DEMO-2026";
    /** The demo precinct. */
    public static final int PRECINCT = 101;
    /** The file that marks a directory as a demo directory that {@link #create} may wipe. */
    public static final String MARKER = ".sailau-demo";

    /**
     * The demo ballot desk's package with the precinct token key ({@code authority desk-key}), in the demo directory,
     * sealed under the DEMO passphrase.
     */
    public static final String DESK_KEY = "DEMO-desk.key";

    /**
     * The kiosk certificate from {@code authority certify-kiosk}, in the kiosk data directory where {@code start}
     * and {@code day close} look for it.
     */
    public static final String KIOSK_CERTIFICATE = "kiosk.crt.pem";

    /** The demo's logic-and-accuracy test package, in the demo directory (built on first use). */
    public static final String LA_TEST_PACKAGE = "register-la-test.srp";
    /** How many demo voters the logic-and-accuracy test package holds (the others are "not in the register"). */
    public static final int LA_TEST_VOTERS = 4;

    private static final String DEMO_ARGON2_KIB = "8192";
    /** How many voters of the demo set go into the demo register. */
    static final int VOTERS = 12;

    /**
     * One demo voter with the images the demo panel presents to the emulated scanner.
     *
     * @param key        the register's voter key
     * @param iin        the IIN
     * @param surname    surname (demo)
     * @param givenName  given name (demo)
     * @param birthDate  birth date
     * @param liveImages sensor-sized live impressions of the right index finger (not the enrolment image)
     * @param documentNumber the identity card number of {@code documents.csv}
     * @param documentExpiry the identity card's expiry date
     */
    public record DemoVoter(String key, Iin iin, String surname, String givenName, LocalDate birthDate,
                            List<BufferedImage> liveImages, String documentNumber, LocalDate documentExpiry) {
        @Override
        public String toString() {
            return "DemoVoter[" + key + "]";
        }
    }

    private final Path directory;
    private final List<DemoVoter> voters;

    private DemoData(Path directory, List<DemoVoter> voters) {
        this.directory = directory;
        this.voters = List.copyOf(voters);
    }

    /** The demo directory. */
    public Path directory() {
        return directory;
    }

    /** The kiosk data directory inside it. */
    public Path kioskDirectory() {
        return directory.resolve("kiosk");
    }

    /** Where the emulators put their device links. */
    public Path devicesDirectory() {
        return directory.resolve("devices");
    }

    /** The voters of the demo register. */
    public List<DemoVoter> voters() {
        return voters;
    }


    /**
     * Wipes (if it is a demo directory) and recreates {@code directory} with everything the demo needs.
     *
     * @param directory   the demo directory; must not exist, be empty, or carry the {@value #MARKER} file
     * @param environment the command-line environment whose commands are run
     * @param log         receives one line per step
     * @throws CliException {@code cli.error.notDemoDirectory} if the directory holds something that is not a demo
     *                      directory
     */
    public static DemoData create(Path directory, CliEnvironment environment, PrintStream log) throws IOException {
        Objects.requireNonNull(directory, "directory");
        wipe(directory);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKER), "Sailau demo data: generated, safe to delete.\n");
        Path pass = directory.resolve("DEMO-passphrase.txt");
        Files.writeString(pass, PASSPHRASE + "\n", StandardCharsets.UTF_8);

        long started = System.nanoTime();
        // The key ceremony does not need the prints: both run at once.
        CompletableFuture<Void> keys = CompletableFuture.runAsync(() -> {
            ceremony(environment, directory, pass);
            log.printf("demo: DEMO authority and kiosk keys ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
        });
        log.println("demo: taking " + VOTERS + " of the " + DemoSet.COUNT + " synthetic voters of kz.sailau.prints.DemoSet");
        VoterSetFiles set = DemoSet.copyTo(directory.resolve("demo-set"));
        Map<String, String[]> documents = new HashMap<>();
        for (String line : Files.readAllLines(set.documents(), StandardCharsets.UTF_8).subList(1,
                Files.readAllLines(set.documents(), StandardCharsets.UTF_8).size())) {
            String[] fields = line.split(",");
            documents.put(fields[0], fields);
        }
        List<DemoVoter> voters = new ArrayList<>();
        List<String> rows = Files.readAllLines(set.voters(), StandardCharsets.UTF_8).stream()
                .filter(row -> !row.isBlank()).limit(1 + VOTERS).toList();
        // The first VOTERS voters of the set: the register build (template extraction) stays well under a minute.
        Path votersCsv = directory.resolve("voters.csv");
        Files.writeString(votersCsv, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            // The demo set's CSV has no quoted fields (VoterSetGenerator writes plain names).
            String[] f = row.split(",", -1);
            String key = f[0];
            Path voterPrints = set.prints().resolve(key);
            List<BufferedImage> live = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                live.add(ImageIO.read(voterPrints.resolve(FingerPosition.RIGHT_INDEX.fileName() + "_live_" + i + ".png")
                        .toFile()));
            }
            String[] document = documents.get(key);
            voters.add(new DemoVoter(key, new Iin(f[1]), f[2], f[3], LocalDate.parse(f[5]), List.copyOf(live),
                    document == null ? "N" + key.substring(1) : document[1],
                    document == null ? LocalDate.of(2031, 1, 1) : LocalDate.parse(document[2])));
        }
        Path prints = set.prints();
        log.printf("demo: prints ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            keys.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        String passFile = pass.toString();
        String authority = directory.resolve("authority").toString();
        String kiosk = directory.resolve("kiosk").toString();
        String cert = directory.resolve("kiosk").resolve(KIOSK_CERTIFICATE).toString();
        String srp = directory.resolve("register-v1.srp").toString();
        log.println("demo: building and loading the demo register of precinct " + PRECINCT);
        run(environment, "register", "build", "--voters", votersCsv.toString(), "--prints",
                prints.toString(), "--authority", authority, "--kiosk-cert", cert, "--election", ELECTION,
                "--precinct", String.valueOf(PRECINCT), "--version", "1", "--out", srp, "--passphrase-file", passFile);
        run(environment, "register", "load", "--data", kiosk, "--package", srp, "--passphrase-file", passFile);
        Files.createDirectories(directory.resolve("devices"));
        return new DemoData(directory, voters);
    }

    /**
     * Builds the demo's pre-election logic-and-accuracy test package with the DEMO authority, as the authority
     * would: {@code register build} of the first {@value #LA_TEST_VOTERS} demo voters for the test election
     * {@code LA-TEST-DEMO-2026} and this kiosk.
     *
     * @param file        where to write the package
     * @param environment the command-line environment whose {@code register build} runs
     */
    public void writeLogicAccuracyPackage(Path file, CliEnvironment environment) throws IOException {
        List<String> rows = Files.readAllLines(directory.resolve("voters.csv"), StandardCharsets.UTF_8).stream()
                .filter(row -> !row.isBlank()).limit(1 + LA_TEST_VOTERS).toList();
        Path votersCsv = directory.resolve("la-test-voters.csv");
        Files.writeString(votersCsv, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        run(environment, "register", "build", "--voters", votersCsv.toString(), "--prints",
                directory.resolve("demo-set").resolve("prints").toString(), "--authority",
                directory.resolve("authority").toString(), "--kiosk-cert", directory.resolve("kiosk").resolve(KIOSK_CERTIFICATE).toString(),
                "--election", new ElectionId(ELECTION).logicAccuracyTest().value(),
                "--precinct", String.valueOf(PRECINCT), "--version", "1", "--out", file.toString(),
                "--passphrase-file", directory.resolve("DEMO-passphrase.txt").toString());
    }

    private static void ceremony(CliEnvironment environment, Path directory, Path pass) {
        String passFile = pass.toString();
        String authority = directory.resolve("authority").toString();
        String kiosk = directory.resolve("kiosk").toString();
        // DEMO keys only: a light Argon2id cost so the demo starts fast; real keys keep the documented default.
        run(environment, "authority", "init", "--out", authority, "--name", "DEMO Central Election Commission",
                "--passphrase-file", passFile, "--argon2-memory-kib", DEMO_ARGON2_KIB, "--argon2-iterations", "1");
        run(environment, "kiosk", "init", "--data", kiosk, "--precinct", String.valueOf(PRECINCT), "--authority-cert",
                directory.resolve("authority").resolve("authority.crt.pem").toString(), "--election", ELECTION,
                "--passphrase-file", passFile, "--argon2-memory-kib", DEMO_ARGON2_KIB, "--argon2-iterations", "1");
        run(environment, "authority", "certify-kiosk", "--authority", authority, "--request",
                directory.resolve("kiosk").resolve("kiosk.csr.pem").toString(), "--out",
                directory.resolve("kiosk").resolve(KIOSK_CERTIFICATE).toString(), "--passphrase-file", passFile);
        run(environment, "authority", "token-key", "--authority", authority, "--election", ELECTION, "--precinct",
                String.valueOf(PRECINCT), "--kiosk-cert", directory.resolve("kiosk").resolve(KIOSK_CERTIFICATE).toString(), "--out",
                directory.resolve("kiosk").resolve(PrecinctTokenKey.KIOSK_FILE).toString(), "--passphrase-file",
                passFile);
        run(environment, "authority", "desk-key", "--authority", authority, "--election", ELECTION, "--precinct",
                String.valueOf(PRECINCT), "--out", directory.resolve(DESK_KEY).toString(), "--desk-passphrase-file",
                passFile, "--passphrase-file", passFile, "--argon2-memory-kib", DEMO_ARGON2_KIB,
                "--argon2-iterations", "1");
    }

    private static void run(CliEnvironment environment, String... args) {
        int code = KioskCommandLine.create(environment).execute(args);
        if (code != KioskCommandLine.OK) {
            throw new IllegalStateException("demo setup step failed (exit " + code + "): " + args[0] + " " + args[1]);
        }
    }

    private static void wipe(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(directory)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(directory.resolve(MARKER))) {
            throw new CliException("cli.error.notDemoDirectory", directory + " exists and is not a demo directory "
                    + "(no " + MARKER + " file): refusing to wipe it; choose another --data directory");
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A valid IIN: YYMMDD, century/sex digit (3/4 for the 1900s, 5/6 for the 2000s), serial, control digit. */
    static Iin iin(LocalDate birth, boolean male, int serial) {
        String yymmdd = String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth());
        int century = (birth.getYear() >= 2000 ? 5 : 3) + (male ? 0 : 1);
        for (int s = serial; s < serial + 1000; s++) {
            String eleven = yymmdd + century + String.format("%04d", s % 10_000);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
        throw new IllegalStateException("no valid IIN for serial " + serial);
    }
}
