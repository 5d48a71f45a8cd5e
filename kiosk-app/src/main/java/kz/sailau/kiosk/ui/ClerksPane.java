package kz.sailau.kiosk.ui;

import javafx.scene.control.TextInputControl;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.clerk.ClerkEntry;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The commission members pane, drawn from {@link ClerksViewModel}: the roster (a tap on a row takes its login),
 * the login (Latin letters and digits on the on-screen keyboard), the new PIN twice (numeric keypad), add, new PIN
 * and unlock, remove (asked twice), and back to the administrator screen.
 */
public final class ClerksPane extends VBox {

    private final LanguageViewModel language;
    private final ListView<ClerkEntry> list = new ListView<>();
    private final TextField login = new TextField();
    private final PasswordField pin = new PasswordField();
    private final PasswordField pinAgain = new PasswordField();

    /**
     * @param model    the pane's state
     * @param language the language
     * @param done     back to the administrator screen
     */
    public ClerksPane(ClerksViewModel model, LanguageViewModel language, Runnable done) {
        super(14);
        Objects.requireNonNull(model, "model");
        this.language = Objects.requireNonNull(language, "language");
        Objects.requireNonNull(done, "done");
        AdminControls.paneFrame(this, "clerks-pane", 8);
        Label title = AdminControls.sectionTitle(language, "admin.clerks.title", "clerks-title");
        list.setId("clerks-list");
        list.setItems(model.entries());
        AdminControls.choiceList(list, 3, language, this::line);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                login.setText(chosen.login().value());
            }
        });
        field(login, "clerks-login", "admin.clerks.login", AdminControls.LIST);
        KeyboardDock.use(login, InputKind.LOGIN);
        field(pin, "clerks-pin", "admin.clerks.pin", 340);
        KeyboardDock.use(pin, InputKind.DIGITS);
        field(pinAgain, "clerks-pin-again", "admin.clerks.pinAgain", 340);
        KeyboardDock.use(pinAgain, InputKind.DIGITS);
        Button add = AdminControls.button(language, "admin.clerks.add", "clerks-add");
        add.setOnAction(e -> {
            model.add(login.getText(), pin.getText().toCharArray(), pinAgain.getText().toCharArray());
            clearPins();
        });
        Button reset = AdminControls.button(language, "admin.clerks.reset", "clerks-reset");
        reset.setOnAction(e -> {
            model.resetPin(login.getText(), pin.getText().toCharArray(), pinAgain.getText().toCharArray());
            clearPins();
        });
        Button remove = new Button();
        remove.setWrapText(true);
        remove.setMinHeight(AdminControls.TOUCH);
        remove.setPrefWidth(280);
        remove.setMinHeight(Region.USE_PREF_SIZE);
        remove.getStyleClass().add("danger");
        Runnable removeText = () -> {
            boolean asked = model.removingProperty().get() != null;
            remove.setText(language.messages().get(asked ? "admin.clerks.removeConfirm" : "admin.clerks.remove"));
            remove.setId(asked ? "clerks-remove-confirm" : "clerks-remove");
        };
        model.removingProperty().addListener((o, a, b) -> removeText.run());
        language.messagesProperty().addListener((o, a, b) -> removeText.run());
        removeText.run();
        remove.setOnAction(e -> model.remove(login.getText()));
        model.messageProperty().addListener((o, a, now) -> {
            if (now != null && now.kind() == AdminMessage.Kind.SUCCESS) {
                login.clear();
            }
        });
        Button back = AdminControls.button(language, "admin.clerks.done", "clerks-done");
        back.getStyleClass().add("secondary");
        back.setOnAction(e -> {
            clearPins();
            done.run();
        });
        FlowPane pins = AdminControls.flow(pin, pinAgain);
        FlowPane actions = AdminControls.flow(add, reset, remove);
        getChildren().setAll(title, list, login, pins, actions,
                AdminControls.message(language, model.messageProperty(), "clerks-message"), back);
    }

    private void clearPins() {
        pin.clear();
        pinAgain.clear();
    }

    private void field(TextInputControl field, String id, String promptKey, double width) {
        field.setId(id);
        field.setPrefWidth(width);
        field.setMaxWidth(width);
        field.setMinHeight(AdminControls.TOUCH);
        field.promptTextProperty().bind(language.messagesProperty().map(m -> m.get(promptKey)));
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
}
