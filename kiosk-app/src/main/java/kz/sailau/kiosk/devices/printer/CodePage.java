package kz.sailau.kiosk.devices.printer;

import java.util.Arrays;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One single-byte character code table of a receipt printer (ESC t n): which character each byte prints. Used both
 * to encode the kiosk's text and, in the printer emulator, to decode it byte by byte.
 *
 * <p>The tables are Java's own for the IBM and Windows code pages; KZ-1048 (Kazakhstan, STRK1048-2002, IANA
 * {@code KZ-1048}), which Java lacks, is Windows-1251 with 16 positions changed, after the Unicode Consortium's
 * mapping table {@code VENDORS/MISC/KZ1048.TXT} (2007).
 */
public final class CodePage {

    /** PC437, USA / standard Europe (Epson page 0). */
    public static final CodePage PC437 = of("PC437", Charset.forName("IBM437"));
    /** PC850, multilingual (Epson page 2). */
    public static final CodePage PC850 = of("PC850", Charset.forName("IBM850"));
    /** PC866, Cyrillic #2 (Epson page 17). */
    public static final CodePage PC866 = of("PC866", Charset.forName("IBM866"));
    /** WPC1252, Windows Latin 1 (Epson page 16). */
    public static final CodePage WPC1252 = of("WPC1252", Charset.forName("windows-1252"));
    /** WPC1251, Windows Cyrillic (Epson page 46). */
    public static final CodePage WPC1251 = of("WPC1251", Charset.forName("windows-1251"));
    /** KZ-1048, Kazakhstan (Epson page 53): Windows-1251 with the Kazakh letters. */
    public static final CodePage KZ1048 = kz1048();

    private final String name;
    private final char[] decode;
    private final Map<Character, Byte> encode;

    private CodePage(String name, char[] decode) {
        this.name = name;
        this.decode = decode;
        this.encode = new HashMap<>();
        for (int b = 255; b >= 0; b--) {
            if (decode[b] != '\uFFFD') {
                encode.put(decode[b], (byte) b);
            }
        }
    }

    private static CodePage of(String name, Charset charset) {
        return new CodePage(name, table(charset));
    }

    private static char[] table(Charset charset) {
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            try {
                table[b] = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
            } catch (CharacterCodingException e) {
                table[b] = '\uFFFD';
            }
        }
        return table;
    }

    /** Unicode KZ1048.TXT: the positions where KZ-1048 differs from Windows-1251. */
    private static CodePage kz1048() {
        char[] table = table(Charset.forName("windows-1251"));
        int[][] changes = {
            {0x8D, 0x049A}, {0x8E, 0x04BA}, {0x9D, 0x049B}, {0x9E, 0x04BB}, {0xA1, 0x04B0}, {0xA2, 0x04B1},
            {0xA3, 0x04D8}, {0xA5, 0x04E8}, {0xAA, 0x0492}, {0xAF, 0x04AE}, {0xB4, 0x04E9}, {0xBA, 0x0493},
            {0xBC, 0x04D9}, {0xBD, 0x04A2}, {0xBE, 0x04A3}, {0xBF, 0x04AF},
        };
        for (int[] change : changes) {
            table[change[0]] = (char) change[1];
        }
        return new CodePage("KZ-1048", table);
    }

    /**
     * A table with no character: what a printer prints after selecting a table it does not have.
     *
     * @return a table that decodes every byte to U+FFFD
     */
    static CodePage unknown() {
        char[] table = new char[256];
        Arrays.fill(table, '\uFFFD');
        return new CodePage("unknown", table);
    }

    /**
     * Returns the table's name.
     *
     * @return e.g. {@code PC866}
     */
    public String name() {
        return name;
    }

    /**
     * Returns whether every character of a text has a byte in this table.
     *
     * @param text the text
     * @return {@code true} if {@link #encode} will not fail
     */
    public boolean canEncode(String text) {
        Objects.requireNonNull(text, "text");
        return text.chars().allMatch(c -> encode.containsKey((char) c));
    }

    /**
     * Encodes a text.
     *
     * @param text characters this table holds
     * @return one byte per character
     * @throws IllegalArgumentException if a character is not in the table
     */
    public byte[] encode(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            Byte b = encode.get(text.charAt(i));
            if (b == null) {
                throw new IllegalArgumentException("U+" + Integer.toHexString(text.charAt(i)) + " is not in " + name);
            }
            bytes[i] = b;
        }
        return bytes;
    }

    /**
     * Decodes one byte as the printer prints it.
     *
     * @param b the byte
     * @return the character, or U+FFFD where the table has none
     */
    public char decode(int b) {
        return decode[b & 0xFF];
    }

    @Override
    public String toString() {
        return name;
    }
}
