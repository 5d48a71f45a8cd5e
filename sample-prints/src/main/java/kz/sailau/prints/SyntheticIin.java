package kz.sailau.prints;

import java.time.LocalDate;

/**
 * Builds made-up IINs: {@code YYMMDD}, the century and sex digit (3/4 for men/women born in the 1900s, 5/6 in
 * the 2000s), four serial digits and the control digit (weights 1..11 modulo 11; if 10, weights
 * 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 modulo 11; if 10 again, the number is not issued).
 */
final class SyntheticIin {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private SyntheticIin() {
    }

    /**
     * @return the twelve digits, or {@code null} when this serial gives no valid control digit
     */
    static String of(LocalDate birthDate, boolean female, int serial) {
        int year = birthDate.getYear();
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("birth year out of range");
        }
        int centuryDigit = (year < 2000 ? 3 : 5) + (female ? 1 : 0);
        String first = String.format("%02d%02d%02d%d%04d", year % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), centuryDigit, serial);
        int control = controlDigit(first);
        return control < 0 ? null : first + control;
    }

    /** The control digit of eleven digits, or -1 if both passes give 10. */
    static int controlDigit(String firstEleven) {
        int first = weighted(firstEleven, FIRST_WEIGHTS) % 11;
        if (first != 10) {
            return first;
        }
        int second = weighted(firstEleven, SECOND_WEIGHTS) % 11;
        return second == 10 ? -1 : second;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
