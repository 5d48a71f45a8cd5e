package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoterSetGeneratorTest {

    private final VoterSetGenerator generator = new VoterSetGenerator(77, 101, Difficulty.NORMAL);

    @Test
    void iinsAreValidUniqueAndAgreeWithBirthDateAndSex() {
        List<SyntheticVoter> voters = generator.voters(300);
        Set<String> iins = new HashSet<>();
        for (SyntheticVoter v : voters) {
            String iin = v.iin();
            assertTrue(iins.add(iin), "duplicate IIN");
            assertTrue(iin.matches("\\d{12}"));
            assertEquals(SyntheticIin.controlDigit(iin.substring(0, 11)), iin.charAt(11) - '0');
            LocalDate b = v.birthDate();
            assertEquals(String.format("%02d%02d%02d", b.getYear() % 100, b.getMonthValue(), b.getDayOfMonth()),
                    iin.substring(0, 6));
            int century = iin.charAt(6) - '0';
            assertEquals(b.getYear() < 2000 ? (v.sex() == 'M' ? 3 : 4) : (v.sex() == 'M' ? 5 : 6), century);
            assertEquals(101, v.precinct());
            assertFalse(v.surname().isEmpty());
            assertFalse(v.givenName().isEmpty());
        }
    }

    @Test
    void includesMinorsAndTheEighteenthBirthdayEdges() {
        List<SyntheticVoter> voters = generator.voters(40);
        long minors = voters.stream()
                .filter(v -> Period.between(v.birthDate(), VoterSetGenerator.ELECTION_DAY).getYears() < 18).count();
        assertTrue(minors >= 2 && minors <= 4, "minors: " + minors);
        assertEquals(LocalDate.of(2008, 12, 7), voters.get(5).birthDate(), "turns 18 the day after election day");
        assertEquals(LocalDate.of(2008, 12, 6), voters.get(11).birthDate(), "turns 18 on election day");
        assertTrue(voters.stream().allMatch(v -> v.birthDate().isAfter(LocalDate.of(1900, 1, 1))));
    }

    @Test
    void namesAreKazakhAndRussianWithKazakhLettersAndSomeEmptyPatronymics() {
        List<SyntheticVoter> voters = generator.voters(400);
        String kazakhLetters = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";
        assertTrue(voters.stream().anyMatch(v -> (v.surname() + v.givenName() + v.patronymic()).chars()
                .anyMatch(c -> kazakhLetters.indexOf(c) >= 0)));
        assertTrue(voters.stream().anyMatch(v -> v.patronymic().endsWith("ович") || v.patronymic().endsWith("евич")));
        assertTrue(voters.stream().anyMatch(v -> v.patronymic().isEmpty()));
        assertTrue(voters.stream().filter(v -> v.sex() == 'F').allMatch(v -> v.surname().endsWith("а")));
    }

    @Test
    void isDeterministicAndHidesPersonalDataInToString() {
        assertEquals(generator.voters(20), new VoterSetGenerator(77, 101, Difficulty.NORMAL).voters(20));
        SyntheticVoter v = generator.voters(1).get(0);
        assertEquals("SyntheticVoter[V0001]", v.toString());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> generator.voters(0));
        assertThrows(IllegalArgumentException.class, () -> new VoterSetGenerator(1, 0, Difficulty.EASY));
        assertThrows(IllegalArgumentException.class, () -> generator.withGreyLevels(1));
    }
}
