package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import kz.sailau.kiosk.crypto.PackageCrypto;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.PackageManifest;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.SyntheticPrints;
import kz.sailau.kiosk.register.VoterCsvReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One register package for the whole precinct (decision 0250), through the real command line: {@code register build}
 * with {@code --kiosk-cert} three times writes one file that each of the three DEMO kiosks loads with
 * {@code register load}; a fourth kiosk of the same precinct, left out, refuses it as
 * {@code register.error.notARecipient}. Threats at build time: a kiosk certificate of another precinct slipped in
 * among the precinct's, or one kiosk named twice (the same file, or two certificates of one key), is refused in one
 * keyed line before the passphrase is asked and nothing is written. The file holds no IIN or name in clear.
 */
class PrecinctRegisterPackageIT {

    static final LocalDate BIRTH = LocalDate.of(1984, 3, 9);
    static final List<String> SURNAMES = List.of("Жақсыбеков", "Оразалиева", "Төлегенов");
    static final List<String> GIVEN_NAMES = List.of("Нұрсұлтан", "Гүлназ", "Серікбол");

    @TempDir
    static Path root;
    static ThreatWorld world;
    static Path voters;
    static Path prints;
    static final List<Path> kiosks = new ArrayList<>();
    static final List<Path> certificates = new ArrayList<>();
    static Path outsider;
    static Path otherPrecinctCertificate;
    static Path sameKeyCertificate;

    @BeforeAll
    static void precinct() throws Exception {
        world = ThreatWorld.create(root);
        kiosks.add(world.kiosk);
        certificates.add(world.kioskCertificateFile);
        for (int n = 2; n <= 3; n++) {
            Path kiosk = root.resolve("kiosk-" + n);
            X509Certificate certificate = RegisterFixtures.initFreshKiosk(kiosk, RegisterFixtures.PRECINCT);
            kiosks.add(kiosk);
            certificates.add(RegisterFixtures.writeCertificate(root.resolve("kiosk-" + n + ".crt.pem"), certificate));
        }
        outsider = root.resolve("kiosk-4");
        RegisterFixtures.initFreshKiosk(outsider, RegisterFixtures.PRECINCT);
        otherPrecinctCertificate = RegisterFixtures.writeCertificate(root.resolve("kiosk-102.crt.pem"),
                RegisterFixtures.initKiosk(root.resolve("kiosk-102"), new PrecinctId(102)));
        // initKiosk copies one key per precinct: this is the world kiosk's key under a second certificate.
        sameKeyCertificate = RegisterFixtures.writeCertificate(root.resolve("kiosk-1-again.crt.pem"),
                RegisterFixtures.initKiosk(root.resolve("kiosk-1-copy"), RegisterFixtures.PRECINCT));
        prints = Files.createDirectories(root.resolve("prints"));
        StringBuilder csv = new StringBuilder(VoterCsvReader.HEADER).append('\n');
        for (int i = 0; i < SURNAMES.size(); i++) {
            String key = "V" + (i + 1);
            SyntheticPrints.writeEnrolment(prints, key, (i + 1) * 7919L);
            csv.append(key).append(',').append(iin(i)).append(',').append(SURNAMES.get(i)).append(',')
                    .append(GIVEN_NAMES.get(i)).append(",,").append(BIRTH).append(",M,101\n");
        }
        voters = Files.writeString(root.resolve("voters.csv"), csv.toString());
    }

    private static String iin(int i) {
        return RegisterFixtures.iin(BIRTH, true, (i + 1) * 10).digits();
    }

    private static ThreatWorld.Run build(Path out, List<Path> kioskCertificates) {
        List<String> args = new ArrayList<>(List.of("register", "build", "--voters", voters.toString(), "--prints",
                prints.toString(), "--authority", world.authority.toString(), "--election",
                RegisterFixtures.ELECTION.value(), "--precinct", "101", "--version", "1", "--out", out.toString(),
                "--passphrase-file", world.passphrase.toString()));
        for (Path certificate : kioskCertificates) {
            args.add("--kiosk-cert");
            args.add(certificate.toString());
        }
        return ThreatWorld.run(args.toArray(String[]::new));
    }

    private static ThreatWorld.Run load(Path kiosk, Path file) {
        return ThreatWorld.run("register", "load", "--data", kiosk.toString(), "--package", file.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    @Test
    void everyKioskOfThePrecinctLoadsTheOnePackageAndAKioskLeftOutRefusesIt() throws Exception {
        Path file = root.resolve("precinct-101-v1.srp");
        ThreatWorld.Run built = build(file, certificates);
        assertEquals(0, built.exit(), built.out() + built.err());
        assertTrue(built.out().contains("for 3 kiosks"), built.out());

        PackageManifest manifest = RegisterPackages.inspect(Files.readAllBytes(file),
                RegisterFixtures.authority().certificate());
        assertNull(manifest.kioskKeyId(), "a precinct package names its kiosks in kioskKeyIds only");
        List<String> expected = new ArrayList<>();
        for (Path certificate : certificates) {
            expected.add(HexFormat.of().formatHex(PackageCrypto.keyIdentifier(
                    Pem.readCertificate(Files.readAllBytes(certificate)))));
        }
        assertEquals(expected, manifest.kioskKeyIds());
        String packageSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));

        for (Path kiosk : kiosks) {
            ThreatWorld.Run loaded = load(kiosk, file);
            assertEquals(0, loaded.exit(), kiosk + ": " + loaded.out() + loaded.err());
            ThreatWorld.Run status = ThreatWorld.succeed("register", "status", "--data", kiosk.toString());
            assertTrue(status.out().contains("precinct 101, version 1, 3 voters, package sha256 " + packageSha256),
                    kiosk + ": " + status.out());
        }

        ThreatWorld.Run refused = load(outsider, file);
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains("[register.error.notARecipient]"), refused.err());
        ThreatWorld.Run none = ThreatWorld.run("register", "status", "--data", outsider.toString());
        assertTrue(none.err().contains("[register.error.noneLoaded]"), "the kiosk left out holds no register: "
                + none.out() + none.err());

        // Each byte as one char: String.contains is then a search for the exact byte sequence.
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (int i = 0; i < SURNAMES.size(); i++) {
            for (String secret : List.of(iin(i), SURNAMES.get(i), GIVEN_NAMES.get(i))) {
                for (var encoding : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
                    assertFalse(raw.contains(new String(secret.getBytes(encoding), StandardCharsets.ISO_8859_1)),
                            "personal data in clear in the precinct package (" + encoding + ")");
                }
            }
        }
    }

    @Test
    void aKioskOfAnotherPrecinctAmongThemIsRefusedAndNothingIsWritten() throws Exception {
        List<Path> withForeign = new ArrayList<>(certificates);
        withForeign.add(1, otherPrecinctCertificate);
        assertRefusedAtBuild(withForeign, "register.error.kioskPrecinct");
        assertRefusedAtBuild(List.of(otherPrecinctCertificate), "register.error.kioskPrecinct");
    }

    @Test
    void aKioskNamedTwiceIsRefusedAndNothingIsWritten() throws Exception {
        assertRefusedAtBuild(List.of(certificates.get(0), certificates.get(1), certificates.get(0)),
                "register.error.duplicateKiosk");
        assertRefusedAtBuild(List.of(certificates.get(0), sameKeyCertificate), "register.error.duplicateKiosk");
    }

    @Test
    void oneCertificateStillMakesTheKiosksOwnPackage() throws Exception {
        Path file = root.resolve("kiosk-2-v1.srp");
        ThreatWorld.Run built = build(file, List.of(certificates.get(1)));
        assertEquals(0, built.exit(), built.out() + built.err());
        assertFalse(built.out().contains("kiosks"), built.out());
        PackageManifest manifest = RegisterPackages.readUnverifiedManifest(Files.readAllBytes(file));
        assertNull(manifest.kioskKeyIds());
        assertEquals(1, manifest.recipients().size());
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("kioskKeyIds"));
        ThreatWorld.Run refused = load(kiosks.get(2), file);
        assertTrue(refused.err().contains("[register.error.wrongKiosk]"), refused.err());
    }

    private static void assertRefusedAtBuild(List<Path> kioskCertificates, String key) throws Exception {
        Path out = root.resolve("refused.srp");
        TreeMap<String, String> before = ThreatWorld.snapshot(root);
        ThreatWorld.Run run = build(out, kioskCertificates);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).contains("[" + key + "]"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(out), "a refused build writes no package");
        assertEquals(before, ThreatWorld.snapshot(root), "a refused build changes nothing");
    }
}
