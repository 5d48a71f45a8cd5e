package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant START = Instant.parse("2026-12-06T07:00:00Z");

    private enum Reason { DOCUMENT_CHECKED }

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEvent event = i % 3 == 0
                    ? AuditEvent.of(AuditEventType.CHECK_IN_BY_OVERRIDE, AuditField.code("reason", Reason.DOCUMENT_CHECKED))
                    : AuditEvent.of(AuditEventType.CHECK_IN_BY_FINGERPRINT);
            AuditEntry entry = AuditEntry.next(i, START.plusSeconds(61L * i), event, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    @Test
    void intactChainVerifies() {
        List<AuditEntry> entries = chain(10);
        AuditChain.Verification v = AuditChain.verify(entries);
        assertTrue(v.intact(), v.describe());
        assertEquals(entries.get(9).hash(), v.headHash());
        assertTrue(AuditChain.verify(entries, 10, entries.get(9).hash()).intact());
    }

    @Test
    void aSignedHeadBeforeTheFirstEntryIsReportedNotThrown() {
        // Found by fuzzing (AuditBundleFuzzTest): a bundle stating head sequence 0 threw out of the verifier.
        List<AuditEntry> entries = chain(3);
        for (long sequence : new long[] {0, -1, Long.MIN_VALUE}) {
            AuditChain.Verification v = AuditChain.verify(entries, sequence, entries.get(2).hash());
            assertFalse(v.intact(), v.describe());
            assertEquals(AuditChain.Problem.INSERTED, v.problem());
            assertEquals(1, v.position());
        }
        assertTrue(AuditChain.verify(List.of(), 0, AuditEntry.GENESIS).intact());
    }

    @Test
    void timesAreKeptToTheMinute() {
        AuditEntry entry = AuditEntry.next(1, Instant.parse("2026-12-06T07:13:59.999Z"),
                AuditEvent.of(AuditEventType.KIOSK_STARTED), AuditEntry.GENESIS);
        assertEquals(Instant.parse("2026-12-06T07:13:00Z"), entry.time());
    }

    @Test
    void changedEntryIsFoundWhereItIs() {
        List<AuditEntry> entries = chain(10);
        AuditEntry original = entries.get(4);
        entries.set(4, new AuditEntry(original.sequence(), original.time(),
                AuditEvent.of(AuditEventType.CHECK_IN_REFUSED), original.previousHash(), original.hash()));
        assertBroken(entries, AuditChain.Problem.CHANGED, 5);
    }

    @Test
    void changedEntryWithRecomputedHashBreaksTheNextLink() {
        List<AuditEntry> entries = chain(10);
        AuditEntry original = entries.get(4);
        entries.set(4, AuditEntry.next(original.sequence(), original.time(),
                AuditEvent.of(AuditEventType.CHECK_IN_REFUSED), original.previousHash()));
        assertBroken(entries, AuditChain.Problem.LINK_BROKEN, 6);
    }

    @Test
    void deletedEntryIsFound() {
        List<AuditEntry> entries = chain(10);
        entries.remove(6);
        assertBroken(entries, AuditChain.Problem.DELETED, 7);
    }

    @Test
    void insertedEntryIsFound() {
        List<AuditEntry> entries = chain(10);
        AuditEntry forged = AuditEntry.next(4, entries.get(3).time(),
                AuditEvent.of(AuditEventType.CHECK_IN_BY_FINGERPRINT), entries.get(2).hash());
        entries.add(3, forged);
        assertBroken(entries, AuditChain.Problem.INSERTED, 4);
    }

    @Test
    void reorderedEntriesAreFound() {
        List<AuditEntry> entries = chain(10);
        Collections.swap(entries, 2, 3);
        assertBroken(entries, AuditChain.Problem.REORDERED, 3);
    }

    @Test
    void entriesCutOffTheEndAreFoundAgainstTheSignedHead() {
        List<AuditEntry> entries = chain(10);
        String head = entries.get(9).hash();
        List<AuditEntry> cut = new ArrayList<>(entries.subList(0, 8));
        AuditChain.Verification v = AuditChain.verify(cut, 10, head);
        assertFalse(v.intact());
        assertEquals(AuditChain.Problem.TRUNCATED, v.problem());
    }

    @Test
    void fieldsAdmitNoFreeText() {
        assertThrows(IllegalArgumentException.class, () -> AuditField.digest("packageHash", "Ivanov Ivan"));
        assertThrows(IllegalArgumentException.class, () -> AuditField.version("software", "900101300017 x"));
        assertThrows(IllegalArgumentException.class, () -> AuditField.signature("signature", "Иванов"));
        assertThrows(IllegalArgumentException.class, () -> AuditField.count("checkIns", -1));
        assertThrows(IllegalArgumentException.class, () -> new AuditField("Bad Name", "x"));
    }

    @Test
    void fieldOrderDoesNotChangeTheHash() {
        AuditEvent a = AuditEvent.of(AuditEventType.REGISTER_LOADED,
                AuditField.count("voters", 40), AuditField.version("registerVersion", "3"));
        AuditEvent b = AuditEvent.of(AuditEventType.REGISTER_LOADED,
                AuditField.version("registerVersion", "3"), AuditField.count("voters", 40));
        assertEquals(AuditEntry.next(1, START, a, AuditEntry.GENESIS).hash(),
                AuditEntry.next(1, START, b, AuditEntry.GENESIS).hash());
        assertEquals("40", a.field("voters"));
    }

    private static void assertBroken(List<AuditEntry> entries, AuditChain.Problem problem, int position) {
        AuditChain.Verification v = AuditChain.verify(entries);
        assertFalse(v.intact(), "tampering not detected");
        assertEquals(problem, v.problem(), v.describe());
        assertEquals(position, v.position(), v.describe());
    }
}
