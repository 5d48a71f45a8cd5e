package kz.sailau.kiosk.ui;

import java.time.Duration;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.sailau.kiosk.timeline.PhaseTable;

/**
 * The "Wait times" pane: the p50/p95 table of the check-in timeline, read on the worker thread when the pane opens
 * and on "Refresh". Holds no JavaFX node.
 */
public final class WaitTimesViewModel {

    private final WaitTimes source;
    private final BackgroundWork work;
    private final ObservableList<PhaseTable.Row> rows = FXCollections.observableArrayList();

    /**
     * @param source the capability
     * @param work   runs the read
     */
    public WaitTimesViewModel(WaitTimes source, BackgroundWork work) {
        this.source = Objects.requireNonNull(source, "source");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The rows as last read, in phase order (empty before the first measured visit). */
    public ObservableList<PhaseTable.Row> rows() {
        return rows;
    }

    /** Reads the table again (without marking the screens busy). */
    public void refresh() {
        work.read(source::waitTimes, table -> rows.setAll(table.rows()));
    }

    /** Forgets the rows (the screens are locked). */
    public void clear() {
        rows.clear();
    }

    /**
     * A duration as the table shows it: milliseconds, one decimal under 10 ms, whole above, written as the language
     * on screen writes numbers ("2,5" and "3 600" in Kazakh and Russian, "2.5" and "3,600" in English).
     */
    public static String millis(Duration duration, Messages messages) {
        double ms = PhaseTable.millis(duration);
        return messages.number(ms, ms < 10 ? 1 : 0);
    }
}
