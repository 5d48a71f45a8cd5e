package kz.sailau.kiosk.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The p50/p95 table of a {@link CheckInTimeline}: one row per phase that was measured at least once, in phase
 * order. Holds counts and two quantiles per phase, nothing per voter.
 *
 * @param rows the rows, in {@link CheckInPhase} order, each phase at most once
 */
public record PhaseTable(List<Row> rows) {

    /** A table with no measured phase. */
    public static final PhaseTable EMPTY = new PhaseTable(List.of());

    /**
     * One phase's figures.
     *
     * @param phase the phase
     * @param count how many times it was measured (at least 1)
     * @param p50   the median duration
     * @param p95   the 95th percentile duration (at least {@code p50})
     */
    public record Row(CheckInPhase phase, long count, Duration p50, Duration p95) {
        /**
         * @throws IllegalArgumentException if the count is not positive, a duration is negative, or p50 exceeds p95
         */
        public Row {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p95, "p95");
            if (count < 1) {
                throw new IllegalArgumentException("a row counts at least one measurement");
            }
            if (p50.isNegative() || p95.compareTo(p50) < 0) {
                throw new IllegalArgumentException("durations must satisfy 0 <= p50 <= p95");
            }
        }
    }

    /**
     * Copies the rows.
     *
     * @throws IllegalArgumentException if a phase appears twice or the rows are not in phase order
     */
    public PhaseTable {
        rows = List.copyOf(rows);
        Set<CheckInPhase> seen = EnumSet.noneOf(CheckInPhase.class);
        CheckInPhase previous = null;
        for (Row row : rows) {
            if (!seen.add(row.phase()) || (previous != null && previous.compareTo(row.phase()) > 0)) {
                throw new IllegalArgumentException("phases must appear once each, in phase order");
            }
            previous = row.phase();
        }
    }

    /** The row of {@code phase}, if it was measured. */
    public Optional<Row> row(CheckInPhase phase) {
        Objects.requireNonNull(phase, "phase");
        return rows.stream().filter(r -> r.phase() == phase).findFirst();
    }

    /** Whether no phase was measured. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The table as text for a console or a log (English phase names, milliseconds): a header and one line per
     * row.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-18s %8s %10s %10s", "phase", "count", "p50 ms", "p95 ms"));
        for (Row row : rows) {
            lines.add(String.format(Locale.ROOT, "%-18s %8d %10.1f %10.1f", row.phase().name().toLowerCase(Locale.ROOT),
                    row.count(), millis(row.p50()), millis(row.p95())));
        }
        return lines;
    }

    /** A duration in milliseconds with its fraction. */
    public static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
