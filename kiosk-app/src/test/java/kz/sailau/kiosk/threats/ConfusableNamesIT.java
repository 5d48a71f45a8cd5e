package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.SyntheticPrints;
import kz.sailau.kiosk.register.VoterCsvReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: whoever prepares {@code voters.csv} enrols one person twice under names that look the same but are spelt
 * with other letters (Latin a and o inside a Cyrillic name), or hides characters in a name that change how it is
 * shown (a right-to-left override, a zero-width space, a name of no-break spaces). {@code register build}, through
 * the real command line, refuses the hidden characters with a reason naming the line, field and code point, and
 * reports look-alike names with the same birth date under different IINs as a suspected duplicate (decision 0130);
 * no package is written in either case.
 */
class ConfusableNamesIT {

    static final LocalDate BIRTH = LocalDate.of(1979, 5, 14);

    @TempDir
    Path root;
    ThreatWorld world;
    Path prints;

    @BeforeEach
    void authority() throws Exception {
        world = ThreatWorld.create(root);
        prints = Files.createDirectories(root.resolve("prints"));
    }

    @Test
    void hiddenCharactersInNamesAreRefusedWithTheirReason() throws Exception {
        ThreatWorld.Run build = build(List.of(
                row("V1", 1, "Сейт\u202Eов", "Ерлан"),
                row("V2", 2, "Жұмабаев", "Ер\u200Bлан"),
                row("V3", 3, "\u00A0\u00A0", "Ерлан"),
                row("V4", 4, "Ив\u200Bан", "Ерлан"),
                row("V5", 5, "Нұр\u2009ланов", "Ерлан"),
                row("V6", 6, "Бекқали", "Ерлан\uFEFF"),
                row("V7", 7, "\u2800", "Ерлан"),                 // braille blank alone (session H53)
                row("V8", 8, "Бе\u2800кова", "Ерлан"),
                row("V9", 9, "Омаров", "\u0301\u0301"),          // combining marks alone
                row("V10", 10, "Омар \u0301ов", "Ерлан"),
                row("V11", 11, "Ер\u17B4ғалиева", "Ерлан")));          // an invisible Khmer vowel after a letter
        assertEquals(3, build.exit(), build.out() + build.err());
        String out = build.out();
        assertTrue(out.contains("error\t2\tsurname\tsurname contains the bidirectional control character U+202E"), out);
        assertTrue(out.contains("error\t3\tgiven_name\tgiven name contains the invisible character U+200B"), out);
        assertTrue(out.contains("error\t4\tsurname\tsurname consists only of spaces or invisible characters"), out);
        assertTrue(out.contains("error\t5\tsurname\tsurname contains the invisible character U+200B"), out);
        assertTrue(out.contains("error\t6\tsurname\tsurname contains the space character U+2009"), out);
        assertTrue(out.contains("error\t7\tgiven_name\tgiven name contains the invisible character U+FEFF"), out);
        assertTrue(out.contains("error\t8\tsurname\tsurname consists only of spaces or invisible characters"), out);
        assertTrue(out.contains("error\t9\tsurname\tsurname contains the space character U+2800"), out);
        assertTrue(out.contains("error\t10\tgiven_name\tgiven name contains the combining mark U+0301 with no "
                + "letter before it"), out);
        assertTrue(out.contains("error\t11\tsurname\tsurname contains the combining mark U+0301"), out);
        assertTrue(out.contains("error\t12\tsurname\tsurname contains the invisible character U+17B4"), out);
        assertFalse(out.contains("Сейт") || out.contains("Жұмабаев"), "reasons never quote the name: " + out);
        assertFalse(Files.exists(root.resolve("register.srp")), "nothing is written");
    }

    @Test
    void lookAlikeNamesWithTheSameBirthDateAreSuspectedDuplicates() throws Exception {
        ThreatWorld.Run build = build(List.of(
                row("V1", 1, "Иванов", "Ерлан"),
                row("V2", 2, "Ивaнoв", "Ерлан"),          // Latin a and o
                row("V3", 3, "ИВАНОВ", "ЕРЛАН"),          // the same name in capitals
                row("V4", 4, "Сергеев", "Арман"),
                row("V5", 5, "Cepгeeв", "Арман"),         // Latin C, e, e
                row("V6", 6, "Петров", "Асхат")));
        assertEquals(3, build.exit(), build.out() + build.err());
        String out = build.out();
        assertTrue(out.contains("duplicate\tname:V1+V2+V3\tlines [2, 3, 4]\tlook-alike (confusable) surname, given "
                + "name, patronymic and birth date under 3 different IINs"), out);
        assertTrue(out.contains("duplicate\tname:V4+V5\tlines [5, 6]\tlook-alike (confusable)"), out);
        assertFalse(out.contains("V6"), "a different name is no duplicate: " + out);
        assertTrue(build.err().contains("2 unaccepted duplicate(s); no package written"), build.err());
        assertFalse(Files.exists(root.resolve("register.srp")));
    }

    @Test
    void examinedLookAlikesCanBeAcceptedAndThePackageIsWritten() throws Exception {
        Path accepted = Files.writeString(root.resolve("accepted.txt"), "name:V1+V2 twins registered apart\n");
        ThreatWorld.Run build = build(List.of(row("V1", 1, "Иванов", "Ерлан"), row("V2", 2, "Ивaнoв", "Ерлан")),
                "--accept-duplicates", accepted.toString());
        assertEquals(0, build.exit(), build.out() + build.err());
        assertTrue(build.out().contains("accepted\tname:V1+V2"), build.out());
        assertTrue(Files.exists(root.resolve("register.srp")));
    }

    private String row(String key, int serial, String surname, String givenName) throws Exception {
        SyntheticPrints.writeEnrolment(prints, key, serial * 7919L);
        return key + "," + RegisterFixtures.iin(BIRTH, true, serial * 10).digits() + "," + surname + "," + givenName
                + ",," + BIRTH + ",M,101";
    }

    private ThreatWorld.Run build(List<String> rows, String... more) throws Exception {
        Path voters = Files.writeString(root.resolve("voters.csv"), VoterCsvReader.HEADER + "\n"
                + String.join("\n", rows) + "\n");
        String[] args = {"register", "build", "--voters", voters.toString(), "--prints", prints.toString(),
                "--authority", world.authority.toString(), "--kiosk-cert", world.kioskCertificateFile.toString(),
                "--election", RegisterFixtures.ELECTION.value(), "--precinct", "101", "--version", "1", "--out",
                root.resolve("register.srp").toString(), "--passphrase-file", world.passphrase.toString()};
        return ThreatWorld.run(BadInvocationsIT.concat(args, more));
    }
}
