package kz.sailau.kiosk.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The language bar shown on every screen: one large toggle per language, each written in itself. */
public final class LanguageBar extends HBox {

    /** Builds the bar bound to the language view model; its buttons' ids are {@code language-<name>}. */
    public LanguageBar(LanguageViewModel model) {
        this(model, "language-", 160);
    }

    /**
     * Builds a bar bound to {@code model} whose buttons' ids start with {@code idPrefix} (two bars on one screen,
     * the voter's and the clerk console's, keep their ids apart) and are at least {@code buttonWidth} wide.
     */
    public LanguageBar(LanguageViewModel model, String idPrefix, double buttonWidth) {
        super(16);
        setAlignment(Pos.CENTER_RIGHT);
        getStyleClass().add("language-bar");
        ToggleGroup group = new ToggleGroup();
        for (Language language : Language.values()) {
            ToggleButton button = new ToggleButton(language.nativeName());
            button.setId(idPrefix + language.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(language == model.languageProperty().get());
            button.setMinSize(buttonWidth, 64);
            button.setOnAction(event -> {
                model.choose(language);
                button.setSelected(true);
            });
            model.languageProperty().addListener((obs, old, now) -> button.setSelected(now == language));
            getChildren().add(button);
        }
    }
}
