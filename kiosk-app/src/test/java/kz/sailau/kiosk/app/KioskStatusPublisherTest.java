package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkCall;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.OpenCase;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.precinct.KioskStatus;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's status for the clerk station: what each state says (fixed codes, no voter), committed only on
 * change, and sent again when a kiosk that was cut off is back. The commit is a queue here; the precinct ledger
 * itself is {@code ClerkStationPrecinctIT}'s.
 */
class KioskStatusPublisherTest {

    private static final CheckInState IDLE = new CheckInState.AwaitingCard(Optional.empty(), 0);
    private static final CheckInState FINGER = new CheckInState.NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED,
            Optional.empty());

    private final BlockingQueue<KioskStatus> committed = new LinkedBlockingQueue<>();
    private final AtomicBoolean cutOff = new AtomicBoolean();
    private final KioskStatusPublisher publisher = new KioskStatusPublisher(status -> {
        if (cutOff.get()) {
            throw new PrecinctUnavailableException("no majority (test)");
        }
        committed.add(status);
    });

    @Test
    void eachStateSaysWhatTheKioskConsoleShowsWithFixedCodesOnly() {
        KioskStatus finger = KioskStatusPublisher.statusOf(FINGER, Optional.empty());
        assertEquals(Set.of("clerk.FINGER_NOT_RECOGNISED"), finger.openCases());
        assertTrue(finger.needsAttention());
        KioskStatus refused = KioskStatusPublisher.statusOf(new CheckInState.Refused(Refusal.ALREADY_CHECKED_IN,
                false, Instant.EPOCH), Optional.of(new ClerkCall(ClerkReason.VOTER_REQUEST, Optional.empty(),
                Instant.EPOCH)));
        assertEquals(Set.of("refusal.ALREADY_CHECKED_IN", "clerk.VOTER_REQUEST"), refused.openCases());
        assertTrue(refused.callsClerk());
        KioskStatus paused = KioskStatusPublisher.statusOf(new CheckInState.Paused(true), Optional.empty());
        assertTrue(paused.paused() && paused.fallback() && paused.openCases().isEmpty());
        assertTrue(KioskStatusPublisher.statusOf(new CheckInState.CutOff(false), Optional.empty()).checksNobodyIn());
        assertEquals(KioskStatus.QUIET, KioskStatusPublisher.statusOf(IDLE, Optional.empty()));
        // Every case the kiosk can have travels as a code the station reads back in the console's words.
        for (ClerkReason reason : ClerkReason.values()) {
            assertEquals(reason.messageKey(), OpenCase.of(OpenCase.code(reason)).messageKey());
            new KioskStatus(false, false, false, false, new java.util.TreeSet<>(List.of(OpenCase.code(reason))));
        }
        for (Refusal refusal : Refusal.values()) {
            assertEquals(refusal.nextStepKey(), OpenCase.of(OpenCase.code(refusal)).nextStepKey());
            new KioskStatus(false, false, false, false, new java.util.TreeSet<>(List.of(OpenCase.code(refusal))));
        }
        assertEquals(OpenCase.UNKNOWN, OpenCase.of("clerk.A_LATER_KIND"));
    }

    @Test
    void aStatusIsCommittedOnlyWhenItChanges() throws InterruptedException {
        publisher.observe(IDLE, Optional.empty());
        assertEquals(KioskStatus.QUIET, next());
        // A voter's card, finger and token are all "nothing open": no commit for any of them.
        publisher.observe(new CheckInState.AwaitingCard(Optional.of("checkin.hint.x"), 1), Optional.empty());
        publisher.observe(IDLE, Optional.empty());
        publisher.observe(FINGER, Optional.empty());
        assertEquals(Set.of("clerk.FINGER_NOT_RECOGNISED"), next().openCases());
        publisher.observe(FINGER, Optional.empty());
        publisher.observe(IDLE, Optional.empty());
        assertEquals(KioskStatus.QUIET, next());
        publisher.close();
        assertNull(committed.poll(), "nothing committed twice: " + committed);
    }

    @Test
    void aStatusWaitsWhileTheKioskIsCutOffAndGoesOutWhenTheNetworkIsBack() throws InterruptedException {
        cutOff.set(true);
        publisher.observe(FINGER, Optional.empty());
        awaitIdleWorker();
        assertFalse(publisher.committed().isPresent());
        cutOff.set(false);
        publisher.retry();
        assertEquals(Set.of("clerk.FINGER_NOT_RECOGNISED"), next().openCases());
        awaitIdleWorker(); // the worker records what it committed after the commit returns
        assertEquals(Optional.of(KioskStatusPublisher.statusOf(FINGER, Optional.empty())), publisher.committed());
        publisher.close();
    }

    private KioskStatus next() throws InterruptedException {
        KioskStatus status = committed.poll(10, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no status committed within 10 s");
        }
        return status;
    }

    /** Waits until the worker has given up on the cut-off commit (a retry is then scheduled anew). */
    private void awaitIdleWorker() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        publisher.runOnWorker(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS), "the publisher's worker never got to the end of its queue");
    }
}
