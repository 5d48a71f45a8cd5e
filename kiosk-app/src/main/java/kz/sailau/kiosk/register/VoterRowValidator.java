package kz.sailau.kiosk.register;

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
 * IIN (12 digits, control digit with both weight passes), names non-empty, ISO birth date, sex M/F,
 * precinct equal to the package's; a birth date or sex that disagrees with the IIN is a warning, as the law
 * allows it.
 */
public final class VoterRowValidator {

    /** A voter key is a file-name-safe token: it names the voter's prints directory. */
    static final Pattern VOTER_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Longest accepted name part, in characters. */
    static final int MAX_NAME = 100;

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

    /** Validates all rows against the package's precinct. */
    public static Result validate(List<VoterCsvReader.CsvRow> rows, PrecinctId precinct) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(precinct, "precinct");
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
            } else {
                try {
                    birthDate = LocalDate.parse(birthText);
                    if (birthDate.getYear() < 1880) {
                        problems.add(RowProblem.error(line, "birth_date", "birth date is implausibly early"));
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
        if (required && value.isEmpty()) {
            problems.add(RowProblem.error(line, column, column.replace('_', ' ') + " is empty"));
        } else if (value.length() > MAX_NAME) {
            problems.add(RowProblem.error(line, column, column.replace('_', ' ') + " is longer than " + MAX_NAME
                    + " characters"));
        } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c))) {
            problems.add(RowProblem.error(line, column, column.replace('_', ' ') + " contains control characters"));
        }
        return value;
    }
}
