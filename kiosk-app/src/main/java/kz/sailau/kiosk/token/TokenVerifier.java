package kz.sailau.kiosk.token;

/**
 * Port: checks a token body's signature against the kiosk's public key (implemented with
 * {@code crypto.Ed25519TokenKeys.verify(publicKey, body, signature)}).
 */
@FunctionalInterface
public interface TokenVerifier {

    /** Whether {@code signature} is the kiosk's signature of {@code body}; false for anything malformed. */
    boolean verify(byte[] body, byte[] signature);
}
