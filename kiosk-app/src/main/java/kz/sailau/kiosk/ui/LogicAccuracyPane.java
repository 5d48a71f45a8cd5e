package kz.sailau.kiosk.ui;

import javafx.beans.binding.Bindings;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The pre-election logic-and-accuracy test pane, drawn from {@link LogicAccuracyViewModel}: the test package
 * (proposed, or chosen from the removable media), "Start the pre-election test" with the load progress, the live
 * TEST counters (followed every second while the test runs), "End test and reset to zero" behind its
 * confirmation step, and back to the administrator screen. Start is refused by the kiosk once the polls are open
 * or the day is closed; the pane shows the refusal.
 */
public final class LogicAccuracyPane extends VBox {

    /**
     * @param model        the pane's state
     * @param work         the administrator screens' background work (busy, progress)
     * @param confirmation the guard of "End test"
     * @param language     the language
     * @param back         back to the administrator screen
     */
    public LogicAccuracyPane(LogicAccuracyViewModel model, BackgroundWork work, Confirmation confirmation,
                             LanguageViewModel language, Runnable back) {
        super(12);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(back, "back");
        AdminControls.paneFrame(this, "la-pane", 12);
        getStyleClass().add("admin-section");
        Label title = AdminControls.sectionTitle(language, "la.title", "la-title");
        Label intro = AdminControls.label(language, "la.intro", "la-intro");
        Label packageLabel = AdminControls.label(language, "la.packagePath", "la-package-title");
        FileChoiceView file = new FileChoiceView(model.testPackage(), language, "la-package", "admin.files.noPackage");
        ProgressBar progress = new ProgressBar();
        progress.setId("la-progress");
        progress.setPrefWidth(640);
        progress.progressProperty().bind(work.progressProperty());
        progress.visibleProperty().bind(work.busyProperty());
        Label counters = AdminControls.wrapped("la-counters");
        counters.getStyleClass().add("la-counters");
        Runnable showCounters = () -> {
            LogicAccuracyTesting.Status s = model.statusProperty().get();
            counters.setText(language.messages().get("la.counters", s.checkIns(), s.refusals(), s.overrides(),
                    s.tokensIssued()));
            counters.getStyleClass().remove("running");
            if (s.running()) {
                counters.getStyleClass().add("running");
            }
        };
        model.statusProperty().addListener((o, a, b) -> showCounters.run());
        language.messagesProperty().addListener((o, a, b) -> showCounters.run());
        showCounters.run();
        Button start = AdminControls.button(language, "la.start", "la-start");
        start.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.statusProperty().get().active(), model.statusProperty()));
        start.setOnAction(e -> model.start());
        Button end = AdminControls.button(language, "la.end", "la-end");
        end.getStyleClass().add("danger");
        end.disableProperty().bind(start.disableProperty().not());
        end.setOnAction(e -> model.askEnd());
        Button refresh = AdminControls.button(language, "la.refresh", "la-refresh");
        refresh.getStyleClass().add("secondary");
        refresh.setOnAction(e -> model.refresh());
        Button backButton = AdminControls.button(language, "la.back", "la-back");
        backButton.getStyleClass().add("secondary");
        backButton.setOnAction(e -> back.run());
        FlowPane buttons = AdminControls.flow(start, end, refresh, backButton);
        getChildren().setAll(title, intro, packageLabel, file, progress, counters, buttons,
                new ConfirmationBox(confirmation, Confirmation.Guarded.END_TEST, language, model::confirmEnd),
                AdminControls.message(language, model.messageProperty(), "la-message"));
    }
}
