package kz.sailau.kiosk.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reproducible random sample of check-in events for manual review: anyone holding the bundle and the
 * public seed draws the same sample, on any machine and any Java version.
 *
 * <p>The population is the sequence numbers of the check-in entries
 * ({@link AuditEventType#CHECK_IN_BY_FINGERPRINT}, {@code CHECK_IN_BY_OVERRIDE}, {@code CHECK_IN_IN_FALLBACK})
 * in log order. The random stream is SHA-256 in counter mode (FIPS 180-4): block {@code i} (from 0) is
 * <pre>SHA-256( "sailau-audit-sample-v1" 0x00 seed(UTF-8) 0x00 headHash(ASCII hex) 0x00 i(8 bytes, big-endian) )</pre>
 * and each draw takes the first 8 bytes of the next block as an unsigned 64-bit number {@code x}. A number in
 * {@code [0, n)} is {@code x mod n}, after rejecting {@code x >= 2^64 - (2^64 mod n)} so that it is exactly
 * uniform. The sample is the first {@code size} elements of a Fisher–Yates shuffle (draw {@code k} swaps
 * element {@code k} with element {@code k + uniform(N - k)}), reported sorted. Binding the stream to the
 * audit head hash means the seed can be announced before the bundle exists without letting anyone steer
 * the sample afterwards.
 */
public final class AuditSample {

    /** Domain label of the random stream. */
    public static final String LABEL = "sailau-audit-sample-v1";
    private static final Set<AuditEventType> CHECK_INS = Set.of(AuditEventType.CHECK_IN_BY_FINGERPRINT,
            AuditEventType.CHECK_IN_BY_OVERRIDE, AuditEventType.CHECK_IN_IN_FALLBACK,
            AuditEventType.CHECK_IN_ON_SPECIAL_LIST);

    private final MessageDigest sha256;
    private final byte[] prefix;
    private long counter;

    private AuditSample(String seed, String headHash) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        this.prefix = (LABEL + "\0" + seed + "\0" + headHash + "\0").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Draws the sample.
     *
     * @param entries the bundle's audit log
     * @param seed    the public seed (e.g. announced by the commission, or a lottery draw)
     * @param size    how many check-ins to draw (all of them when the log holds fewer)
     * @return sequence numbers of the drawn check-in entries, ascending
     */
    public static List<Long> draw(List<AuditEntry> entries, String seed, int size) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(seed, "seed");
        if (size < 0) {
            throw new IllegalArgumentException("sample size must not be negative");
        }
        if (seed.isEmpty()) {
            throw new IllegalArgumentException("the seed must not be empty");
        }
        List<Long> population = new ArrayList<>();
        for (AuditEntry entry : entries) {
            if (CHECK_INS.contains(entry.event().type())) {
                population.add(entry.sequence());
            }
        }
        String head = entries.isEmpty() ? AuditEntry.GENESIS : entries.get(entries.size() - 1).hash();
        return draw(population, seed, head, size);
    }

    /** The documented draw over a population of sequence numbers, bound to {@code headHash}. */
    static List<Long> draw(List<Long> populationInLogOrder, String seed, String headHash, int size) {
        List<Long> population = new ArrayList<>(populationInLogOrder);
        AuditSample stream = new AuditSample(seed, headHash);
        int n = Math.min(size, population.size());
        for (int k = 0; k < n; k++) {
            int j = k + (int) stream.uniform(population.size() - k);
            Collections.swap(population, k, j);
        }
        List<Long> sample = new ArrayList<>(population.subList(0, n));
        Collections.sort(sample);
        return List.copyOf(sample);
    }

    /** The next unsigned 64-bit number of the stream. */
    long next() {
        sha256.reset();
        sha256.update(prefix);
        sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }

    /** A uniform number in {@code [0, bound)}, by rejection. */
    long uniform(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        // 2^64 mod bound, computed in unsigned arithmetic: (2^64 - bound) mod bound.
        long rejectFrom = -Long.remainderUnsigned(-bound, bound);   // = 2^64 - (2^64 mod bound), as unsigned
        while (true) {
            long x = next();
            if (rejectFrom == 0 || Long.compareUnsigned(x, rejectFrom) < 0) {
                return Long.remainderUnsigned(x, bound);
            }
        }
    }

    /** A stream for tests of the generator itself. */
    static AuditSample stream(String seed, String headHash) {
        return new AuditSample(seed, headHash);
    }
}
