package kz.sailau.kiosk.crypto;

import java.nio.BufferUnderflowException;
import java.io.IOException;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import java.nio.ByteBuffer;
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
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import kz.sailau.kiosk.model.PrecinctId;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The kiosk's secrets: an RSA-3072 key pair (the register package is encrypted to it with RSA-OAEP,
 * RFC 8017 section 7.1) and a 256-bit store master secret from which the at-rest keys are derived
 * ({@link StoreKeys}). Both are kept on disk only sealed under the administrator's passphrase
 * ({@code kiosk-keys.sealed}, Argon2id + AES-256-GCM); the public side is the certification request
 * {@code kiosk.csr.pem}.
 */
public final class KioskCredentials {

    /** File name of the sealed secrets inside the kiosk data directory. */
    public static final String SEALED_KEYS_FILE = "kiosk-keys.sealed";
    /** File name of the certification request inside the kiosk data directory. */
    public static final String REQUEST_FILE = "kiosk.csr.pem";
    private static final String SEAL_LABEL = "kiosk-keys";
    private static final int RSA_BITS = 3072;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] storeMasterSecret;

    private KioskCredentials(PrivateKey privateKey, PublicKey publicKey, byte[] storeMasterSecret) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.storeMasterSecret = storeMasterSecret;
    }

    /** Generates a fresh key pair and store master secret. */
    public static KioskCredentials generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] master = new byte[32];
            random.nextBytes(master);
            return new KioskCredentials(pair.getPrivate(), pair.getPublic(), master);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "kiosk key generation failed", e);
        }
    }

    /**
     * A PKCS#10 request (RFC 2986) for the authority, subject {@code CN=Sailau kiosk, OU=Precinct P}.
     *
     * @return the request as PEM
     */
    public byte[] certificationRequest(PrecinctId precinct) {
        Objects.requireNonNull(precinct, "precinct");
        try {
            X500Name subject = new X500Name("CN=Sailau kiosk,OU=Precinct " + precinct.number() + ",O=Sailau");
            return Pem.request(new JcaPKCS10CertificationRequestBuilder(subject, publicKey)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(privateKey)));
        } catch (OperatorCreationException e) {
            throw new KioskCryptoException("crypto.error.internal", "certification request failed", e);
        }
    }

    /**
     * Writes the sealed secrets and the certification request into the kiosk data directory; refuses to
     * overwrite existing keys.
     *
     * @throws KioskCryptoException {@code kiosk.error.exists} if keys already exist
     * @throws IOException          on a file error
     */
    public void save(Path dataDirectory, PrecinctId precinct, char[] passphrase, Argon2idParameters parameters,
                     SecureRandom random) throws IOException {
        PassphraseSeal.checkNewPassphrase(passphrase);
        Files.createDirectories(dataDirectory);
        if (Files.exists(dataDirectory.resolve(SEALED_KEYS_FILE))) {
            throw new KioskCryptoException("kiosk.error.exists",
                    "kiosk keys already exist in " + dataDirectory + "; refusing to overwrite", null);
        }
        byte[] pkcs8 = privateKey.getEncoded();
        byte[] secret = ByteBuffer.allocate(4 + pkcs8.length + storeMasterSecret.length)
                .putInt(pkcs8.length).put(pkcs8).put(storeMasterSecret).array();
        try {
            // Created only if absent, atomically: of two runs at once, the second is refused here.
            AtomicFileReplacement.create(dataDirectory.resolve(SEALED_KEYS_FILE),
                    PassphraseSeal.seal(passphrase, secret, SEAL_LABEL, parameters, random));
        } catch (FileAlreadyExistsException e) {
            throw new KioskCryptoException("kiosk.error.exists",
                    "kiosk keys already exist in " + dataDirectory + "; refusing to overwrite", null);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        AtomicFileReplacement.write(dataDirectory.resolve(REQUEST_FILE), certificationRequest(precinct));
    }

    /**
     * Unseals the kiosk secrets with the administrator's passphrase.
     *
     * @throws KioskCryptoException {@code crypto.error.wrongPassphrase} on a wrong passphrase
     * @throws IOException          when the file cannot be read
     */
    public static KioskCredentials unlock(Path dataDirectory, char[] passphrase) throws IOException {
        Path file = dataDirectory.resolve(SEALED_KEYS_FILE);
        if (!Files.exists(file)) {
            throw new KioskCryptoException("kiosk.error.notInitialised",
                    "no kiosk keys in " + dataDirectory + "; run 'kiosk init' first", null);
        }
        byte[] secret = PassphraseSeal.unseal(passphrase, MachineFiles.read(file), SEAL_LABEL);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(secret);
            int length = buffer.getInt();
            if (length <= 0 || length > secret.length - 4 - 32) {
                throw new KioskCryptoException("crypto.error.sealedFormat", "sealed kiosk keys have a wrong layout", null);
            }
            byte[] pkcs8 = new byte[length];
            buffer.get(pkcs8);
            byte[] master = new byte[32];
            buffer.get(master);
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KioskCredentials(key, publicKey, master);
        } catch (GeneralSecurityException | ClassCastException | BufferUnderflowException e) {
            throw new KioskCryptoException("crypto.error.sealedFormat", "sealed kiosk keys cannot be read", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The keys of the encrypted store. */
    public StoreKeys storeKeys() {
        return new StoreKeys(storeMasterSecret);
    }

    /** The public key (to check that a certificate belongs to this kiosk). */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The subject key identifier (RFC 5280 section 4.2.1.2, method 1) the package is addressed to. */
    public byte[] subjectKeyIdentifier() {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey).getKeyIdentifier();
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "SHA-1 missing for key identifier", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "KioskCredentials[***]";
    }
}
