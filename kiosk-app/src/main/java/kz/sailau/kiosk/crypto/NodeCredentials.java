package kz.sailau.kiosk.crypto;

import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import java.security.interfaces.ECPrivateKey;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A precinct node's TLS identity: an ECDSA P-256 key (FIPS 186-5) of its own, apart from the kiosk's RSA key, and
 * the node certificate the authority issued for it ({@link NodeCertificates}). On disk, in the node directory:
 * {@code node-key.sealed} (the private key sealed under the administrator's passphrase, Argon2id + AES-256-GCM),
 * {@code node.csr.pem} (the request for the authority), {@code node.crt.pem} (the certificate) and
 * {@code authority.crt.pem} (the pinned authority certificate).
 */
public final class NodeCredentials {

    /** The sealed private key inside the node directory. */
    public static final String SEALED_KEY_FILE = "node-key.sealed";
    /** The certification request inside the node directory. */
    public static final String REQUEST_FILE = "node.csr.pem";
    /** The node certificate inside the node directory. */
    public static final String CERTIFICATE_FILE = "node.crt.pem";
    /** The pinned authority certificate inside the node directory. */
    public static final String AUTHORITY_FILE = "authority.crt.pem";
    /** JCA name of the signature on every command a node submits to the precinct ledger: ECDSA P-256, SHA-256. */
    public static final String COMMAND_SIGNATURE = "SHA256withECDSA";
    private static final String SEAL_LABEL = "node-key";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final NodeName name;
    private final NodeRole role;
    private final PrecinctId precinct;
    private final X509Certificate certificate;

    private NodeCredentials(PrivateKey privateKey, PublicKey publicKey, NodeName name, NodeRole role,
                            PrecinctId precinct, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.name = name;
        this.role = role;
        this.precinct = precinct;
        this.certificate = certificate;
    }

    /** Generates a fresh key for a node; it has no certificate until {@link #withCertificate}. */
    public static NodeCredentials generate(NodeName name, NodeRole role, PrecinctId precinct, SecureRandom random) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(precinct, "precinct");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), Objects.requireNonNull(random, "random"));
            KeyPair pair = generator.generateKeyPair();
            return new NodeCredentials(pair.getPrivate(), pair.getPublic(), name, role, precinct, null);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "node key generation failed", e);
        }
    }

    /** The PKCS#10 request (RFC 2986, PEM) naming this node, its role and its precinct. */
    public byte[] certificationRequest() {
        try {
            return Pem.request(new JcaPKCS10CertificationRequestBuilder(
                    NodeCertificates.subject(name, role, precinct), publicKey)
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(privateKey)));
        } catch (OperatorCreationException e) {
            throw new KioskCryptoException("crypto.error.internal", "node certification request failed", e);
        }
    }

    /**
     * A detached CMS SignedData (RFC 5652) over {@code data} by this node's key (ECDSA P-256 with SHA-256), carrying
     * its node certificate: the node's end-of-day bundle. Check it with {@link KioskSignatures#verifyDetachedUnpinned}
     * and then {@link NodeCertificates#identify} against the authority.
     *
     * @throws KioskCryptoException {@code node.error.uncertified} if the node has no certificate yet
     */
    public byte[] signDetached(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (certificate == null) {
            throw new KioskCryptoException("node.error.uncertified", "the node has no certificate to sign with", null);
        }
        return KioskSignatures.signDetached(data, privateKey, "SHA256withECDSA", certificate);
    }

    /**
     * Signs a command this node submits to the precinct ledger ({@value #COMMAND_SIGNATURE}, DER): every replica
     * checks it against the node certificate that travels with the command, so a machine cannot submit a command in
     * another machine's name (decision 0285). Check it with {@link #verifyCommand}.
     *
     * @throws KioskCryptoException {@code node.error.uncertified} if the node has no certificate yet
     */
    public byte[] signCommand(byte[] command) {
        Objects.requireNonNull(command, "command");
        if (certificate == null) {
            throw new KioskCryptoException("node.error.uncertified", "the node has no certificate to sign with", null);
        }
        return KioskSignatures.sign(privateKey, COMMAND_SIGNATURE, command, "node command signature failed");
    }

    /** Whether {@code signature} is a node's {@link #signCommand} signature of {@code command}; malformed: false. */
    public static boolean verifyCommand(PublicKey nodeKey, byte[] command, byte[] signature) {
        return KioskSignatures.verify(nodeKey, COMMAND_SIGNATURE, command, signature);
    }

    /**
     * The same key with the certificate the authority issued for it.
     *
     * @throws KioskCryptoException {@code node.error.certificateMismatch} if the certificate is for another key or
     *                              names another node, role or precinct; or the errors of
     *                              {@link NodeCertificates#identify}
     */
    public NodeCredentials withCertificate(X509Certificate issued, X509Certificate authority) {
        NodeIdentity identity = NodeCertificates.identify(issued, authority);
        if (!issued.getPublicKey().equals(publicKey) || !identity.name().equals(name) || identity.role() != role
                || !identity.precinct().equals(precinct)) {
            throw new KioskCryptoException("node.error.certificateMismatch",
                    "the certificate is not this node's (" + identity + ")", null);
        }
        return new NodeCredentials(privateKey, publicKey, name, role, precinct, issued);
    }

    /**
     * Writes the sealed key and the request into {@code directory}; refuses to overwrite a key.
     *
     * @throws KioskCryptoException {@code node.error.exists} if the directory already holds a node key
     * @throws IOException          on a file error
     */
    public void save(Path directory, char[] passphrase, Argon2idParameters parameters, SecureRandom random)
            throws IOException {
        if (Files.exists(directory.resolve(SEALED_KEY_FILE))) {
            throw new KioskCryptoException("node.error.exists", "a node key already exists in " + directory, null);
        }
        byte[] header = (name.value() + "\n" + role.label() + "\n" + precinct.number() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] pkcs8 = privateKey.getEncoded();
        byte[] secret = new byte[header.length + pkcs8.length];
        System.arraycopy(header, 0, secret, 0, header.length);
        System.arraycopy(pkcs8, 0, secret, header.length, pkcs8.length);
        byte[] sealed;
        try {
            // Sealed before any directory is made: a passphrase the seal refuses (too short) leaves nothing behind.
            sealed = PassphraseSeal.seal(passphrase, secret, SEAL_LABEL, parameters, random);
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
        Files.createDirectories(directory);
        try {
            // Created only if absent, atomically: of two runs at once, the second is refused here.
            AtomicFileReplacement.create(directory.resolve(SEALED_KEY_FILE), sealed);
        } catch (FileAlreadyExistsException e) {
            throw new KioskCryptoException("node.error.exists", "a node key already exists in " + directory, null);
        }
        AtomicFileReplacement.write(directory.resolve(REQUEST_FILE), certificationRequest());
    }

    /**
     * Writes the issued certificate and the authority certificate into {@code directory} after checking that they
     * belong to this node.
     *
     * @throws IOException on a file error
     */
    public NodeCredentials install(Path directory, X509Certificate issued, X509Certificate authority)
            throws IOException {
        NodeCredentials certified = withCertificate(issued, authority);
        AtomicFileReplacement.write(directory.resolve(AUTHORITY_FILE), Pem.certificate(authority));
        AtomicFileReplacement.write(directory.resolve(CERTIFICATE_FILE), Pem.certificate(issued));
        return certified;
    }

    /**
     * Unseals a node's key and reads its certificate.
     *
     * @throws KioskCryptoException {@code node.error.notInitialised} without a key or certificate,
     *                              {@code crypto.error.wrongPassphrase} on a wrong passphrase
     * @throws IOException          when a file cannot be read
     */
    public static NodeCredentials unlock(Path directory, char[] passphrase) throws IOException {
        if (!Files.exists(directory.resolve(CERTIFICATE_FILE)) || !Files.exists(directory.resolve(AUTHORITY_FILE))) {
            throw new KioskCryptoException("node.error.notInitialised",
                    "no node certificate in " + directory + "; certify the node and run 'node install'", null);
        }
        NodeCredentials plain = unlockUncertified(directory, passphrase);
        X509Certificate certificate = Pem.readCertificate(MachineFiles.read(directory.resolve(CERTIFICATE_FILE)));
        return plain.withCertificate(certificate, authorityOf(directory));
    }

    /**
     * Unseals a node's key before its certificate is installed.
     *
     * @throws KioskCryptoException {@code node.error.notInitialised} without a key,
     *                              {@code crypto.error.wrongPassphrase} on a wrong passphrase
     * @throws IOException          when the file cannot be read
     */
    public static NodeCredentials unlockUncertified(Path directory, char[] passphrase) throws IOException {
        Path sealed = directory.resolve(SEALED_KEY_FILE);
        if (!Files.exists(sealed)) {
            throw new KioskCryptoException("node.error.notInitialised",
                    "no node key in " + directory + "; run 'node init' first", null);
        }
        byte[] secret = PassphraseSeal.unseal(passphrase, MachineFiles.read(sealed), SEAL_LABEL);
        try {
            int cut = 0;
            for (int lines = 0; lines < 3; cut++) {
                if (cut >= secret.length) {
                    throw new KioskCryptoException("crypto.error.sealedFormat", "sealed node key has a wrong layout",
                            null);
                }
                lines += secret[cut] == '\n' ? 1 : 0;
            }
            String[] header = new String(secret, 0, cut, StandardCharsets.US_ASCII).split("\n");
            ECPrivateKey key = (ECPrivateKey) KeyFactory
                    .getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            Arrays.copyOfRange(secret, cut, secret.length)));
            return new NodeCredentials(key, publicKeyOf(key), new NodeName(header[0]), NodeRole.parse(header[1]),
                    PrecinctId.parse(header[2]), null);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new KioskCryptoException("crypto.error.sealedFormat", "sealed node key cannot be read", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The public point Q = dG of an EC private key (Bouncy Castle's fixed-point multiplier). */
    private static PublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
        ECNamedCurveParameterSpec curve =
                ECNamedCurveTable.getParameterSpec("secp256r1");
        var q = new FixedPointCombMultiplier()
                .multiply(curve.getG(), key.getS()).normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(),
                q.getAffineYCoord().toBigInteger());
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point,
                key.getParams()));
    }

    /** Reads the pinned authority certificate of a node directory. */
    public static X509Certificate authorityOf(Path directory) throws IOException {
        return Pem.readCertificate(MachineFiles.read(directory.resolve(AUTHORITY_FILE)));
    }

    /** The node's name. */
    public NodeName name() {
        return name;
    }

    /** The node's role. */
    public NodeRole role() {
        return role;
    }

    /** The node's precinct. */
    public PrecinctId precinct() {
        return precinct;
    }

    /** The certificate, once installed. */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "NodeCredentials[" + name + ", ***]";
    }
}
