package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start checks refuse, before election day, a kiosk whose day could not be closed: no kiosk certificate in
 * the data directory, a file that is no certificate, a certificate of another authority, or one for another
 * kiosk's key. Each is one line naming the file and what to do.
 */
class KioskPreflightTest {

    @TempDir
    Path dir;

    @Test
    void theKioskCertificateMustBeThereAndBeThisKiosksFromThePinnedAuthority() throws Exception {
        Path data = dir.resolve("kiosk");
        Path certificate = data.resolve(ProductionWindows.KIOSK_CERTIFICATE_FILE);
        var own = RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        KioskConfiguration configuration = configuration(data);

        assertEquals(List.of("kioskCertificate: " + certificate + " is missing: copy there the certificate that "
                        + "'authority certify-kiosk' made for this kiosk (closing the day signs the bundle with it)"),
                certificateProblems(configuration), "no certificate installed");

        // Session H67: a named pipe (here a folder) in its place was called missing.
        Files.createDirectory(certificate);
        assertEquals(List.of("kioskCertificate: " + certificate + " is not a regular file: copy there the certificate "
                        + "that 'authority certify-kiosk' made for this kiosk (closing the day signs the bundle with it)"),
                certificateProblems(configuration), "a folder in the certificate's place");
        Files.delete(certificate);

        Files.writeString(certificate, "not a certificate\n");
        List<String> garbage = certificateProblems(configuration);
        assertEquals(1, garbage.size(), garbage.toString());
        assertTrue(garbage.get(0).startsWith("kioskCertificate: " + certificate
                + " cannot be used [crypto.error.certificateFormat]: "), "a file that is no PEM certificate: " + garbage);

        var otherKiosk = RegisterFixtures.initKiosk(dir.resolve("other"), new PrecinctId(102));
        RegisterFixtures.writeCertificate(certificate, otherKiosk);
        assertEquals(List.of("kioskCertificate: " + certificate + " certifies another kiosk's key, not this kiosk's ("
                        + KioskCredentials.REQUEST_FILE + "): copy the certificate made for this kiosk"),
                certificateProblems(configuration), "the certificate of the kiosk of precinct 102");

        AuthorityCredentials stranger = AuthorityCredentials.generate("Another authority (DEMO)",
                RegisterFixtures.CLOCK, Duration.ofDays(365), new SecureRandom());
        RegisterFixtures.writeCertificate(certificate, stranger.certifyKiosk(
                Files.readAllBytes(data.resolve(KioskCredentials.REQUEST_FILE)), RegisterFixtures.CLOCK,
                Duration.ofDays(30), new SecureRandom()));
        assertEquals(List.of("kioskCertificate: " + certificate + " cannot be used [audit.error.kioskCertificate]: "
                        + "the kiosk certificate is not issued by this authority"),
                certificateProblems(configuration), "this kiosk's key, certified by another authority");

        RegisterFixtures.writeCertificate(certificate, own);
        assertEquals(List.of(), certificateProblems(configuration), "the kiosk's own certificate");
    }

    @Test
    void aDevicePathThatIsADirectoryOrARegularFileIsNotASerialDevice() throws Exception {
        Path data = dir.resolve("kiosk");
        RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        Path folder = Files.createDirectories(dir.resolve("scanner folder"));
        Path file = Files.writeString(dir.resolve("printer.txt"), "not a printer\n");
        KioskConfiguration defaults = configuration(data);
        KioskConfiguration configuration = new KioskConfiguration(data, defaults.election(), defaults.precinct(),
                defaults.electionDay(), new KioskConfiguration.SerialPortSetting(folder.toString(), 57_600),
                defaults.mrzReader(), new KioskConfiguration.SerialPortSetting(file.toString(), 19_200),
                defaults.matchThreshold(), defaults.maxFingerTries(), defaults.overrideCapPercent(),
                defaults.overrideWarnPercent(), defaults.idleTimeoutSeconds(), true);
        CliEnvironment environment = new CliEnvironment(RegisterFixtures.CLOCK, new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> problems = KioskPreflight.problems(configuration, environment);
        assertTrue(problems.contains("scanner.port: " + folder
                + " is a directory, not a serial device (check kiosk.json)"), problems.toString());
        assertTrue(problems.contains("printer.port: " + file + " is a file, not a serial device (check kiosk.json)"),
                problems.toString());
    }

    private static List<String> certificateProblems(KioskConfiguration configuration) {
        CliEnvironment environment = new CliEnvironment(RegisterFixtures.CLOCK, new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> problems = KioskPreflight.problems(configuration, environment);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("register:")), "no register in this kiosk: "
                + problems);
        return problems.stream().filter(p -> p.startsWith("kioskCertificate:")).toList();
    }

    private static KioskConfiguration configuration(Path data) {
        KioskConfiguration defaults = KioskConfiguration.defaults();
        return new KioskConfiguration(data, RegisterFixtures.ELECTION.value(), RegisterFixtures.PRECINCT.number(),
                defaults.electionDay(), defaults.scanner(), defaults.mrzReader(), defaults.printer(),
                defaults.matchThreshold(), defaults.maxFingerTries(), defaults.overrideCapPercent(),
                defaults.overrideWarnPercent(), defaults.idleTimeoutSeconds(), true);
    }
}
