package kz.sailau.kiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The clerk station's first screen: the node passphrase that unseals the station's network key (the station is
 * started by its systemd unit, without a console). The check runs off the FX thread; a wrong passphrase is said on
 * the screen with its key's words and the field is cleared; once unlocked the wiring replaces this screen with
 * {@link ClerkStationView}.
 */
public final class ClerkStationUnlock extends VBox {

    /** Unseals the node key and joins the network; completes empty when done, else with a message key. */
    @FunctionalInterface
    public interface Unlocker {
        /** Takes the passphrase (and clears it when done). */
        CompletionStage<Optional<String>> unlock(char[] passphrase);
    }

    private final LanguageViewModel language;
    private final PasswordField passphrase = new PasswordField();
    private final Button unlock = new Button();
    private final Label result = new Label();
    private String resultKey = "";

    /**
     * @param language the station's language
     * @param unlocker what the button does
     * @param fxThread runs an action on the FX thread ({@code Platform::runLater})
     */
    public ClerkStationUnlock(LanguageViewModel language, Unlocker unlocker, Consumer<Runnable> fxThread) {
        this.language = Objects.requireNonNull(language, "language");
        Objects.requireNonNull(unlocker, "unlocker");
        Objects.requireNonNull(fxThread, "fxThread");
        setId("station-unlock-screen");
        getStyleClass().add("clerk-station");
        setSpacing(16);
        setPadding(new Insets(16));
        passphrase.setId("station-passphrase");
        passphrase.setMaxWidth(560);
        passphrase.setMinHeight(64);
        unlock.setId("station-unlock");
        unlock.setMinSize(240, 64);
        result.setId("station-unlock-result");
        result.setWrapText(true);
        result.setMaxWidth(900);
        result.setMinHeight(Region.USE_PREF_SIZE);
        Runnable submit = () -> {
            if (passphrase.getText().isEmpty() || unlock.isDisabled()) {
                return;
            }
            char[] secret = passphrase.getText().toCharArray();
            passphrase.clear();
            unlock.setDisable(true);
            show("station.unlocking");
            unlocker.unlock(secret).whenComplete((refusal, failure) -> fxThread.accept(() -> {
                unlock.setDisable(false);
                show(failure != null ? "station.error.join" : refusal.orElse(""));
            }));
        };
        unlock.setOnAction(e -> submit.run());
        passphrase.setOnAction(e -> submit.run());
        Label title = new Label();
        title.setId("station-unlock-title");
        title.getStyleClass().add("console-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, new LanguageBar(language, "station-language-", 116));
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, passphrase, unlock, result);
        language.messagesProperty().addListener((o, a, b) -> render());
        render();
    }

    private void show(String key) {
        resultKey = key;
        render();
    }

    private void render() {
        Messages m = language.messages();
        ((Label) ((HBox) getChildren().get(0)).getChildren().get(0)).setText(m.get("station.title"));
        passphrase.setPromptText(m.get("station.passphrase"));
        unlock.setText(m.get("admin.unlock"));
        result.setText(resultKey.isEmpty() ? "" : m.get(resultKey));
    }
}
