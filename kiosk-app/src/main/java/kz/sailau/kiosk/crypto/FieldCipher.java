package kz.sailau.kiosk.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
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
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "field encryption failed", e);
        }
    }

    /** Encrypts a UTF-8 string bound to {@code context}. */
    public byte[] encryptText(String plaintext, byte[] context) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /**
     * Decrypts a value written by {@link #encrypt}.
     *
     * @throws KioskCryptoException {@code store.error.fieldIntegrity} when the value was altered, moved or
     *                              encrypted under another key
     */
    public byte[] decrypt(byte[] value, byte[] context) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        if (value.length < 1 + NONCE_BYTES + TAG_BITS / 8 || value[0] != VERSION) {
            throw new KioskCryptoException("store.error.fieldIntegrity", "encrypted field has a wrong layout", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
            cipher.updateAAD(context);
            return cipher.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new KioskCryptoException("store.error.fieldIntegrity", "encrypted field failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "field decryption failed", e);
        }
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
