package kz.sailau.kiosk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index: HMAC-SHA256 (RFC 2104) of a normalised value under a secret key. The store keeps
 * only this index for lookups, never the plaintext; without the key the small IIN space cannot be
 * enumerated against it. Thread-safe.
 */
public final class BlindIndex {

    private final SecretKeySpec key;
    private final String domain;

    /**
     * @param key32  a 256-bit key (copied)
     * @param domain what is indexed, e.g. {@code iin}; part of every input so indexes of different fields differ
     */
    public BlindIndex(byte[] key32, String domain) {
        Objects.requireNonNull(key32, "key32");
        if (key32.length != 32) {
            throw new IllegalArgumentException("blind index key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key32.clone(), "HmacSHA256");
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** The 32-byte index of {@code value}. */
    public byte[] of(String value) {
        Objects.requireNonNull(value, "value");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((domain + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "blind index failed", e);
        }
    }

    /**
     * A hasher for many values in a row on one thread (one MAC instance, set up once): the same indexes as
     * {@link #of}, several times faster for millions of values. Not thread-safe.
     */
    public Batch batch() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new Batch(mac, (domain + ":").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "blind index failed", e);
        }
    }

    /** See {@link BlindIndex#batch()}. */
    public static final class Batch {
        private final Mac mac;
        private final byte[] prefix;

        private Batch(Mac mac, byte[] prefix) {
            this.mac = mac;
            this.prefix = prefix;
        }

        /** The 32-byte index of {@code value}, as {@link BlindIndex#of}. */
        public byte[] of(String value) {
            Objects.requireNonNull(value, "value");
            mac.update(prefix);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "BlindIndex[" + domain + "]";
    }
}
