package kz.sailau.kiosk.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;

/**
 * The confirmation step of one guarded action, shown beside the action's button while it is armed: what the
 * action does (with the seconds left to confirm), "Yes, …" and "Cancel"; for the wipe also the administrator's
 * passphrase, typed again (enter confirms). Ids: {@code confirm-ACTION}, {@code -text}, {@code -yes},
 * {@code -cancel}, {@code -passphrase}.
 */
final class ConfirmationBox extends VBox {

    private final PasswordField passphrase = new PasswordField();

    /**
     * @param confirmation the guard
     * @param action       the action this box confirms
     * @param language     the language
     * @param yes          does the action (called with no passphrase)
     */
    ConfirmationBox(Confirmation confirmation, Confirmation.Guarded action, LanguageViewModel language,
                    Runnable yes) {
        this(confirmation, action, language, yes, null, null);
    }

    /**
     * @param subject what the action is about, the sentence's arguments after the seconds left (e.g. the machine
     *                to remove)
     */
    ConfirmationBox(Confirmation confirmation, Confirmation.Guarded action, LanguageViewModel language,
                    Runnable yes, ObservableValue<List<String>> subject) {
        this(confirmation, action, language, yes, null, Objects.requireNonNull(subject, "subject"));
    }

    /**
     * @param withPassphrase receives the passphrase typed again (the box clears the field); null for no field
     */
    ConfirmationBox(Confirmation confirmation, Confirmation.Guarded action, LanguageViewModel language,
                    Runnable yes, Consumer<char[]> withPassphrase) {
        this(confirmation, action, language, yes, withPassphrase, null);
    }

    private ConfirmationBox(Confirmation confirmation, Confirmation.Guarded action, LanguageViewModel language,
                            Runnable yes, Consumer<char[]> withPassphrase, ObservableValue<List<String>> subject) {
        super(12);
        Objects.requireNonNull(confirmation, "confirmation");
        String id = "confirm-" + action.id();
        setId(id);
        getStyleClass().add("confirmation");
        setAlignment(Pos.CENTER_LEFT);
        setMaxWidth(AdminControls.CONTENT);
        Label text = AdminControls.wrapped(id + "-text");
        Runnable render = () -> {
            List<String> about = subject == null || subject.getValue() == null ? List.of() : subject.getValue();
            Object[] arguments = new Object[1 + about.size()];
            arguments[0] = confirmation.secondsLeftProperty().get();
            for (int i = 0; i < about.size(); i++) {
                arguments[i + 1] = about.get(i);
            }
            text.setText(language.messages().get(action.consequenceKey(), arguments));
        };
        confirmation.secondsLeftProperty().addListener((o, a, b) -> render.run());
        if (subject != null) {
            subject.addListener((o, a, b) -> render.run());
        }
        language.messagesProperty().addListener((o, a, b) -> render.run());
        render.run();
        Button confirm = AdminControls.button(language, action.yesKey(), id + "-yes");
        confirm.getStyleClass().add("danger");
        Button cancel = AdminControls.button(language, "admin.confirm.cancel", id + "-cancel");
        cancel.getStyleClass().add("secondary");
        cancel.setOnAction(e -> confirmation.cancel());
        getChildren().add(text);
        if (withPassphrase != null) {
            passphrase.setId(id + "-passphrase");
            passphrase.setMinHeight(AdminControls.TOUCH);
            passphrase.setMaxWidth(640);
            passphrase.promptTextProperty().bind(language.messagesProperty().map(m -> m.get("admin.passphraseAgain")));
            KeyboardDock.use(passphrase, InputKind.TEXT);
            Runnable submit = () -> {
                char[] typed = passphrase.getText().toCharArray();
                passphrase.clear();
                withPassphrase.accept(typed);
            };
            passphrase.setOnAction(e -> submit.run());
            confirm.setOnAction(e -> submit.run());
            getChildren().add(passphrase);
        } else {
            confirm.setOnAction(e -> yes.run());
        }
        FlowPane buttons = new FlowPane(16, 12, confirm, cancel);
        buttons.setPrefWrapLength(AdminControls.CONTENT);
        getChildren().add(buttons);
        AdminControls.shownWhen(this, confirmation.pendingProperty().isEqualTo(action));
        // The question comes up where the tap was: in view, not below the fold (the screen pans).
        visibleProperty().addListener((o, a, shown) -> {
            if (shown) {
                AdminControls.scrollIntoView(this);
            }
        });
        confirmation.pendingProperty().addListener((o, a, b) -> {
            if (b != action) {
                passphrase.clear();
            }
        });
    }
}
