package kz.sailau.kiosk.ui;

import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.timeline.PhaseTable;

/**
 * The administrator's "Wait times" section, drawn from {@link WaitTimesViewModel}: one row per measured phase of a
 * check-in (its name in the current language, how many times it was measured, median and 95th percentile in
 * milliseconds), a sentence when nothing was measured yet, and "Refresh".
 */
public final class WaitTimesPane extends VBox {

    private final WaitTimesViewModel model;
    private final LanguageViewModel language;
    private final GridPane table = new GridPane();
    private final Label empty;

    /**
     * @param model    the pane's state
     * @param language the language
     */
    public WaitTimesPane(WaitTimesViewModel model, LanguageViewModel language) {
        super(10);
        this.model = Objects.requireNonNull(model, "model");
        this.language = Objects.requireNonNull(language, "language");
        setId("wait-times-pane");
        getStyleClass().addAll("wait-times-pane", "admin-section");
        setMaxWidth(AdminControls.CONTENT + 40);
        Label title = AdminControls.sectionTitle(language, "admin.waitTimes", "wait-times-title");
        Label note = AdminControls.label(language, "admin.waitTimes.note", "wait-times-note");
        empty = AdminControls.label(language, "admin.waitTimes.empty", "wait-times-empty");
        table.setId("wait-times-table");
        table.setHgap(18);
        table.setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setPrefWidth(AdminControls.CONTENT * 0.55);
        table.getColumnConstraints().add(name);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints number = new ColumnConstraints();
            number.setHalignment(HPos.RIGHT);
            table.getColumnConstraints().add(number);
        }
        Button refresh = AdminControls.button(language, "admin.waitTimes.refresh", "wait-times-refresh");
        refresh.getStyleClass().add("secondary");
        refresh.setOnAction(e -> model.refresh());
        getChildren().addAll(title, note, empty, table, refresh);
        model.rows().addListener((ListChangeListener<PhaseTable.Row>) change -> draw());
        language.messagesProperty().addListener((observable, before, after) -> draw());
        draw();
        model.refresh();
    }

    private void draw() {
        Messages messages = language.messages();
        table.getChildren().clear();
        boolean none = model.rows().isEmpty();
        empty.setVisible(none);
        empty.setManaged(none);
        table.setVisible(!none);
        table.setManaged(!none);
        if (none) {
            return;
        }
        table.addRow(0, header(messages, "admin.waitTimes.phase"), header(messages, "admin.waitTimes.count"),
                header(messages, "admin.waitTimes.p50"), header(messages, "admin.waitTimes.p95"));
        int r = 1;
        for (PhaseTable.Row row : model.rows()) {
            String id = "wait-times-" + row.phase().name().toLowerCase(Locale.ROOT);
            table.addRow(r++, cell(messages.get(row.phase().messageKey()), id + "-name"),
                    cell(messages.number(row.count()), id + "-count"),
                    cell(WaitTimesViewModel.millis(row.p50(), messages), id + "-p50"),
                    cell(WaitTimesViewModel.millis(row.p95(), messages), id + "-p95"));
        }
    }

    private static Label header(Messages messages, String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("table-header");
        return label;
    }

    private static Label cell(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
