package kz.sailau.kiosk.model.mrz;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a name in the characters of the machine readable zone ({@code A-Z} and the filler {@code <}), as
 * the issuing authority does when it prints a card.
 *
 * <ul>
 *   <li>Cyrillic: the table "Transliteration of Cyrillic characters" of ICAO Doc 9303 (8th edition) Part 3,
 *       section 6.A (e.g. Ж → ZH, Х → KH, Ц → TS, Щ → SHCH, Ъ → IE, Ь omitted, Ю → IU, Я → IA).</li>
 *   <li>Kazakh letters that table does not list (Ә Ғ Қ Ң Ө Ұ Ү Һ) follow the practice of Kazakh
 *       travel documents: the letter without its mark (Ә → A, Ғ → G, Қ → K, Ң → N, Ө → O, Ұ → U, Ү → U,
 *       Һ → H); Kazakh І is the Ukrainian/Belarusian І of the ICAO table → I. This is a national choice,
 *       recorded in docs/check-in.md.</li>
 *   <li>Latin with diacritics: the multi-letter forms of Part 3, section 6.A where the table gives them
 *       (Ä → AE, Å → AA, Æ → AE, Ö → OE, Ø → OE, Ü → UE, ß → SS, Þ → TH), otherwise the base letter.</li>
 *   <li>Space and hyphen become one filler; apostrophes and other punctuation are dropped (Part 3, 4.6).</li>
 * </ul>
 */
public final class IcaoTransliteration {

    private static final Map<Character, String> TABLE = Map.ofEntries(
            // ICAO 9303 Part 3, section 6.A, Cyrillic (Russian letters).
            Map.entry('А', "A"), Map.entry('Б', "B"), Map.entry('В', "V"), Map.entry('Г', "G"),
            Map.entry('Д', "D"), Map.entry('Е', "E"), Map.entry('Ё', "E"), Map.entry('Ж', "ZH"),
            Map.entry('З', "Z"), Map.entry('И', "I"), Map.entry('Й', "I"), Map.entry('К', "K"),
            Map.entry('Л', "L"), Map.entry('М', "M"), Map.entry('Н', "N"), Map.entry('О', "O"),
            Map.entry('П', "P"), Map.entry('Р', "R"), Map.entry('С', "S"), Map.entry('Т', "T"),
            Map.entry('У', "U"), Map.entry('Ф', "F"), Map.entry('Х', "KH"), Map.entry('Ц', "TS"),
            Map.entry('Ч', "CH"), Map.entry('Ш', "SH"), Map.entry('Щ', "SHCH"), Map.entry('Ъ', "IE"),
            Map.entry('Ы', "Y"), Map.entry('Ь', ""), Map.entry('Э', "E"), Map.entry('Ю', "IU"),
            Map.entry('Я', "IA"),
            // ICAO 9303 Part 3, section 6.A, other Cyrillic letters of the table.
            Map.entry('І', "I"), Map.entry('Ї', "I"), Map.entry('Є', "IE"), Map.entry('Ґ', "G"),
            Map.entry('Ў', "U"),
            // Kazakh letters not in the ICAO table: national practice, see the class comment.
            Map.entry('Ә', "A"), Map.entry('Ғ', "G"), Map.entry('Қ', "K"), Map.entry('Ң', "N"),
            Map.entry('Ө', "O"), Map.entry('Ұ', "U"), Map.entry('Ү', "U"), Map.entry('Һ', "H"),
            // ICAO 9303 Part 3, section 6.A, Latin letters with a multi-letter form.
            Map.entry('Ä', "AE"), Map.entry('Å', "AA"), Map.entry('Æ', "AE"), Map.entry('Ö', "OE"),
            Map.entry('Ø', "OE"), Map.entry('Ü', "UE"), Map.entry('ß', "SS"), Map.entry('Þ', "TH"),
            Map.entry('Œ', "OE"), Map.entry('Ĳ', "IJ"), Map.entry('Ð', "D"), Map.entry('Ł', "L"),
            Map.entry('Đ', "D"), Map.entry('Ħ', "H"), Map.entry('Ŧ', "T"), Map.entry('Ŋ', "N"));

    private IcaoTransliteration() {
    }

    /**
     * One name (surname, or given names) in MRZ characters: letters {@code A-Z}, components separated by a
     * single {@code <}, no leading or trailing filler. May be empty when nothing transliterable remains.
     */
    public static String toMrz(String name) {
        Objects.requireNonNull(name, "name");
        String upper = name.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length() + 8);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append(c);
            } else if (c == ' ' || c == '-' || c == '\u2010' || c == '\u2011' || c == '<' || c == '\t') {
                appendFiller(out);
            } else if (TABLE.containsKey(c)) {
                out.append(TABLE.get(c));
            } else if (c == 'ß') {
                out.append("SS");
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char first = base.isEmpty() ? 0 : base.charAt(0);
                if (first >= 'A' && first <= 'Z') {
                    out.append(first);
                }
                // anything else (apostrophes, digits, symbols) is dropped
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '<') {
            end--;
        }
        return out.substring(0, end);
    }

    private static void appendFiller(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '<') {
            out.append('<');
        }
    }
}
