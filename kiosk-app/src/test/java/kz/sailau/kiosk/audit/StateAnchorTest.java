package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import org.junit.jupiter.api.Test;

/** The state the signed log shows: the replay of its state events, and the impossible orders it refuses. */
class StateAnchorTest {

    private static final String HASH = "ab".repeat(32);
    private static final Instant TIME = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void theAnchorCountsPaperMarksByTheMethodTheLedgerWrites() {
        assertEquals(SqliteCheckInLedger.PAPER_MARK_METHOD, StateAnchor.PAPER_MARK_METHOD);
        assertFalse(List.of(CheckInMethod.values()).stream()
                .anyMatch(m -> m.name().equals(StateAnchor.PAPER_MARK_METHOD)));
    }

    @Test
    void aNormalDayReplaysToWipedWithTheLastRegister() {
        StateAnchor.State state = StateAnchor.replay(log(loaded(3, 40), started(), ended(), loaded(5, 41), checkIn(),
                closed(), wiped()));
        assertEquals(new StateAnchor.State(ElectionDay.Phase.WIPED, 5, HASH, 41, false), state);
        assertEquals(StateAnchor.State.INITIAL, StateAnchor.replay(List.of()));
        assertTrue(StateAnchor.replay(log(started())).logicAccuracyRunning());
    }

    @Test
    void impossibleOrdersAreRefused() {
        assertIllegal(log(loaded(3, 40), closed(), loaded(4, 40)), "a load after the close");
        assertIllegal(log(loaded(3, 40), loaded(3, 40)), "the same version twice");
        assertIllegal(log(loaded(3, 40), loaded(2, 40)), "a rollback");
        assertIllegal(log(loaded(3, 40), wiped()), "a wipe before the close");
        assertIllegal(log(closed(), closed()), "a second close");
        assertIllegal(log(loaded(3, 40), closed(), checkIn()), "a check-in after the close");
        assertIllegal(log(AuditEvent.of(AuditEventType.REGISTER_LOADED, AuditField.count("voters", 4))),
                "a load without its version");
    }

    @Test
    void theAnchorMessageBindsHeadAndStateAndIsNoChainHeadMessage() {
        StateAnchor.State state = new StateAnchor.State(ElectionDay.Phase.CLOSED, 3, HASH, 40, false);
        byte[] message = StateAnchor.message(7, HASH, state);
        assertArrayEquals(("sailau-state-anchor-v1\n7\n" + HASH + "\nCLOSED\n3\n" + HASH + "\n40\nfalse")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), message);
        assertFalse(java.util.Arrays.equals(ChainHeadSigner.message(7, HASH), message));
        assertFalse(java.util.Arrays.equals(message, StateAnchor.message(7, HASH,
                new StateAnchor.State(ElectionDay.Phase.OPEN, 3, HASH, 40, false))));
    }

    private static void assertIllegal(List<AuditEntry> entries, String what) {
        StateAnchor.TamperedStateException e = assertThrows(StateAnchor.TamperedStateException.class,
                () -> StateAnchor.replay(entries), what);
        assertEquals("audit.error.illegalSequence", e.messageKey(), what);
    }

    private static List<AuditEntry> log(AuditEvent... events) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (AuditEvent event : events) {
            AuditEntry entry = AuditEntry.next(entries.size() + 1, TIME, event, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static AuditEvent loaded(long version, long voters) {
        return AuditEvent.of(AuditEventType.REGISTER_LOADED, AuditField.count("version", version),
                AuditField.digest("packageHash", HASH), AuditField.count("voters", voters));
    }

    private static AuditEvent closed() {
        return AuditEvent.of(AuditEventType.DAY_CLOSED);
    }

    private static AuditEvent wiped() {
        return AuditEvent.of(AuditEventType.WIPE_DONE);
    }

    private static AuditEvent started() {
        return AuditEvent.of(AuditEventType.LA_TEST_STARTED);
    }

    private static AuditEvent ended() {
        return AuditEvent.of(AuditEventType.LA_TEST_ENDED);
    }

    private static AuditEvent checkIn() {
        return AuditEvent.of(AuditEventType.CHECK_IN_BY_FINGERPRINT, AuditField.code("method",
                CheckInMethod.FINGERPRINT));
    }
}
