package kz.sailau.kiosk.model.mrz;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.InvalidIinException;
import kz.sailau.kiosk.model.Sex;

/**
 * Reads the machine readable zone of a TD1 identity card: three lines of 30 characters, ICAO Doc 9303
 * (8th edition) Part 5, section 4.2.2, with the check digits of Part 3, section 4.9 and the composite check
 * digit of Part 5, section 4.2.2.2.
 *
 * <p>Accepted input: the three lines separated by CR, LF or CRLF, with optional surrounding blank lines and
 * trailing spaces (what a serial MRZ reader sends). Nothing else is "corrected": OCR confusions such as
 * {@code O} for {@code 0} are rejected with an error naming the field, because the standard only defines
 * the filler {@code <}. Fillers are removed from the results and turn into single spaces inside names.
 *
 * <p>The IIN is taken from the optional data of line 1, positions 16-27, as on the Kazakh identity card, and
 * its own control digit is verified. Two-digit years: a birth year is put in the latest century that does not
 * place it after the reference day; an expiry year is always 20YY.
 *
 * <p>The parser is linear in its input and rejects input longer than {@link #MAX_INPUT_LENGTH} before
 * looking at it, so no string can make it hang. Thread-safe and stateless.
 */
public final class MrzParser {

    /** Length of each TD1 line (Part 5, section 4.2.2). */
    public static final int LINE_LENGTH = 30;
    /** Number of TD1 lines. */
    public static final int LINE_COUNT = 3;
    /** Longer input is refused at once: three lines, line breaks and generous trailing spaces. */
    public static final int MAX_INPUT_LENGTH = 256;

    private MrzParser() {
    }

    /**
     * Parses a TD1 zone.
     *
     * @param text         the zone as read
     * @param referenceDay the day used to choose the century of the birth date (usually today)
     * @return the verified document data
     * @throws MrzFormatException naming the first field that is wrong
     */
    public static IdentityDocument parse(String text, LocalDate referenceDay) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(referenceDay, "referenceDay");
        List<String> lines = lines(text);
        String line1 = lines.get(0);
        String line2 = lines.get(1);
        String line3 = lines.get(2);

        String documentCode = documentCode(line1.substring(0, 2));
        String issuingState = stateCode(line1.substring(2, 5), MrzField.ISSUING_STATE);
        String documentNumber = documentNumber(line1.substring(5, 14), line1.charAt(14));
        Iin iin = iin(line1.substring(15, 30));
        LocalDate birthDate = date(line2.substring(0, 6), line2.charAt(6), MrzField.BIRTH_DATE);
        if (birthDate.isAfter(referenceDay)) {
            birthDate = birthDate.minusYears(100);
        }
        Optional<Sex> sex = sex(line2.charAt(7));
        LocalDate expiryDate = date(line2.substring(8, 14), line2.charAt(14), MrzField.EXPIRY_DATE);
        String nationality = stateCode(line2.substring(15, 18), MrzField.NATIONALITY);
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        requireCheckDigit(composite, line2.charAt(29), MrzField.COMPOSITE_CHECK);
        String[] names = names(line3);
        return new IdentityDocument(documentCode, issuingState, documentNumber, iin, birthDate, sex, expiryDate,
                nationality, names[0], names[1]);
    }

    private static List<String> lines(String text) {
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new MrzFormatException(MrzField.LAYOUT, "input longer than " + MAX_INPUT_LENGTH + " characters");
        }
        List<String> lines = new ArrayList<>(LINE_COUNT);
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            String line = stripTrailingSpaces(raw);
            if (!line.isEmpty()) {
                lines.add(line);
            } else if (!lines.isEmpty() && lines.size() < LINE_COUNT) {
                throw new MrzFormatException(MrzField.LAYOUT, "blank line inside the zone");
            }
        }
        if (lines.size() != LINE_COUNT) {
            throw new MrzFormatException(MrzField.LAYOUT, "expected 3 lines, got " + lines.size());
        }
        for (int n = 0; n < LINE_COUNT; n++) {
            String line = lines.get(n);
            if (line.length() != LINE_LENGTH) {
                throw new MrzFormatException(MrzField.LAYOUT,
                        "line " + (n + 1) + " has " + line.length() + " characters, expected 30");
            }
            for (int i = 0; i < LINE_LENGTH; i++) {
                if (!isMrzChar(line.charAt(i))) {
                    throw new MrzFormatException(MrzField.LAYOUT,
                            "line " + (n + 1) + " position " + (i + 1) + " is not one of A-Z 0-9 <");
                }
            }
        }
        return lines;
    }

    private static String stripTrailingSpaces(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        return raw.substring(0, end);
    }

    static boolean isMrzChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
    }

    private static String documentCode(String field) {
        // Part 5, 4.2.2.1: first character A, C or I; second a letter (not V) or filler.
        char first = field.charAt(0);
        char second = field.charAt(1);
        if ((first != 'A' && first != 'C' && first != 'I') || second == 'V' || Character.isDigit(second)) {
            throw new MrzFormatException(MrzField.DOCUMENT_CODE, "not a TD1 document code");
        }
        return withoutFillers(field);
    }

    private static String stateCode(String field, MrzField which) {
        // Part 3, section 5: letters, padded with fillers on the right (e.g. "D<<").
        String value = withoutTrailingFillers(field);
        if (value.isEmpty()) {
            throw new MrzFormatException(which, "empty code");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 'A' || value.charAt(i) > 'Z') {
                throw new MrzFormatException(which, "code must be letters followed by fillers");
            }
        }
        return value;
    }

    private static String documentNumber(String field, char check) {
        if (check == '<') {
            // Part 5, 4.2.2 note j: a filler here means a number longer than 9 characters continued in the
            // optional data. Kazakh cards use 9 characters and the optional data carries the IIN instead.
            throw new MrzFormatException(MrzField.DOCUMENT_NUMBER, "extended document numbers are not supported");
        }
        String value = withoutTrailingFillers(field);
        if (value.isEmpty() || value.indexOf('<') >= 0) {
            throw new MrzFormatException(MrzField.DOCUMENT_NUMBER, "empty or with fillers inside");
        }
        requireCheckDigit(field, check, MrzField.DOCUMENT_NUMBER);
        return value;
    }

    private static Iin iin(String optionalData) {
        String digits = optionalData.substring(0, 12);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                throw new MrzFormatException(MrzField.IIN, "positions 16-27 of line 1 must be twelve digits");
            }
        }
        try {
            return new Iin(digits);
        } catch (InvalidIinException e) {
            throw new MrzFormatException(MrzField.IIN, e.getMessage());
        }
    }

    private static LocalDate date(String field, char check, MrzField which) {
        for (int i = 0; i < 6; i++) {
            if (!Character.isDigit(field.charAt(i))) {
                throw new MrzFormatException(which, "date must be six digits YYMMDD");
            }
        }
        requireCheckDigit(field, check, which);
        int yy = Integer.parseInt(field.substring(0, 2));
        int mm = Integer.parseInt(field.substring(2, 4));
        int dd = Integer.parseInt(field.substring(4, 6));
        try {
            return LocalDate.of(2000 + yy, mm, dd);
        } catch (DateTimeException e) {
            throw new MrzFormatException(which, "no such calendar date");
        }
    }

    private static Optional<Sex> sex(char c) {
        // Part 4, 4.2.2: F, M, or < (unspecified); later editions also allow X.
        return switch (c) {
            case 'M' -> Optional.of(Sex.MALE);
            case 'F' -> Optional.of(Sex.FEMALE);
            case '<', 'X' -> Optional.empty();
            default -> throw new MrzFormatException(MrzField.SEX, "sex must be M, F, X or <");
        };
    }

    private static String[] names(String line) {
        // Part 3, 4.6: primary identifier, "<<", secondary identifier; components separated by one "<".
        String value = withoutTrailingFillers(line);
        if (value.isEmpty() || value.charAt(0) == '<') {
            throw new MrzFormatException(MrzField.NAME, "primary identifier missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '<' && (c < 'A' || c > 'Z')) {
                throw new MrzFormatException(MrzField.NAME, "names must be letters and fillers");
            }
        }
        int separator = value.indexOf("<<");
        String primary = separator < 0 ? value : value.substring(0, separator);
        String secondary = separator < 0 ? "" : value.substring(separator + 2);
        if (secondary.startsWith("<") || secondary.contains("<<")) {
            throw new MrzFormatException(MrzField.NAME, "more than one filler between name components");
        }
        return new String[] {primary.replace('<', ' '), secondary.replace('<', ' ')};
    }

    private static void requireCheckDigit(String field, char check, MrzField which) {
        if (check < '0' || check > '9') {
            throw new MrzFormatException(which, "check digit is not a digit");
        }
        if (CheckDigit.of(field) != check - '0') {
            throw new MrzFormatException(which, "check digit does not match");
        }
    }

    private static String withoutTrailingFillers(String field) {
        int end = field.length();
        while (end > 0 && field.charAt(end - 1) == '<') {
            end--;
        }
        return field.substring(0, end);
    }

    private static String withoutFillers(String field) {
        return field.replace("<", "");
    }
}
