package kz.sailau.kiosk.model.mrz;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.Sex;

/**
 * Writes the TD1 machine readable zone of a test or demo identity card (ICAO Doc 9303 Part 5, section 4.2.2)
 * with every check digit computed, so that {@link MrzParser} reads it back. Names in any script are
 * transliterated with {@link IcaoTransliteration} and truncated to the 30 characters of line 3
 * (Part 3, section 4.6.1: the secondary identifier is cut first).
 */
public final class MrzWriter {

    private MrzWriter() {
    }

    /**
     * The card details to write.
     *
     * @param issuingState   three letters, e.g. {@code KAZ}
     * @param documentNumber 1-9 letters or digits
     * @param iin            the IIN written to positions 16-27 of line 1
     * @param birthDate      date of birth (written as YYMMDD)
     * @param sex            sex, empty for {@code <}
     * @param expiryDate     date of expiry (written as YYMMDD)
     * @param nationality    three letters
     * @param surname        surname, any script
     * @param givenNames     given names, any script, may be empty
     */
    public record Card(String issuingState, String documentNumber, Iin iin, LocalDate birthDate, Optional<Sex> sex,
                       LocalDate expiryDate, String nationality, String surname, String givenNames) {

        /** @throws IllegalArgumentException when a field cannot be written in a TD1 zone */
        public Card {
            Objects.requireNonNull(issuingState, "issuingState");
            Objects.requireNonNull(documentNumber, "documentNumber");
            Objects.requireNonNull(iin, "iin");
            Objects.requireNonNull(birthDate, "birthDate");
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(expiryDate, "expiryDate");
            Objects.requireNonNull(nationality, "nationality");
            Objects.requireNonNull(surname, "surname");
            Objects.requireNonNull(givenNames, "givenNames");
            if (!issuingState.matches("[A-Z]{1,3}") || !nationality.matches("[A-Z]{1,3}")) {
                throw new IllegalArgumentException("state codes must be 1-3 letters A-Z");
            }
            if (!documentNumber.matches("[A-Z0-9]{1,9}")) {
                throw new IllegalArgumentException("document number must be 1-9 characters A-Z 0-9");
            }
            if (IcaoTransliteration.toMrz(surname).isEmpty()) {
                throw new IllegalArgumentException("surname has no transliterable letter");
            }
        }

        /** Reveals nothing: card details are personal data. */
        @Override
        public String toString() {
            return "Card[***]";
        }
    }

    /** The three lines of the zone, each 30 characters. */
    public static List<String> lines(Card card) {
        Objects.requireNonNull(card, "card");
        String number = pad(card.documentNumber(), 9);
        String line1 = "ID" + pad(card.issuingState(), 3) + number + CheckDigit.charOf(number)
                + pad(card.iin().digits(), 15);
        String birth = yymmdd(card.birthDate());
        String expiry = yymmdd(card.expiryDate());
        String sex = card.sex().map(s -> s == Sex.MALE ? "M" : "F").orElse("<");
        String optional2 = pad("", 11);
        String line2Start = birth + CheckDigit.charOf(birth) + sex + expiry + CheckDigit.charOf(expiry)
                + pad(card.nationality(), 3) + optional2;
        String composite = line1.substring(5, 30) + line2Start.substring(0, 7) + line2Start.substring(8, 15)
                + line2Start.substring(18, 29);
        String line2 = line2Start + CheckDigit.charOf(composite);
        String line3 = names(IcaoTransliteration.toMrz(card.surname()), IcaoTransliteration.toMrz(card.givenNames()));
        return List.of(line1, line2, line3);
    }

    /** The zone as a reader sends it: three lines, each terminated by CR LF. */
    public static String text(Card card) {
        return String.join("\r\n", lines(card)) + "\r\n";
    }

    private static String names(String primary, String secondary) {
        String joined = secondary.isEmpty() ? primary : primary + "<<" + secondary;
        if (joined.length() > MrzParser.LINE_LENGTH) {
            joined = joined.substring(0, MrzParser.LINE_LENGTH);
        }
        // A cut may leave a dangling filler: drop it so the parser sees well-formed components.
        while (joined.endsWith("<")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return pad(joined, MrzParser.LINE_LENGTH);
    }

    private static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    private static String pad(String value, int length) {
        StringBuilder out = new StringBuilder(length).append(value);
        while (out.length() < length) {
            out.append('<');
        }
        return out.toString();
    }
}
