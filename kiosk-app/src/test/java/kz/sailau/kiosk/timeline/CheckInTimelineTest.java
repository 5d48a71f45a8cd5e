package kz.sailau.kiosk.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The timeline's histograms and table, on a hand-driven tick source. */
class CheckInTimelineTest {

    private final AtomicLong ticks = new AtomicLong(1_000_000_000L);
    private final CheckInTimeline timeline = new CheckInTimeline(ticks::get);

    private void advance(Duration d) {
        ticks.addAndGet(d.toNanos());
    }

    @Test
    void medianAndNinetyFifthPercentileOfAHundredDurations() {
        for (int ms = 1; ms <= 100; ms++) {
            timeline.record(CheckInPhase.EXTRACTION, Duration.ofMillis(ms));
        }
        PhaseTable.Row row = timeline.table().row(CheckInPhase.EXTRACTION).orElseThrow();
        assertEquals(100, row.count());
        // Three significant digits: each quantile within 0.1 % above the true value.
        assertEquals(50.0, PhaseTable.millis(row.p50()), 0.05);
        assertEquals(95.0, PhaseTable.millis(row.p95()), 0.1);
    }

    @Test
    void sinceMeasuresOnTheTickSource() {
        long start = timeline.now();
        advance(Duration.ofMillis(250));
        timeline.since(CheckInPhase.DURABLE_COMMIT, start);
        PhaseTable.Row row = timeline.table().row(CheckInPhase.DURABLE_COMMIT).orElseThrow();
        assertEquals(1, row.count());
        assertEquals(250.0, PhaseTable.millis(row.p50()), 0.25);
    }

    @Test
    void onlyMeasuredPhasesAreInTheTableInPhaseOrder() {
        timeline.record(CheckInPhase.SWAP_SEARCH, Duration.ofMillis(300));
        timeline.record(CheckInPhase.CARD_TO_VOTER, Duration.ofMillis(2));
        List<CheckInPhase> phases = timeline.table().rows().stream().map(PhaseTable.Row::phase).toList();
        assertEquals(List.of(CheckInPhase.CARD_TO_VOTER, CheckInPhase.SWAP_SEARCH), phases);
        assertEquals(Optional.empty(), timeline.table().row(CheckInPhase.VERIFY));
    }

    @Test
    void fingerToTokenRunsFromTheFingerToTheTokenOnce() {
        timeline.fingerPlaced();
        advance(Duration.ofMillis(3_600));
        timeline.tokenShown();
        advance(Duration.ofMillis(500));
        timeline.tokenShown(); // the printed receipt's state change: no second measurement
        PhaseTable.Row row = timeline.table().row(CheckInPhase.FINGER_TO_TOKEN).orElseThrow();
        assertEquals(1, row.count());
        assertEquals(3_600.0, PhaseTable.millis(row.p50()), 3.6);
    }

    @Test
    void aVisitEndingWithoutATokenDropsTheMark() {
        timeline.fingerPlaced();
        advance(Duration.ofSeconds(5));
        timeline.visitEnded();
        timeline.tokenShown();
        assertTrue(timeline.table().row(CheckInPhase.FINGER_TO_TOKEN).isEmpty());
    }

    @Test
    void negativeAndHugeDurationsAreClamped() {
        timeline.record(CheckInPhase.SCREEN_UPDATE, Duration.ofMillis(-5));
        timeline.record(CheckInPhase.RECEIPT_PRINTING, Duration.ofHours(2));
        assertEquals(Duration.ZERO, timeline.table().row(CheckInPhase.SCREEN_UPDATE).orElseThrow().p50());
        Duration longest = timeline.table().row(CheckInPhase.RECEIPT_PRINTING).orElseThrow().p95();
        assertTrue(longest.compareTo(CheckInTimeline.LONGEST) >= 0
                && longest.compareTo(CheckInTimeline.LONGEST.multipliedBy(1001).dividedBy(1000)) <= 0, longest.toString());
    }

    @Test
    void resetForgetsEverything() {
        timeline.record(CheckInPhase.VERIFY, Duration.ofMillis(1));
        timeline.fingerPlaced();
        timeline.reset();
        timeline.tokenShown();
        assertTrue(timeline.table().isEmpty());
    }

    @Test
    void theTableRefusesRowsOutOfOrderTwiceOrInconsistent() {
        PhaseTable.Row search = new PhaseTable.Row(CheckInPhase.SWAP_SEARCH, 1, Duration.ZERO, Duration.ZERO);
        PhaseTable.Row card = new PhaseTable.Row(CheckInPhase.CARD_TO_VOTER, 1, Duration.ZERO, Duration.ZERO);
        assertThrows(IllegalArgumentException.class, () -> new PhaseTable(List.of(search, card)));
        assertThrows(IllegalArgumentException.class, () -> new PhaseTable(List.of(search, search)));
        assertThrows(IllegalArgumentException.class,
                () -> new PhaseTable.Row(CheckInPhase.SWAP_SEARCH, 0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new PhaseTable.Row(CheckInPhase.SWAP_SEARCH, 1, Duration.ofMillis(2), Duration.ofMillis(1)));
    }

    @Test
    void theTextTableHasAHeaderAndOneLinePerPhase() {
        timeline.record(CheckInPhase.EXTRACTION, Duration.ofMillis(80));
        List<String> lines = timeline.table().lines();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("extraction"), lines.get(1));
        assertTrue(lines.get(1).matches(".* 80\\.[01] .*"), lines.get(1));
    }
}
