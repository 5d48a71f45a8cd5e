package kz.sailau.kiosk.testing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import kz.sailau.kiosk.checkin.ClerkAuthenticator;
import kz.sailau.kiosk.checkin.ClerkId;

/**
 * A {@link ClerkAuthenticator} for tests and the demo: clerks and PINs given in memory, kept only as
 * salted SHA-256 digests and compared in constant time. Not for polling stations: production uses
 * {@code clerk.RosterClerkAuthenticator} over the encrypted store's clerk roster (Argon2id, lockout).
 */
public final class InMemoryClerkAuthenticator implements ClerkAuthenticator {

    private final Map<ClerkId, byte[]> digests = new HashMap<>();
    private final byte[] salt = new byte[16];

    /** @param random source of the salt */
    public InMemoryClerkAuthenticator(SecureRandom random) {
        Objects.requireNonNull(random, "random").nextBytes(salt);
    }

    /** Adds a clerk with a PIN (copied and digested; the caller clears its array). */
    public synchronized InMemoryClerkAuthenticator withClerk(ClerkId clerk, char[] pin) {
        digests.put(Objects.requireNonNull(clerk, "clerk"), digest(pin));
        return this;
    }

    @Override
    public synchronized boolean authenticate(ClerkId clerk, char[] pin) {
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(pin, "pin");
        byte[] expected = digests.get(clerk);
        byte[] actual = digest(pin);
        return expected != null && MessageDigest.isEqual(expected, actual);
    }

    private byte[] digest(char[] pin) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(bytes);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
