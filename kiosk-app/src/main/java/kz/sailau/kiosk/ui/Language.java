package kz.sailau.kiosk.ui;

import java.util.Locale;

/** The languages of the kiosk, in the order of the language bar. The kiosk starts in Kazakh, the state language. */
public enum Language {
    /** Қазақша, the default. */
    KAZAKH(Locale.forLanguageTag("kk"), "Қазақша"),
    /** Русский. */
    RUSSIAN(Locale.forLanguageTag("ru"), "Русский"),
    /** English. */
    ENGLISH(Locale.ENGLISH, "English");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    /** The locale whose resource bundle holds this language's strings. */
    public Locale locale() {
        return locale;
    }

    /** The language's name written in itself, as shown on the language bar. */
    public String nativeName() {
        return nativeName;
    }

    /** The language the kiosk starts in. */
    public static Language startLanguage() {
        return KAZAKH;
    }
}
