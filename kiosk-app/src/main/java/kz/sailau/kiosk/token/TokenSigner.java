package kz.sailau.kiosk.token;

/** Port: signs token bodies with the kiosk key (implemented with {@code crypto.Ed25519TokenKeys::sign}). */
@FunctionalInterface
public interface TokenSigner {

    /** The signature of {@code body}. */
    byte[] sign(byte[] body);
}
