package kz.sailau.kiosk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The start screen a voter meets: greeting, "insert your identity card", and a large button to call a
 * commission member. Every text follows the chosen language.
 */
public final class WelcomeView extends BorderPane {

    /** Builds the view bound to the language view model. */
    public WelcomeView(LanguageViewModel languageModel) {
        getStyleClass().add("welcome");
        setPadding(new Insets(24));
        setTop(new LanguageBar(languageModel));

        Label title = new Label();
        title.setId("welcome-title");
        title.getStyleClass().add("title");
        Label instruction = new Label();
        instruction.setId("welcome-instruction");
        instruction.getStyleClass().add("instruction");
        instruction.setWrapText(true);
        Button askClerk = new Button();
        askClerk.setId("welcome-ask-clerk");
        askClerk.setMinSize(320, 96);

        VBox centre = new VBox(32, title, instruction, askClerk);
        centre.setAlignment(Pos.CENTER);
        setCenter(centre);

        Runnable texts = () -> {
            Messages m = languageModel.messages();
            title.setText(m.get("welcome.title"));
            instruction.setText(m.get("welcome.insertCard"));
            askClerk.setText(m.get("welcome.askClerk"));
        };
        texts.run();
        languageModel.messagesProperty().addListener((obs, old, now) -> texts.run());
    }
}
