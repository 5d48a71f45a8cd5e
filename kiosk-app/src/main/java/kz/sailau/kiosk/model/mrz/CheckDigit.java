package kz.sailau.kiosk.model.mrz;

import java.util.Objects;

/**
 * The MRZ check digit of ICAO Doc 9303 Part 3, section 4.9: character values {@code 0-9} → 0-9,
 * {@code A-Z} → 10-35, filler {@code <} → 0; weights 7, 3, 1 repeating; the sum modulo 10.
 */
public final class CheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {
    }

    /**
     * The check digit over {@code text}.
     *
     * @param text characters from {@code A-Z 0-9 <}
     * @return 0..9
     * @throws IllegalArgumentException on any other character
     */
    public static int of(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += value(text.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** The numeric value of one MRZ character (Part 3, section 4.9). */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: U+" + String.format("%04X", (int) c));
    }

    /** The check digit as the character written in the zone. */
    public static char charOf(CharSequence text) {
        return (char) ('0' + of(text));
    }
}
