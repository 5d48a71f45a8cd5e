package kz.sailau.kiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import kz.sailau.kiosk.model.PrecinctId;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.BERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
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

    /**
     * Decision 0365: the signer writes the canonical DER form, which a CMS parser re-encodes byte for byte; the same
     * signature in BER, or with a letter of the carried certificate's name changed, is refused with and without an
     * authority (the certificate is named by its SHA-256 in the signed attributes).
     */
    @Test
    void onlyTheCanonicalFormWithItsNamedCertificateVerifies() throws Exception {
        byte[] data = "{\"day\":2}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = KioskSignatures.signDetached(data, KIOSK, PackageCryptoTest.KIOSK_CERT);
        assertEquals(0x30, signature[0] & 0xff);
        assertTrue((signature[1] & 0x80) != 0 && signature[1] != (byte) 0x80, "a definite DER length");
        assertEquals(PackageCryptoTest.KIOSK_CERT, KioskSignatures.verifyDetachedUnpinned(data, signature));
        byte[] ber = ber(signature);
        assertTrue(new CMSSignedData(new CMSProcessableByteArray(data), ber).getSignerInfos().getSigners().iterator()
                .next().verify(new JcaSimpleSignerInfoVerifierBuilder().build(PackageCryptoTest.KIOSK_CERT)),
                "the BER form is a valid signature (what Bouncy Castle's generator wrote before)");
        byte[] renamed = renamed(signature);
        for (byte[] other : new byte[][] {ber, renamed}) {
            DetachedSignatureException unpinned = assertThrows(DetachedSignatureException.class,
                    () -> KioskSignatures.verifyDetachedUnpinned(data, other));
            assertEquals(other == ber ? DetachedSignatureException.Kind.UNREADABLE
                    : DetachedSignatureException.Kind.MISMATCH, unpinned.kind(), unpinned.getMessage());
            assertThrows(KioskCryptoException.class,
                    () -> KioskSignatures.verifyDetached(data, other, AUTHORITY.certificate()));
        }
    }

    /** The same SignedData with its outer two layers in BER indefinite lengths. */
    static byte[] ber(byte[] signature) throws IOException {
        ASN1Sequence info = ASN1Sequence.getInstance(signature);
        return new BERSequence(new ASN1Encodable[] {info.getObjectAt(0), new BERTaggedObject(true, 0,
                ASN1TaggedObject.getInstance(info.getObjectAt(1)).getExplicitBaseObject())}).getEncoded(ASN1Encoding.BER);
    }

    /** {@code signature} with one letter of the kiosk certificate's subject changed (its key and serial kept). */
    private static byte[] renamed(byte[] signature) {
        String subject = PackageCryptoTest.KIOSK_CERT.getSubjectX500Principal().getName();
        String common = subject.replaceAll(".*CN=([^,]+).*", "$1");
        byte[] name = common.getBytes(StandardCharsets.UTF_8);
        byte[] copy = signature.clone();
        for (int i = 0; i + name.length <= copy.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(copy, i, i + name.length), name)) {
                copy[i + name.length - 1] ^= 0x01;
                return copy;
            }
        }
        throw new AssertionError("fixture: the subject " + common + " is not in the signature");
    }
}
