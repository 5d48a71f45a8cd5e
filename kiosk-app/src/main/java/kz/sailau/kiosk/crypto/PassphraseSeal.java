package kz.sailau.kiosk.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Seals a secret (a private key, the store master key) under a passphrase: Argon2id (RFC 9106, version
 * 0x13) derives a 256-bit key from the passphrase and a random 16-byte salt; AES-256-GCM (NIST SP
 * 800-38D, 96-bit nonce, 128-bit tag) encrypts the secret. The sealed form is a small JSON document
 * holding the parameters, salt, nonce and ciphertext, never the passphrase or the derived key.
 */
public final class PassphraseSeal {

    /** Format tag written into every sealed file. */
    public static final String FORMAT = "sailau-sealed-secret-1";
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PassphraseSeal() {
    }

    /**
     * Checks a new passphrase before anything is sealed or created: at least 8 characters.
     *
     * @throws KioskCryptoException with key {@code crypto.error.passphraseTooShort} for a short passphrase
     */
    public static void checkNewPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length < 8) {
            throw new KioskCryptoException("crypto.error.passphraseTooShort",
                    "passphrase must have at least 8 characters", null);
        }
    }

    /**
     * Seals {@code secret} under {@code passphrase} ({@link #checkNewPassphrase}).
     *
     * @param passphrase the administrator's passphrase, at least 8 characters
     * @param secret     the bytes to protect
     * @param label      what the secret is (e.g. {@code kiosk-keys}); authenticated, checked on unseal
     * @param parameters Argon2id cost
     * @param random     source of salt and nonce
     * @return the sealed JSON document, UTF-8
     * @throws KioskCryptoException with key {@code crypto.error.passphraseTooShort} for a short passphrase
     */
    public static byte[] seal(char[] passphrase, byte[] secret, String label, Argon2idParameters parameters,
                              SecureRandom random) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(random, "random");
        checkNewPassphrase(passphrase);
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] key = derive(passphrase, salt, parameters);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(label, parameters));
            byte[] ciphertext = cipher.doFinal(secret);
            ObjectNode node = JSON.createObjectNode();
            node.put("format", FORMAT);
            node.put("label", label);
            node.put("kdf", "argon2id");
            node.put("memoryKiB", parameters.memoryKiB());
            node.put("iterations", parameters.iterations());
            node.put("parallelism", parameters.parallelism());
            node.put("salt", Base64.getEncoder().encodeToString(salt));
            node.put("cipher", "AES-256-GCM");
            node.put("nonce", Base64.getEncoder().encodeToString(nonce));
            node.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (GeneralSecurityException | IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "sealing failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a sealed document.
     *
     * @param passphrase the passphrase it was sealed under
     * @param sealed     the document written by {@link #seal}
     * @param label      the expected label
     * @return the secret
     * @throws KioskCryptoException {@code crypto.error.wrongPassphrase} when the passphrase is wrong or the file
     *                              was altered; {@code crypto.error.sealedFormat} when it is not a sealed file
     */
    public static byte[] unseal(char[] passphrase, byte[] sealed, String label) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(label, "label");
        Argon2idParameters parameters;
        byte[] salt;
        byte[] nonce;
        byte[] ciphertext;
        try {
            JsonNode node = JSON.readTree(sealed);
            if (node == null || !FORMAT.equals(node.path("format").asText()) || !label.equals(node.path("label").asText())
                    || !"argon2id".equals(node.path("kdf").asText())) {
                throw new KioskCryptoException("crypto.error.sealedFormat",
                        "not a sealed " + label + " file of format " + FORMAT, null);
            }
            parameters = new Argon2idParameters(node.path("memoryKiB").asInt(), node.path("iterations").asInt(),
                    node.path("parallelism").asInt());
            salt = Base64.getDecoder().decode(node.path("salt").asText());
            nonce = Base64.getDecoder().decode(node.path("nonce").asText());
            ciphertext = Base64.getDecoder().decode(node.path("ciphertext").asText());
            if (salt.length != SALT_BYTES || nonce.length != NONCE_BYTES) {
                throw new KioskCryptoException("crypto.error.sealedFormat", "sealed file has wrong salt or nonce size", null);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new KioskCryptoException("crypto.error.sealedFormat",
                    "sealed file cannot be read: " + e.getClass().getSimpleName(), e);
        }
        byte[] key = derive(passphrase, salt, parameters);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(label, parameters));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new KioskCryptoException("crypto.error.wrongPassphrase",
                    "wrong passphrase or altered " + label + " file", e);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("crypto.error.internal", "unsealing failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] aad(String label, Argon2idParameters p) {
        return (FORMAT + "|" + label + "|" + p.memoryKiB() + "|" + p.iterations() + "|" + p.parallelism())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Argon2id, RFC 9106, version 0x13, 32-byte output. */
    static byte[] derive(char[] passphrase, byte[] salt, Argon2idParameters parameters) {
        byte[] password = new String(passphrase).getBytes(StandardCharsets.UTF_8);
        try {
            return derive(password, salt, parameters);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Argon2id, RFC 9106, version 0x13, 32-byte output, over raw password bytes (the caller clears them). */
    static byte[] derive(byte[] password, byte[] salt, Argon2idParameters parameters) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build());
        byte[] key = new byte[32];
        generator.generateBytes(password, key);
        return key;
    }
}
