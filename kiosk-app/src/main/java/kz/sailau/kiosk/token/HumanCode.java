package kz.sailau.kiosk.token;

import java.util.Objects;

/**
 * The short code printed under the QR code for typing at the ballot desk: the 128-bit token id in base32
 * (26 characters, RFC 4648 alphabet) plus one check character computed with the Luhn mod N algorithm over
 * the 32-character alphabet (it catches every single wrong character and every swap of two neighbours
 * except {@code A}↔{@code 7}, the characters of value 0 and 31, the known blind spot of Luhn mod N),
 * printed in nine groups of three: {@code ABC-DEF-GHI-JKL-MNO-PQR-STU-VWX-YZ2}.
 *
 * <p>Reading forgives case, spaces, dashes and the look-alikes {@code 0→O, 1→I, 8→B} (those digits are not
 * in the alphabet).
 */
public final class HumanCode {

    /** Characters of the code without separators: 26 for the id, 1 check character. */
    public static final int LENGTH = 27;
    private static final int GROUP = 3;

    private HumanCode() {
    }

    /** The grouped code for a token id. */
    public static String encode(TokenId id) {
        Objects.requireNonNull(id, "id");
        String body = Base32.encode(id.bytes());
        String full = body + checkCharacter(body);
        StringBuilder out = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < full.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append('-');
            }
            out.append(full.charAt(i));
        }
        return out.toString();
    }

    /**
     * Reads a typed code.
     *
     * @throws TokenFormatException {@link TokenRefusal#MALFORMED} for the wrong length or a character outside
     *                              the alphabet, {@link TokenRefusal#BAD_CHECK_CHARACTER} for a typing error
     */
    public static TokenId decode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > 64) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "typed code too long");
        }
        StringBuilder clean = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            switch (c) {
                case ' ', '-' -> { }
                case '0' -> clean.append('O');
                case '1' -> clean.append('I');
                case '8' -> clean.append('B');
                default -> clean.append(c);
            }
        }
        if (clean.length() != LENGTH) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "typed code must have 27 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (Base32.ALPHABET.indexOf(clean.charAt(i)) < 0) {
                throw new TokenFormatException(TokenRefusal.MALFORMED, "character outside A-Z 2-7");
            }
        }
        String body = clean.substring(0, LENGTH - 1);
        if (checkCharacter(body) != clean.charAt(LENGTH - 1)) {
            throw new TokenFormatException(TokenRefusal.BAD_CHECK_CHARACTER, "check character does not match");
        }
        byte[] bytes = Base32.decode(body);
        if (bytes == null || bytes.length != TokenId.LENGTH) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "not a 128-bit id");
        }
        return new TokenId(bytes);
    }

    /** Luhn mod N check character, N = 32 (generation: factor 2 on the rightmost character). */
    static char checkCharacter(String body) {
        int n = Base32.ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * Base32.ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Base32.ALPHABET.charAt((n - sum % n) % n);
    }
}
