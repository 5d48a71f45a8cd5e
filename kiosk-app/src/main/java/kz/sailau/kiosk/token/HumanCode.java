package kz.sailau.kiosk.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The short code printed under the QR code for typing at the ballot desk (decision 0120): the 128-bit token id
 * and a 47-bit tag that authenticates it, in base32 (RFC 4648 alphabet, 175 bits = 35 characters), plus one check
 * character, printed in nine groups of four: {@code ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD}.
 *
 * <pre>
 * tag   = first 47 bits of HMAC-SHA256(precinct token key,
 *             "SLT-TYPED-1" 0x00 ‖ election (ASCII) ‖ 0x00 ‖ precinct (3 bytes, big-endian) ‖ token id (16 bytes))
 * code  = base32(token id ‖ tag) ‖ check character
 * check = the character that makes the weighted sum over GF(32) of the 36 values zero (see {@link #checkCharacter})
 * </pre>
 *
 * <p>The tag binds the id to the election and the precinct: without the precinct token key a forger's guess is
 * accepted with probability 2^-47 per try, and a real code typed at another precinct or election fails the tag
 * check. The check character tells a typing error from a code that is not genuine: it catches every single wrong
 * character, every swap of two characters (neighbours or one apart) and every twin error; any error it misses (about
 * 1 in 32 of the rest) still fails the tag (see {@code docs/check-in.md} for the measured rates).
 *
 * <p>Reading forgives case, white space (spaces, line breaks), dashes and the look-alikes {@code 0→O, 1→I, 8→B}
 * (those digits are not in the alphabet).
 */
public final class HumanCode {

    /** Characters of the code without separators: 35 for id and tag, 1 check character. */
    public static final int LENGTH = 36;
    /** Bits of the tag: a forged code is accepted with probability 2^-47 per guess. */
    public static final int TAG_BITS = 47;
    private static final int GROUP = 4;
    private static final int PAYLOAD_CHARACTERS = LENGTH - 1;
    private static final byte[] DOMAIN = "SLT-TYPED-1".getBytes(StandardCharsets.US_ASCII);
    private static final long TAG_MASK = (1L << TAG_BITS) - 1;

    private HumanCode() {
    }

    /**
     * A typed code as read: the token id and the tag it claims (not yet checked against a key).
     *
     * @param id  the token id
     * @param tag the 47-bit tag
     */
    public record Typed(TokenId id, long tag) {
        /** @throws IllegalArgumentException on a tag of more than 47 bits */
        public Typed {
            Objects.requireNonNull(id, "id");
            if ((tag & ~TAG_MASK) != 0) {
                throw new IllegalArgumentException("a tag has 47 bits");
            }
        }
    }

    /** The grouped code of {@code id} for {@code election} and {@code precinct} under {@code key}. */
    public static String encode(TypedCodeKey key, ElectionId election, PrecinctId precinct, TokenId id) {
        return encode(new Typed(id, tag(key, election, precinct, id)));
    }

    /** The grouped code of an id and its tag. */
    public static String encode(Typed typed) {
        Objects.requireNonNull(typed, "typed");
        byte[] bits = new byte[22];
        System.arraycopy(typed.id().bytes(), 0, bits, 0, TokenId.LENGTH);
        // The 47 tag bits follow the 128 id bits, most significant first; one padding bit ends byte 21.
        long shifted = typed.tag() << 1;
        for (int i = 0; i < 6; i++) {
            bits[TokenId.LENGTH + i] = (byte) (shifted >>> (40 - 8 * i));
        }
        String body = Base32.encode(bits).substring(0, PAYLOAD_CHARACTERS);
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
     * Reads a typed code (the tag is not checked here: see {@link #tagMatches}).
     *
     * @throws TokenFormatException {@link TokenRefusal#MALFORMED} for the wrong length or a character outside
     *                              the alphabet, {@link TokenRefusal#BAD_CHECK_CHARACTER} for a typing error
     */
    public static Typed decode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > 80) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "typed code too long");
        }
        StringBuilder clean = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (Character.isWhitespace(c)) {
                continue;
            }
            switch (c) {
                case '-' -> { }
                case '0' -> clean.append('O');
                case '1' -> clean.append('I');
                case '8' -> clean.append('B');
                default -> clean.append(c);
            }
        }
        if (clean.length() != LENGTH) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "typed code must have 36 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (Base32.ALPHABET.indexOf(clean.charAt(i)) < 0) {
                throw new TokenFormatException(TokenRefusal.MALFORMED, "character outside A-Z 2-7");
            }
        }
        String body = clean.substring(0, PAYLOAD_CHARACTERS);
        if (checkCharacter(body) != clean.charAt(LENGTH - 1)) {
            throw new TokenFormatException(TokenRefusal.BAD_CHECK_CHARACTER, "check character does not match");
        }
        // 35 characters are 175 bits: one more character of padding makes whole bytes.
        byte[] bits = Base32.decode(body + "A");
        if (bits == null || bits.length != 22 || (bits[21] & 1) != 0) {
            throw new TokenFormatException(TokenRefusal.MALFORMED, "not an id and a tag");
        }
        byte[] id = new byte[TokenId.LENGTH];
        System.arraycopy(bits, 0, id, 0, TokenId.LENGTH);
        long shifted = 0;
        for (int i = 0; i < 6; i++) {
            shifted = (shifted << 8) | (bits[TokenId.LENGTH + i] & 0xFF);
        }
        return new Typed(new TokenId(id), shifted >>> 1);
    }

    /** The 47-bit tag of {@code id} for {@code election} and {@code precinct} under {@code key}. */
    public static long tag(TypedCodeKey key, ElectionId election, PrecinctId precinct, TokenId id) {
        Objects.requireNonNull(key, "key");
        byte[] mac = key.mac(message(election, precinct, id));
        long first = 0;
        for (int i = 0; i < 6; i++) {
            first = (first << 8) | (mac[i] & 0xFF);
        }
        return first >>> 1;
    }

    /** Whether {@code typed} carries the tag of its id for {@code election} and {@code precinct} (constant time). */
    public static boolean tagMatches(TypedCodeKey key, ElectionId election, PrecinctId precinct, Typed typed) {
        long expected = tag(key, election, precinct, typed.id());
        return MessageDigest.isEqual(longBytes(expected), longBytes(typed.tag()));
    }

    private static byte[] message(ElectionId election, PrecinctId precinct, TokenId id) {
        byte[] e = Objects.requireNonNull(election, "election").value().getBytes(StandardCharsets.US_ASCII);
        int p = Objects.requireNonNull(precinct, "precinct").number();
        ByteArrayOutputStream out = new ByteArrayOutputStream(DOMAIN.length + e.length + 5 + TokenId.LENGTH);
        out.writeBytes(DOMAIN);
        out.write(0);
        out.writeBytes(e);
        out.write(0);
        out.write(p >>> 16);
        out.write(p >>> 8);
        out.write(p);
        out.writeBytes(Objects.requireNonNull(id, "id").bytes());
        return out.toByteArray();
    }

    private static byte[] longBytes(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return b;
    }

    /** x^5 + x^2 + 1, a primitive polynomial of GF(2^5): its root alpha (= 2) generates all 31 non-zero values. */
    private static final int FIELD_POLYNOMIAL = 0b100101;

    /**
     * The check character: with the values v_0..v_35 of the 35 characters and the check character, the weighted
     * sum over GF(32) of v_i * alpha^i is zero (the parity check of a Reed-Solomon code of distance 2). Distinct
     * non-zero weights on every position less than 31 apart catch every single wrong character, every swap of two
     * characters up to 30 positions apart (neighbours, {@code abc → cba}) and every twin error ({@code aa → bb}).
     */
    static char checkCharacter(String body) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < body.length(); i++) {
            sum ^= multiply(Base32.ALPHABET.indexOf(body.charAt(i)), weight);
            weight = multiply(weight, 2);
        }
        // weight is now alpha^35; the check value c solves sum + c * alpha^35 = 0, i.e. c = sum * alpha^-35.
        return Base32.ALPHABET.charAt(multiply(sum, inverse(weight)));
    }

    /** Multiplication in GF(2^5) modulo {@link #FIELD_POLYNOMIAL}. */
    static int multiply(int a, int b) {
        int product = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                product ^= a;
            }
            b >>= 1;
            a <<= 1;
            if ((a & 0b100000) != 0) {
                a ^= FIELD_POLYNOMIAL;
            }
        }
        return product;
    }

    private static int inverse(int a) {
        // a^31 = 1 for every non-zero a, so a^30 is its inverse.
        int result = 1;
        for (int i = 0; i < 30; i++) {
            result = multiply(result, a);
        }
        return result;
    }
}
