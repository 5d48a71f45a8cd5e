package kz.sailau.kiosk.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.register.VoterCsvReader;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.FingerprintGenerator;
import kz.sailau.prints.ImpressionSize;
import kz.sailau.prints.MasterFinger;

/**
 * Creates a complete demo data directory from nothing: synthetic demo voters and their prints, a DEMO
 * authority and kiosk key pair (sealed with the DEMO passphrase), a signed and encrypted register package
 * for precinct 101, loaded into the kiosk store. Every step runs the same administrator commands an election
 * official would run ({@code authority init}, {@code kiosk init}, {@code authority certify-kiosk},
 * {@code register build}, {@code register load}).
 *
 * <p>Layout: {@code DIR/authority/}, {@code DIR/kiosk/} (the kiosk data directory), {@code DIR/voters.csv},
 * {@code DIR/prints/}, {@code DIR/register-v1.srp}, {@code DIR/devices/} (emulator links),
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

    private static final long SEED = 2026_12_06L;
    private static final String DEMO_ARGON2_KIB = "8192";

    /**
     * One demo voter with the images the demo panel presents to the emulated scanner.
     *
     * @param key        the register's voter key
     * @param iin        the IIN
     * @param surname    surname (demo)
     * @param givenName  given name (demo)
     * @param birthDate  birth date
     * @param liveImages sensor-sized live impressions of the right index finger (not the enrolment image)
     */
    public record DemoVoter(String key, Iin iin, String surname, String givenName, LocalDate birthDate,
                            List<BufferedImage> liveImages) {
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

    private static final String[][] NAMES = {
        {"Әбдірахманов", "Ерлан", "M"}, {"Серікқызы", "Айгүл", "F"}, {"Нұрланов", "Дәурен", "M"},
        {"Жұмабаева", "Гүлнар", "F"}, {"Иванов", "Сергей", "M"}, {"Қасымова", "Әсел", "F"},
        {"Өтепов", "Бақыт", "M"}, {"Ким", "Ольга", "F"},
    };

    /**
     * Wipes (if it is a demo directory) and recreates {@code directory} with everything the demo needs.
     *
     * @param directory   the demo directory; must not exist, be empty, or carry the {@value #MARKER} file
     * @param environment the command-line environment whose commands are run
     * @param log         receives one line per step
     * @throws IllegalStateException if the directory holds something that is not a demo directory
     */
    public static DemoData create(Path directory, CliEnvironment environment, java.io.PrintStream log) throws IOException {
        Objects.requireNonNull(directory, "directory");
        wipe(directory);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKER), "Sailau demo data: generated, safe to delete.\n");
        Path pass = directory.resolve("DEMO-passphrase.txt");
        Files.writeString(pass, PASSPHRASE + "\n", StandardCharsets.UTF_8);

        long started = System.nanoTime();
        // The key ceremony does not need the prints: both run at once.
        java.util.concurrent.CompletableFuture<Void> keys = java.util.concurrent.CompletableFuture.runAsync(() -> {
            ceremony(environment, directory, pass);
            log.printf("demo: DEMO authority and kiosk keys ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
        });
        log.println("demo: generating " + NAMES.length + " synthetic voters and their fingerprints");
        FingerprintGenerator generator = new FingerprintGenerator(SEED, Difficulty.EASY);
        List<MasterFinger> masters = generator.masters(0, NAMES.length * 2);
        StringBuilder csv = new StringBuilder(VoterCsvReader.HEADER).append('\n');
        List<DemoVoter> voters = new ArrayList<>();
        Path prints = directory.resolve("prints");
        for (int i = 0; i < NAMES.length; i++) {
            String key = String.format("DEMO%03d", i + 1);
            LocalDate birth = LocalDate.of(1950 + 6 * i, 1 + i, 3 + 2 * i);
            Iin iin = iin(birth, NAMES[i][2].equals("M"), 101 + i);
            csv.append(key).append(',').append(iin.digits()).append(',').append(NAMES[i][0]).append(',')
                    .append(NAMES[i][1]).append(",,").append(birth).append(',').append(NAMES[i][2]).append(',')
                    .append(PRECINCT).append('\n');
            MasterFinger right = masters.get(2 * i);
            MasterFinger left = masters.get(2 * i + 1);
            Path voterPrints = prints.resolve(key);
            Files.createDirectories(voterPrints);
            ImageIO.write(generator.impression(right, 0, ImpressionSize.FULL), "png",
                    voterPrints.resolve(FingerPosition.RIGHT_INDEX.fileName() + "_enrol.png").toFile());
            ImageIO.write(generator.impression(left, 0, ImpressionSize.FULL), "png",
                    voterPrints.resolve(FingerPosition.LEFT_INDEX.fileName() + "_enrol.png").toFile());
            List<BufferedImage> live = List.of(generator.impression(right, 1, ImpressionSize.SENSOR),
                    generator.impression(right, 2, ImpressionSize.SENSOR));
            voters.add(new DemoVoter(key, iin, NAMES[i][0], NAMES[i][1], birth, live));
        }
        Files.writeString(directory.resolve("voters.csv"), csv, StandardCharsets.UTF_8);

        log.printf("demo: prints ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            keys.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        String passFile = pass.toString();
        String authority = directory.resolve("authority").toString();
        String kiosk = directory.resolve("kiosk").toString();
        String cert = directory.resolve("kiosk.crt.pem").toString();
        String srp = directory.resolve("register-v1.srp").toString();
        log.println("demo: building and loading the demo register of precinct " + PRECINCT);
        run(environment, "register", "build", "--voters", directory.resolve("voters.csv").toString(), "--prints",
                prints.toString(), "--authority", authority, "--kiosk-cert", cert, "--election", ELECTION,
                "--precinct", String.valueOf(PRECINCT), "--version", "1", "--out", srp, "--passphrase-file", passFile);
        run(environment, "register", "load", "--data", kiosk, "--package", srp, "--passphrase-file", passFile);
        Files.createDirectories(directory.resolve("devices"));
        return new DemoData(directory, voters);
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
                directory.resolve("kiosk.crt.pem").toString(), "--passphrase-file", passFile);
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
            throw new IllegalStateException(directory + " exists and is not a demo directory (no " + MARKER
                    + " file): refusing to wipe it; choose another --data directory");
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
