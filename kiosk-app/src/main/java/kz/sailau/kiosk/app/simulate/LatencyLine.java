package kz.sailau.kiosk.app.simulate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.runner.DeviceRunner;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.PhaseTable;

/**
 * The last line of {@code simulate --realtime}: {@code latency voters=V wire=W p50=A p95=B ratio=R} in seconds, where
 * A and B are the median and 95th percentile of finger seen → token handed to the screen
 * ({@link CheckInPhase#FINGER_TO_TOKEN}), W is one image upload's wire time at the scanner's baud rate as the driver
 * reports it, and R = B / W. Listens to the device runner for W.
 */
final class LatencyLine implements DeviceRunner.Observer {

    private volatile Duration wire = Duration.ZERO;

    @Override
    public void imageReceived(Duration wireTime) {
        wire = Objects.requireNonNull(wireTime, "wireTime");
    }

    /** The wire time of the last image received (zero before any). */
    Duration wire() {
        return wire;
    }

    /** The line for a register of {@code voters} and the run's table; {@code n/a} where nothing was measured. */
    String line(int voters, PhaseTable table) {
        Optional<PhaseTable.Row> row = table.row(CheckInPhase.FINGER_TO_TOKEN);
        double w = seconds(wire);
        if (row.isEmpty() || w <= 0) {
            return String.format(Locale.ROOT, "latency voters=%d wire=%.3f p50=n/a p95=n/a ratio=n/a", voters, w);
        }
        double p50 = seconds(row.get().p50());
        double p95 = seconds(row.get().p95());
        return String.format(Locale.ROOT, "latency voters=%d wire=%.3f p50=%.3f p95=%.3f ratio=%.3f", voters, w, p50,
                p95, p95 / w);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
