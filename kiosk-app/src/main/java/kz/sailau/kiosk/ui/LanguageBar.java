package kz.sailau.kiosk.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The language bar shown on every screen: one large toggle per language, each written in itself. */
public final class LanguageBar extends HBox {

    /** Builds the bar bound to the language view model. */
    public LanguageBar(LanguageViewModel model) {
        super(16);
        setAlignment(Pos.CENTER_RIGHT);
        getStyleClass().add("language-bar");
        ToggleGroup group = new ToggleGroup();
        for (Language language : Language.values()) {
            ToggleButton button = new ToggleButton(language.nativeName());
            button.setId("language-" + language.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(language == model.languageProperty().get());
            button.setMinSize(160, 64);
            button.setOnAction(event -> {
                model.choose(language);
                button.setSelected(true);
            });
            model.languageProperty().addListener((obs, old, now) -> button.setSelected(now == language));
            getChildren().add(button);
        }
    }
}
