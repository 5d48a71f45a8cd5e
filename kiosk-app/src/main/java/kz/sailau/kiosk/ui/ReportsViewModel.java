package kz.sailau.kiosk.ui;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kz.sailau.kiosk.report.Turnout;

/**
 * The "Reports and turnout" pane as state: the turnout by whole hours (read when the pane opens and on refresh),
 * the ballot desk's redeemed count as typed, and the three print actions. A typed count is checked before anything
 * is printed. Holds no JavaFX node.
 */
public final class ReportsViewModel {

    private final ReportPrinting reports;
    private final BackgroundWork work;
    private final ReadOnlyObjectWrapper<Turnout> turnout = new ReadOnlyObjectWrapper<>(
            new Turnout(ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), List.of()));
    private final ReadOnlyObjectWrapper<AdminMessage> message = new ReadOnlyObjectWrapper<>();
    private final StringProperty redeemed = new SimpleStringProperty("");

    /**
     * @param reports the capability
     * @param work    runs the reads and prints
     */
    public ReportsViewModel(ReportPrinting reports, BackgroundWork work) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The turnout shown. */
    public ReadOnlyObjectProperty<Turnout> turnoutProperty() {
        return turnout.getReadOnlyProperty();
    }

    /** The pane's message; null when none. */
    public ReadOnlyObjectProperty<AdminMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The redeemed count as typed (empty: not known). */
    public StringProperty redeemedProperty() {
        return redeemed;
    }

    /** Forgets the message and the typed count (leaving or reopening the pane). */
    public void clear() {
        message.set(null);
        redeemed.set("");
    }

    /** Reads the turnout again. */
    public void refresh() {
        work.run(progress -> reports.turnout(), turnout::set, message::set, "report.error.read");
    }

    /** Prints the opening report in {@code messages}' language. */
    public void printOpening(Messages messages) {
        Objects.requireNonNull(messages, "messages");
        print(() -> reports.printOpening(messages));
    }

    /** Prints the turnout slip and shows the turnout it printed. */
    public void printTurnout(Messages messages) {
        Objects.requireNonNull(messages, "messages");
        message.set(null);
        work.run(progress -> {
            reports.printTurnout(messages);
            return reports.turnout();
        }, now -> {
            turnout.set(now);
            message.set(AdminMessage.success("reports.printed"));
        }, message::set, "report.error.print");
    }

    /** Prints the paper forms slip. */
    public void printPaperForms(Messages messages) {
        Objects.requireNonNull(messages, "messages");
        print(() -> reports.printPaperForms(messages));
    }

    /** Prints the closing tally, with the typed redeemed count if any (checked first: digits only). */
    public void printClosing(Messages messages) {
        Objects.requireNonNull(messages, "messages");
        String typed = redeemed.get() == null ? "" : redeemed.get().strip();
        OptionalLong count;
        if (typed.isEmpty()) {
            count = OptionalLong.empty();
        } else if (typed.matches("[0-9]{1,9}")) {
            count = OptionalLong.of(Long.parseLong(typed));
        } else {
            message.set(AdminMessage.error("report.error.redeemed"));
            return;
        }
        print(() -> reports.printClosing(messages, count));
    }

    private interface Printing {
        void print() throws Exception;
    }

    private void print(Printing printing) {
        message.set(null);
        work.run(progress -> {
            printing.print();
            return Boolean.TRUE;
        }, done -> message.set(AdminMessage.success("reports.printed")), message::set, "report.error.print");
    }
}
