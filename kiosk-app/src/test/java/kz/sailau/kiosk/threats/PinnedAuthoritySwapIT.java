package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import kz.sailau.kiosk.audit.RegisterSigners;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterPackages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat (a residual risk of issue #13): the kiosk verifies a register package against the authority certificate
 * pinned in its data directory, a file an insider with the directory can replace by a certificate of their own, and
 * then load a register of their own making (voters who do not exist: ballots added). The kiosk cannot tell its own
 * pinned file from the authority's, but every {@code REGISTER_LOADED} now names the SHA-256 of the certificate the
 * package was verified with, inside the signed chain, and an observer with the real authority certificate sees the
 * swap: {@code audit verify --data} and {@code bundle verify} fail with {@code bundle.check.registerSigner} (decision
 * 0297). The kiosk itself refuses to close the day while its own certificate does not chain to the pinned file; an
 * insider who swaps that certificate too signs a bundle the real authority did not certify, and it fails twice. Through the real command line; DEMO and TEST keys only.
 */
class PinnedAuthoritySwapIT {

    @TempDir
    Path root;
    private ThreatWorld world;

    @BeforeEach
    void aKiosk() throws Exception {
        world = ThreatWorld.create(root);
    }

    @Test
    void anHonestLoadNamesTheAuthority() throws Exception {
        load(world.registerPackage("v1.srp", 4, 1));
        ThreatWorld.Run run = auditVerify();
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains(RegisterSigners.CHECK + ": 1 register load(s), every package verified with "
                + RegisterFixtures.authority().certificate().getSubjectX500Principal().getName()), run.out());

        ThreatWorld.Run unchecked = ThreatWorld.run("audit", "verify", "--data", world.kiosk.toString());
        assertEquals(0, unchecked.exit(), unchecked.out());
        assertTrue(unchecked.out().contains(RegisterSigners.CHECK + ": NOT checked: no authority "
                + "certificate given; the 1 register load(s) were verified with the certificate(s) of SHA-256 "
                + Digests.sha256Hex(RegisterFixtures.authority().certificate())), unchecked.out());
    }

    @Test
    void aRegisterSignedByASwappedInAuthorityIsSeenByTheObserver() throws Exception {
        load(world.registerPackage("v1.srp", 4, 1));
        AuthorityCredentials forger = AuthorityCredentials.generate("Forger (TEST)", RegisterFixtures.CLOCK,
                Duration.ofDays(30), new SecureRandom());
        RegisterFixtures.writeCertificate(world.kiosk.resolve(KioskDataDirectory.AUTHORITY_FILE),
                forger.certificate());
        Path forged = root.resolve("v2-forged.srp");
        // The forger certifies the kiosk's own public key, so the package opens with the kiosk's real private key.
        X509Certificate forgedKioskCertificate = forger.certifyKiosk(Files.readAllBytes(world.kiosk.resolve(
                KioskCredentials.REQUEST_FILE)), RegisterFixtures.CLOCK, Duration.ofDays(30), new SecureRandom());
        Files.write(forged, RegisterPackages.write(ThreatWorld.contents(9, 2), forger, forgedKioskCertificate));
        // What the kiosk alone cannot tell: the file it trusts is the forger's.
        load(forged);

        ThreatWorld.Run run = auditVerify();
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains(RegisterSigners.CHECK + ": FAILED: the register version 2 loaded at entry "),
                run.out());
        assertTrue(run.out().contains("was verified with ANOTHER authority certificate (SHA-256 "
                + Digests.sha256Hex(forger.certificate()) + ")"), run.out());
        assertTrue(run.out().contains("[bundle.check.registerSigner]"), run.out());
        assertTrue(run.err().isEmpty(), run.err());

        Path usb = Files.createDirectories(root.resolve("usb"));
        Path bundle = usb.resolve("day.json");
        ThreatWorld.Run refused = close(bundle);
        assertEquals(1, refused.exit(), "the kiosk's real certificate does not chain to the swapped-in file: "
                + refused.out());
        assertTrue(refused.err().contains("[audit.error.kioskCertificate]"), refused.err());
        // So the insider swaps the kiosk certificate too.
        RegisterFixtures.writeCertificate(world.kioskCertificateFile, forgedKioskCertificate);
        ThreatWorld.Run close = close(bundle);
        assertEquals(0, close.exit(), close.out() + close.err());
        for (String verb : new String[] {"bundle", "audit"}) {
            ThreatWorld.Run verify = ThreatWorld.run(verb, "verify", bundle.toString(), "--authority-cert",
                    world.authorityCertificateFile.toString(), "--backup-elsewhere");
            assertEquals(1, verify.exit(), verb + ": " + verify.out() + verify.err());
            assertTrue(verify.out().contains("FAILED\t" + RegisterSigners.CHECK + "\tthe register version 2 "),
                    verb + ": " + verify.out());
            assertTrue(verify.out().contains("FAILED\tsignature\t"), verb + ": " + verify.out());
        }
    }

    private ThreatWorld.Run close(Path bundle) {
        return ThreatWorld.run("day", "close", "--data", world.kiosk.toString(), "--out", bundle.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    private void load(Path file) {
        ThreatWorld.succeed("register", "load", "--data", world.kiosk.toString(), "--package", file.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    private ThreatWorld.Run auditVerify() {
        return ThreatWorld.run("audit", "verify", "--data", world.kiosk.toString(), "--authority-cert",
                world.authorityCertificateFile.toString());
    }
}
