package kz.sailau.kiosk.ui;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The language the kiosk currently speaks. Views bind their texts to {@link #messagesProperty()}, so a
 * language switch redraws every string. Holds no JavaFX nodes and is tested without a screen.
 */
public final class LanguageViewModel {

    private final ReadOnlyObjectWrapper<Language> language = new ReadOnlyObjectWrapper<>(Language.startLanguage());
    private final ReadOnlyObjectWrapper<Messages> messages =
            new ReadOnlyObjectWrapper<>(Messages.of(Language.startLanguage()));

    /** The current language. */
    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** The strings of the current language. */
    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** The strings of the current language. */
    public Messages messages() {
        return messages.get();
    }

    /** Switches the language of every screen. */
    public void choose(Language next) {
        Objects.requireNonNull(next, "next");
        if (next != language.get()) {
            messages.set(Messages.of(next));
            language.set(next);
        }
    }

    /** Back to the start language, as when the screen returns to the start after a voter leaves. */
    public void reset() {
        choose(Language.startLanguage());
    }
}
