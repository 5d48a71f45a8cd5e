package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.audit.DayBundle;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.MarkedRegisterBinding;
import kz.sailau.kiosk.crypto.AuthorityEnvelope;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: someone holding the (public) authority certificate writes another list of who checked in, encrypts it to
 * the authority and swaps it for {@code BUNDLE.marked-register.p7m} (a residual risk of issue #13, found by the
 * hostile pass). {@code day close} now names the SHA-256 of the exact envelope it wrote inside the signed bundle
 * (decision 0295), and {@code bundle verify} and {@code audit verify BUNDLE} check the backup beside the bundle (or
 * {@code --backup FILE}) against it: the genuine one passes, a swapped or altered one fails with
 * {@code bundle.check.backupMismatch}, a missing one fails with {@code bundle.check.backupMissing} unless
 * {@code --backup-elsewhere} says the authority keeps it, and a bundle of an older kiosk (no hash) still verifies
 * with a line saying the backup is not bound. Everything through the real command line; DEMO keys only.
 */
class MarkedRegisterSwapIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path data;
    private static Path bundle;
    private static Path authority;
    private static KioskCredentials credentials;

    @BeforeAll
    static void closeADayFromTheCommandLine() throws Exception {
        data = dir.resolve("kiosk");
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, new String(RegisterFixtures.PASSPHRASE) + "\n");
        try (DayFixture day = DayFixture.open(data, 12)) {
            day.simulate(8);
            credentials = day.credentials;
        }
        bundle = Files.createDirectories(dir.resolve("usb")).resolve("day.json");
        DayFixture.Console close = DayFixture.console();
        assertEquals(0, close.run("day", "close", "--data", data.toString(), "--out", bundle.toString(),
                "--passphrase-file", passphrase.toString()), close.out() + close.err());
        authority = data.resolve("authority-copy.crt.pem");
    }

    @Test
    void theSignedBundleNamesTheExactEnvelopeWrittenBesideIt() throws Exception {
        JsonNode root = JSON.readTree(bundle.toFile());
        assertEquals(ThreatWorld.sha256(Files.readAllBytes(backup(bundle))),
                root.path(MarkedRegisterBinding.JSON_KEY).path("sha256").asText());
        for (String command : List.of("bundle", "audit")) {
            Outcome console = verify(command, bundle, "--authority-cert", authority.toString());
            assertEquals(0, console.exit(), console.out() + console.err());
            assertTrue(console.out().contains("ok\tmarked register\t" + backup(bundle)
                    + " is the backup the kiosk signed for"), console.out());
            assertTrue(console.out().strip().endsWith("\nbundle verified"), console.out());
        }
    }

    @Test
    void aSwappedOrAlteredBackupIsRefusedByBothVerifiers() throws Exception {
        byte[] forged = AuthorityEnvelope.encrypt(("{\"format\":\"sailau-marked-register-v1\",\"checkedIn\":[]}")
                .getBytes(StandardCharsets.UTF_8), RegisterFixtures.authority().certificate(), RegisterFixtures.RANDOM);
        byte[] flipped = Files.readAllBytes(backup(bundle));
        flipped[flipped.length / 2] ^= 1;
        for (byte[] swapped : List.of(forged, flipped)) {
            Path copy = copy(swapped == forged ? "forged" : "flipped");
            Files.write(backup(copy), swapped);
            for (String command : List.of("bundle", "audit")) {
                for (boolean withAuthority : List.of(true, false)) {
                    Outcome console = withAuthority
                            ? verify(command, copy, "--authority-cert", authority.toString()) : verify(command, copy);
                    assertEquals(1, console.exit(), command + ": " + console.out() + console.err());
                    assertTrue(console.out().contains("FAILED\tmarked register\t" + backup(copy)
                            + " is NOT the backup the kiosk signed for"), console.out());
                    assertTrue(console.out().contains("[bundle.check.backupMismatch]"), console.out());
                    assertTrue(console.out().strip().endsWith("bundle NOT verified"), console.out());
                    assertTrue(console.err().isEmpty(), console.err());
                }
            }
            // The genuine backup kept elsewhere, named with --backup, still matches.
            Outcome named = verify("bundle", copy, "--authority-cert", authority.toString(), "--backup",
                    backup(bundle).toString());
            assertEquals(0, named.exit(), named.out());
        }
    }

    @Test
    void aMissingBackupFailsUnlessItIsSaidToBeKeptElsewhere() throws Exception {
        Path copy = copy("missing");
        Files.delete(backup(copy));
        Outcome missing = verify("bundle", copy, "--authority-cert", authority.toString());
        assertEquals(1, missing.exit(), missing.out());
        assertTrue(missing.out().contains("FAILED\tmarked register\tno backup file " + backup(copy)), missing.out());
        assertTrue(missing.out().contains("[bundle.check.backupMissing]"), missing.out());

        for (String command : List.of("bundle", "audit")) {
            Outcome elsewhere = verify(command, copy, "--authority-cert", authority.toString(),
                    "--backup-elsewhere");
            assertEquals(0, elsewhere.exit(), elsewhere.out());
            assertTrue(elsewhere.out().contains("NOT CHECKED\tmarked register\tNOT checked here (--backup-elsewhere)"
                    + ": the backup's SHA-256 must be " + ThreatWorld.sha256(Files.readAllBytes(backup(bundle)))),
                    elsewhere.out());
            assertTrue(elsewhere.out().strip().endsWith("bundle verified (marked register NOT checked)"),
                    elsewhere.out());
        }
    }

    @Test
    void aBundleOfAnOlderKioskStillVerifiesAndSaysItsBackupIsNotBound() throws Exception {
        Path copy = copy("older");
        DayBundle current = DayBundle.parse(Files.readAllBytes(copy)).bundle();
        DayBundle older = new DayBundle(current.election(), current.precinct(), current.registerVersion(),
                current.registerSha256(), current.softwareVersion(), current.jarSha256(), current.closedAt(),
                current.counts(), current.entries(), current.issuedTokens(), current.waitTimes());
        byte[] json = older.toJson();
        assertFalse(new String(json, StandardCharsets.UTF_8).contains(MarkedRegisterBinding.JSON_KEY));
        X509Certificate kiosk = Pem.readCertificate(Files.readAllBytes(data.resolve("kiosk.crt.pem")));
        Files.write(copy, json);
        Files.write(signature(copy), KioskSignatures.signDetached(json, credentials, kiosk));
        for (String command : List.of("bundle", "audit")) {
            Outcome console = verify(command, copy, "--authority-cert", authority.toString());
            assertEquals(0, console.exit(), console.out() + console.err());
            assertTrue(console.out().contains("NOT CHECKED\tmarked register\tNOT bound: this bundle (of an older "
                    + "kiosk) does not name its backup"), console.out());
            assertTrue(console.out().contains("[bundle.check.backupNotBound]"), console.out());
            assertTrue(console.out().strip().endsWith("bundle verified (marked register NOT checked)"),
                    console.out());
        }
        // The same older bundle re-signed is unchanged by a swapped backup beside it: nothing binds it.
        Files.write(backup(copy), new byte[] {1, 2, 3});
        assertEquals(0, verify("bundle", copy, "--authority-cert", authority.toString()).exit());
    }

    @Test
    void aBindingAddedOrChangedAfterSigningBreaksTheSignature() throws Exception {
        Path copy = copy("rebound");
        byte[] forged = AuthorityEnvelope.encrypt("{}".getBytes(StandardCharsets.UTF_8),
                RegisterFixtures.authority().certificate(), RegisterFixtures.RANDOM);
        String text = Files.readString(copy);
        String genuine = ThreatWorld.sha256(Files.readAllBytes(backup(copy)));
        Files.writeString(copy, text.replace(genuine, ThreatWorld.sha256(forged)));
        Files.write(backup(copy), forged);
        Outcome console = verify("bundle", copy, "--authority-cert", authority.toString());
        assertEquals(1, console.exit(), console.out());
        assertTrue(console.out().contains("FAILED\tsignature"), console.out());
        assertTrue(console.out().contains("ok\tmarked register"), "the file matches the edited hash, the signature "
                + "does not: " + console.out());
    }

    @Test
    void badBackupOptionsAreRefusedInOneLineWithNothingWritten() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"bundle", "verify", bundle.toString(), "--backup", backup(bundle).toString(),
                "--backup-elsewhere"});
        cases.add(new String[] {"bundle", "verify", bundle.toString(), "--backup", dir.resolve("nothing.p7m")
                .toString()});
        cases.add(new String[] {"bundle", "verify", bundle.toString(), "--backup", dir.toString()});
        cases.add(new String[] {"audit", "verify", "--data", data.toString(), "--backup-elsewhere"});
        cases.add(new String[] {"bundle", "verify", "--precinct", dir.toString(), "--authority-cert",
                authority.toString(), "--backup-elsewhere"});
        List<String> keys = List.of("cli.error.usage", "cli.error.noFile", "cli.error.isDirectory", "cli.error.usage",
                "bundle.error.notWithPrecinct");
        var before = ThreatWorld.snapshot(dir);
        for (int i = 0; i < cases.size(); i++) {
            DayFixture.Console console = DayFixture.console();
            int exit = console.run(cases.get(i));
            assertEquals(1, exit, String.join(" ", cases.get(i)) + ": " + console.err());
            assertEquals(1, console.err().strip().lines().count(), console.err());
            assertTrue(console.err().startsWith("error [" + keys.get(i) + "]"), console.err());
            assertTrue(console.out().isEmpty(), console.out());
        }
        assertEquals(before, ThreatWorld.snapshot(dir));
    }

    /** What one verification printed and its exit code. */
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome verify(String command, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "verify", file.toString()));
        args.addAll(List.of(options));
        DayFixture.Console console = DayFixture.console();
        int exit = console.run(args.toArray(String[]::new));
        return new Outcome(exit, console.out(), console.err());
    }

    private static Path copy(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name)).resolve("day.json");
        Files.copy(bundle, copy);
        Files.copy(signature(bundle), signature(copy));
        Files.copy(backup(bundle), backup(copy));
        return copy;
    }

    private static Path signature(Path file) {
        return file.resolveSibling(file.getFileName() + DayBundle.SIGNATURE_SUFFIX);
    }

    private static Path backup(Path file) {
        return file.resolveSibling(file.getFileName() + ".marked-register.p7m");
    }
}
