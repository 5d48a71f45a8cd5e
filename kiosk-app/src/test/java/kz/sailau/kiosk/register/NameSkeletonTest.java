package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How names look: Latin and Cyrillic look-alikes, case, Ё and spaces count as the same; other names do not. */
class NameSkeletonTest {

    @Test
    void lookAlikesShareTheirSkeleton() {
        assertEquals(NameSkeleton.of("Иванов"), NameSkeleton.of("Ивaнoв"));      // Latin a, o
        assertEquals(NameSkeleton.of("Сергеев"), NameSkeleton.of("Cepгeeв"));    // Latin C, e, p
        assertEquals(NameSkeleton.of("ИВАНОВ"), NameSkeleton.of("Иванов"));
        assertEquals(NameSkeleton.of("Пётр"), NameSkeleton.of("Петр"));
        assertEquals(NameSkeleton.of("Әли  Хан"), NameSkeleton.of(" Әли Хан "));
        assertEquals(NameSkeleton.of("и\u0306"), NameSkeleton.of("й"));           // decomposed short i
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(NameSkeleton.of("Иванов"), NameSkeleton.of("Иванова"));
        assertNotEquals(NameSkeleton.of("Сергеев"), NameSkeleton.of("Сергиев"));
        assertNotEquals(NameSkeleton.of("Жұмабаев"), NameSkeleton.of("Жумабаев").concat("x"));
        assertTrue(NameSkeleton.of("").isEmpty());
    }

    @Test
    void theValidatorNamesTheCodePointOfHiddenCharacters() {
        assertEquals(" contains the bidirectional control character U+202E, which changes the order in which the "
                + "name is shown", VoterRowValidator.unsafeCharacter("Сейт\u202Eов").orElseThrow());
        assertTrue(VoterRowValidator.unsafeCharacter("Ер\u200Bлан").orElseThrow().contains("U+200B"));
        assertTrue(VoterRowValidator.unsafeCharacter("Нұр\u00A0ланов").orElseThrow().contains("U+00A0"));
        assertTrue(VoterRowValidator.unsafeCharacter("Ер\uE000лан").orElseThrow().contains("U+E000"));
        assertTrue(VoterRowValidator.unsafeCharacter("Нұрланұлы-Қасым Әлі").isEmpty());
    }
}
