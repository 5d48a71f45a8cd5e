package kz.sailau.kiosk.crypto;

import java.io.IOException;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The election authority's signing identity (the stand-in for the national CA): an ECDSA P-256 key
 * (FIPS 186-5) and a self-signed X.509 certificate (RFC 5280). It signs register packages and certifies
 * kiosk keys. On disk: {@code authority.crt.pem} (public, pinned on every kiosk) and
 * {@code authority-key.sealed} (the private key sealed under the authority's passphrase).
 */
public final class AuthorityCredentials {

    /** File name of the public certificate inside the authority directory. */
    public static final String CERTIFICATE_FILE = "authority.crt.pem";
    /** File name of the sealed private key inside the authority directory. */
    public static final String SEALED_KEY_FILE = "authority-key.sealed";
    private static final String SEAL_LABEL = "authority-key";
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private AuthorityCredentials(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /**
     * Generates a new authority key and self-signed certificate.
     *
     * @param commonName the certificate subject's CN, e.g. {@code Central Election Commission (DEMO)}
     * @param clock      validity starts now
     * @param validity   how long the certificate is valid
     * @param random     key and serial source
     */
    public static AuthorityCredentials generate(String commonName, Clock clock, Duration validity, SecureRandom random) {
        Objects.requireNonNull(commonName, "commonName");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + commonName.replace(",", " ") + ",O=Sailau");
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random).abs()
                    .add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(pair.getPrivate())));
            return new AuthorityCredentials(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "authority key generation failed", e);
        }
    }

    /**
     * Writes the certificate and the sealed private key into {@code directory}; refuses to overwrite.
     *
     * @throws KioskCryptoException {@code authority.error.exists} if the directory already holds a key
     * @throws IOException          on a file error
     */
    public void save(Path directory, char[] passphrase, Argon2idParameters parameters, SecureRandom random)
            throws IOException {
        PassphraseSeal.checkNewPassphrase(passphrase);
        Files.createDirectories(directory);
        if (Files.exists(directory.resolve(SEALED_KEY_FILE))) {
            throw new KioskCryptoException("authority.error.exists",
                    "authority key already exists in " + directory + "; refusing to overwrite", null);
        }
        byte[] sealed = PassphraseSeal.seal(passphrase, privateKey.getEncoded(), SEAL_LABEL, parameters, random);
        try {
            // Created only if absent, atomically: of two runs at once, the second is refused here.
            AtomicFileReplacement.create(directory.resolve(SEALED_KEY_FILE), sealed);
        } catch (FileAlreadyExistsException e) {
            throw new KioskCryptoException("authority.error.exists",
                    "authority key already exists in " + directory + "; refusing to overwrite", null);
        }
        AtomicFileReplacement.write(directory.resolve(CERTIFICATE_FILE), Pem.certificate(certificate));
    }

    /**
     * Reads the authority credentials from {@code directory}.
     *
     * @throws KioskCryptoException on a wrong passphrase or a damaged file
     * @throws IOException          when a file cannot be read
     */
    public static AuthorityCredentials load(Path directory, char[] passphrase) throws IOException {
        X509Certificate certificate = Pem.readCertificate(MachineFiles.read(directory.resolve(CERTIFICATE_FILE)));
        byte[] pkcs8 = PassphraseSeal.unseal(passphrase, MachineFiles.read(directory.resolve(SEALED_KEY_FILE)),
                SEAL_LABEL);
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new AuthorityCredentials(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.sealedFormat", "sealed authority key is not an EC key", e);
        }
    }

    /** Reads only the public certificate of an authority directory. */
    public static X509Certificate loadCertificate(Path directory) throws IOException {
        return Pem.readCertificate(MachineFiles.read(directory.resolve(CERTIFICATE_FILE)));
    }

    /**
     * Certifies a kiosk's key: checks the request's self-signature and issues a certificate for key
     * encipherment with the request's subject.
     *
     * @param requestPem the kiosk's PKCS#10 request (PEM)
     * @throws KioskCryptoException {@code authority.error.badRequest} if the request's signature is wrong
     */
    public X509Certificate certifyKiosk(byte[] requestPem, Clock clock, Duration validity, SecureRandom random) {
        PKCS10CertificationRequest request = Pem.readRequest(requestPem);
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .build(request.getSubjectPublicKeyInfo());
            if (!request.isSignatureValid(verifier)) {
                throw new KioskCryptoException("authority.error.badRequest", "certification request signature is invalid",
                        null);
            }
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    new BigInteger(64, random).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    request.getSubject(), request.getSubjectPublicKeyInfo());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // Key encipherment: the register package is encrypted to it. Digital signature: it signs audit chain
            // heads and the end-of-day bundle, which verifiers check (KioskSignatures.checkIssuedBy).
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(request.getSubjectPublicKeyInfo()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(privateKey)));
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException | IOException e) {
            throw new KioskCryptoException("authority.error.badRequest", "kiosk certification failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The authority's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "AuthorityCredentials[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
