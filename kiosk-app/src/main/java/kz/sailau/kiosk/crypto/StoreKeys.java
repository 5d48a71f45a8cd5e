package kz.sailau.kiosk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the kiosk's encrypted store, derived from the 256-bit store master secret (sealed under the
 * administrator's passphrase together with the kiosk's private key) with HKDF-Expand (RFC 5869 section
 * 2.3, HMAC-SHA256, one block) under distinct labels.
 */
public final class StoreKeys {

    private final byte[] fieldKey;
    private final byte[] indexKey;

    /**
     * @param masterSecret the 32-byte store master secret
     */
    public StoreKeys(byte[] masterSecret) {
        Objects.requireNonNull(masterSecret, "masterSecret");
        if (masterSecret.length != 32) {
            throw new IllegalArgumentException("store master secret must be 32 bytes");
        }
        this.fieldKey = expand(masterSecret, "sailau store field encryption v1");
        this.indexKey = expand(masterSecret, "sailau store blind index v1");
    }

    /** A field cipher under the field key. */
    public FieldCipher fieldCipher(SecureRandom random) {
        return new FieldCipher(fieldKey, random);
    }

    /** The blind index of a field under the index key. */
    public BlindIndex blindIndex(String domain) {
        return new BlindIndex(indexKey, domain);
    }

    private static byte[] expand(byte[] prk, String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "key derivation failed", e);
        }
    }

    /** Overwrites the derived keys in memory. */
    public void destroy() {
        Arrays.fill(fieldKey, (byte) 0);
        Arrays.fill(indexKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "StoreKeys[***]";
    }
}
