package kz.sailau.kiosk.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single database fields at rest with AES-256-GCM (NIST SP 800-38D): a fresh random 96-bit
 * nonce per value, 128-bit tag, and associated data that binds the value to its place (e.g. column name
 * and row's blind index), so that ciphertexts cannot be swapped between fields or rows unnoticed.
 * Output layout: version byte {@code 1}, 12-byte nonce, ciphertext with tag. Thread-safe.
 *
 * <p>AES-GCM keeps the plaintext's length, so a column of names would show each name's length to anyone with the
 * file. {@link #encryptPadded} pads the plaintext to a fixed size first (ISO/IEC 7816-4: {@code 0x80}, then zeros)
 * and writes version byte {@code 2}, which is also bound into the associated data, so that a value cannot be read
 * as the other version; {@link #decrypt} reads both (decision 0460).
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
    private static final byte PADDED = 2;
    private static final byte PADDING_MARK = (byte) 0x80;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    /**
     * @param key32  a 256-bit key (copied)
     * @param random nonce source
     */
    public FieldCipher(byte[] key32, SecureRandom random) {
        Objects.requireNonNull(key32, "key32");
        if (key32.length != 32) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key32.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts {@code plaintext} bound to {@code context}. */
    public byte[] encrypt(byte[] plaintext, byte[] context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        return seal(VERSION, plaintext, context);
    }

    private byte[] seal(byte version, byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(version).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "field encryption failed", e);
        }
    }

    /** The associated data of a padded value: its version byte, then the caller's context. */
    private static byte[] paddedContext(byte[] context) {
        return ByteBuffer.allocate(1 + context.length).put(PADDED).put(context).array();
    }

    /**
     * Encrypts {@code plaintext} bound to {@code context}, padded first to {@code size} bytes (to a multiple of it
     * when it does not fit), so that every value of a column encrypted with one size has the same length.
     *
     * @param size the padded length; at least one more than the column's longest value
     * @throws IllegalArgumentException when {@code size} is not positive
     */
    public byte[] encryptPadded(byte[] plaintext, int size, byte[] context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        if (size < 1) {
            throw new IllegalArgumentException("padded size must be positive");
        }
        int blocks = plaintext.length / size + 1;
        byte[] padded = new byte[blocks * size];
        System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
        padded[plaintext.length] = PADDING_MARK;
        return seal(PADDED, padded, paddedContext(context));
    }

    /** Encrypts a UTF-8 string bound to {@code context}. */
    public byte[] encryptText(String plaintext, byte[] context) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /**
     * Decrypts a value written by {@link #encrypt} or {@link #encryptPadded} (without its padding).
     *
     * @throws KioskCryptoException {@code store.error.fieldIntegrity} when the value was altered, moved or
     *                              encrypted under another key
     */
    public byte[] decrypt(byte[] value, byte[] context) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        if (value.length < 1 + NONCE_BYTES + TAG_BITS / 8 || (value[0] != VERSION && value[0] != PADDED)) {
            throw new KioskCryptoException("store.error.fieldIntegrity", "encrypted field has a wrong layout", null);
        }
        boolean padded = value[0] == PADDED;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
            cipher.updateAAD(padded ? paddedContext(context) : context);
            byte[] plaintext = cipher.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
            return padded ? unpad(plaintext) : plaintext;
        } catch (AEADBadTagException e) {
            throw new KioskCryptoException("store.error.fieldIntegrity", "encrypted field failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "field decryption failed", e);
        }
    }

    private static byte[] unpad(byte[] padded) {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != PADDING_MARK) {
            throw new KioskCryptoException("store.error.fieldIntegrity", "encrypted field has a wrong padding", null);
        }
        return Arrays.copyOf(padded, end);
    }

    /** Decrypts a UTF-8 string. */
    public String decryptText(byte[] value, byte[] context) {
        return new String(decrypt(value, context), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "FieldCipher[AES-256-GCM]";
    }
}
