package kz.sailau.kiosk.register;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.InvalidIinException;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * Checks every field of every {@code voters.csv} row and reports each problem with its line and field:
 * IIN (12 digits, control digit with both weight passes), names non-empty and shown as they are (no bidirectional
 * controls, invisible characters, unusual spaces or non-characters: {@link #unsafeCharacter}), ISO birth date, sex M/F,
 * precinct equal to the package's; a birth date or sex that disagrees with the IIN is a warning, as the law
 * allows it.
 */
public final class VoterRowValidator {

    /** A voter key is a file-name-safe token: it names the voter's prints directory. */
    static final Pattern VOTER_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Longest accepted name part, in characters. */
    static final int MAX_NAME = 100;
    /** A birth date as the register writes it: four-digit year, month and day. */
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private VoterRowValidator() {
    }

    /**
     * A row whose every field is valid.
     *
     * @param line     CSV line
     * @param voterKey the key naming the prints directory
     * @param voter    the voter
     * @param sex      sex as recorded
     */
    public record ValidRow(int line, String voterKey, Voter voter, Sex sex) {
        @Override
        public String toString() {
            return "ValidRow[line " + line + "]";
        }
    }

    /**
     * The outcome.
     *
     * @param rows     valid rows
     * @param problems errors and warnings, by line
     */
    public record Result(List<ValidRow> rows, List<RowProblem> problems) {

        /** Whether any problem is an error. */
        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == RowProblem.Severity.ERROR);
        }
    }

    /**
     * Validates all rows against the package's precinct; a birth date after {@code today} (the day the package is
     * built) is an error.
     */
    public static Result validate(List<VoterCsvReader.CsvRow> rows, PrecinctId precinct, LocalDate today) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(today, "today");
        List<ValidRow> valid = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (VoterCsvReader.CsvRow row : rows) {
            int line = row.line();
            int before = problems.size();
            String key = row.get("voter_key").strip();
            if (key.isEmpty()) {
                problems.add(RowProblem.error(line, "voter_key", "voter key is empty"));
            } else if (!VOTER_KEY.matcher(key).matches()) {
                problems.add(RowProblem.error(line, "voter_key",
                        "voter key must be 1-64 letters, digits, '_' or '-' (it names the prints directory)"));
            } else if (keys.putIfAbsent(key, line) != null) {
                problems.add(RowProblem.error(line, "voter_key", "voter key already used on line " + keys.get(key)));
            }
            Iin iin = null;
            try {
                iin = new Iin(row.get("iin").strip());
            } catch (InvalidIinException e) {
                problems.add(RowProblem.error(line, "iin", switch (e.reason()) {
                    case LENGTH -> "IIN must have exactly 12 digits";
                    case NOT_DIGITS -> "IIN must contain digits only";
                    case CONTROL_DIGIT -> "IIN control digit is wrong";
                }));
            }
            String surname = name(row, "surname", true, line, problems);
            String givenName = name(row, "given_name", true, line, problems);
            String patronymic = name(row, "patronymic", false, line, problems);
            LocalDate birthDate = null;
            String birthText = row.get("birth_date").strip();
            if (birthText.isEmpty()) {
                problems.add(RowProblem.error(line, "birth_date", "birth date is empty"));
            } else if (!ISO_DATE.matcher(birthText).matches()) {
                // LocalDate.parse alone also takes "+99999-01-01".
                problems.add(RowProblem.error(line, "birth_date", "birth date must be an ISO date YYYY-MM-DD"));
            } else {
                try {
                    birthDate = LocalDate.parse(birthText);
                    if (birthDate.getYear() < 1880) {
                        problems.add(RowProblem.error(line, "birth_date", "birth date is implausibly early"));
                        birthDate = null;
                    } else if (birthDate.isAfter(today)) {
                        problems.add(RowProblem.error(line, "birth_date", "birth date is after the day the "
                                + "package is built"));
                        birthDate = null;
                    }
                } catch (DateTimeParseException e) {
                    problems.add(RowProblem.error(line, "birth_date", "birth date must be an ISO date YYYY-MM-DD"));
                }
            }
            Sex sex = switch (row.get("sex").strip()) {
                case "M" -> Sex.MALE;
                case "F" -> Sex.FEMALE;
                default -> {
                    problems.add(RowProblem.error(line, "sex", "sex must be M or F"));
                    yield null;
                }
            };
            String precinctText = row.get("precinct").strip();
            if (!precinctText.matches("[0-9]{1,6}")) {
                problems.add(RowProblem.error(line, "precinct", "precinct must be a number of 1 to 6 digits"));
            } else if (Integer.parseInt(precinctText) != precinct.number()) {
                problems.add(RowProblem.error(line, "precinct", "precinct " + Integer.parseInt(precinctText)
                        + " is not the package's precinct " + precinct.number()));
            }
            if (iin != null && birthDate != null && iin.birthDate().isPresent()
                    && !iin.birthDate().get().equals(birthDate)) {
                problems.add(RowProblem.warning(line, "birth_date", "birth date differs from the date in the IIN"));
            }
            if (iin != null && sex != null && iin.sex().isPresent() && iin.sex().get() != sex) {
                problems.add(RowProblem.warning(line, "sex", "sex differs from the century/sex digit of the IIN"));
            }
            boolean rowHasErrors = problems.subList(before, problems.size()).stream()
                    .anyMatch(p -> p.severity() == RowProblem.Severity.ERROR);
            if (!rowHasErrors) {
                valid.add(new ValidRow(line, key, new Voter(iin, surname, givenName, patronymic, birthDate, precinct),
                        sex));
            }
        }
        return new Result(valid, problems);
    }

    private static String name(VoterCsvReader.CsvRow row, String column, boolean required, int line,
                               List<RowProblem> problems) {
        String value = row.get(column).strip();
        String label = column.replace('_', ' ');
        boolean blank = value.codePoints().allMatch(VoterRowValidator::looksBlank);
        if (required && value.isEmpty()) {
            problems.add(RowProblem.error(line, column, label + " is empty"));
        } else if (blank && !value.isEmpty()) {
            problems.add(RowProblem.error(line, column, label
                    + " consists only of spaces or invisible characters (such as U+00A0 no-break space)"));
        } else if (value.length() > MAX_NAME) {
            problems.add(RowProblem.error(line, column, label + " is longer than " + MAX_NAME + " characters"));
        } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c))) {
            problems.add(RowProblem.error(line, column, label + " contains control characters"));
        } else {
            unsafeCharacter(value).ifPresent(reason -> problems.add(RowProblem.error(line, column, label + reason)));
        }
        return value;
    }

    /**
     * Why a name's characters could make it show differently from what it holds, or empty: a bidirectional
     * control reorders what follows it (Unicode Standard Annex #9 section 2), a format character or filler shows
     * nothing (zero-width space U+200B, joiners, soft hyphen, byte order mark, variation selectors), a space other
     * than U+0020 (or the braille blank U+2800, drawn as one) hides in plain sight, a combining mark at the start or
     * after a space sits on no letter, and an unassigned, private-use or surrogate code point is no letter at all.
     * The reason names the code point, never the name.
     */
    static Optional<String> unsafeCharacter(String value) {
        int previous = ' ';
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            int before = previous;
            previous = c;
            String codePoint = String.format(Locale.ROOT, "U+%04X", c);
            if (BIDI_CONTROLS.contains(c)) {
                return Optional.of(" contains the bidirectional control character " + codePoint
                        + ", which changes the order in which the name is shown");
            }
            if (invisible(c)) {
                return Optional.of(" contains the invisible character " + codePoint
                        + " (zero-width, joiner, filler or other format character)");
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                return Optional.of(" contains " + codePoint + ", which is not a character of any script");
            }
            if ((type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) && before == ' ') {
                // At the start or after a space a mark sits on nothing: a name of marks alone shows as a blank.
                return Optional.of(" contains the combining mark " + codePoint + " with no letter before it");
            }
            if (c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == BRAILLE_BLANK)) {
                return Optional.of(" contains the space character " + codePoint
                        + "; only the ordinary space U+0020 may separate the parts of a name");
            }
        }
        return Optional.empty();
    }

    /** Bidirectional controls: ALM, LRM, RLM, the embeddings and overrides LRE..RLO, the isolates LRI..PDI. */
    private static final Set<Integer> BIDI_CONTROLS = Set.of(0x061C, 0x200E, 0x200F, 0x202A,
            0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);

    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || c == 0x034F // combining grapheme joiner
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) // variation selectors
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
                || c == 0x180E // Mongolian vowel separator
                || (c >= 0x180B && c <= 0x180F) // Mongolian free variation selectors (default ignorable marks)
                || c == 0x17B4 || c == 0x17B5; // Khmer inherent vowels: default ignorable, drawn as nothing (H53)
    }

    /** U+2800 braille pattern blank: a symbol, not a space, that shows as one (H53: a surname of it alone passed). */
    private static final int BRAILLE_BLANK = 0x2800;

    private static boolean looksBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == BRAILLE_BLANK || invisible(c)
                || BIDI_CONTROLS.contains(c);
    }
}
