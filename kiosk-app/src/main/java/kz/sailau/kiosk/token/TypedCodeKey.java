package kz.sailau.kiosk.token;

/**
 * Port: the precinct token key under which typed codes are authenticated (implemented with
 * {@code crypto.PrecinctTokenKey::mac}, HMAC-SHA256). The kiosk computes tags with it, the ballot desk checks them.
 */
@FunctionalInterface
public interface TypedCodeKey {

    /** HMAC-SHA256 of {@code message} (32 bytes). */
    byte[] mac(byte[] message);
}
