package kz.sailau.kiosk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void controlFormatAndLineBreakingCharactersBecomeQuestionMarksAndTheRestStays() {
        assertEquals("kiosk-1.bundle", PrintableText.of("kiosk-1.bundle"));
        assertEquals("Сайлау 2026 ж.", PrintableText.of("Сайлау 2026 ж."), "letters of every script and the space stay");
        assertEquals("a?b?c?d", PrintableText.of("a\nb\rc\td"), "control characters");
        assertEquals("x?y?z", PrintableText.of("x\u202Ey\u200Bz"), "a bidi override and a zero-width space (format)");
        assertEquals("p?q?r", PrintableText.of("p\u2028q\u2029r"), "line and paragraph separators");
        assertEquals("r\u00A0s", PrintableText.of("r\u00A0s"), "a no-break space shows as a space: it stays");
        assertEquals("\uD83D\uDE00", PrintableText.of("\uD83D\uDE00"), "a character outside the basic plane is one "
                + "code point, kept whole");
        assertEquals("", PrintableText.of(""));
        assertThrows(NullPointerException.class, () -> PrintableText.of(null));
    }
}
