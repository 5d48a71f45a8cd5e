package kz.sailau.kiosk.crypto;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stored form of a clerk's PIN: Argon2id (RFC 9106, version 0x13) over the PIN's ASCII digits with a
 * per-clerk random 16-byte salt, a 32-byte output, and the cost parameters it was made with (so that the
 * parameters can be raised later without breaking existing clerks). Compared in constant time
 * ({@link MessageDigest#isEqual}). {@link #toString} reveals neither salt nor hash.
 *
 * <p>Encoding ({@link #encode}, 61 bytes): version byte {@code 1}, memory KiB, iterations, parallelism
 * (big-endian 32-bit each), salt (16), hash (32). The roster keeps it encrypted with the store's field
 * cipher, so an offline guess of the (short) PIN also needs the administrator's passphrase.
 */
public final class ClerkPinHash {

    /**
     * The PIN cost: 19 MiB, 2 passes, 1 lane, the minimum Argon2id configuration of the OWASP Password
     * Storage Cheat Sheet. Measured on the two-core build machine at about 70-100 ms per check (about 230 ms
     * for the first, cold check), well under the half-second a clerk should wait; see docs/benchmarks.md.
     */
    public static final Argon2idParameters DEFAULT_PARAMETERS = new Argon2idParameters(19 * 1024, 2, 1);

    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32; // PassphraseSeal.derive output
    /** Length of {@link #encode()}. */
    public static final int ENCODED_BYTES = 1 + 3 * Integer.BYTES + SALT_BYTES + HASH_BYTES;

    private final Argon2idParameters parameters;
    private final byte[] salt;
    private final byte[] hash;

    private ClerkPinHash(Argon2idParameters parameters, byte[] salt, byte[] hash) {
        this.parameters = parameters;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes {@code pin} with a fresh random salt. The caller clears {@code pin}.
     *
     * @param pin        the PIN (ASCII digits; the policy is checked by the roster, not here)
     * @param parameters Argon2id cost
     * @param random     salt source
     */
    public static ClerkPinHash create(char[] pin, Argon2idParameters parameters, SecureRandom random) {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(parameters, "parameters");
        byte[] salt = new byte[SALT_BYTES];
        Objects.requireNonNull(random, "random").nextBytes(salt);
        return new ClerkPinHash(parameters, salt, derive(pin, salt, parameters));
    }

    /**
     * Whether {@code pin} is the PIN this hash was made from: the same Argon2id run, compared in constant time.
     * The caller clears {@code pin}.
     */
    public boolean matches(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        byte[] candidate = derive(pin, salt, parameters);
        try {
            return MessageDigest.isEqual(hash, candidate);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    /** The cost parameters this hash was made with. */
    public Argon2idParameters parameters() {
        return parameters;
    }

    /** The stored form (see the class comment). */
    public byte[] encode() {
        return ByteBuffer.allocate(ENCODED_BYTES).put(VERSION).putInt(parameters.memoryKiB())
                .putInt(parameters.iterations()).putInt(parameters.parallelism()).put(salt).put(hash).array();
    }

    /**
     * Reads the stored form.
     *
     * @throws KioskCryptoException {@code clerk.error.pinRecord} when it is not a PIN hash of this format
     */
    public static ClerkPinHash decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length != ENCODED_BYTES || encoded[0] != VERSION) {
            throw new KioskCryptoException("clerk.error.pinRecord", "stored PIN hash has a wrong layout", null);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
            Argon2idParameters parameters = new Argon2idParameters(buffer.getInt(), buffer.getInt(), buffer.getInt());
            byte[] salt = new byte[SALT_BYTES];
            byte[] hash = new byte[HASH_BYTES];
            buffer.get(salt).get(hash);
            return new ClerkPinHash(parameters, salt, hash);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw new KioskCryptoException("clerk.error.pinRecord", "stored PIN hash has invalid parameters", e);
        }
    }

    /** Argon2id ({@link PassphraseSeal}'s derivation) over the PIN's characters as bytes; the copy is cleared. */
    private static byte[] derive(char[] pin, byte[] salt, Argon2idParameters parameters) {
        byte[] password = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            // A PIN is ASCII digits; any other character is narrowed all the same (and refused by the policy).
            password[i] = (byte) pin[i];
        }
        try {
            return PassphraseSeal.derive(password, salt, parameters);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "ClerkPinHash[argon2id m=" + parameters.memoryKiB() + " t=" + parameters.iterations() + " p="
                + parameters.parallelism() + ", ***]";
    }
}
