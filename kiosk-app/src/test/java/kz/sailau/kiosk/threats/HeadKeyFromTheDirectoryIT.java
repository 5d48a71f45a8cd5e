package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat (a residual risk of issue #13, from reading the code): {@code audit verify --data} without
 * {@code --kiosk-cert} checks the signed heads with the key of {@code DATA/kiosk.csr.pem}, a file of the directory it
 * checks, so an insider who replaces it with a key of their own could re-sign the chain. With
 * {@code --authority-cert} the command now checks that key against the kiosk certificate the authority issued
 * ({@code DATA/kiosk.crt.pem}): it must chain to the authority and certify exactly that key, and the line says so; a
 * replaced request or certificate fails ({@code audit.error.kioskKeyNotCertified}, {@code audit.error.kioskCertificate}).
 * Without the authority certificate, or without a kiosk certificate in the directory, the honest warning stays. The
 * format of no file changes. Through the real command line; DEMO keys only.
 */
class HeadKeyFromTheDirectoryIT {

    @TempDir
    Path root;
    private ThreatWorld world;
    private Path request;
    private Path certificate;

    @BeforeEach
    void aKioskWithItsCertificateFromTheAuthority() throws Exception {
        world = ThreatWorld.create(root);
        Path v1 = world.registerPackage("v1.srp", 4, 1);
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package", v1.toString(),
                "--passphrase-file", world.passphrase.toString());
        request = world.kiosk.resolve(KioskCredentials.REQUEST_FILE);
        certificate = world.kiosk.resolve("kiosk.crt.pem");
        assertEquals(world.kioskCertificateFile, certificate, "fixture: the certificate is in the directory");
    }

    @Test
    void theDirectorysKeyCertifiedByTheAuthorityIsSaidToBe() {
        ThreatWorld.Run run = verify("--authority-cert", world.authorityCertificateFile.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("signed heads checked with the key of " + request + ", which " + certificate
                + " certifies, issued by " + RegisterFixtures.authority().certificate().getSubjectX500Principal()
                .getName()), run.out());

        ThreatWorld.Run without = verify();
        assertEquals(0, without.exit(), without.out());
        assertTrue(without.out().contains("signed heads checked with the key of " + request + ", a file of the "
                + "directory checked"), without.out());
    }

    @Test
    void aReplacedRequestIsFoundAgainstTheAuthority() throws Exception {
        KioskCredentials insider = KioskCredentials.generate(new SecureRandom());
        Files.write(request, insider.certificationRequest(RegisterFixtures.PRECINCT));
        ThreatWorld.Run run = verify("--authority-cert", world.authorityCertificateFile.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("signed heads checked with the key of " + request + ": FAILED, it is not the "
                + "key " + certificate + " certifies (one of them was replaced) [audit.error.kioskKeyNotCertified]"),
                run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void aRequestAndCertificateBothReplacedWithTheInsidersOwnFailToChain() throws Exception {
        AuthorityCredentials forger = AuthorityCredentials.generate("Forger (TEST)", RegisterFixtures.CLOCK,
                Duration.ofDays(30), new SecureRandom());
        KioskCredentials insider = KioskCredentials.generate(new SecureRandom());
        byte[] insiderRequest = insider.certificationRequest(RegisterFixtures.PRECINCT);
        X509Certificate forged = forger.certifyKiosk(insiderRequest, RegisterFixtures.CLOCK, Duration.ofDays(30),
                new SecureRandom());
        Files.write(request, insiderRequest);
        RegisterFixtures.writeCertificate(certificate, forged);
        ThreatWorld.Run run = verify("--authority-cert", world.authorityCertificateFile.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("signed heads checked with the key of " + request + ": FAILED, " + certificate
                + " does not chain to the authority"), run.out());
        assertTrue(run.out().contains("[audit.error.kioskCertificate]"), run.out());

        Path forgedFile = RegisterFixtures.writeCertificate(root.resolve("forged.crt.pem"), forged);
        ThreatWorld.Run given = verify("--kiosk-cert", forgedFile.toString(), "--authority-cert",
                world.authorityCertificateFile.toString());
        assertEquals(1, given.exit(), given.out());
        assertTrue(given.out().contains("signed heads checked with the key of " + forgedFile + ": FAILED, the kiosk "
                + "certificate is not issued by this authority [audit.error.kioskCertificate]"), given.out());
    }

    @Test
    void withoutAKioskCertificateInTheDirectoryTheWarningStays() throws Exception {
        Files.delete(certificate);
        ThreatWorld.Run run = verify("--authority-cert", world.authorityCertificateFile.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("signed heads checked with the key of " + request + ", a file of the directory "
                + "checked: for a check that does not trust that directory give --kiosk-cert (from the authority); "
                + "no kiosk certificate " + certificate + " to check that key against the authority"), run.out());
    }

    private ThreatWorld.Run verify(String... options) {
        String[] args = new String[4 + options.length];
        args[0] = "audit";
        args[1] = "verify";
        args[2] = "--data";
        args[3] = world.kiosk.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return ThreatWorld.run(args);
    }
}
