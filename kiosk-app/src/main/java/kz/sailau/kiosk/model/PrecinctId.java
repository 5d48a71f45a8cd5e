package kz.sailau.kiosk.model;

/**
 * A polling station (сайлау учаскесі) number, as printed on the register record: a positive integer of
 * at most six digits.
 *
 * @param number the precinct number, 1..999999
 */
public record PrecinctId(int number) {

    /** @throws IllegalArgumentException if the number is outside 1..999999 */
    public PrecinctId {
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("precinct number must be 1..999999, got " + number);
        }
    }

    /** Parses a decimal precinct number, with a specific message for anything else. */
    public static PrecinctId parse(String text) {
        try {
            return new PrecinctId(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("precinct number must be decimal digits", e);
        }
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
