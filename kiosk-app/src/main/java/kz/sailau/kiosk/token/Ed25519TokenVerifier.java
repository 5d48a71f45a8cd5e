package kz.sailau.kiosk.token;

import java.util.Objects;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;

/** {@link TokenVerifier} for the kiosk's Ed25519 public key (the check runs in {@code crypto}). */
public final class Ed25519TokenVerifier implements TokenVerifier {

    private final byte[] publicKey;

    /**
     * @param publicKey the kiosk's 32-byte Ed25519 public key (copied)
     * @throws IllegalArgumentException on another length
     */
    public Ed25519TokenVerifier(byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != Ed25519TokenKeys.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        this.publicKey = publicKey.clone();
    }

    @Override
    public boolean verify(byte[] body, byte[] signature) {
        return Ed25519TokenKeys.verify(publicKey, body, signature);
    }
}
