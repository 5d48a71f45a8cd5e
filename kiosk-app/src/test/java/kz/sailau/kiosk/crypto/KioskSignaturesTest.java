package kz.sailau.kiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import kz.sailau.kiosk.model.PrecinctId;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The kiosk's signatures over bundles and chain heads, and what a verifier demands of the kiosk certificate. */
class KioskSignaturesTest {

    private static final AuthorityCredentials AUTHORITY = PackageCryptoTest.AUTHORITY;
    private static final KioskCredentials KIOSK = PackageCryptoTest.KIOSK;

    @Test
    void kioskCertificatesAllowSigningAndKeyEncipherment() {
        boolean[] usage = PackageCryptoTest.KIOSK_CERT.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        assertTrue(usage[2], "keyEncipherment");
        byte[] data = "{\"day\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = KioskSignatures.signDetached(data, KIOSK, PackageCryptoTest.KIOSK_CERT);
        assertEquals(PackageCryptoTest.KIOSK_CERT,
                KioskSignatures.verifyDetached(data, signature, AUTHORITY.certificate()));
    }

    @Test
    void aKioskCertificateOnlyForEnciphermentCannotSignABundle() throws Exception {
        Date now = Date.from(PackageCryptoTest.CLOCK.instant());
        X509Certificate encipherOnly = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(AUTHORITY.certificate(), BigInteger.TEN, now,
                        Date.from(PackageCryptoTest.CLOCK.instant().plus(Duration.ofDays(30))),
                        new X500Name("CN=Kiosk " + new PrecinctId(42).number() + " (DEMO)"), KIOSK.publicKey())
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment))
                        .build(new JcaContentSignerBuilder(AuthorityCredentials.SIGNATURE_ALGORITHM).build(AUTHORITY.privateKey())));
        byte[] data = "{\"day\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = KioskSignatures.signDetached(data, KIOSK, encipherOnly);
        KioskCryptoException refused = assertThrows(KioskCryptoException.class,
                () -> KioskSignatures.verifyDetached(data, signature, AUTHORITY.certificate()));
        assertEquals("audit.error.kioskCertificate", refused.messageKey());
        assertTrue(refused.getMessage().contains("key usage"), refused.getMessage());
    }
}
