package kz.sailau.kiosk.model.mrz;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.Sex;

/**
 * The data read from the machine readable zone of a TD1 identity card (жеке куәлік / удостоверение
 * личности), every check digit already verified. Personal data: {@link #toString()} reveals nothing.
 *
 * @param documentCode   two characters, fillers removed, e.g. {@code I} or {@code ID}
 * @param issuingState   three-letter code of ICAO 9303 Part 3, e.g. {@code KAZ}
 * @param documentNumber the document number, fillers removed
 * @param iin            the IIN carried in the optional data (positions 16-27 of line 1)
 * @param birthDate      date of birth
 * @param sex            sex, empty when the zone says {@code <} (unspecified)
 * @param expiryDate     date of expiry
 * @param nationality    three-letter nationality code
 * @param surname        primary identifier as printed in the zone, components separated by single spaces
 * @param givenNames     secondary identifier as printed in the zone, may be empty
 */
public record IdentityDocument(String documentCode, String issuingState, String documentNumber, Iin iin,
                               LocalDate birthDate, Optional<Sex> sex, LocalDate expiryDate,
                               String nationality, String surname, String givenNames) {

    /** @throws NullPointerException on a null field */
    public IdentityDocument {
        Objects.requireNonNull(documentCode, "documentCode");
        Objects.requireNonNull(issuingState, "issuingState");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(givenNames, "givenNames");
    }

    /** Whether the document is still valid on {@code day} (valid through its expiry date). */
    public boolean validOn(LocalDate day) {
        return !expiryDate.isBefore(day);
    }

    /** Reveals nothing but the issuing state: a document is personal data. */
    @Override
    public String toString() {
        return "IdentityDocument[" + issuingState + ", ***]";
    }
}
