package kz.sailau.kiosk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IinTest {

    @Test
    void acceptsNumberWithFirstPassControlDigit() {
        // 900101 3 0001 ?: 9*1+0*2+0*3+1*4+0*5+1*6+3*7+0*8+0*9+0*10+1*11 = 51; 51 mod 11 = 7
        Iin iin = new Iin("900101300017");
        assertEquals(LocalDate.of(1990, 1, 1), iin.birthDate().orElseThrow());
        assertEquals(Sex.MALE, iin.sex().orElseThrow());
    }

    @Test
    void usesSecondPassWhenFirstGivesTen() {
        String firstEleven = findElevenWithFirstPassTen();
        int control = Iin.controlDigit(firstEleven);
        if (control >= 0) {
            assertTrue(Iin.isValid(firstEleven + control));
        }
        int firstPass = 0;
        for (int i = 0; i < 11; i++) {
            firstPass += (firstEleven.charAt(i) - '0') * (i + 1);
        }
        assertEquals(10, firstPass % 11, "fixture must exercise the second pass");
    }

    private static String findElevenWithFirstPassTen() {
        for (int serial = 0; serial < 10_000; serial++) {
            String candidate = String.format("8505154%04d", serial);
            int sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += (candidate.charAt(i) - '0') * (i + 1);
            }
            if (sum % 11 == 10) {
                return candidate;
            }
        }
        throw new AssertionError("no fixture found");
    }

    @Test
    void rejectsWrongControlDigitWithSpecificReason() {
        InvalidIinException e = assertThrows(InvalidIinException.class, () -> new Iin("900101300018"));
        assertEquals(InvalidIinException.Reason.CONTROL_DIGIT, e.reason());
        assertFalse(e.getMessage().contains("900101"), "message must not echo the number");
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        assertEquals(InvalidIinException.Reason.LENGTH,
                assertThrows(InvalidIinException.class, () -> new Iin("12345")).reason());
        assertEquals(InvalidIinException.Reason.NOT_DIGITS,
                assertThrows(InvalidIinException.class, () -> new Iin("90010130001A")).reason());
    }

    @Test
    void parseIgnoresSpaces() {
        assertEquals(new Iin("900101300017"), Iin.parse("900101 300017"));
    }

    @Test
    void toStringRevealsNothing() {
        assertEquals("Iin[***]", new Iin("900101300017").toString());
    }

    @Property
    void everyComputedControlDigitIsAccepted(@ForAll @IntRange(min = 0, max = 99_999_999) int a,
                                             @ForAll @IntRange(min = 0, max = 999) int b) {
        String firstEleven = String.format("%08d%03d", a, b);
        int control = Iin.controlDigit(firstEleven);
        if (control >= 0) {
            assertTrue(Iin.isValid(firstEleven + control));
            assertFalse(Iin.isValid(firstEleven + ((control + 1) % 10)));
        }
    }

    @Property
    void anyStringNeverCrashesValidation(@ForAll @StringLength(max = 40) String text) {
        // Must answer true or false, never throw anything else.
        Iin.isValid(text);
    }
}
