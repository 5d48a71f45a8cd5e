package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The sample generator against golden values computed by an independent Python implementation of the
 * algorithm documented in {@link AuditSample} and in docs/observer-guide.md.
 */
class AuditSampleTest {

    private static final String HEAD = "ab".repeat(32);
    private static final List<Long> THOUSAND = LongStream.rangeClosed(1, 1000).boxed().toList();

    @Test
    void firstBlockMatchesTheDocumentedConstruction() {
        assertEquals(-2841388742806365358L, AuditSample.stream("observer seed", HEAD).next());
    }

    @Test
    void drawMatchesTheIndependentImplementation() {
        assertEquals(List.of(105L, 163L, 179L, 250L, 259L, 532L, 593L, 625L, 627L, 768L),
                AuditSample.draw(THOUSAND, "observer seed", HEAD, 10));
        assertEquals(List.of(15L, 146L, 203L, 431L, 507L, 664L, 703L, 868L, 947L, 957L),
                AuditSample.draw(THOUSAND, "observer seed 2", HEAD, 10));
    }

    @Test
    void sampleLargerThanThePopulationTakesAll() {
        assertEquals(List.of(5L, 9L, 12L), AuditSample.draw(List.of(5L, 9L, 12L), "x", HEAD, 10));
    }

    @Test
    void drawsOnlyCheckInsFromALogAndIsReproducible() {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 1; i <= 60; i++) {
            AuditEventType type = i % 3 == 0 ? AuditEventType.CHECK_IN_REFUSED : AuditEventType.CHECK_IN_BY_FINGERPRINT;
            AuditEntry entry = AuditEntry.next(i, t, AuditEvent.of(type), previous);
            entries.add(entry);
            previous = entry.hash();
        }
        List<Long> sample = AuditSample.draw(entries, "seed", 12);
        assertEquals(12, sample.size());
        assertEquals(sample, AuditSample.draw(List.copyOf(entries), "seed", 12));
        assertTrue(sample.stream().allMatch(s -> s % 3 != 0), "only check-in entries are drawn");
        assertEquals(sample.stream().distinct().count(), sample.size(), "no entry twice");
        assertThrows(IllegalArgumentException.class, () -> AuditSample.draw(entries, "", 3));
        assertThrows(IllegalArgumentException.class, () -> AuditSample.draw(entries, "seed", -1));
    }

    @Test
    void uniformStaysInRangeAndCoversIt() {
        AuditSample stream = AuditSample.stream("range", HEAD);
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            long x = stream.uniform(7);
            assertTrue(x >= 0 && x < 7);
            seen[(int) x]++;
        }
        for (int count : seen) {
            assertTrue(count > 850 && count < 1150, "roughly uniform: " + count);
        }
    }
}
