package kz.sailau.kiosk.ui;

import java.util.Locale;

/**
 * The plural category of a count in a language, after the CLDR plural rules for integers
 * (unicode.org/cldr, "Language Plural Rules"): English and Kazakh have {@code one} and {@code other}; Russian has
 * {@code one} (1, 21, 31 … but not 11), {@code few} (2-4, 22-24 … but not 12-14) and {@code many} (0, 5-20, 25-30
 * …). A counted phrase is written in the bundles under {@code KEY.one}, {@code KEY.few}, {@code KEY.many} and
 * {@code KEY.other} in every language (a language uses the forms its rule yields; the others repeat
 * {@code other}), see {@link Messages#count}. Decision 0112 says why this small rule rather than ICU4J.
 */
public enum PluralCategory {
    /** Singular: 1 in English and Kazakh; 1, 21, 101 … in Russian. */
    ONE,
    /** Russian 2-4, 22-24 …. */
    FEW,
    /** Russian 0, 5-20, 25-30, 11-14 …. */
    MANY,
    /** Everything else. */
    OTHER;

    /** The bundle key suffix, e.g. {@code .one}. */
    public String suffix() {
        return "." + name().toLowerCase(Locale.ROOT);
    }

    /** The category of the whole number {@code n} in {@code language}. */
    public static PluralCategory of(Language language, long n) {
        long i = Math.abs(n);
        switch (language) {
            case RUSSIAN: {
                long lastDigit = i % 10;
                long lastTwo = i % 100;
                if (lastDigit == 1 && lastTwo != 11) {
                    return ONE;
                }
                if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
                    return FEW;
                }
                return MANY;
            }
            case KAZAKH:
            case ENGLISH:
            default:
                return i == 1 ? ONE : OTHER;
        }
    }
}
