package kz.sailau.kiosk.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.clerk.ClerkEntry;

/**
 * The administrator's Clerks pane (shown from the administrator screen after the unlock): the roster with each
 * clerk's state and wrong PINs in a row, and add (login + PIN twice), new PIN and unlock, and remove (asked
 * twice). The two PINs are compared here and both arrays cleared; the roster checks the login and the PIN
 * policy, and its refusal keys are shown as they are. All roster work runs on the worker executor.
 */
public final class ClerksPane extends VBox {

    private final AdministratorActions actions;
    private final LanguageViewModel language;
    private final Executor worker;
    private final Executor fxThread;
    private final Runnable done;
    private final ListView<ClerkEntry> list = new ListView<>();
    private final TextField login = new TextField();
    private final PasswordField pin = new PasswordField();
    private final PasswordField pinAgain = new PasswordField();
    private final Label message = new Label();
    private String messageKey = "";
    private Object[] messageArguments = new Object[0];
    private String removing;

    /**
     * @param actions  the administrator's actions (the roster part)
     * @param language the language
     * @param worker   runs blocking work
     * @param fxThread runs on the FX thread
     * @param done     back to the administrator screen
     */
    public ClerksPane(AdministratorActions actions, LanguageViewModel language, Executor worker, Executor fxThread,
                      Runnable done) {
        super(14);
        this.actions = Objects.requireNonNull(actions, "actions");
        this.language = Objects.requireNonNull(language, "language");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.done = Objects.requireNonNull(done, "done");
        setId("clerks-pane");
        setPadding(new Insets(8));
        setAlignment(Pos.TOP_CENTER);
        list.setId("clerks-list");
        list.setPrefSize(720, 190);
        list.setMaxWidth(720);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ClerkEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : line(entry));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                login.setText(chosen.login().value());
            }
        });
        login.setId("clerks-login");
        login.setPrefWidth(560);
        pin.setId("clerks-pin");
        pin.setPrefWidth(340);
        pinAgain.setId("clerks-pin-again");
        pinAgain.setPrefWidth(340);
        message.setId("clerks-message");
        message.setWrapText(true);
        message.setMaxWidth(900);
        message.getStyleClass().add("hint");
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    /** Reloads the roster (call when the pane is shown). */
    public void refresh() {
        CompletableFuture.runAsync(() -> {
            try {
                List<ClerkEntry> entries = actions.clerks();
                fxThread.execute(() -> {
                    list.getItems().setAll(entries);
                    if (entries.isEmpty() && messageKey.isEmpty()) {
                        show("admin.clerks.empty");
                    }
                });
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> show(e.messageKey()));
            }
        }, worker);
    }

    private String line(ClerkEntry entry) {
        Messages m = language.messages();
        String state = switch (entry.state()) {
            case ACTIVE -> m.get("admin.clerks.state.active");
            case LOCKED -> m.get("admin.clerks.state.locked");
            case REMOVED -> m.get("admin.clerks.state.removed");
        };
        return m.get("admin.clerks.line", entry.login().value(), state, entry.failedAttempts());
    }

    private void render() {
        Messages m = language.messages();
        message.setText(messageKey.isEmpty() ? "" : m.get(messageKey, messageArguments));
        message.setVisible(!messageKey.isEmpty());
        Label title = new Label(m.get("admin.clerks.title"));
        title.getStyleClass().add("title");
        login.setPromptText(m.get("admin.clerks.login"));
        pin.setPromptText(m.get("admin.clerks.pin"));
        pinAgain.setPromptText(m.get("admin.clerks.pinAgain"));
        Button add = button(m.get("admin.clerks.add"), "clerks-add");
        add.setOnAction(e -> withPin(true));
        Button reset = button(m.get("admin.clerks.reset"), "clerks-reset");
        reset.setOnAction(e -> withPin(false));
        boolean confirming = removing != null;
        Button remove = button(m.get(confirming ? "admin.clerks.removeConfirm" : "admin.clerks.remove"),
                confirming ? "clerks-remove-confirm" : "clerks-remove");
        remove.setOnAction(e -> remove());
        Button back = button(m.get("admin.clerks.done"), "clerks-done");
        back.setOnAction(e -> {
            removing = null;
            messageKey = "";
            render();
            done.run();
        });
        list.refresh();
        getChildren().setAll(title, list, centred(new HBox(16, login)), centred(new HBox(16, pin, pinAgain)),
                centred(new HBox(16, add, reset, remove)), message, centred(new HBox(16, back)));
    }

    private void withPin(boolean adding) {
        removing = null;
        String who = login.getText().trim();
        char[] first = pin.getText().toCharArray();
        char[] second = pinAgain.getText().toCharArray();
        pin.clear();
        pinAgain.clear();
        if (who.isEmpty()) {
            clear(first, second);
            show("admin.clerks.needLogin");
            return;
        }
        if (!Arrays.equals(first, second)) {
            clear(first, second);
            show("clerk.error.pinsDiffer");
            return;
        }
        clear(second);
        show("admin.clerks.working");
        CompletableFuture.runAsync(() -> {
            try {
                if (adding) {
                    actions.addClerk(who, first);
                } else {
                    actions.resetClerkPin(who, first);
                }
                fxThread.execute(() -> {
                    login.clear();
                    show(adding ? "admin.clerks.added" : "admin.clerks.resetDone", who);
                });
                refresh();
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> show(e.messageKey()));
            } finally {
                clear(first);
            }
        }, worker);
    }

    private void remove() {
        String who = login.getText().trim();
        if (who.isEmpty()) {
            removing = null;
            show("admin.clerks.needLogin");
            return;
        }
        if (!who.equals(removing)) {
            removing = who;
            show("admin.clerks.removeQuestion", who);
            return;
        }
        removing = null;
        show("admin.clerks.working");
        CompletableFuture.runAsync(() -> {
            try {
                actions.removeClerk(who);
                fxThread.execute(() -> {
                    login.clear();
                    show("admin.clerks.removed", who);
                });
                refresh();
            } catch (AdministratorActions.AdministratorException e) {
                fxThread.execute(() -> show(e.messageKey()));
            }
        }, worker);
    }

    private static void clear(char[]... secrets) {
        for (char[] secret : secrets) {
            Arrays.fill(secret, '\0');
        }
    }

    private void show(String key, Object... arguments) {
        messageKey = key;
        messageArguments = arguments;
        render();
    }

    private static HBox centred(HBox box) {
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinSize(220, 64);
        return button;
    }
}
