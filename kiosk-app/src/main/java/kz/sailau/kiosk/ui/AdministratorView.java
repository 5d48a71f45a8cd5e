package kz.sailau.kiosk.ui;

import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The administrator's screens: unlock with the passphrase, then load a register package (with progress and
 * the register's refusal messages), see the device settings, the logic-and-accuracy test and close-the-day
 * actions (disabled with a reason when this build lacks them), manage the clerks ({@link ClerksPane}), leave the
 * administrator screens (refused while no clerk could act), or exit the kiosk. Work runs on the given worker
 * executor; the FX thread never waits.
 */
public final class AdministratorView extends VBox {

    private final AdministratorActions actions;
    private final LanguageViewModel language;
    private final Executor worker;
    private final Executor fxThread;
    private final Runnable back;
    private final PasswordField passphrase = new PasswordField();
    private final TextField packagePath = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final TextField bundlePath = new TextField();
    private final ProgressIndicator working = new ProgressIndicator();
    private Runnable onDayClosed = () -> { };
    private boolean dayClosed;
    private boolean busy;
    private boolean confirmingWipe;
    private final Label message = new Label();
    private String messageKey = "";
    private Object[] messageArguments = new Object[0];
    private boolean unlocked;
    private boolean showingClerks;
    private final ClerksPane clerks;
    private DevicesPane devicesPane;
    private final LogicAccuracyPane logicAccuracy;
    private boolean showingLogicAccuracy;

    /**
     * @param actions  what the screens can do
     * @param language the language
     * @param worker   runs blocking work
     * @param fxThread runs on the FX thread
     * @param back     returns to the voter screens
     */
    public AdministratorView(AdministratorActions actions, LanguageViewModel language, Executor worker,
                             Executor fxThread, Runnable back) {
        super(18);
        this.actions = Objects.requireNonNull(actions, "actions");
        this.language = Objects.requireNonNull(language, "language");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.back = Objects.requireNonNull(back, "back");
        setId("administrator-view");
        setPadding(new Insets(32));
        setAlignment(Pos.TOP_CENTER);
        passphrase.setId("admin-passphrase");
        passphrase.setMaxWidth(520);
        packagePath.setId("admin-package");
        packagePath.setPrefWidth(720);
        progress.setId("admin-progress");
        progress.setPrefWidth(720);
        bundlePath.setId("admin-bundle-path");
        bundlePath.setPrefWidth(720);
        working.setId("admin-working");
        working.setPrefSize(48, 48);
        message.setId("admin-message");
        message.setWrapText(true);
        message.setMaxWidth(900);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("hint");
        clerks = new ClerksPane(actions, language, worker, fxThread, () -> {
            showingClerks = false;
            render();
        });
        logicAccuracy = new LogicAccuracyPane(actions, language, worker, fxThread);
        logicAccuracy.setOnBack(() -> {
            showingLogicAccuracy = false;
            render();
        });
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    /** Runs {@code action} on the FX thread once the day is closed here (the voter screen shows "polls closed"). */
    public void setOnDayClosed(Runnable action) {
        onDayClosed = Objects.requireNonNull(action, "action");
    }

    private void render() {
        Messages m = language.messages();
        // An argument that is itself a message key is looked up now, so it follows a language switch too.
        message.setText(messageKey.isEmpty() ? "" : m.get(messageKey, Arrays.stream(messageArguments)
                .map(argument -> argument instanceof MessageKey key ? m.get(key.key()) : argument).toArray()));
        message.setVisible(!messageKey.isEmpty());
        Label title = new Label(m.get("admin.title"));
        title.getStyleClass().add("title");
        getChildren().setAll(new LanguageBar(language), title);
        if (!unlocked) {
            passphrase.setPromptText(m.get("admin.passphrase"));
            Button unlock = button(m.get("admin.unlock"), "admin-unlock");
            unlock.setOnAction(e -> unlock());
            Button cancel = button(m.get("admin.back"), "admin-back");
            cancel.setOnAction(e -> back.run());
            getChildren().addAll(passphrase, centred(new HBox(16, unlock, cancel)), message);
            return;
        }
        if (showingClerks) {
            getChildren().add(clerks);
            return;
        }
        if (showingLogicAccuracy) {
            getChildren().add(logicAccuracy);
            return;
        }
        packagePath.setPromptText(m.get("admin.packagePath"));
        Button load = button(m.get("admin.loadRegister"), "admin-load");
        load.setOnAction(e -> load());
        VBox devices = new VBox(6);
        devices.getChildren().add(new Label(m.get("admin.devices")));
        for (String line : actions.deviceSettings()) {
            devices.getChildren().add(new Label(line));
        }
        Button landa = button(m.get("admin.logicAndAccuracy"), "admin-landa");
        landa.setDisable(!actions.logicAndAccuracyAvailable() || busy);
        landa.setOnAction(e -> {
            showingLogicAccuracy = true;
            logicAccuracy.refresh();
            render();
        });
        Button closeDay = button(m.get(dayClosed ? "admin.writeBundleAgain" : "admin.closeDay"), "admin-close-day");
        closeDay.setDisable(!actions.closeDayAvailable() || busy);
        closeDay.setOnAction(e -> closeDay());
        Button wipe = button(m.get(confirmingWipe ? "admin.wipeConfirm" : "admin.wipe"),
                confirmingWipe ? "admin-wipe-confirm" : "admin-wipe");
        wipe.setDisable(!dayClosed || busy);
        wipe.setOnAction(e -> wipe());
        if (bundlePath.getText().isEmpty()) {
            bundlePath.setText(actions.defaultBundlePath().toString());
        }
        working.setVisible(busy);
        Label unavailable = new Label(m.get("admin.notInThisBuild"));
        unavailable.setVisible(!actions.closeDayAvailable() || !actions.logicAndAccuracyAvailable());
        Button backButton = button(m.get("admin.back"), "admin-back");
        backButton.setOnAction(e -> CompletableFuture.supplyAsync(actions::voterScreensBlocked, worker)
                .thenAccept(blocked -> fxThread.execute(() -> {
                    if (blocked.isPresent()) {
                        show(blocked.get());
                        return;
                    }
                    unlocked = false;
                    logicAccuracy.stop();
                    showingLogicAccuracy = false;
                    render();
                    back.run();
                })));
        Button clerksButton = button(m.get("admin.clerks"), "admin-clerks");
        clerksButton.setDisable(!actions.clerksAvailable());
        clerksButton.setOnAction(e -> {
            showingClerks = true;
            render();
            clerks.refresh();
        });
        Button exit = button(m.get("admin.exitKiosk"), "admin-exit");
        exit.setOnAction(e -> actions.exitKiosk());
        devices.setAlignment(Pos.CENTER);
        getChildren().addAll(new Label(m.get("admin.registerPackage")), centred(new HBox(16, packagePath, load)),
                progress, message, devicesPane(devices), new Label(m.get("admin.bundlePath")), centred(new HBox(16, bundlePath, working)),
                centred(new HBox(16, landa, closeDay, wipe)), unavailable,
                centred(new HBox(16, backButton, clerksButton, exit)));
    }

    /** The editable Devices pane when the kiosk offers one (made once, it keeps what is typed), else the lines. */
    private Node devicesPane(VBox readOnly) {
        if (devicesPane == null && actions.deviceSettingsActions().isPresent()) {
            devicesPane = new DevicesPane(actions.deviceSettingsActions().get(), language, worker, fxThread);
        }
        return devicesPane != null ? devicesPane : readOnly;
    }

    private void unlock() {
        char[] secret = passphrase.getText().toCharArray();
        passphrase.clear();
        CompletableFuture.runAsync(() -> {
            try {
                actions.unlock(secret);
                boolean closed = actions.dayClosed();
                fxThread.execute(() -> {
                    unlocked = true;
                    dayClosed = closed;
                    show("admin.unlocked");
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> show(e.messageKey()));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, worker);
    }

    private void load() {
        String text = packagePath.getText().trim();
        if (text.isEmpty()) {
            show("admin.packagePath");
            return;
        }
        progress.setProgress(0);
        show("admin.loading");
        CompletableFuture.runAsync(() -> {
            try {
                String summary = actions.loadRegister(Path.of(text), p -> fxThread.execute(() -> progress.setProgress(p)));
                fxThread.execute(() -> {
                    progress.setProgress(1);
                    show("admin.loaded", summary);
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> show(e.messageKey()));
            }
        }, worker);
    }

    private void closeDay() {
        String text = bundlePath.getText().trim();
        if (text.isEmpty()) {
            show("admin.bundlePath");
            return;
        }
        busy = true;
        confirmingWipe = false;
        show("admin.closing");
        CompletableFuture.runAsync(() -> {
            try {
                AdministratorActions.DayClosed closed = actions.closeDay(Path.of(text));
                fxThread.execute(() -> {
                    busy = false;
                    dayClosed = true;
                    show("admin.dayClosed", closed.checkIns(), closed.tokensIssued(), closed.tokensVoided(),
                            new MessageKey(closed.reconciles() ? "admin.balanced" : "admin.notBalanced"),
                            closed.bundle().toString());
                    onDayClosed.run();
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> {
                    busy = false;
                    show(e.messageKey());
                });
            }
        }, worker);
    }

    private void wipe() {
        if (!confirmingWipe) {
            confirmingWipe = true;
            show("admin.wipeQuestion");
            return;
        }
        confirmingWipe = false;
        busy = true;
        show("admin.wiping");
        CompletableFuture.runAsync(() -> {
            try {
                String summary = actions.wipe();
                fxThread.execute(() -> {
                    busy = false;
                    show("admin.wiped", summary);
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> {
                    busy = false;
                    show(e.messageKey());
                });
            }
        }, worker);
    }

    private void show(String key, Object... arguments) {
        messageKey = key;
        messageArguments = arguments;
        render();
    }

    /** A message argument that is a bundle key, resolved in the language of each render. */
    private record MessageKey(String key) {
    }

    private static HBox centred(HBox box) {
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinSize(240, 72);
        return button;
    }
}
