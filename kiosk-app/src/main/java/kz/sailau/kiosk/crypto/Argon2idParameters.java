package kz.sailau.kiosk.crypto;

/**
 * Cost parameters of Argon2id (RFC 9106) for deriving a key-encryption key from an administrator's
 * passphrase. Stored next to every sealed key so that the parameters can be raised later without
 * breaking old files.
 *
 * @param memoryKiB   memory cost in KiB, 8..4194304
 * @param iterations  time cost (passes), 1..100
 * @param parallelism lanes, 1..16
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /**
     * The default: 64 MiB, 3 passes, 1 lane. RFC 9106 section 4 recommends 64 MiB and t=3 as the
     * "second recommended option" for memory-constrained machines; one lane because the kiosk has two
     * cores and unlocks once per day. Takes about half a second on the kiosk.
     */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(64 * 1024, 3, 1);

    /** Cheap parameters for tests only (1 MiB, 1 pass): never for real keys. */
    public static final Argon2idParameters TEST_ONLY = new Argon2idParameters(1024, 1, 1);

    /** @throws IllegalArgumentException when a parameter is out of range */
    public Argon2idParameters {
        if (memoryKiB < 8 || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("Argon2id memory out of range: " + memoryKiB + " KiB");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("Argon2id iterations out of range: " + iterations);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2id parallelism out of range: " + parallelism);
        }
    }
}
