package kz.sailau.kiosk.ui;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.sailau.kiosk.report.Turnout;

/**
 * The report printer of the administrator's "Reports and turnout" pane for UI tests: a fixed turnout, and each report
 * asked for recorded as "{@code closing ENGLISH OptionalLong[350]}" (the report, the language, the redeemed count);
 * the opening report may be refused as a kiosk that has counted refuses it ({@code report.error.notZero}).
 */
final class RecordingReportPrinting implements ReportPrinting {

    final List<String> printed = new CopyOnWriteArrayList<>();
    private final Turnout turnout;
    private final boolean openingRefused;

    /**
     * @param turnout        what {@link #turnout} reads
     * @param openingRefused whether the opening report is refused (check-ins already counted)
     */
    RecordingReportPrinting(Turnout turnout, boolean openingRefused) {
        this.turnout = Objects.requireNonNull(turnout, "turnout");
        this.openingRefused = openingRefused;
    }

    /** The turnout of whole hours from {@code first}, one count each, as of the end of the last. */
    static Turnout wholeHours(ZonedDateTime first, long... counts) {
        List<Turnout.Hour> hours = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            hours.add(new Turnout.Hour(first.plusHours(i), counts[i]));
        }
        return new Turnout(first.plusHours(counts.length), hours);
    }

    @Override
    public Turnout turnout() {
        return turnout;
    }

    @Override
    public void printOpening(Messages messages) throws AdministratorActions.AdministratorException {
        if (openingRefused) {
            throw new AdministratorActions.AdministratorException("report.error.notZero",
                    "check-ins recorded (test)");
        }
        printed.add("opening " + messages.language());
    }

    @Override
    public void printTurnout(Messages messages) {
        printed.add("turnout " + messages.language());
    }

    @Override
    public void printPaperForms(Messages messages) {
        printed.add("forms " + messages.language());
    }

    @Override
    public void printClosing(Messages messages, OptionalLong redeemed) {
        printed.add("closing " + messages.language() + " " + redeemed);
    }
}
