package kz.sailau.kiosk.model;

import java.util.Objects;

/**
 * Text from outside (a file name on a stick, a value typed into {@code kiosk.json}) as it may be printed inside one
 * line of a report or refusal: every control character, every format character (a bidi override, a zero-width
 * space) and every whitespace character other than the plain space (a line or paragraph separator) becomes
 * {@code ?}, so that what is printed cannot add a line, reorder what follows, or hide characters from the reader.
 * Shared by the precinct bundle verifier and the configuration's messages, which used to carry a copy each.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /**
     * {@code text} with each character that could change the look of the line replaced by {@code ?}.
     *
     * @throws NullPointerException on null
     */
    public static String of(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.isWhitespace(c) && c != ' ' ? '?' : c));
        return printable.toString();
    }
}
