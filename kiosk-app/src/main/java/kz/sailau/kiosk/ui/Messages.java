package kz.sailau.kiosk.ui;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The user-visible strings of one language, read from {@code kz/sailau/kiosk/ui/messages_*.properties}
 * (UTF-8). Every key exists in every language; {@code MessagesTest} checks that. A key missing at run
 * time shows as {@code !key!} so that a screenshot reveals it, never as an exception.
 */
public final class Messages {

    /** Base name of the resource bundles. */
    public static final String BUNDLE = "kz.sailau.kiosk.ui.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Day.month.year, two, two and four digits: {@code 20.05.1974}. */
    private static final DateTimeFormatter CARD_DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('.')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('.')
            .appendValue(ChronoField.YEAR, 4).toFormatter(Locale.ROOT);

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    /** Loads the strings of a language; the bundle of each language is complete, there is no fallback. */
    public static Messages of(Language language) {
        Objects.requireNonNull(language, "language");
        return new Messages(language, ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK));
    }

    /** The raw bundle, for tests that compare key sets. */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** The language of these strings. */
    public Language language() {
        return language;
    }

    /**
     * The text for a key, with {@link MessageFormat} arguments filled in.
     *
     * @return the text, or {@code !key!} when the key is missing
     */
    public String get(String key, Object... arguments) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /**
     * A counted phrase in the plural form the language's rule asks for ({@link PluralCategory}): the pattern
     * under {@code key.one}, {@code key.few}, {@code key.many} or {@code key.other}, with the count as
     * {@code {0}}, e.g. {@code count("count.checkIns", 1)} is "1 check-in", {@code 5} in Russian "5 регистраций".
     */
    public String count(String key, long n) {
        Objects.requireNonNull(key, "key");
        return get(key + PluralCategory.of(language, n).suffix(), n);
    }

    /**
     * A number as this language writes it, as {@link #get} fills a number into a text: "1 234" in Kazakh and Russian
     * (a no-break space between thousands), "1,234" in English; {@code fractionDigits} after the decimal sign
     * ("2,5" in Kazakh and Russian, "2.5" in English), rounded half-even.
     */
    public String number(double value, int fractionDigits) {
        NumberFormat format = NumberFormat.getInstance(language.locale());
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(value);
    }

    /** A whole number as this language writes it ({@link #number(double, int)} with no fraction). */
    public String number(long value) {
        return number(value, 0);
    }

    /**
     * A date as the voter's identity card prints it and as Kazakh and Russian write it, day.month.year
     * ({@code 14.03.1985}), in every language: the commission member compares it with the card (decision 0465).
     */
    public String date(LocalDate date) {
        return CARD_DATE.format(Objects.requireNonNull(date, "date"));
    }

    /** Whether the key exists in this language. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
