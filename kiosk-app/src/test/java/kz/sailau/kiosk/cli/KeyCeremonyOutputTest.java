package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the administrator's guide asks of the key ceremony on the command line (docs/admin-guide.md, section 3): the
 * authority certificate's fingerprint is read out and compared, so {@code authority init} prints it and
 * {@code kiosk init} prints the one it pinned, both in the form {@code openssl x509 -fingerprint -sha256} prints; and a
 * passphrase that cannot be typed names the option that reads it from a file.
 */
class KeyCeremonyOutputTest {

    private static final String[] CHEAP = {"--argon2-memory-kib", "8192", "--argon2-iterations", "1"};

    @Test
    void authorityInitAndKioskInitPrintTheSameFingerprintAsOpensslWould(@TempDir Path dir) throws Exception {
        Path passphrase = Files.writeString(dir.resolve("pass.txt"), "ceremony passphrase\n");
        Path authority = dir.resolve("AUTH");
        JarRunner.Result init = InProcessRunner.run(concat(new String[] {"authority", "init", "--out",
            authority.toString(), "--passphrase-file", passphrase.toString()}, CHEAP));
        assertEquals(0, init.exitCode(), init.err());
        String expected = opensslFingerprint(authority.resolve("authority.crt.pem"));
        assertTrue(init.out().lines().anyMatch(line -> line.endsWith(": " + expected)),
                "authority init must print the certificate's fingerprint " + expected + ":\n" + init.out());

        JarRunner.Result kiosk = InProcessRunner.run(concat(new String[] {"kiosk", "init", "--data",
            dir.resolve("DATA").toString(), "--precinct", "101", "--authority-cert",
            authority.resolve("authority.crt.pem").toString(), "--passphrase-file", passphrase.toString()}, CHEAP));
        assertEquals(0, kiosk.exitCode(), kiosk.err());
        assertTrue(kiosk.out().contains("pinned authority certificate, SHA-256 fingerprint " + expected + ":"),
                "kiosk init must print the fingerprint it pinned:\n" + kiosk.out());
    }

    @Test
    void deskKeyWithoutAConsoleNamesTheDeskPassphraseOption(@TempDir Path dir) throws Exception {
        assertNull(System.console(), "this test runs where no console can be typed at (a forked test JVM)");
        Path passphrase = Files.writeString(dir.resolve("pass.txt"), "ceremony passphrase\n");
        Path authority = dir.resolve("AUTH");
        assertEquals(0, InProcessRunner.run(concat(new String[] {"authority", "init", "--out", authority.toString(),
            "--passphrase-file", passphrase.toString()}, CHEAP)).exitCode());
        Path out = dir.resolve("desk-101.key");
        JarRunner.Result run = InProcessRunner.run("authority", "desk-key", "--authority", authority.toString(),
                "--election", "KZ-2026-PARL", "--precinct", "101", "--out", out.toString(), "--passphrase-file",
                passphrase.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of("error [cli.error.passphrase]: no console to type the new ballot desk passphrase; use "
                + "--desk-passphrase-file"), lines);
        assertFalse(Files.exists(out), "nothing written");
    }

    /** SHA-256 over the certificate's DER, upper-case pairs joined by colons, computed here without the kiosk's code. */
    private static String opensslFingerprint(Path pem) throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(pem)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        StringBuilder text = new StringBuilder();
        for (byte b : digest) {
            text.append(text.length() == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        return text.toString();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
