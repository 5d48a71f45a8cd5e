package kz.sailau.kiosk.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import kz.sailau.kiosk.report.Turnout;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The "Reports and turnout" pane, drawn from {@link ReportsViewModel}: the turnout as a bar chart of whole hours with
 * the total as of the last whole hour, the print buttons (opening report, turnout slip, paper forms slip, closing
 * tally with the ballot
 * desk's redeemed count when typed) and back. Counts only: nothing per voter, nothing finer than the hour.
 */
public final class ReportsPane extends VBox {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final BarChart<String, Number> chart;

    /**
     * @param model    the pane's state
     * @param language the language
     * @param back     back to the administrator screen
     */
    public ReportsPane(ReportsViewModel model, LanguageViewModel language, Runnable back) {
        super(12);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(back, "back");
        AdminControls.paneFrame(this, "reports-pane", 12);
        getStyleClass().add("admin-section");
        Label title = AdminControls.sectionTitle(language, "reports.title", "reports-title");
        Label intro = AdminControls.label(language, "reports.intro", "reports-intro");
        Label total = AdminControls.wrapped("reports-turnout-total");
        total.getStyleClass().add("la-counters");
        CategoryAxis hours = new CategoryAxis();
        hours.labelProperty().bind(language.messagesProperty().map(m -> m.get("reports.hourAxis")));
        NumberAxis counts = new NumberAxis();
        counts.setMinorTickVisible(false);
        counts.labelProperty().bind(language.messagesProperty().map(m -> m.get("reports.countAxis")));
        chart = new BarChart<>(hours, counts);
        chart.setId("reports-turnout-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefSize(AdminControls.CONTENT, 300);
        chart.setMaxWidth(AdminControls.CONTENT);
        Runnable show = () -> {
            Turnout now = model.turnoutProperty().get();
            Messages messages = language.messages();
            total.setText(now.hours().isEmpty() ? messages.get("reports.turnoutNone")
                    : messages.get("reports.turnout", HOUR.format(now.asOf()), now.total()));
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (Turnout.Hour hour : now.hours()) {
                series.getData().add(new XYChart.Data<>(HOUR.format(hour.start()), hour.checkIns()));
            }
            counts.setAutoRanging(false);
            counts.setLowerBound(0);
            double tick = tickUnit(now.peak());
            counts.setTickUnit(tick);
            counts.setUpperBound(tick * (Math.floor(now.peak() / tick) + 1));
            // The counts as the language on screen writes them ("1 410", not the JVM's "1,410"); a new formatter
            // makes the axis draw its labels again when the language changes (decision 0467).
            counts.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number count) {
                    return messages.number(Math.round(count.doubleValue()));
                }

                @Override
                public Number fromString(String text) {
                    throw new UnsupportedOperationException("the axis only draws counts");
                }
            });
            chart.getData().setAll(List.of(series));
        };
        model.turnoutProperty().addListener((o, a, b) -> show.run());
        language.messagesProperty().addListener((o, a, b) -> show.run());
        show.run();

        Button opening = AdminControls.button(language, "reports.printOpening", "reports-print-opening");
        opening.setOnAction(e -> model.printOpening(language.messages()));
        Button slip = AdminControls.button(language, "reports.printTurnout", "reports-print-turnout");
        slip.setOnAction(e -> model.printTurnout(language.messages()));
        Button forms = AdminControls.button(language, "reports.printForms", "reports-print-forms");
        forms.setOnAction(e -> model.printPaperForms(language.messages()));
        Button refresh = AdminControls.button(language, "reports.refresh", "reports-refresh");
        refresh.getStyleClass().add("secondary");
        refresh.setOnAction(e -> model.refresh());
        TextField redeemed = new TextField();
        redeemed.setId("reports-redeemed");
        redeemed.setMaxWidth(560);
        redeemed.setMinHeight(AdminControls.TOUCH);
        Label redeemedLabel = AdminControls.label(language, "reports.redeemed", "reports-redeemed-title");
        redeemedLabel.setLabelFor(redeemed);
        redeemed.textProperty().bindBidirectional(model.redeemedProperty());
        KeyboardDock.use(redeemed, InputKind.DIGITS);
        Button closing = AdminControls.button(language, "reports.printClosing", "reports-print-closing");
        closing.setOnAction(e -> model.printClosing(language.messages()));
        Button backButton = AdminControls.button(language, "reports.back", "reports-back");
        backButton.getStyleClass().add("secondary");
        backButton.setOnAction(e -> back.run());
        FlowPane day = AdminControls.flow(opening, slip, forms, refresh);
        FlowPane close = AdminControls.flow(closing, backButton);
        getChildren().setAll(title, intro, total, chart, day, redeemedLabel, redeemed, close,
                AdminControls.message(language, model.messageProperty(), "reports-message"));
    }

    /**
     * The step between the count axis's ticks: five ticks or so up to the busiest hour, each step 1, 2 or 5 times a
     * power of ten (0, 200, 400 ..., not 0, 282, 564 ...), at least 1.
     */
    static double tickUnit(long peak) {
        double rough = Math.max(1, peak / 5.0);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : new double[] {1, 2, 5}) {
            if (step * power >= rough) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
