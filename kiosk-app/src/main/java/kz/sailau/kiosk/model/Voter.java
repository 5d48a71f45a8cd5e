package kz.sailau.kiosk.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * A voter as recorded in the precinct register (сайлаушылар тізімі): personal data only, no biometrics.
 * {@link #toString()} reveals nothing, so a voter cannot leak into a log by accident.
 *
 * @param iin        the voter's IIN, the register key
 * @param surname    surname, as in the register (may contain Kazakh letters)
 * @param givenName  given name
 * @param patronymic patronymic, empty when the voter has none
 * @param birthDate  birth date as recorded in the register
 * @param precinct   the precinct the voter is registered in
 */
public record Voter(Iin iin, String surname, String givenName, String patronymic, LocalDate birthDate,
                   PrecinctId precinct) {

    /** @throws NullPointerException on a null field; @throws IllegalArgumentException on a blank name */
    public Voter {
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(patronymic, "patronymic");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(precinct, "precinct");
        if (surname.isBlank()) {
            throw new IllegalArgumentException("surname must not be blank");
        }
        if (givenName.isBlank()) {
            throw new IllegalArgumentException("given name must not be blank");
        }
    }

    /** Age in whole years on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The name as a clerk reads it: surname, given name, patronymic. */
    public String fullName() {
        return patronymic.isBlank() ? surname + " " + givenName : surname + " " + givenName + " " + patronymic;
    }

    /** Reveals nothing: a voter is personal data. */
    @Override
    public String toString() {
        return "Voter[***]";
    }
}
