package kz.sailau.kiosk.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Records how long each {@link CheckInPhase} of a visit takes into one histogram per phase: counts per duration
 * bucket (three significant digits, from 1 µs to {@link #LONGEST}), nothing else. No order, no time of day and
 * no link between two phases of one visit is kept, so the histograms cannot tell one voter's visit from
 * another's (the secrecy rules of the audit log hold for them too). Thread-safe: the engine, the capture thread and
 * the printer thread record at the same time.
 *
 * <p>Durations come from an injected monotonic tick source in nanoseconds ({@link System#nanoTime} in the kiosk),
 * so tests are exact. The one cross-thread measurement, {@link CheckInPhase#FINGER_TO_TOKEN}, is a mark set when the
 * sensor sees a finger ({@link #fingerPlaced}) and closed when the token is handed to the screens
 * ({@link #tokenShown}); a new visit ({@link #visitEnded}) drops an open mark.
 */
public final class CheckInTimeline {

    /** The longest duration a histogram tells apart; longer ones are counted as this long. */
    public static final Duration LONGEST = Duration.ofMinutes(10);
    /** Significant decimal digits of each bucket: a quantile is within 0.1 % of the true value. */
    static final int SIGNIFICANT_DIGITS = 3;

    private static final long NO_MARK = Long.MIN_VALUE;

    private final LongSupplier ticks;
    private final Map<CheckInPhase, IntCountsHistogram> histograms = new EnumMap<>(CheckInPhase.class);
    private long fingerPlacedAt = NO_MARK;

    /** @param ticks a monotonic clock in nanoseconds ({@code System::nanoTime} in the kiosk) */
    public CheckInTimeline(LongSupplier ticks) {
        this.ticks = Objects.requireNonNull(ticks, "ticks");
        for (CheckInPhase phase : CheckInPhase.values()) {
            histograms.put(phase, new IntCountsHistogram(LONGEST.toNanos() / 1000, SIGNIFICANT_DIGITS));
        }
    }

    /** A timeline on {@link System#nanoTime}. */
    public static CheckInTimeline system() {
        return new CheckInTimeline(System::nanoTime);
    }

    /** The current tick, to pass to {@link #since} when the phase ends. */
    public long now() {
        return ticks.getAsLong();
    }

    /** Records that {@code phase} took from {@code start} (a {@link #now()}) until now. */
    public void since(CheckInPhase phase, long start) {
        record(phase, ticks.getAsLong() - start);
    }

    /** Records one duration of {@code phase}; a negative one counts as zero, one beyond {@link #LONGEST} as that. */
    public void record(CheckInPhase phase, Duration duration) {
        record(phase, Objects.requireNonNull(duration, "duration").toNanos());
    }

    private void record(CheckInPhase phase, long nanos) {
        Objects.requireNonNull(phase, "phase");
        IntCountsHistogram histogram = histograms.get(phase);
        long micros = Math.max(0, Math.min(nanos / 1000, histogram.getHighestTrackableValue()));
        synchronized (histogram) {
            histogram.recordValue(micros);
        }
    }

    /** The sensor saw a finger: a capture's upload starts now. */
    public synchronized void fingerPlaced() {
        fingerPlacedAt = ticks.getAsLong();
    }

    /**
     * A token issued after a capture is on its way to the screen: records {@link CheckInPhase#FINGER_TO_TOKEN}
     * since the last {@link #fingerPlaced} and closes the mark. Without an open mark (a token issued by a clerk's
     * override or in fallback mode) nothing is recorded.
     */
    public synchronized void tokenShown() {
        if (fingerPlacedAt != NO_MARK) {
            record(CheckInPhase.FINGER_TO_TOKEN, ticks.getAsLong() - fingerPlacedAt);
            fingerPlacedAt = NO_MARK;
        }
    }

    /** The visit ended without a token from the last capture: drops an open mark. */
    public synchronized void visitEnded() {
        fingerPlacedAt = NO_MARK;
    }

    /** The p50/p95 table of everything recorded so far. */
    public PhaseTable table() {
        List<PhaseTable.Row> rows = new ArrayList<>();
        for (Map.Entry<CheckInPhase, IntCountsHistogram> entry : histograms.entrySet()) {
            IntCountsHistogram histogram = entry.getValue();
            synchronized (histogram) {
                long count = histogram.getTotalCount();
                if (count > 0) {
                    rows.add(new PhaseTable.Row(entry.getKey(), count,
                            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(95))));
                }
            }
        }
        return new PhaseTable(rows);
    }

    /** Forgets everything recorded (a new day's table, or a measurement's warm-up). */
    public synchronized void reset() {
        fingerPlacedAt = NO_MARK;
        for (IntCountsHistogram histogram : histograms.values()) {
            synchronized (histogram) {
                histogram.reset();
            }
        }
    }

    /** A quantile as HdrHistogram reports it: the highest value equivalent to the bucket's, in microseconds. */
    private static Duration micros(long value) {
        return Duration.ofNanos(value * 1000);
    }
}
