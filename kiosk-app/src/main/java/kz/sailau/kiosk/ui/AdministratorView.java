package kz.sailau.kiosk.ui;

import javafx.beans.binding.Bindings;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The administrator's screens, drawn from {@link AdministratorViewModel}: the passphrase (enter unlocks), then
 * one section per capability the kiosk offers: the voter list (a package chosen from the removable media, load
 * progress), the pre-election test and the commission members (each its own pane), the devices, and, set apart
 * in its own colour, the end of the day (close, wipe); the reports and turnout have their own pane, and so has
 * the precinct network on a kiosk that is a node of one. Close, wipe, exit and ending the test each ask first
 * ({@link ConfirmationBox}). The nodes are made once and only their texts, visibility and styles change, so the
 * focus and the scroll position stay where the administrator is. Work runs on the worker executor; the FX
 * thread never waits.
 */
public final class AdministratorView extends VBox {

    private final AdministratorViewModel model;
    private final LanguageViewModel language;
    private final PasswordField passphrase = new PasswordField();
    private final Timeline ticker;
    /** Whether the screens are in a window that is shown; held so that its listener lives as long as the view. */
    private final ObservableValue<Boolean> shown;

    /**
     * @param actions  what the kiosk offers
     * @param language the language
     * @param worker   runs blocking work
     * @param fxThread runs on the FX thread
     * @param back     returns to the voter screens
     */
    public AdministratorView(AdministratorActions actions, LanguageViewModel language, Executor worker,
                             Executor fxThread, Runnable back) {
        this(new AdministratorViewModel(actions, worker, fxThread, Clock.systemUTC(), back), language);
    }

    /**
     * @param model    the screens' state
     * @param language the language
     */
    public AdministratorView(AdministratorViewModel model, LanguageViewModel language) {
        super(18);
        this.model = Objects.requireNonNull(model, "model");
        this.language = Objects.requireNonNull(language, "language");
        setId("administrator-view");
        getStyleClass().add("administrator-view");
        setPadding(new Insets(24, 32, 32, 32));
        setAlignment(Pos.TOP_CENTER);

        Label title = AdminControls.label(language, "admin.title", "admin-title");
        title.getStyleClass().add("title");
        ProgressIndicator working = new ProgressIndicator();
        working.setId("admin-working");
        working.setPrefSize(48, 48);
        working.visibleProperty().bind(model.work().busyProperty());
        HBox heading = new HBox(24, title, working);
        heading.setAlignment(Pos.CENTER);

        VBox locked = lockedScreen();
        VBox main = mainScreen();
        AdminControls.shownWhen(locked, model.unlockedProperty().not());
        AdminControls.shownWhen(main, model.unlockedProperty()
                .and(model.paneProperty().isEqualTo(AdministratorViewModel.Pane.MAIN)));
        getChildren().addAll(new LanguageBar(language), heading, locked, main);
        Runnable back = () -> model.show(AdministratorViewModel.Pane.MAIN);
        model.clerks().ifPresent(clerks -> addPane(AdministratorViewModel.Pane.CLERKS,
                new ClerksPane(clerks, language, back)));
        model.logicAccuracy().ifPresent(test -> addPane(AdministratorViewModel.Pane.LOGIC_ACCURACY,
                new LogicAccuracyPane(test, model.work(), model.confirmation(), language, back)));
        model.reports().ifPresent(reports -> addPane(AdministratorViewModel.Pane.REPORTS,
                new ReportsPane(reports, language, back)));
        model.precinct().ifPresent(precinct -> addPane(AdministratorViewModel.Pane.PRECINCT,
                new PrecinctNetworkPane(precinct, model.confirmation(), language, back)));
        // Another pane, or the lock screen, starts at its top; an action on the same pane keeps the scroll.
        model.paneProperty().addListener((o, a, b) -> scrollToTop());
        model.unlockedProperty().addListener((o, a, b) -> scrollToTop());
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // The second's tick (countdowns, the precinct pane's poll of its node) runs only while these screens are in
        // a window that is shown: a closed window, or one whose kiosk and node have shut down, polls nothing.
        shown = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        shown.addListener((o, was, now) -> tick(now));
        tick(shown.getValue());
    }

    private void tick(boolean on) {
        if (on) {
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    /** Whether the second's tick runs (only while the screens are in a shown window). */
    boolean ticking() {
        return ticker.getStatus() == Animation.Status.RUNNING;
    }

    /** The screens' state. */
    public AdministratorViewModel model() {
        return model;
    }

    /** Runs {@code action} on the FX thread once the day is closed here (the voter screen shows "polls closed"). */
    public void setOnDayClosed(Runnable action) {
        Objects.requireNonNull(action, "action");
        model.day().ifPresent(day -> day.setOnDayClosed(action));
    }

    /**
     * Offers "Back to the voter screen" before the unlock, or not: the production start screen has no voter
     * screen behind it until the administrator has unlocked.
     */
    public void setBackWhileLocked(boolean offered) {
        model.backWhileLockedProperty().set(offered);
    }

    /** Locks the screens (passphrase again, no message left, nothing armed). */
    public void lock() {
        passphrase.clear();
        model.lock();
    }

    private VBox lockedScreen() {
        passphrase.setId("admin-passphrase");
        passphrase.setMaxWidth(560);
        passphrase.setMinHeight(AdminControls.TOUCH);
        passphrase.promptTextProperty().bind(language.messagesProperty().map(m -> m.get("admin.passphrase")));
        KeyboardDock.use(passphrase, InputKind.TEXT);
        passphrase.setOnAction(e -> unlock());
        Button unlock = AdminControls.button(language, "admin.unlock", "admin-unlock");
        unlock.setOnAction(e -> unlock());
        Button back = AdminControls.button(language, "admin.back", "admin-back-locked");
        back.getStyleClass().add("secondary");
        back.setOnAction(e -> model.back());
        AdminControls.shownWhen(back, model.backWhileLockedProperty());
        HBox buttons = new HBox(16, unlock, back);
        buttons.setAlignment(Pos.CENTER);
        // The lock screen shows only what was said since it was locked (a refused passphrase), never an old message.
        Label message = AdminControls.message(language, model.messageProperty(), "admin-lock-message");
        VBox box = new VBox(18, passphrase, buttons, message);
        box.setId("admin-locked");
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private void unlock() {
        char[] secret = passphrase.getText().toCharArray();
        passphrase.clear();
        model.unlock(secret);
    }

    private VBox mainScreen() {
        VBox box = new VBox(22);
        box.setId("admin-main");
        box.setAlignment(Pos.TOP_CENTER);
        box.setMaxWidth(AdminControls.CONTENT + 40);
        box.getChildren().add(AdminControls.message(language, model.messageProperty(), "admin-message"));
        model.register().ifPresent(register -> box.getChildren().add(registerSection(register)));
        FlowPane before = AdminControls.flow();
        before.setId("admin-before-election");
        openButton(before, model.logicAccuracy(), "admin.logicAndAccuracy", "admin-landa",
                AdministratorViewModel.Pane.LOGIC_ACCURACY);
        openButton(before, model.clerks(), "admin.clerks", "admin-clerks", AdministratorViewModel.Pane.CLERKS);
        openButton(before, model.reports(), "admin.reports", "admin-reports", AdministratorViewModel.Pane.REPORTS);
        openButton(before, model.precinct(), "admin.precinct", "admin-precinct", AdministratorViewModel.Pane.PRECINCT);
        if (!before.getChildren().isEmpty()) {
            box.getChildren().add(before);
        }
        model.devices().ifPresent(devices -> box.getChildren().add(new DevicesPane(devices, language)));
        model.waitTimes().ifPresent(times -> box.getChildren().add(new WaitTimesPane(times, language)));
        model.day().ifPresent(day -> box.getChildren().add(daySection(day)));
        Button back = AdminControls.button(language, "admin.back", "admin-back");
        back.getStyleClass().add("secondary");
        back.setOnAction(e -> model.back());
        Button exit = AdminControls.button(language, "admin.exitKiosk", "admin-exit");
        exit.getStyleClass().add("secondary");
        exit.setOnAction(e -> model.askExit());
        FlowPane leave = AdminControls.flow(back, exit);
        leave.setId("admin-leave");
        box.getChildren().addAll(leave, new ConfirmationBox(model.confirmation(), Confirmation.Guarded.EXIT,
                language, model::confirmExit));
        return box;
    }

    private VBox registerSection(RegisterViewModel register) {
        Label heading = AdminControls.sectionTitle(language, "admin.registerPackage", "admin-register-title");
        FileChoiceView file = new FileChoiceView(register.file(), language, "admin-package", "admin.files.noPackage");
        Button load = AdminControls.button(language, "admin.loadRegister", "admin-load");
        load.setOnAction(e -> register.load());
        ProgressBar progress = new ProgressBar();
        progress.setId("admin-progress");
        progress.setPrefWidth(640);
        progress.progressProperty().bind(model.work().progressProperty());
        // Shown only while a job runs: the work is shared, and a finished unlock must not read as a loaded register.
        progress.visibleProperty().bind(model.work().busyProperty());
        HBox row = new HBox(16, load, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(12, heading, file, row,
                AdminControls.message(language, register.messageProperty(), "admin-register-message"));
        section.setId("admin-register");
        section.getStyleClass().add("admin-section");
        section.setMaxWidth(AdminControls.CONTENT + 40);
        return section;
    }

    private VBox daySection(DayViewModel day) {
        Label heading = AdminControls.sectionTitle(language, "admin.endOfDay", "admin-day-title");
        Label bundleLabel = AdminControls.label(language, "admin.bundlePath", "admin-bundle-title");
        FileChoiceView bundle = new FileChoiceView(day.bundle(), language, "admin-bundle", "admin.files.noMedia");
        Button close = AdminControls.button(language, "admin.closeDay", "admin-close-day");
        close.getStyleClass().add("danger");
        close.textProperty().bind(Bindings.createStringBinding(() -> language.messages().get(
                day.dayClosedProperty().get() ? "admin.writeBundleAgain" : "admin.closeDay"),
                language.messagesProperty(), day.dayClosedProperty()));
        close.setOnAction(e -> day.askCloseDay());
        Button wipe = AdminControls.button(language, "admin.wipe", "admin-wipe");
        wipe.getStyleClass().add("danger");
        wipe.disableProperty().bind(day.dayClosedProperty().not());
        wipe.setOnAction(e -> day.askWipe());
        FlowPane buttons = AdminControls.flow(close, wipe);
        VBox section = new VBox(12, heading, bundleLabel, bundle, buttons,
                new ConfirmationBox(model.confirmation(), Confirmation.Guarded.CLOSE_DAY, language,
                        day::confirmCloseDay),
                new ConfirmationBox(model.confirmation(), Confirmation.Guarded.WIPE, language, () -> { },
                        day::confirmWipe),
                AdminControls.message(language, day.messageProperty(), "admin-day-message"));
        section.setId("admin-day");
        section.getStyleClass().addAll("admin-section", "end-of-day");
        section.setMaxWidth(AdminControls.CONTENT + 40);
        return section;
    }

    /** Adds {@code pane}, shown in place of the main screen while the administrator has {@code which} open. */
    private void addPane(AdministratorViewModel.Pane which, Node pane) {
        AdminControls.shownWhen(pane, model.unlockedProperty().and(model.paneProperty().isEqualTo(which)));
        getChildren().add(pane);
    }

    /** Adds to {@code row} the button that opens {@code pane}, when the kiosk has it ({@code present}). */
    private void openButton(FlowPane row, Optional<?> present, String key, String id,
                            AdministratorViewModel.Pane pane) {
        present.ifPresent(p -> {
            Button open = AdminControls.button(language, key, id);
            open.setOnAction(e -> model.show(pane));
            row.getChildren().add(open);
        });
    }

    private void scrollToTop() {
        // The button tapped goes with its pane, and the focus it held would pass at the next pulse to the new pane's
        // first control, which the scroll pane then scrolls into view: a pane opened by touch showed its bottom, its
        // title scrolled away (decision 0466). These screens take the focus themselves; a tap gives it to a field.
        requestFocus();
        for (Node n = getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                scroll.setVvalue(scroll.getVmin());
                return;
            }
        }
    }
}
