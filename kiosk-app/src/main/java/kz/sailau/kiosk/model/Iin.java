package kz.sailau.kiosk.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kazakh individual identification number (ЖСН / ИИН): twelve digits {@code YYMMDD C NNNN K}, where
 * {@code YYMMDD} is the birth date, {@code C} the century and sex digit, {@code NNNN} a serial number and
 * {@code K} the control digit.
 *
 * <p>The control digit is computed as in the rules of the national register (Order of the Minister of
 * Justice on IIN assignment): the sum of the first eleven digits weighted 1..11, modulo 11; if that gives
 * 10, a second pass with weights 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2; if that also gives 10 the number is
 * never issued.
 *
 * <p>An IIN is personal data: {@link #toString()} reveals nothing; use {@link #digits()} only where the
 * number itself is needed (blind index, display to the clerk).
 *
 * @param digits exactly twelve ASCII digits with a valid control digit
 */
public record Iin(String digits) {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    /**
     * @throws NullPointerException if {@code digits} is null
     * @throws InvalidIinException if it is not twelve digits or its control digit is wrong
     */
    public Iin {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() != 12) {
            throw new InvalidIinException(InvalidIinException.Reason.LENGTH);
        }
        for (int i = 0; i < 12; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIinException(InvalidIinException.Reason.NOT_DIGITS);
            }
        }
        int expected = controlDigit(digits.substring(0, 11));
        if (expected < 0 || expected != digits.charAt(11) - '0') {
            throw new InvalidIinException(InvalidIinException.Reason.CONTROL_DIGIT);
        }
    }

    /**
     * Parses text typed by a person: spaces are ignored.
     *
     * @throws InvalidIinException if the result is not a valid IIN
     */
    public static Iin parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Iin(text.replace(" ", ""));
    }

    /** Whether {@code text} is a valid IIN, without throwing. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidIinException e) {
            return false;
        }
    }

    /**
     * The control digit for the first eleven digits.
     *
     * @param firstEleven eleven ASCII digits
     * @return the control digit 0..9, or -1 when both passes give 10 (such a number is never issued)
     */
    public static int controlDigit(String firstEleven) {
        Objects.requireNonNull(firstEleven, "firstEleven");
        if (firstEleven.length() != 11) {
            throw new IllegalArgumentException("eleven digits expected, got " + firstEleven.length());
        }
        int first = weightedSum(firstEleven, FIRST_WEIGHTS) % 11;
        if (first != 10) {
            return first;
        }
        int second = weightedSum(firstEleven, SECOND_WEIGHTS) % 11;
        return second == 10 ? -1 : second;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** The century and sex digit (7th digit): 1..6 for citizens, 0 in some older numbers. */
    public int centurySexDigit() {
        return digits.charAt(6) - '0';
    }

    /**
     * The birth date encoded in the IIN, when its century digit is 1..6 and the date exists.
     * A mismatch with the register's birth date is a warning, not an error: the law allows it.
     */
    public Optional<LocalDate> birthDate() {
        int century = switch (centurySexDigit()) {
            case 1, 2 -> 1800;
            case 3, 4 -> 1900;
            case 5, 6 -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(digits.substring(0, 2));
        int mm = Integer.parseInt(digits.substring(2, 4));
        int dd = Integer.parseInt(digits.substring(4, 6));
        try {
            return Optional.of(LocalDate.of(century + yy, mm, dd));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The sex encoded in the IIN: odd century digit male, even female; empty for 0 and 7..9. */
    public Optional<Sex> sex() {
        int c = centurySexDigit();
        if (c < 1 || c > 6) {
            return Optional.empty();
        }
        return Optional.of(c % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    /** Reveals nothing: an IIN is personal data and must not reach a log. */
    @Override
    public String toString() {
        return "Iin[***]";
    }
}
