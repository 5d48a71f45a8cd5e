package kz.sailau.prints;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One made-up voter of a generated register: a row of {@code voters.csv}.
 *
 * @param voterKey {@code V0001} style key, also the folder name of the voter's prints
 * @param iin twelve digits (valid, except on purpose in {@code voters-bad.csv})
 * @param surname surname, may contain Kazakh letters
 * @param givenName given name
 * @param patronymic patronymic, possibly empty
 * @param birthDate birth date, consistent with the IIN
 * @param sex {@code 'M'} or {@code 'F'}, consistent with the IIN
 * @param precinct precinct number
 */
public record SyntheticVoter(String voterKey, String iin, String surname, String givenName, String patronymic,
                             LocalDate birthDate, char sex, int precinct) {

    /** @throws NullPointerException if a field is null */
    public SyntheticVoter {
        Objects.requireNonNull(voterKey, "voterKey");
        Objects.requireNonNull(iin, "iin");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(patronymic, "patronymic");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** Reveals only the key: even made-up personal data stays out of logs. */
    @Override
    public String toString() {
        return "SyntheticVoter[" + voterKey + "]";
    }
}
