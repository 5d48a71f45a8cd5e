package kz.sailau.kiosk.app.simulate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.EnrolledFinger;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.FingerprintGenerator;
import kz.sailau.prints.ImpressionSize;
import kz.sailau.prints.MasterFinger;

/**
 * Grows the demo register to {@code N} voters for {@code simulate --register-size N}, so that the 1:N identity-swap
 * search and card-less identification run at a precinct's size: the demo voters stay as they are (the ones the run
 * presents), and synthetic filler voters (valid IINs, demo names) get two index fingers each, with real SourceAFIS
 * templates extracted by the kiosk's matcher from prints of {@link FingerprintGenerator} (a population of their own,
 * seed {@value #FILLER_SEED}, so no filler finger is a finger any simulated person presents). At most
 * {@value #FILLER_FINGERS} distinct fingers are made and dealt out in turn; a 1:N search compares every template
 * whatever it holds, so repeating them changes the search's cost little while keeping the set-up short. The first
 * {@value #VISITORS} filler voters instead have a right index finger of their own, with live impressions, and come
 * to the kiosk in the run ({@link Visitor}), so that the timeline measures enough fingerprint check-ins. The grown
 * register is signed by the DEMO authority as version 2 and loaded with {@code register load}, as an official would.
 */
final class RegisterFiller {

    /** Seed of the filler population (not the demo set's). */
    static final long FILLER_SEED = 1_800_018L;
    /** Distinct filler fingers made at most (shared by the fillers that do not come to the kiosk). */
    static final int FILLER_FINGERS = 100;
    /** Filler voters at most who come to the kiosk, each with a right index finger of their own. */
    static final int VISITORS = 48;
    private static final int LIVE_IMPRESSIONS = 3;

    /**
     * A filler voter who comes to the kiosk.
     *
     * @param key  a name for the run's messages (no personal data)
     * @param iin  the IIN on the card
     * @param mrz  the card's machine-readable zone
     * @param live sensor-sized live impressions of the right index finger
     */
    record Visitor(String key, Iin iin, String mrz, List<BufferedImage> live) {
        @Override
        public String toString() {
            return "Visitor[" + key + "]";
        }
    }

    private RegisterFiller() {
    }

    /**
     * Replaces the demo register by one of {@code size} voters.
     *
     * @param demo        the created demo data (its version-1 register loaded)
     * @param size        voters wanted; at least the demo register's own
     * @param environment the command-line environment ({@code register load} runs in it)
     * @param log         one line per step
     * @return the filler voters who come to the kiosk (empty when the demo register is already as large)
     */
    static List<Visitor> fill(DemoData demo, int size, CliEnvironment environment, PrintStream log) throws IOException {
        long started = System.nanoTime();
        Path directory = demo.directory();
        char[] passphrase = DemoData.PASSPHRASE.toCharArray();
        KioskDataDirectory kiosk = KioskDataDirectory.at(demo.kioskDirectory());
        KioskCredentials kioskCredentials = kiosk.unlock(passphrase);
        AuthorityCredentials authority = AuthorityCredentials.load(directory.resolve("authority"), passphrase);
        RegisterContents current = RegisterPackages.open(Files.readAllBytes(directory.resolve("register-v1.srp")),
                kioskCredentials, kiosk.pinnedAuthority()).contents();
        int fillers = size - current.records().size();
        if (fillers <= 0) {
            return List.of();
        }
        FingerMatcher matcher = environment.matcher().get();
        FingerprintGenerator generator = new FingerprintGenerator(FILLER_SEED, Difficulty.NORMAL);
        int poolSize = Math.min(FILLER_FINGERS, 2 * fillers);
        int visitorCount = Math.min(VISITORS, fillers);
        List<FingerTemplate> pool = FingerprintGenerator.inParallel(poolSize, i -> enrol(generator, i, matcher));
        List<MasterFinger> own = generator.masters(poolSize, visitorCount);
        List<FingerTemplate> ownTemplates = FingerprintGenerator.inParallel(visitorCount,
                i -> matcher.extract(grey(generator.impression(own.get(i), 0, ImpressionSize.FULL))));
        log.printf("simulate: %d filler fingers extracted after %.1f s%n", poolSize + visitorCount,
                (System.nanoTime() - started) / 1e9);
        List<Visitor> visitors = new ArrayList<>();
        List<RegisterRecord> records = new ArrayList<>(current.records());
        Random random = new Random(FILLER_SEED);
        for (int i = 0; i < fillers; i++) {
            LocalDate birth = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean male = random.nextBoolean();
            Voter voter = new Voter(fillerIin(birth, male, i), "Толтырушы" + i, male ? "Айдос" : "Айгерім",
                    male ? "Серікұлы" : "Серікқызы", birth, current.precinct());
            FingerTemplate right = i < visitorCount ? ownTemplates.get(i) : pool.get((2 * i) % pool.size());
            List<EnrolledFinger> fingers = List.of(
                    new EnrolledFinger(FingerPosition.RIGHT_INDEX, 1, right, ""),
                    new EnrolledFinger(FingerPosition.LEFT_INDEX, 1, pool.get((2 * i + 1) % pool.size()), ""));
            records.add(new RegisterRecord(voter, male ? Sex.MALE : Sex.FEMALE, fingers));
            if (i < visitorCount) {
                List<BufferedImage> live = new ArrayList<>();
                for (int k = 1; k <= LIVE_IMPRESSIONS; k++) {
                    live.add(generator.impression(own.get(i), k, ImpressionSize.SENSOR));
                }
                String mrz = MrzWriter.text(new MrzWriter.Card("KAZ", String.format("F%08d", i), voter.iin(), birth,
                        Optional.empty(), LocalDate.of(2031, 1, 1), "KAZ", "Толтырушы", voter.givenName()));
                visitors.add(new Visitor("filler-" + i, voter.iin(), mrz, List.copyOf(live)));
            }
        }
        RegisterContents grown = new RegisterContents(current.election(), current.precinct(), current.version() + 1,
                current.created(), current.extractorVersion(), records, current.acceptedDuplicates());
        Path file = directory.resolve("register-v2.srp");
        Files.write(file, RegisterPackages.write(grown, authority, Pem.readCertificate(Files.readAllBytes(
                demo.kioskDirectory().resolve(DemoData.KIOSK_CERTIFICATE)))));
        int code = KioskCommandLine.create(environment).execute("register", "load", "--data",
                demo.kioskDirectory().toString(), "--package", file.toString(), "--passphrase-file",
                directory.resolve("DEMO-passphrase.txt").toString());
        if (code != KioskCommandLine.OK) {
            throw new IllegalStateException("simulate: loading the grown register failed (exit " + code + ")");
        }
        log.printf("simulate: register of %d voters loaded after %.1f s%n", records.size(),
                (System.nanoTime() - started) / 1e9);
        return List.copyOf(visitors);
    }

    /** The enrolment template of master finger {@code index}: its first full-size impression. */
    private static FingerTemplate enrol(FingerprintGenerator generator, int index, FingerMatcher matcher) {
        return matcher.extract(grey(generator.impression(generator.master(index), 0, ImpressionSize.FULL)));
    }

    private static FingerImage grey(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) (image.getRGB(x, y) & 0xFF);
            }
        }
        return new FingerImage(width, height, pixels, FingerprintGenerator.DPI);
    }

    /** A valid IIN for a filler voter; the serials start above the demo set's, so none collides with a demo voter. */
    private static Iin fillerIin(LocalDate birth, boolean male, int serial) {
        int century = (birth.getYear() >= 2000 ? 5 : 3) + (male ? 0 : 1);
        for (int s = 5000 + serial % 4000; ; s++) {
            String eleven = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), century, s % 10_000);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
    }
}
