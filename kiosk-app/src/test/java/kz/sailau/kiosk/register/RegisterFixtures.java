package kz.sailau.kiosk.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * Test fixtures: a DEMO authority, initialised kiosk directories, and synthetic registers whose templates
 * are random bytes labelled with an extractor version (the store never decodes them).
 */
public final class RegisterFixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
    public static final SecureRandom RANDOM = new SecureRandom();
    public static final char[] PASSPHRASE = "DEMO passphrase for tests".toCharArray();
    public static final ElectionId ELECTION = new ElectionId("KZ-2026-TEST");
    public static final PrecinctId PRECINCT = new PrecinctId(101);
    public static final String EXTRACTOR = "sourceafis-test";

    private static AuthorityCredentials authority;

    private RegisterFixtures() {
    }

    /** One DEMO authority per test JVM (key generation is the slow part). */
    public static synchronized AuthorityCredentials authority() {
        if (authority == null) {
            authority = AuthorityCredentials.generate("Test authority (DEMO)", CLOCK, Duration.ofDays(365), RANDOM);
        }
        return authority;
    }

    private static final java.util.Map<PrecinctId, Path> KIOSK_TEMPLATES = new java.util.HashMap<>();

    /**
     * An initialised kiosk directory for {@code precinct} and its certificate from {@link #authority()}.
     * The RSA key is generated once per precinct and JVM and copied, to keep the tests fast.
     */
    public static synchronized X509Certificate initKiosk(Path dir, PrecinctId precinct) throws IOException {
        Path template = KIOSK_TEMPLATES.get(precinct);
        if (template == null) {
            template = Files.createTempDirectory("sailau-kiosk-template");
            template.toFile().deleteOnExit();
            initFreshKiosk(template, precinct);
            KIOSK_TEMPLATES.put(precinct, template);
        }
        Files.createDirectories(dir);
        try (var files = Files.list(template)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
                file.toFile().deleteOnExit();
            }
        }
        return authority().certifyKiosk(Files.readAllBytes(dir.resolve(
                kz.sailau.kiosk.crypto.KioskCredentials.REQUEST_FILE)), CLOCK, Duration.ofDays(30), RANDOM);
    }

    /** A kiosk directory with freshly generated keys (slow: RSA-3072). */
    public static X509Certificate initFreshKiosk(Path dir, PrecinctId precinct) throws IOException {
        Path request = KioskDataDirectory.at(dir).initialise(precinct, Optional.of(ELECTION),
                authority().certificate(), PASSPHRASE, Argon2idParameters.TEST_ONLY, RANDOM);
        return authority().certifyKiosk(Files.readAllBytes(request), CLOCK, Duration.ofDays(30), RANDOM);
    }

    /** Writes the certificate as PEM. */
    public static Path writeCertificate(Path file, X509Certificate certificate) throws IOException {
        Files.write(file, Pem.certificate(certificate));
        return file;
    }

    /** A valid IIN for a birth date and serial, skipping serials whose control digit does not exist. */
    public static Iin iin(LocalDate birth, boolean male, int serial) {
        int century = birth.getYear() >= 2000 ? (male ? 5 : 6) : (male ? 3 : 4);
        for (int s = serial; ; s++) {
            String first = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), century, s % 10000);
            int control = Iin.controlDigit(first);
            if (control >= 0) {
                return new Iin(first + control);
            }
        }
    }

    /** A synthetic voter number {@code i} with distinctive, searchable names. */
    public static RegisterRecord record(int i, PrecinctId precinct, long seed) {
        Random random = new Random(seed * 1_000_003L + i);
        LocalDate birth = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean male = random.nextBoolean();
        Voter voter = new Voter(iin(birth, male, i), "Сұлтанбеков" + letters(random), "Әлихан" + letters(random),
                i % 3 == 0 ? "" : "Нұрланұлы" + letters(random), birth, precinct);
        List<EnrolledFinger> fingers = new ArrayList<>();
        for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
            byte[] template = new byte[400 + random.nextInt(200)];
            random.nextBytes(template);
            fingers.add(new EnrolledFinger(position, new FingerTemplate(template, EXTRACTOR), ""));
        }
        return new RegisterRecord(voter, male ? Sex.MALE : Sex.FEMALE, fingers);
    }

    private static String letters(Random random) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            text.append((char) ('а' + random.nextInt(32)));
        }
        return text.toString();
    }

    /** A register of {@code voters} synthetic voters. */
    public static RegisterContents contents(int voters, long version, long seed) {
        return contents(voters, version, seed, PRECINCT, ELECTION);
    }

    /** A register of {@code voters} synthetic voters for the given precinct and election. */
    public static RegisterContents contents(int voters, long version, long seed, PrecinctId precinct,
                                            ElectionId election) {
        List<RegisterRecord> records = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            records.add(record(i, precinct, seed));
        }
        return new RegisterContents(election, precinct, version, CLOCK.instant(), EXTRACTOR, records, List.of());
    }
}
