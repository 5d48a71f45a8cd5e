package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The words of the Kazakh and Russian texts, checked by machine (decision 0528): every value of the message bundles
 * (the screens, the printed receipts and reports) and every text of the audio clips ({@code src/main/audio/clips.tsv},
 * from which the spoken clips are synthesised). What it catches: a Latin look-alike letter inside a Cyrillic word
 * (a Latin "а", "о", "с", "р", "К", "Н" ...), a code such as a badge login typed with a Cyrillic look-alike, an English
 * word left in a Kazakh or Russian text, a Kazakh or Russian value that is still the English one, a Russian word in a
 * Kazakh text (a word with "щ", "ъ", "ь", "э" or "ё" that is not one of the established loanwords), a Kazakh letter in
 * a Russian text, and Cyrillic in an English one. The lists below are short and each entry says why it may stand.
 */
class MessageWordsTest {

    /**
     * Latin text that a Kazakh or Russian value may hold, because the reader types or reads it as it is: the
     * keypad's PIN, file kinds and a device path, a checksum's name, an audit event, the pre-election test's
     * election id, commands and options of the command line, the roles a machine is certified for, a badge code
     * example and the notation of a one-to-many search.
     */
    private static final List<String> TECHNICAL = List.of(
            "/dev/sailau-scanner", "/dev/ttyUSB0", // device paths, typed as they are
            "register status", "node run --rejoin", "--precinct", "--authority-cert", // commands and options
            "kiosk, clerk-station", "ballot-desk", // the values of node --role
            "WIPE_DONE", // the audit event the wipe writes
            "LA-TEST", // the election id of the pre-election test's voter list
            "SHA-256", "PIN", "USB", // the names on the checksum, the keypad and the stick
            ".srp", ".pem", ".bundle", "jar", // file kinds, as the file names end
            "C01", // a badge login: Latin letters and digits (clerk.error.badLogin)
            "1:N"); // one finger against the whole list

    /**
     * Loanwords that Kazakh writes with a letter of the Russian alphabet (the orthographic dictionary keeps their
     * Russian spelling): bulletin (the glossary's сайлау бюллетені), cable, console, screen, emulation, percentile,
     * model. Any other Kazakh word with щ, ъ, ь, э or ё is likely Russian.
     */
    private static final List<String> KAZAKH_LOANWORD_STEMS = List.of(
            "бюллетен", "кабел", "пульт", "экран", "эмуляц", "процентил", "модел");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Pattern RUSSIAN_ONLY = Pattern.compile("[щъьэёЩЪЬЭЁ]");
    private static final Pattern KAZAKH_ONLY = Pattern.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]");

    @Test
    void noWordMixesLatinAndCyrillicLetters() {
        assertEquals(List.of(), wordsWhere(allTexts(), LETTERS,
                word -> has(word, Character.UnicodeScript.LATIN) && has(word, Character.UnicodeScript.CYRILLIC)));
    }

    /** A code (letters with digits, such as the badge login C01) is Latin: a Cyrillic С in it looks the same. */
    @Test
    void noCodeIsWrittenWithCyrillicLetters() {
        assertEquals(List.of(), wordsWhere(allTexts(), LETTERS_AND_DIGITS,
                code -> code.codePoints().anyMatch(Character::isDigit) && has(code, Character.UnicodeScript.CYRILLIC)));
    }

    @Test
    void kazakhAndRussianHoldNoLatinButTheListedTechnicalText() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> text : kazakhAndRussianTexts().entrySet()) {
            String rest = withoutTechnicalText(words(text.getValue()));
            if (has(rest, Character.UnicodeScript.LATIN)) {
                found.add(text.getKey() + "=" + text.getValue());
            }
        }
        assertEquals(List.of(), found);
    }

    /** A Kazakh or Russian value may equal the English one only when it holds no word: numbers, symbols, codes. */
    @Test
    void noKazakhOrRussianValueIsTheEnglishOne() {
        ResourceBundle english = Messages.bundle(Language.ENGLISH.locale());
        List<String> found = new ArrayList<>();
        for (Language language : List.of(Language.KAZAKH, Language.RUSSIAN)) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                if (value.equals(english.getString(key))
                        && withoutTechnicalText(words(value)).codePoints().anyMatch(Character::isLetter)) {
                    found.add(language + " " + key + "=" + value);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void kazakhHasNoRussianWordButTheListedLoanwords() {
        Map<String, String> kazakh = new TreeMap<>(allTexts());
        kazakh.keySet().removeIf(key -> !key.startsWith("kk "));
        assertEquals(List.of(), wordsWhere(kazakh, LETTERS, word -> {
            String lower = word.toLowerCase(Locale.ROOT);
            return RUSSIAN_ONLY.matcher(lower).find() && KAZAKH_LOANWORD_STEMS.stream().noneMatch(lower::startsWith);
        }));
    }

    /** Kazakh does not leak into Russian, nor either into English. */
    @Test
    void russianHasNoKazakhLetterAndEnglishNoCyrillic() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> text : allTexts().entrySet()) {
            String value = text.getValue();
            if (text.getKey().startsWith("ru ") && KAZAKH_ONLY.matcher(value).find()
                    || text.getKey().startsWith("en ") && has(value, Character.UnicodeScript.CYRILLIC)) {
                found.add(text.getKey() + "=" + value);
            }
        }
        assertEquals(List.of(), found);
    }

    /** Every text of the three bundles and of the clips, keyed "language key" ("kk welcome.title", "ru clip card"). */
    private static Map<String, String> allTexts() {
        Map<String, String> texts = new TreeMap<>();
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.bundle(language.locale());
            for (String key : bundle.keySet()) {
                texts.put(language.locale().getLanguage() + " " + key, bundle.getString(key));
            }
        }
        texts.putAll(clipTexts());
        // The check reads what it should: every bundle value and every clip.
        assertTrue(texts.size() > 3 * 600 + 40, "expected the bundles and the clips, found " + texts.size());
        return texts;
    }

    private static Map<String, String> kazakhAndRussianTexts() {
        Map<String, String> texts = new TreeMap<>(allTexts());
        texts.keySet().removeIf(key -> key.startsWith("en "));
        return texts;
    }

    /** The spoken texts, keyed "kk clip card"; the clips exist in Kazakh and Russian only (decision 0211). */
    private static Map<String, String> clipTexts() {
        Map<String, String> clips = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("src/main/audio/clips.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                assertEquals(3, fields.length, "clips.tsv line " + line);
                clips.put(fields[1] + " clip " + fields[0], fields[2]);
            }
        } catch (IOException e) {
            throw new AssertionError("clips.tsv cannot be read", e);
        }
        assertTrue(clips.size() >= 40, "expected the clips' texts, found " + clips.size());
        return clips;
    }

    /** The words (runs of {@code unit}) of {@code texts} that are {@code wrong}, each with its text's key and text. */
    private static List<String> wordsWhere(Map<String, String> texts, Pattern unit, Predicate<String> wrong) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            Matcher word = unit.matcher(words(text.getValue()));
            while (word.find()) {
                if (wrong.test(word.group())) {
                    found.add(text.getKey() + ": \"" + word.group() + "\" in " + text.getValue());
                }
            }
        }
        return found;
    }

    /** The text without its MessageFormat placeholders, which are filled in by the code. */
    private static String words(String value) {
        return PLACEHOLDER.matcher(value).replaceAll(" ");
    }

    private static String withoutTechnicalText(String text) {
        String rest = text;
        for (String technical : TECHNICAL) {
            rest = rest.replace(technical, " ");
        }
        return rest;
    }

    private static boolean has(String text, Character.UnicodeScript script) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == script);
    }
}
