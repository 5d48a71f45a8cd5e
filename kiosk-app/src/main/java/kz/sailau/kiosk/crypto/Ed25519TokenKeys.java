package kz.sailau.kiosk.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The kiosk's Ed25519 key for signing ballot tokens (RFC 8032, pure Ed25519, via Bouncy Castle), and the
 * matching verification the ballot desk runs with the kiosk's public key. Keys made by {@link #generate}
 * in tests and the demo are demo keys; a polling station's key is sealed with the kiosk credentials.
 * {@link #toString()} reveals only the public key's size.
 */
public final class Ed25519TokenKeys {

    /** Length of an Ed25519 public key, RFC 8032 section 5.1.5. */
    public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    /** Length of an Ed25519 private key seed, RFC 8032 section 5.1.5. */
    public static final int PRIVATE_KEY_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
    /** Length of an Ed25519 signature, RFC 8032 section 5.1.6. */
    public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private Ed25519TokenKeys(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /** A new key pair from {@code random}. */
    public static Ed25519TokenKeys generate(SecureRandom random) {
        return new Ed25519TokenKeys(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /**
     * The key pair for a stored 32-byte private seed (copied).
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static Ed25519TokenKeys fromPrivateKey(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key must be 32 bytes");
        }
        return new Ed25519TokenKeys(new Ed25519PrivateKeyParameters(seed.clone(), 0));
    }

    /** The 32-byte private seed, for sealing at rest only. */
    public byte[] privateKey() {
        return privateKey.getEncoded();
    }

    /** The 32-byte public key, given to the ballot desk. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 64-byte signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /**
     * Whether {@code signature} is a valid signature of {@code message} under {@code publicKey}. Any malformed
     * key or signature gives false, never an exception.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Ed25519TokenKeys[public " + publicKey.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519TokenKeys other && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }
}
