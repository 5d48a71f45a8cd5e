package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The plural rules per language (CLDR integer rules) and the counted phrases of the bundles. */
class PluralCategoryTest {

    @Test
    void russianHasOneFewMany() {
        for (long n : new long[] {1, 21, 101, 1001}) {
            assertEquals(PluralCategory.ONE, PluralCategory.of(Language.RUSSIAN, n), "n=" + n);
        }
        for (long n : new long[] {2, 3, 4, 22, 34, 102}) {
            assertEquals(PluralCategory.FEW, PluralCategory.of(Language.RUSSIAN, n), "n=" + n);
        }
        for (long n : new long[] {0, 5, 11, 12, 14, 19, 20, 25, 111, 112}) {
            assertEquals(PluralCategory.MANY, PluralCategory.of(Language.RUSSIAN, n), "n=" + n);
        }
    }

    @Test
    void englishAndKazakhHaveOneAndOther() {
        for (Language language : new Language[] {Language.ENGLISH, Language.KAZAKH}) {
            assertEquals(PluralCategory.ONE, PluralCategory.of(language, 1));
            for (long n : new long[] {0, 2, 5, 11, 21}) {
                assertEquals(PluralCategory.OTHER, PluralCategory.of(language, n), language + " n=" + n);
            }
        }
    }

    @Test
    void countedPhrasesReadRight() {
        assertEquals("1 check-in", Messages.of(Language.ENGLISH).count("count.checkIns", 1));
        assertEquals("2 check-ins", Messages.of(Language.ENGLISH).count("count.checkIns", 2));
        Messages ru = Messages.of(Language.RUSSIAN);
        assertEquals("1 регистрация", ru.count("count.checkIns", 1));
        assertEquals("3 регистрации", ru.count("count.checkIns", 3));
        assertEquals("11 регистраций", ru.count("count.checkIns", 11));
        assertEquals("выдан 21 талон", ru.count("count.tokensIssued", 21));
        assertEquals("1 тіркеу", Messages.of(Language.KAZAKH).count("count.checkIns", 1));
        assertEquals("5 тіркеу", Messages.of(Language.KAZAKH).count("count.checkIns", 5));
    }

    /** Every counted phrase has all four forms in every language, each with its count. */
    @Test
    void everyCountedPhraseHasEveryFormWithItsCount() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            long bases = 0;
            for (String key : Collections.list(bundle.getKeys())) {
                if (key.startsWith("count.") && key.endsWith(".other")) {
                    bases++;
                    String base = key.substring(0, key.length() - ".other".length());
                    for (PluralCategory category : PluralCategory.values()) {
                        String form = base + category.suffix();
                        assertTrue(bundle.containsKey(form), language + " lacks " + form);
                        assertTrue(bundle.getString(form).contains("{0}"), language + " " + form + " has no count");
                    }
                }
            }
            assertTrue(bases >= 9, language + ": counted phrases found " + bases);
        }
    }

    @Test
    void noTokenIsCalledZheton() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            for (String key : Collections.list(bundle.getKeys())) {
                assertTrue(!bundle.getString(key).toLowerCase(java.util.Locale.ROOT).contains("жетон"),
                        language + " " + key + " says жетон; the glossary's word is талон");
            }
        }
    }
}
