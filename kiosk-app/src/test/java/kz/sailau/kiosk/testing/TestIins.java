package kz.sailau.kiosk.testing;

import java.time.LocalDate;
import kz.sailau.kiosk.model.Iin;

/** Valid IINs of synthetic test people: never a real person's (the serials are the test's own numbers). */
public final class TestIins {

    private TestIins() {
    }

    /**
     * A valid IIN for a birth date and serial: YYMMDD, the century digit (3 for the 1900s, 5 for the 2000s), the
     * first serial from {@code serial} on whose control digit exists, and that control digit.
     */
    public static Iin of(LocalDate birth, int serial) {
        String yymmdd = String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth());
        int century = birth.getYear() >= 2000 ? 5 : 3;
        for (int s = serial; s < serial + 1000; s++) {
            String eleven = yymmdd + century + String.format("%04d", s % 10_000);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
        throw new AssertionError("no valid IIN near serial " + serial);
    }
}
