package kz.sailau.kiosk.crypto;

import java.security.Provider;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import java.io.IOException;
import java.security.interfaces.ECPublicKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.model.PrecinctId;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import java.util.Objects;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The cryptographic envelope of a register package, in standard CMS (RFC 5652):
 * <ul>
 *   <li>a detached SignedData over the manifest, so that anyone can check who issued a package without
 *       the kiosk's key;</li>
 *   <li>the records in an encapsulated SignedData (ECDSA P-256 with SHA-256, RFC 5753) by the authority,
 *       inside an AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084) whose content key is
 *       transported to the kiosk with RSA-OAEP SHA-256 (RFC 8017 section 7.1, RFC 4055), the recipient
 *       named by its subject key identifier.</li>
 * </ul>
 * Verification never trusts certificates carried inside the package: the signer must be the pinned
 * authority certificate. Signatures and RSA-OAEP use the JDK's providers through BC's JCA builders; the
 * CMS content cipher (AES-GCM looked up by its OID, which the JDK does not map) uses an unregistered
 * instance of the BC provider. OpenJDK does not require JCE providers to be signed, so this works from the
 * shaded jar too ({@code docs/decisions/0031-keys-and-package-crypto.md}, checked by {@code ExecutableJarIT}).
 */
public final class PackageCrypto {

    /** Bouncy Castle as a provider object for the CMS content cipher only; never installed globally. */
    private static final Provider CONTENT_PROVIDER =
            new BouncyCastleProvider();

    /** How a kiosk subject names its precinct: {@code OU=Precinct 101}. */
    private static final String KIOSK_PRECINCT_PREFIX = "Precinct ";

    private PackageCrypto() {
    }

    /**
     * A detached CMS signature of {@code data} by the authority, in its one canonical DER form
     * ({@link #verifyDetached} accepts no other): the authority certificate as the only certificate, no CRLs, no
     * unsigned attributes, SHA-256 and ECDSA with SHA-256 identified without parameters, the ECDSA signature with
     * its low {@code s} (decision 0131).
     */
    public static byte[] signDetached(byte[] data, AuthorityCredentials authority) {
        byte[] generated = sign(data, authority, false);
        try {
            return canonical(new CMSSignedData(new CMSProcessableByteArray(data), generated), authority.certificate());
        } catch (CMSException | IOException | GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Checks a detached signature against the pinned authority certificate, and that every one of its bytes is
     * the canonical form of what was signed ({@link #signDetached}): a changed byte anywhere, also in the embedded
     * certificate, in an unsigned part, in the encoding or after the end, is refused like a wrong signature.
     *
     * @throws KioskCryptoException {@code register.error.signature} if it is not a valid signature by that authority
     *                              in canonical form
     */
    public static void verifyDetached(byte[] data, byte[] signature, X509Certificate pinnedAuthority) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        byte[] canonical;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(data), signature);
            verify(signed, pinnedAuthority);
            canonical = canonical(signed, pinnedAuthority);
        } catch (CMSException | IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw signatureError("manifest signature cannot be read: " + e.getClass().getSimpleName(), e);
        }
        if (!MessageDigest.isEqual(canonical, signature)) {
            throw signatureError("manifest signature verifies but is not in its canonical form: bytes outside the "
                    + "signed attributes were changed (embedded certificate, unsigned parts, encoding or trailing bytes)",
                    null);
        }
    }

    /**
     * The canonical DER form of a detached SignedData by {@code authority} ({@link CanonicalSignedData}), which must
     * hold an EC key; a SignedData that can have no canonical form is refused as a wrong signature.
     */
    private static byte[] canonical(CMSSignedData signed, X509Certificate authority)
            throws IOException, GeneralSecurityException {
        if (!(authority.getPublicKey() instanceof ECPublicKey)) {
            throw signatureError("the authority key is not an EC key", null);
        }
        try {
            return CanonicalSignedData.of(signed, authority);
        } catch (IllegalArgumentException e) {
            throw signatureError(e.getMessage(), e);
        }
    }

    /**
     * Signs {@code content} by the authority and encrypts the result to the kiosk certificate.
     *
     * @param kioskCertificate the kiosk's certificate; must be issued by this authority
     * @throws KioskCryptoException {@code register.error.kioskCertificate} if the kiosk certificate is not
     *                              issued by this authority or not for key encipherment
     */
    public static byte[] signAndEncrypt(byte[] content, AuthorityCredentials authority, X509Certificate kioskCertificate) {
        return signAndEncrypt(content, authority, List.of(kioskCertificate));
    }

    /**
     * Signs {@code content} by the authority and encrypts the result once, to every kiosk certificate: one
     * AuthEnvelopedData whose content key is transported to each kiosk in its own KeyTransRecipientInfo (RFC 5652
     * section 6.2.1), in the order given, so that any one of them, and no other key, opens it. With one certificate
     * this is exactly {@link #signAndEncrypt(byte[], AuthorityCredentials, X509Certificate)}.
     *
     * @param kioskCertificates the kiosks' certificates, at least one, each issued by this authority, no key twice
     * @throws KioskCryptoException {@code register.error.kioskCertificate} if a kiosk certificate is not issued by
     *                              this authority or not for key encipherment; {@code register.error.duplicateKiosk}
     *                              if two certificates certify the same key
     */
    public static byte[] signAndEncrypt(byte[] content, AuthorityCredentials authority,
                                        List<X509Certificate> kioskCertificates) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(kioskCertificates, "kioskCertificates");
        if (kioskCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one kiosk certificate");
        }
        Set<String> keyIds = new HashSet<>();
        for (X509Certificate kioskCertificate : kioskCertificates) {
            checkKioskCertificate(kioskCertificate, authority.certificate());
            if (!keyIds.add(HexFormat.of().formatHex(keyIdentifier(kioskCertificate)))) {
                throw duplicateKiosk();
            }
        }
        byte[] signed = sign(content, authority, true);
        try {
            AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                    PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            for (X509Certificate kioskCertificate : kioskCertificates) {
                generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(
                        keyIdentifier(kioskCertificate), oaep, kioskCertificate.getPublicKey()));
            }
            CMSAuthEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(signed),
                    (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                            CMSAlgorithm.AES256_GCM).setProvider(CONTENT_PROVIDER).build());
            return enveloped.getEncoded();
        } catch (GeneralSecurityException | CMSException | IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "package encryption failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static KioskCryptoException duplicateKiosk() {
        return new KioskCryptoException("register.error.duplicateKiosk",
                "the same kiosk key is named twice among the kiosk certificates", null);
    }

    /**
     * Checks that kiosk certificates can all receive one package of {@code precinct} from this authority: each
     * {@linkplain #checkKioskCertificate issued by it for key encipherment}, each a kiosk of that precinct (its
     * subject {@code CN=Sailau kiosk, OU=Precinct P, O=Sailau}, as {@link KioskCredentials#certificationRequest}
     * writes it), no key twice.
     *
     * @throws KioskCryptoException {@code register.error.kioskCertificate}, {@code register.error.kioskPrecinct} if a
     *                              certificate is of another precinct (or names none), or
     *                              {@code register.error.duplicateKiosk}
     */
    public static void checkPrecinctKioskCertificates(List<X509Certificate> kioskCertificates,
                                                      X509Certificate authority, PrecinctId precinct) {
        Objects.requireNonNull(kioskCertificates, "kioskCertificates");
        Objects.requireNonNull(precinct, "precinct");
        Set<String> keyIds = new HashSet<>();
        int position = 0;
        for (X509Certificate kioskCertificate : kioskCertificates) {
            position++;
            checkKioskCertificate(kioskCertificate, authority);
            Optional<PrecinctId> named = kioskPrecinct(kioskCertificate);
            if (named.isEmpty() || !named.get().equals(precinct)) {
                throw new KioskCryptoException("register.error.kioskPrecinct", "kiosk certificate " + position
                        + " is " + named.map(p -> "of precinct " + p.number()).orElse("of no precinct")
                        + ", not of the package's precinct " + precinct.number(), null);
            }
            if (!keyIds.add(HexFormat.of().formatHex(keyIdentifier(kioskCertificate)))) {
                throw duplicateKiosk();
            }
        }
    }

    /** The precinct a kiosk certificate's subject names ({@code OU=Precinct P}), if it names exactly one. */
    static Optional<PrecinctId> kioskPrecinct(X509Certificate kioskCertificate) {
        X500Name subject = X500Name.getInstance(kioskCertificate.getSubjectX500Principal().getEncoded());
        RDN[] units = subject.getRDNs(BCStyle.OU);
        if (units.length != 1 || units[0].isMultiValued()) {
            return Optional.empty();
        }
        String unit = IETFUtils.valueToString(units[0].getFirst().getValue());
        if (!unit.startsWith(KIOSK_PRECINCT_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PrecinctId.parse(unit.substring(KIOSK_PRECINCT_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks that a kiosk certificate can receive a package from this authority: issued by it, for key encipherment.
     *
     * @throws KioskCryptoException {@code register.error.kioskCertificate} when it cannot
     */
    public static void checkKioskCertificate(X509Certificate kioskCertificate, X509Certificate authority) {
        Objects.requireNonNull(kioskCertificate, "kioskCertificate");
        Objects.requireNonNull(authority, "authority");
        try {
            kioskCertificate.verify(authority.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("register.error.kioskCertificate",
                    "kiosk certificate is not issued by this authority", e);
        }
        boolean[] usage = kioskCertificate.getKeyUsage();
        if (usage == null || usage.length < 3 || !usage[2]) {
            throw new KioskCryptoException("register.error.kioskCertificate",
                    "kiosk certificate does not allow key encipherment", null);
        }
    }

    /**
     * Decrypts an envelope with the kiosk's key and checks the inner signature against the pinned authority.
     *
     * @return the signed content
     * @throws KioskCryptoException {@code register.error.wrongKiosk} if the package is not addressed to this
     *                              kiosk; {@code register.error.damaged} if it cannot be decrypted;
     *                              {@code register.error.signature} if the signature is not the authority's
     */
    public static byte[] decryptAndVerify(byte[] envelope, KioskCredentials kiosk, X509Certificate pinnedAuthority) {
        Objects.requireNonNull(envelope, "envelope");
        byte[] signed;
        try {
            CMSAuthEnvelopedData enveloped = new CMSAuthEnvelopedData(envelope);
            RecipientInformation recipient = enveloped.getRecipientInfos()
                    .get(new KeyTransRecipientId(kiosk.subjectKeyIdentifier()));
            if (recipient == null) {
                throw new KioskCryptoException("register.error.wrongKiosk",
                        "package is not addressed to this kiosk's key", null);
            }
            signed = recipient.getContent(new JceKeyTransAuthEnvelopedRecipient(kiosk.privateKey())
                    .setContentProvider(CONTENT_PROVIDER));
        } catch (CMSException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            // Words, not the parser's exception class: the line is shown to the administrator as it is.
            throw new KioskCryptoException("register.error.damaged", "package cannot be decrypted (not an envelope "
                    + "this kiosk's key opens, or damaged)", e);
        }
        try {
            CMSSignedData signedData = new CMSSignedData(signed);
            verify(signedData, pinnedAuthority);
            CMSTypedData content = signedData.getSignedContent();
            if (content == null) {
                throw signatureError("signed records carry no content", null);
            }
            return (byte[]) content.getContent();
        } catch (CMSException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw signatureError("signed records cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] sign(byte[] data, AuthorityCredentials authority, boolean encapsulate) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(authority, "authority");
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(AuthorityCredentials.SIGNATURE_ALGORITHM)
                            .build(authority.privateKey()), authority.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(authority.certificate()));
            return generator.generate(new CMSProcessableByteArray(data), encapsulate).getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void verify(CMSSignedData signedData, X509Certificate pinnedAuthority) {
        Objects.requireNonNull(pinnedAuthority, "pinnedAuthority");
        try {
            X509CertificateHolder pinned = new JcaX509CertificateHolder(pinnedAuthority);
            Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw signatureError("expected exactly one signer, found " + signers.size(), null);
            }
            SignerInformation signer = signers.iterator().next();
            if (!signer.getSID().match(pinned)) {
                throw signatureError("signed by another authority than the pinned one", null);
            }
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(pinnedAuthority))) {
                throw signatureError("signature does not verify against the pinned authority", null);
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw signatureError("signature does not verify: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KioskCryptoException signatureError(String message, Throwable cause) {
        return new KioskCryptoException("register.error.signature", message, cause);
    }

    /** The subject key identifier (RFC 5280 section 4.2.1.2, method 1) of a certificate's public key. */
    public static byte[] keyIdentifier(X509Certificate certificate) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(certificate.getPublicKey()).getKeyIdentifier();
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "SHA-1 missing for key identifier", e);
        }
    }

    /** Whether two certificates are the same (DER equality). */
    public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return MessageDigest.isEqual(a.getEncoded(), b.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
