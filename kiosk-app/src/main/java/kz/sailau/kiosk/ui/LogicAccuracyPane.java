package kz.sailau.kiosk.ui;

import javafx.animation.Animation;
import javafx.scene.layout.Region;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The administrator's screen of the pre-election logic-and-accuracy test (opened by "Pre-election test" on the
 * administrator screen): the test package, "Start the
 * pre-election test" (with load progress), the live TEST counters while it runs, and "End test and reset to
 * zero" behind a confirmation. Start is refused by the kiosk once the polls are open or the day is closed; the
 * pane shows the refusal. Work runs on the worker executor; the FX thread never waits.
 */
public final class LogicAccuracyPane extends VBox {

    private final AdministratorActions actions;
    private final LanguageViewModel language;
    private final Executor worker;
    private final Executor fxThread;
    private final TextField packagePath = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label counters = new Label();
    private final Label message = new Label();
    private final Label title = new Label();
    private final Label intro = new Label();
    private final Label packageLabel = new Label();
    private final Button startButton = button("la-start");
    private final Button endButton = button("la-end");
    private final Button refreshButton = button("la-refresh");
    private final Button backButton = button("la-back");
    private final Timeline poll = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    private AdministratorActions.LogicAccuracyStatus status = AdministratorActions.LogicAccuracyStatus.IDLE;
    private boolean busy;
    private boolean confirmingEnd;
    private String messageKey = "";
    private Object[] messageArguments = new Object[0];
    private Runnable onBack = () -> { };

    /**
     * @param actions  what the kiosk can do
     * @param language the language
     * @param worker   runs blocking work
     * @param fxThread runs on the FX thread
     */
    public LogicAccuracyPane(AdministratorActions actions, LanguageViewModel language, Executor worker,
                             Executor fxThread) {
        super(10);
        this.actions = Objects.requireNonNull(actions, "actions");
        this.language = Objects.requireNonNull(language, "language");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        setId("la-pane");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(12));
        setMaxWidth(1100);
        setStyle("-fx-border-color: #9ca3af; -fx-border-width: 2; -fx-border-radius: 6;");
        packagePath.setId("la-package");
        packagePath.setPrefWidth(640);
        progress.setId("la-progress");
        progress.setPrefWidth(640);
        counters.setId("la-counters");
        counters.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        message.setId("la-message");
        message.setWrapText(true);
        message.setMaxWidth(1000);
        message.setMinHeight(Region.USE_PREF_SIZE);
        poll.setCycleCount(Timeline.INDEFINITE);
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        intro.setWrapText(true);
        intro.setMaxWidth(1000);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        startButton.setOnAction(e -> start());
        endButton.setOnAction(e -> end());
        refreshButton.setOnAction(e -> refresh());
        backButton.setOnAction(e -> {
            poll.stop();
            confirmingEnd = false;
            messageKey = "";
            onBack.run();
        });
        HBox packageRow = new HBox(12, packageLabel, packagePath);
        packageRow.setAlignment(Pos.CENTER);
        HBox buttons = new HBox(16, startButton, endButton, refreshButton, backButton);
        buttons.setAlignment(Pos.CENTER);
        getChildren().setAll(title, intro, packageRow, progress, counters, buttons, message);
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    /** Reads the test's state and counters again (on the worker); the pane follows them every second while a test runs. */
    public void refresh() {
        if (!actions.logicAndAccuracyAvailable()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            AdministratorActions.LogicAccuracyStatus now = actions.logicAccuracyStatus();
            fxThread.execute(() -> {
                status = now;
                render();
            });
        }, worker);
    }

    /** Runs {@code action} when the administrator leaves this pane ("Back"). */
    public void setOnBack(Runnable action) {
        onBack = Objects.requireNonNull(action, "action");
    }

    /** Stops following the counters (the administrator screens are left). */
    public void stop() {
        poll.stop();
    }

    private void render() {
        Messages m = language.messages();
        if (packagePath.getText().isEmpty()) {
            packagePath.setText(actions.defaultTestPackagePath().toString());
        }
        title.setText(m.get("la.title"));
        intro.setText(m.get("la.intro"));
        packageLabel.setText(m.get("la.packagePath"));
        boolean available = actions.logicAndAccuracyAvailable();
        boolean active = status.running() || status.interrupted();
        startButton.setText(m.get("la.start"));
        startButton.setDisable(!available || busy || active);
        endButton.setText(m.get(confirmingEnd ? "la.endConfirm" : "la.end"));
        endButton.setId(confirmingEnd ? "la-end-confirm" : "la-end");
        endButton.setDisable(!available || busy || !active);
        refreshButton.setText(m.get("la.refresh"));
        refreshButton.setDisable(!available || busy);
        backButton.setText(m.get("la.back"));
        backButton.setDisable(busy);
        counters.setText(m.get("la.counters", status.checkIns(), status.refusals(), status.overrides(),
                status.tokensIssued()));
        counters.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;"
                + (status.running() ? " -fx-background-color: #ffd200; -fx-padding: 4 12 4 12;" : ""));
        String key = !available ? "la.notAvailable" : messageKey;
        message.setText(key.isEmpty() ? "" : m.get(key, messageArguments));
        message.setVisible(!key.isEmpty());
        packagePath.setDisable(busy || active);
        if (status.running() && poll.getStatus() != Animation.Status.RUNNING && getScene() != null) {
            poll.play();
        } else if (!status.running()) {
            poll.stop();
        }
    }

    private void start() {
        String text = packagePath.getText().trim();
        if (text.isEmpty()) {
            show("la.error.noPackage");
            return;
        }
        busy = true;
        confirmingEnd = false;
        progress.setProgress(0);
        show("la.starting");
        CompletableFuture.runAsync(() -> {
            try {
                AdministratorActions.LogicAccuracyStatus started = actions.startLogicAccuracyTest(Path.of(text),
                        p -> fxThread.execute(() -> progress.setProgress(p)));
                fxThread.execute(() -> {
                    busy = false;
                    status = started;
                    progress.setProgress(1);
                    show("la.started", started.testVoters());
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> {
                    busy = false;
                    show(e.messageKey());
                });
            } catch (RuntimeException e) {
                // Never leave the pane busy: the administrator reads "see the log".
                fxThread.execute(() -> {
                    busy = false;
                    show("la.error.failed");
                });
            }
        }, worker);
    }

    private void end() {
        if (!confirmingEnd) {
            confirmingEnd = true;
            show("la.endQuestion");
            return;
        }
        confirmingEnd = false;
        busy = true;
        show("la.ending");
        CompletableFuture.runAsync(() -> {
            try {
                AdministratorActions.LogicAccuracyStatus ended = actions.endLogicAccuracyTest();
                AdministratorActions.LogicAccuracyStatus now = actions.logicAccuracyStatus();
                fxThread.execute(() -> {
                    busy = false;
                    status = now;
                    progress.setProgress(0);
                    show("la.ended", ended.checkIns(), ended.refusals(), ended.overrides(), ended.tokensIssued());
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> {
                    busy = false;
                    show(e.messageKey());
                });
            } catch (RuntimeException e) {
                // Never leave the pane busy: the administrator reads "see the log".
                fxThread.execute(() -> {
                    busy = false;
                    show("la.error.failed");
                });
            }
        }, worker);
    }

    private void show(String key, Object... arguments) {
        messageKey = key;
        messageArguments = arguments;
        render();
    }

    private static Button button(String id) {
        Button button = new Button();
        button.setId(id);
        button.setMinSize(200, 56);
        button.setWrapText(true);
        return button;
    }
}
