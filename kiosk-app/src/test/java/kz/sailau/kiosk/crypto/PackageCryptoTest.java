package kz.sailau.kiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCryptoTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
    static final SecureRandom RANDOM = new SecureRandom();
    static final char[] PASSPHRASE = "demo passphrase".toCharArray();

    /** Shared so that the slow RSA key generation runs once per test class. */
    static final AuthorityCredentials AUTHORITY =
            AuthorityCredentials.generate("Test authority (DEMO)", CLOCK, Duration.ofDays(365), RANDOM);
    static final KioskCredentials KIOSK = KioskCredentials.generate(RANDOM);
    static final X509Certificate KIOSK_CERT = AUTHORITY.certifyKiosk(
            KIOSK.certificationRequest(new PrecinctId(42)), CLOCK, Duration.ofDays(30), RANDOM);

    @Test
    void signedAndEncryptedContentRoundTrips() {
        byte[] content = "records".getBytes(StandardCharsets.UTF_8);
        byte[] envelope = PackageCrypto.signAndEncrypt(content, AUTHORITY, KIOSK_CERT);
        assertArrayEquals(content, PackageCrypto.decryptAndVerify(envelope, KIOSK, AUTHORITY.certificate()));
    }

    @Test
    void detachedSignatureVerifiesOnlyForTheSameData() {
        byte[] manifest = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = PackageCrypto.signDetached(manifest, AUTHORITY);
        PackageCrypto.verifyDetached(manifest, signature, AUTHORITY.certificate());
        KioskCryptoException e = assertThrows(KioskCryptoException.class, () -> PackageCrypto.verifyDetached(
                "{\"x\":2}".getBytes(StandardCharsets.UTF_8), signature, AUTHORITY.certificate()));
        assertEquals("register.error.signature", e.messageKey());
    }

    @Test
    void anotherAuthorityIsRejected() {
        AuthorityCredentials other = AuthorityCredentials.generate("Other (DEMO)", CLOCK, Duration.ofDays(1), RANDOM);
        byte[] envelope = PackageCrypto.signAndEncrypt(new byte[] {1}, AUTHORITY, KIOSK_CERT);
        assertEquals("register.error.signature", assertThrows(KioskCryptoException.class,
                () -> PackageCrypto.decryptAndVerify(envelope, KIOSK, other.certificate())).messageKey());
    }

    @Test
    void anotherKioskCannotDecrypt() {
        KioskCredentials other = KioskCredentials.generate(RANDOM);
        byte[] envelope = PackageCrypto.signAndEncrypt(new byte[] {1}, AUTHORITY, KIOSK_CERT);
        assertEquals("register.error.wrongKiosk", assertThrows(KioskCryptoException.class,
                () -> PackageCrypto.decryptAndVerify(envelope, other, AUTHORITY.certificate())).messageKey());
    }

    @Test
    void tamperedEnvelopeIsRejected() {
        byte[] envelope = PackageCrypto.signAndEncrypt(new byte[100], AUTHORITY, KIOSK_CERT);
        envelope[envelope.length - 40] ^= 1;
        KioskCryptoException e = assertThrows(KioskCryptoException.class,
                () -> PackageCrypto.decryptAndVerify(envelope, KIOSK, AUTHORITY.certificate()));
        assertTrue(e.messageKey().equals("register.error.damaged") || e.messageKey().equals("register.error.signature"));
    }

    @Test
    void kioskCertificateOfAnotherAuthorityIsRefusedAtBuild() {
        AuthorityCredentials other = AuthorityCredentials.generate("Other (DEMO)", CLOCK, Duration.ofDays(1), RANDOM);
        assertEquals("register.error.kioskCertificate", assertThrows(KioskCryptoException.class,
                () -> PackageCrypto.signAndEncrypt(new byte[] {1}, other, KIOSK_CERT)).messageKey());
    }

    @Test
    void keysSurviveSaveAndUnlock(@TempDir Path dir) throws Exception {
        KIOSK.save(dir.resolve("kiosk"), new PrecinctId(42), PASSPHRASE, Argon2idParameters.TEST_ONLY, RANDOM);
        KioskCredentials unlocked = KioskCredentials.unlock(dir.resolve("kiosk"), PASSPHRASE);
        assertArrayEquals(KIOSK.subjectKeyIdentifier(), unlocked.subjectKeyIdentifier());
        byte[] envelope = PackageCrypto.signAndEncrypt(new byte[] {7}, AUTHORITY, KIOSK_CERT);
        assertArrayEquals(new byte[] {7}, PackageCrypto.decryptAndVerify(envelope, unlocked, AUTHORITY.certificate()));
        assertEquals("crypto.error.wrongPassphrase", assertThrows(KioskCryptoException.class,
                () -> KioskCredentials.unlock(dir.resolve("kiosk"), "wrong passphrase".toCharArray())).messageKey());
        String sealed = Files.readString(dir.resolve("kiosk").resolve(KioskCredentials.SEALED_KEYS_FILE));
        assertTrue(sealed.contains("argon2id") && sealed.contains("\"memoryKiB\" : 1024"), sealed);

        AUTHORITY.save(dir.resolve("authority"), PASSPHRASE, Argon2idParameters.TEST_ONLY, RANDOM);
        AuthorityCredentials loaded = AuthorityCredentials.load(dir.resolve("authority"), PASSPHRASE);
        byte[] signature = PackageCrypto.signDetached(new byte[] {3}, loaded);
        PackageCrypto.verifyDetached(new byte[] {3}, signature, AuthorityCredentials.loadCertificate(dir.resolve("authority")));
        assertEquals("authority.error.exists", assertThrows(KioskCryptoException.class,
                () -> AUTHORITY.save(dir.resolve("authority"), PASSPHRASE, Argon2idParameters.TEST_ONLY, RANDOM))
                .messageKey());
    }

    @Test
    void argon2idMatchesRfc9106StyleDeterminism() {
        byte[] salt = new byte[16];
        byte[] a = PassphraseSeal.derive("password".toCharArray(), salt, Argon2idParameters.TEST_ONLY);
        byte[] b = PassphraseSeal.derive("password".toCharArray(), salt, Argon2idParameters.TEST_ONLY);
        byte[] c = PassphraseSeal.derive("passwore".toCharArray(), salt, Argon2idParameters.TEST_ONLY);
        assertArrayEquals(a, b);
        assertEquals(32, a.length);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void fieldCipherBindsContext() {
        StoreKeys keys = new StoreKeys(new byte[32]);
        FieldCipher cipher = keys.fieldCipher(RANDOM);
        byte[] value = cipher.encryptText("Абай", new byte[] {1});
        assertEquals("Абай", cipher.decryptText(value, new byte[] {1}));
        assertEquals("store.error.fieldIntegrity", assertThrows(KioskCryptoException.class,
                () -> cipher.decrypt(value, new byte[] {2})).messageKey());
        assertArrayEquals(keys.blindIndex("iin").of("x"), keys.blindIndex("iin").of("x"));
        assertTrue(!java.util.Arrays.equals(keys.blindIndex("iin").of("x"), keys.blindIndex("name").of("x")));
    }

    @Test
    void paddedFieldsHaveOneLengthAndCannotBeReadAsTheOtherVersion() {
        FieldCipher cipher = new StoreKeys(new byte[32]).fieldCipher(RANDOM);
        byte[] context = {7};
        byte[] shortName = cipher.encryptPadded("Ли".getBytes(StandardCharsets.UTF_8), 64, context);
        byte[] empty = cipher.encryptPadded(new byte[0], 64, context);
        byte[] endsInMark = cipher.encryptPadded("Ѐ".getBytes(StandardCharsets.UTF_8), 64, context);
        assertEquals(shortName.length, empty.length);
        assertEquals(shortName.length, endsInMark.length);
        assertEquals("Ли", cipher.decryptText(shortName, context));
        assertEquals("", cipher.decryptText(empty, context));
        assertEquals("Ѐ", cipher.decryptText(endsInMark, context), "a value ending in 0x80 keeps it");
        byte[] tooLong = cipher.encryptPadded(new byte[64], 64, context);
        assertEquals(shortName.length + 64, tooLong.length, "a value that does not fit takes a second block");
        assertArrayEquals(new byte[64], cipher.decrypt(tooLong, context));
        // The version byte is bound into the associated data: an unpadded value relabelled as padded, or the
        // reverse, fails authentication instead of being read with (or without) its last bytes stripped.
        byte[] plain = cipher.encryptText("Ѐ", context);
        for (byte[] value : new byte[][] {plain, endsInMark}) {
            byte[] relabelled = value.clone();
            relabelled[0] = (byte) (relabelled[0] == 1 ? 2 : 1);
            assertEquals("store.error.fieldIntegrity", assertThrows(KioskCryptoException.class,
                    () -> cipher.decrypt(relabelled, context)).messageKey());
        }
    }
}
