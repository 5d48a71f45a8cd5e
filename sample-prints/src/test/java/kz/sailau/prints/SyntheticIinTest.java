package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SyntheticIinTest {

    @Test
    void computesTheControlDigitWithBothPasses() {
        // 1..11 weights: 9*1+0*2+1*3+2*4+3*5+0*6+3*7+0*8+1*9+2*10+3*11 = 118, 118 % 11 = 8.
        assertEquals(8, SyntheticIin.controlDigit("90123030123"));
        // First pass 10: 0*1+...: chosen so the second pass decides.
        String first = findFirstPassTen();
        int second = SyntheticIin.controlDigit(first);
        assertTrue(second >= -1 && second <= 9);
    }

    @Test
    void encodesBirthDateAndSex() {
        String man1975 = firstValid(LocalDate.of(1975, 3, 9), false);
        assertEquals("750309", man1975.substring(0, 6));
        assertEquals('3', man1975.charAt(6));
        String woman2004 = firstValid(LocalDate.of(2004, 11, 30), true);
        assertEquals("041130", woman2004.substring(0, 6));
        assertEquals('6', woman2004.charAt(6));
    }

    @Property
    void everyIssuedNumberHasAValidControlDigit(@ForAll @IntRange(min = 0, max = 9999) int serial,
                                                @ForAll @IntRange(min = 0, max = 60000) int day) {
        LocalDate birth = LocalDate.of(1920, 1, 1).plusDays(day);
        String iin = SyntheticIin.of(birth, serial % 2 == 0, serial);
        if (iin == null) {
            assertEquals(-1, SyntheticIin.controlDigit(iinPrefix(birth, serial % 2 == 0, serial)));
            return;
        }
        assertEquals(12, iin.length());
        assertEquals(SyntheticIin.controlDigit(iin.substring(0, 11)), iin.charAt(11) - '0');
    }

    @Test
    void refusesNumbersWhoseBothPassesGiveTen() {
        for (int serial = 0; serial < 10000; serial++) {
            String prefix = iinPrefix(LocalDate.of(1980, 1, 1), false, serial);
            if (SyntheticIin.controlDigit(prefix) == -1) {
                assertNull(SyntheticIin.of(LocalDate.of(1980, 1, 1), false, serial));
                return;
            }
        }
    }

    private static String iinPrefix(LocalDate birth, boolean female, int serial) {
        int century = (birth.getYear() < 2000 ? 3 : 5) + (female ? 1 : 0);
        return String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(),
                century, serial);
    }

    private static String firstValid(LocalDate birth, boolean female) {
        for (int serial = 0; ; serial++) {
            String iin = SyntheticIin.of(birth, female, serial);
            if (iin != null) {
                return iin;
            }
        }
    }

    private static String findFirstPassTen() {
        for (int serial = 0; serial < 10000; serial++) {
            String prefix = iinPrefix(LocalDate.of(1990, 5, 5), true, serial);
            int sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += (prefix.charAt(i) - '0') * (i + 1);
            }
            if (sum % 11 == 10) {
                return prefix;
            }
        }
        throw new AssertionError("no prefix with a first pass of 10");
    }
}
