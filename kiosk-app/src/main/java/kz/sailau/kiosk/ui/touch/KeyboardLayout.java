package kz.sailau.kiosk.ui.touch;

import java.util.List;

/**
 * The letter and symbol layouts of the on-screen keyboard, row by row in lower case. The Cyrillic rows follow the
 * ЙЦУКЕН order of the Russian and Kazakh standard keyboards (GOST 6431-90; the Kazakh layout of KZ STRK 1048,
 * whose nine Kazakh letters Ә І Ң Ғ Ү Ұ Қ Ө Һ are here one row above the Russian letters), so that a clerk finds the
 * keys where a desk keyboard has them.
 */
public enum KeyboardLayout {
    /** Latin letters with the digits above and the characters of paths and logins. */
    LATIN("ABC", List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm-_./")),
    /** The 42 letters of the Kazakh Cyrillic alphabet. */
    KAZAKH("ҚАЗ", List.of("әіңғүұқөһ", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё")),
    /** The 33 letters of the Russian alphabet. */
    RUSSIAN("РУС", List.of("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё")),
    /**
     * Digits and the symbols a passphrase or a document number may hold: the numero sign № after the digits (shift and 3 on a Russian
     * desk keyboard), for a special-list document number such as "№ 0456" (decision 0495).
     */
    SYMBOLS("123", List.of("1234567890№", "-_./:;()@#", "!?\"'+=*%&,", "<>[]{}\\|~$"));

    private final String label;
    private final List<String> rows;

    KeyboardLayout(String label, List<String> rows) {
        this.label = label;
        this.rows = rows;
    }

    /** The label of the key that switches to this layout (in the layout's own script). */
    public String label() {
        return label;
    }

    /** The rows of keys, each character one key. */
    public List<String> rows() {
        return rows;
    }

    /** Whether the layout has letters that shift changes. */
    public boolean hasLetters() {
        return this != SYMBOLS;
    }
}
