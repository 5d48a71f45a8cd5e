package kz.sailau.kiosk.crypto;

import java.util.Optional;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Signatures made with the kiosk's RSA-3072 key (the key the authority certified, see
 * {@link KioskCredentials}): raw RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 section 8.2) for audit chain heads,
 * and a detached CMS SignedData (RFC 5652 section 5) carrying the kiosk certificate for the end-of-day
 * bundle, so that anyone holding only the authority certificate can check who signed it.
 */
public final class KioskSignatures {

    /** JCA name of the signature algorithm: RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 section 8.2. */
    public static final String ALGORITHM = "SHA256withRSA";

    private KioskSignatures() {
    }

    /** Signs {@code message} with the kiosk's private key. */
    public static byte[] sign(KioskCredentials kiosk, byte[] message) {
        Objects.requireNonNull(kiosk, "kiosk");
        return sign(kiosk.privateKey(), ALGORITHM, message, "kiosk signature failed");
    }

    /** Whether {@code signature} is the kiosk's signature of {@code message}; malformed input gives false. */
    public static boolean verify(PublicKey kioskKey, byte[] message, byte[] signature) {
        return verify(kioskKey, ALGORITHM, message, signature);
    }

    /** A raw signature of {@code message} with {@code key} by the JCA {@code algorithm} (shared by the key kinds). */
    static byte[] sign(PrivateKey key, String algorithm, byte[] message, String failure) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", failure, e);
        }
    }

    /** Whether {@code signature} is a raw {@code algorithm} signature of {@code message}; malformed input: false. */
    static boolean verify(PublicKey key, String algorithm, byte[] message, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The kiosk's public key from its certification request ({@code kiosk.csr.pem}), after checking the
     * request's self-signature (RFC 2986 section 4.2).
     *
     * @throws KioskCryptoException {@code crypto.error.requestFormat} if it is not a valid request
     */
    public static PublicKey publicKeyOfRequest(byte[] requestPem) {
        PKCS10CertificationRequest request = Pem.readRequest(requestPem);
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()))) {
                throw new KioskCryptoException("crypto.error.requestFormat", "certification request signature is invalid",
                        null);
            }
            return new JcaPKCS10CertificationRequest(request).getPublicKey();
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.requestFormat", "certification request cannot be read", e);
        }
    }

    /**
     * Checks that a kiosk certificate is issued by the authority and certifies this kiosk's key.
     *
     * @throws KioskCryptoException {@code audit.error.kioskCertificate} when it is not
     */
    public static void checkKioskCertificate(KioskCredentials kiosk, X509Certificate kioskCertificate,
                                             X509Certificate authority) {
        checkIssuedBy(kioskCertificate, authority);
        if (!Arrays.equals(kiosk.publicKey().getEncoded(), kioskCertificate.getPublicKey().getEncoded())) {
            throw new KioskCryptoException("audit.error.kioskCertificate",
                    "the kiosk certificate certifies another key than this kiosk's", null);
        }
    }

    /**
     * Checks that a certificate can serve as the authority (pinned, or given to a verifier): a CA certificate
     * (basic constraints CA, RFC 5280 section 4.2.1.9) that may sign certificates (key usage keyCertSign, section 4.2.1.3) and is self-signed. A
     * kiosk's own certificate is not.
     *
     * @throws KioskCryptoException {@code kiosk.error.authorityNotCa} when it is not
     */
    public static void checkAuthorityCertificate(X509Certificate authority) {
        Objects.requireNonNull(authority, "authority");
        boolean[] usage = authority.getKeyUsage();
        if (authority.getBasicConstraints() < 0 || usage == null || usage.length < 6 || !usage[5]) {
            throw new KioskCryptoException("kiosk.error.authorityNotCa", "the certificate given as the authority is "
                    + "not a CA certificate that signs certificates (a kiosk certificate cannot be the authority)",
                    null);
        }
        try {
            authority.verify(authority.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("kiosk.error.authorityNotCa", "the certificate given as the authority is "
                    + "not self-signed", e);
        }
    }

    /**
     * Checks that {@code kioskCertificate} is signed by {@code authority} and allows digital signatures
     * (key usage), as a certificate that signs chain heads and bundles must.
     *
     * @throws KioskCryptoException {@code audit.error.kioskCertificate} when it is not
     */
    public static void checkIssuedBy(X509Certificate kioskCertificate, X509Certificate authority) {
        Objects.requireNonNull(kioskCertificate, "kioskCertificate");
        Objects.requireNonNull(authority, "authority");
        try {
            kioskCertificate.verify(authority.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("audit.error.kioskCertificate",
                    "the kiosk certificate is not issued by this authority", e);
        }
        boolean[] usage = kioskCertificate.getKeyUsage();
        if (usage == null || !usage[0]) {
            throw new KioskCryptoException("audit.error.kioskCertificate",
                    "the kiosk certificate does not allow digital signatures (key usage)", null);
        }
    }

    /**
     * A detached CMS SignedData over {@code data} by the kiosk key, carrying the kiosk certificate, DER.
     */
    public static byte[] signDetached(byte[] data, KioskCredentials kiosk, X509Certificate kioskCertificate) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(kioskCertificate, "kioskCertificate");
        return signDetached(data, kiosk.privateKey(), ALGORITHM, kioskCertificate);
    }

    /**
     * A detached CMS SignedData over {@code data} by {@code key} with the JCA {@code algorithm}, carrying
     * {@code certificate}, in its one canonical DER form ({@link CanonicalSignedData}, decision 0365): the kiosk's
     * bundle and a precinct node's end-of-day bundle are signed alike, so one verification
     * ({@link #verifyDetachedUnpinned}) reads both, and accepts no other form.
     */
    static byte[] signDetached(byte[] data, PrivateKey key, String algorithm,
                               X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            // The signed attributes name the certificate (RFC 5035 signing-certificate-v2, its SHA-256), so that the
            // certificate the file carries, which the signature does not cover, cannot be changed by a byte.
            Attribute named = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2(Digests.sha256(certificate.getEncoded())))));
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(named)))
                    .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
            generator.addCertificate(new JcaX509CertificateHolder(certificate));
            return CanonicalSignedData.of(generator.generate(new CMSProcessableByteArray(data), false), certificate);
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException
                 | IllegalArgumentException e) {
            throw new KioskCryptoException("crypto.error.internal", "bundle signature failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Verifies a detached signature made by {@link #signDetached}: exactly one signer, whose certificate is in
     * the signature, is issued by {@code authority}, and whose signature over {@code data} is valid; and the file is
     * that signature's canonical form, byte for byte (decision 0365).
     *
     * @return the kiosk certificate that signed
     * @throws KioskCryptoException {@code audit.error.bundleSignature} when the signature is not valid;
     *                              {@code audit.error.kioskCertificate} when the signer is not certified by
     *                              the authority
     */
    public static X509Certificate verifyDetached(byte[] data, byte[] signature, X509Certificate authority) {
        return verifyDetached(data, signature, Optional.of(Objects.requireNonNull(authority, "authority")));
    }

    /**
     * Verifies a detached signature made by {@link #signDetached} against the certificate it carries, without an
     * authority: exactly one signer, its certificate in the signature, its signature over {@code data} valid, the
     * file in its canonical form, as with an authority (decision 0365). This proves that the data was not changed
     * since that certificate's key signed it, not who the signer is.
     *
     * @return the certificate that signed
     * @throws KioskCryptoException {@code audit.error.bundleSignature} when the signature is not valid
     */
    public static X509Certificate verifyDetachedUnpinned(byte[] data, byte[] signature) {
        return verifyDetached(data, signature, Optional.empty());
    }

    private static X509Certificate verifyDetached(byte[] data, byte[] signature,
                                                  Optional<X509Certificate> authority) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        X509Certificate signerCertificate;
        SignerInformation signer;
        CMSSignedData signed;
        oneStructure(signature);
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(data), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw unreadable("expected exactly one signer, found " + signers.size(), null);
            }
            signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                throw unreadable("the signature does not carry the signer's certificate", null);
            }
            signerCertificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw unreadable(NOT_ONE_SIGNER, e);
        }
        if (authority.isPresent()) {
            checkIssuedBy(signerCertificate, authority.get());
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))) {
                throw new DetachedSignatureException(DetachedSignatureException.Kind.MISMATCH,
                        "bundle signature does not match its contents", null);
            }
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw new DetachedSignatureException(DetachedSignatureException.Kind.MISMATCH,
                    "bundle signature does not match its contents", e);
        }
        namedCertificate(signer, signerCertificate);
        canonical(signed, signerCertificate, signature);
        return signerCertificate;
    }

    /**
     * Refuses a signature whose signed attributes do not name the certificate it carries by its SHA-256 (RFC 5035
     * signing-certificate-v2, as {@link #signDetached} writes it): the certificate is outside what the signature
     * covers, so a byte changed in it (a name, a date) would otherwise still verify, and without an authority
     * certificate nothing else would tell (decision 0365).
     */
    private static void namedCertificate(SignerInformation signer, X509Certificate certificate) {
        AttributeTable signedAttributes = signer.getSignedAttributes();
        Attribute attribute = signedAttributes == null ? null
                : signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        byte[] named;
        try {
            if (attribute == null || attribute.getAttrValues().size() != 1) {
                throw unreadable("bundle signature does not name its signer's certificate (no signing-certificate "
                        + "attribute): not a signature its signer writes", null);
            }
            ESSCertIDv2[] certificates = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0))
                    .getCerts();
            if (certificates.length != 1 || !NISTObjectIdentifiers.id_sha256.equals(
                    certificates[0].getHashAlgorithm().getAlgorithm())) {
                throw unreadable("bundle signature names its signer's certificate in another form than its signer "
                        + "writes (one SHA-256)", null);
            }
            named = certificates[0].getCertHash();
            if (!MessageDigest.isEqual(named, Digests.sha256(certificate.getEncoded()))) {
                throw new DetachedSignatureException(DetachedSignatureException.Kind.MISMATCH, "the certificate the "
                        + "bundle signature carries is not the one its signer signed with (a byte of it was changed)",
                        null);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw unreadable(NOT_ONE_SIGNER, e);
        }
    }

    /**
     * Refuses a valid signature whose file is not its canonical form ({@link CanonicalSignedData}): re-encoded with
     * BER lengths, with a second certificate, a CRL or an unsigned attribute added, or an ECDSA {@code (r, n - s)}.
     * Such a file verifies alike, but it is not the file the signer wrote, and only the canonical form is.
     */
    private static void canonical(CMSSignedData signed, X509Certificate signer, byte[] signature) {
        byte[] canonical;
        try {
            canonical = CanonicalSignedData.of(signed, signer);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw unreadable(NOT_ONE_SIGNER, e);
        }
        if (!MessageDigest.isEqual(canonical, signature)) {
            throw unreadable("bundle signature verifies but is not in the canonical DER form its signer writes "
                    + "(other length encodings, a certificate, CRL or unsigned attribute added, or another form of "
                    + "the same signature value): not the file it signed", null);
        }
    }

    /**
     * The signer's certificate carried in a detached signature, without checking anything (for an observer
     * who has no authority certificate at hand: only the chain heads can then be checked with it).
     *
     * @throws KioskCryptoException {@code audit.error.bundleSignature} if there is no single signer certificate
     */
    public static X509Certificate signerCertificate(byte[] signature) {
        Objects.requireNonNull(signature, "signature");
        oneStructure(signature);
        try {
            CMSSignedData signed = new CMSSignedData(signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw unreadable("expected exactly one signer, found " + signers.size(), null);
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates()
                    .getMatches(signers.iterator().next().getSID());
            if (matches.size() != 1) {
                throw unreadable("the signature does not carry the signer's certificate", null);
            }
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw unreadable(NOT_ONE_SIGNER, e);
        }
    }

    /**
     * Refuses a signature file that is more than one ASN.1 structure: bytes appended after the signature (which the
     * CMS parser alone would ignore) make a second file that verifies alike, so the signature file would not be what
     * the kiosk wrote.
     */
    private static void oneStructure(byte[] signature) {
        int after;
        try (ASN1InputStream in = new ASN1InputStream(signature)) {
            if (in.readObject() == null) {
                throw new IOException("empty");
            }
            after = in.available();
        } catch (IOException | RuntimeException e) {
            throw unreadable(NOT_ONE_SIGNER, e);
        }
        if (after > 0) {
            throw unreadable("bundle signature has " + after + " byte(s) after its CMS structure (the kiosk writes "
                    + "none: not the file it signed)", null);
        }
    }

    private static final String NOT_ONE_SIGNER = "bundle signature cannot be read (not a CMS signature with one "
            + "signer and its certificate)";

    private static DetachedSignatureException unreadable(String message, Throwable cause) {
        return new DetachedSignatureException(DetachedSignatureException.Kind.UNREADABLE, message, cause);
    }
}
