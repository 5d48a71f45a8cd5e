package kz.sailau.kiosk.model.mrz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.Sex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Property tests and the hostile-input corpus of the MRZ parser: it returns or says which field is wrong. */
class MrzPropertiesTest {

    private static final LocalDate TODAY = MrzParserTest.TODAY;

    /** A valid IIN for a birth date prefix, century digit and the first serial that gives a control digit. */
    static Iin iinFor(String yymmdd, int century, int fromSerial) {
        for (int serial = fromSerial; serial < fromSerial + 10_000; serial++) {
            String eleven = yymmdd + century + String.format("%04d", serial % 10_000);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
        throw new AssertionError("no IIN for " + yymmdd);
    }

    @Provide
    Arbitrary<MrzWriter.Card> cards() {
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 36_000)
                .map(days -> LocalDate.of(1927, 1, 1).plusDays(days));
        Arbitrary<LocalDate> expiry = Arbitraries.integers().between(0, 36_000)
                .map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
        Arbitrary<String> number = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> name = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(" ", parts));
        Arbitrary<Optional<Sex>> sex = Arbitraries.of(Optional.of(Sex.MALE), Optional.of(Sex.FEMALE), Optional.empty());
        Arbitrary<Integer> serial = Arbitraries.integers().between(0, 9_999);
        return Combinators.combine(birth, expiry, number, name, name, sex, serial)
                .as((b, e, n, surname, given, s, ser) -> {
                    String yymmdd = String.format("%02d%02d%02d", b.getYear() % 100, b.getMonthValue(),
                            b.getDayOfMonth());
                    int century = b.getYear() >= 2000 ? 5 : 3;
                    return new MrzWriter.Card("KAZ", n, iinFor(yymmdd, century, ser), b, s, e, "KAZ", surname, given);
                });
    }

    @Property(tries = 300)
    void writtenCardsReadBack(@ForAll("cards") MrzWriter.Card card) {
        IdentityDocument doc = MrzParser.parse(MrzWriter.text(card), TODAY);
        assertEquals(card.iin(), doc.iin());
        assertEquals(card.documentNumber(), doc.documentNumber());
        assertEquals(card.birthDate(), doc.birthDate());
        assertEquals(card.expiryDate(), doc.expiryDate());
        assertEquals(card.sex(), doc.sex());
        String written = MrzWriter.lines(card).get(2);
        String expectedSurname = card.surname().length() + 2 > 30 ? doc.surname() : card.surname();
        assertEquals(expectedSurname, doc.surname(), written);
        if (card.surname().length() + card.givenNames().length() + 2 <= 30) {
            assertEquals(card.givenNames(), doc.givenNames(), written);
        }
    }

    @Property(tries = 400)
    void anySingleCharacterChangeIsReadOrRefusedByField(@ForAll("cards") MrzWriter.Card card,
            @ForAll @IntRange(min = 0, max = 2) int line, @ForAll @IntRange(min = 0, max = 29) int position,
            @ForAll @CharRange(from = '0', to = 'Z') char replacement) {
        String text = MrzParserTest.replace(MrzWriter.lines(card), line, position, replacement);
        parseOrRefuse(text);
    }

    @Property(tries = 500)
    void anyStringIsReadOrRefusedByField(@ForAll @StringLength(max = 300) String text) {
        parseOrRefuse(text);
    }

    @Property(tries = 500)
    void anyZoneShapedStringIsReadOrRefusedByField(
            @ForAll @StringLength(min = 30, max = 30) @CharRange(from = '0', to = 'Z') String a,
            @ForAll @StringLength(min = 30, max = 30) @CharRange(from = '0', to = 'Z') String b,
            @ForAll @StringLength(min = 30, max = 30) @CharRange(from = '0', to = 'Z') String c) {
        parseOrRefuse(a + "\n" + b + "\n" + c);
    }

    @Test
    void hostileCorpusIsRefusedByField() {
        List<String> lines = MrzWriter.lines(MrzParserTest.card());
        String good = String.join("\n", lines);
        List<String> corpus = new ArrayList<>(List.of(
                "", " ", "\n", "\r\n\r\n\r\n", "\u0000", "<".repeat(30), "<<<\n<<<\n<<<",
                ("<".repeat(30) + "\n").repeat(3),
                ("0".repeat(30) + "\n").repeat(3),
                ("Z".repeat(30) + "\n").repeat(3),
                good.replace('<', '\u00AB'),              // guillemets for fillers
                good.replace('0', '\uFF10'),              // full-width digits
                good.replace("K", "K\u0301"),             // combining accent
                good.replace('A', '\u0410'),              // Cyrillic A lookalike
                "\uD83D\uDE00".repeat(45),                // emoji surrogate pairs
                "\uD800" + good,                          // lone surrogate
                "\u202E" + good,                          // right-to-left override
                good.replace("\n", "\u2028"),             // Unicode line separator
                good.replace("\n", "\n\u0000"),
                good + "\n" + good,
                good.substring(0, good.length() - 1),
                lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + "<",
                lines.get(0) + "\t" + lines.get(1) + "\t" + lines.get(2),
                lines.get(0) + lines.get(1) + lines.get(2),
                "IDKAZ" + "9".repeat(25) + "\n" + "9".repeat(30) + "\n" + "A".repeat(30),
                "X".repeat(MrzParser.MAX_INPUT_LENGTH + 1),
                "\n".repeat(10_000_000),
                "A".repeat(50_000_000)));
        for (String text : corpus) {
            MrzFormatException e = org.junit.jupiter.api.Assertions.assertThrows(MrzFormatException.class,
                    () -> MrzParser.parse(text, TODAY), () -> "accepted: " + text.length() + " chars");
            assertNotNull(e.field());
        }
    }

    private static void parseOrRefuse(String text) {
        try {
            IdentityDocument doc = MrzParser.parse(text, TODAY);
            assertNotNull(doc.iin());
        } catch (MrzFormatException e) {
            assertNotNull(e.field());
            assertNotNull(e.messageKey());
        }
    }
}
