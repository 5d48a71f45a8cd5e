package kz.sailau.kiosk.model.mrz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.Sex;
import org.junit.jupiter.api.Test;

class MrzParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Iin IIN = new Iin("900101300017");

    /** The TD1 specimen of ICAO Doc 9303 Part 5, Appendix A (no IIN, used for the check digits). */
    static final List<String> ICAO_SPECIMEN = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    static MrzWriter.Card card() {
        return new MrzWriter.Card("KAZ", "041234567", IIN, LocalDate.of(1990, 1, 1), Optional.of(Sex.MALE),
                LocalDate.of(2030, 5, 31), "KAZ", "Серікбаев", "Нұрлан Әділұлы");
    }

    static String zone() {
        return MrzWriter.text(card());
    }

    @Test
    void checkDigitsOfTheIcaoSpecimen() {
        String l1 = ICAO_SPECIMEN.get(0);
        String l2 = ICAO_SPECIMEN.get(1);
        assertEquals(7, CheckDigit.of("D23145890"));
        assertEquals(2, CheckDigit.of("740812"));
        assertEquals(9, CheckDigit.of("120415"));
        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        assertEquals(6, CheckDigit.of(composite));
        assertEquals(0, CheckDigit.of("<<<A"));  // A = 10, weight 7 at index 3: 70 mod 10
        assertEquals(7, CheckDigit.of("<<<<A<B")); // A at index 4, weight 3: 30; B at index 6, weight 7: 77
    }

    @Test
    void specimenFailsOnlyForTheMissingIin() {
        MrzFormatException e = assertThrows(MrzFormatException.class,
                () -> MrzParser.parse(String.join("\n", ICAO_SPECIMEN), TODAY));
        assertEquals(MrzField.IIN, e.field());
        assertEquals("mrz.error.iin", e.messageKey());
    }

    @Test
    void readsTheWrittenKazakhCard() {
        String text = zone();
        assertTrue(text.startsWith("IDKAZ0412345670900101300017<<<\r\n"), text);
        IdentityDocument doc = MrzParser.parse(text, TODAY);
        assertEquals("ID", doc.documentCode());
        assertEquals("KAZ", doc.issuingState());
        assertEquals("041234567", doc.documentNumber());
        assertEquals(IIN, doc.iin());
        assertEquals(LocalDate.of(1990, 1, 1), doc.birthDate());
        assertEquals(Optional.of(Sex.MALE), doc.sex());
        assertEquals(LocalDate.of(2030, 5, 31), doc.expiryDate());
        assertEquals("KAZ", doc.nationality());
        assertEquals("SERIKBAEV", doc.surname());
        assertEquals("NURLAN ADILULY", doc.givenNames());
        assertTrue(doc.validOn(LocalDate.of(2030, 5, 31)));
        assertFalse(doc.validOn(LocalDate.of(2030, 6, 1)));
        assertFalse(doc.toString().contains("SERIKBAEV"));
        assertFalse(doc.toString().contains(IIN.digits()));
    }

    @Test
    void birthCenturyNeverInTheFuture() {
        MrzWriter.Card young = new MrzWriter.Card("KAZ", "1", MrzPropertiesTest.iinFor("080315", 5, 1),
                LocalDate.of(2008, 3, 15), Optional.empty(), LocalDate.of(2031, 1, 1), "KAZ", "A", "");
        assertEquals(LocalDate.of(2008, 3, 15), MrzParser.parse(MrzWriter.text(young), TODAY).birthDate());
        assertEquals(LocalDate.of(1990, 1, 1), MrzParser.parse(zone(), TODAY).birthDate());
    }

    @Test
    void acceptsBareLinesAndTrailingSpacesButNothingElse() {
        List<String> lines = MrzWriter.lines(card());
        String plain = String.join("\n", lines);
        assertEquals(IIN, MrzParser.parse(plain, TODAY).iin());
        assertEquals(IIN, MrzParser.parse("\r\n" + String.join("  \r", lines) + " \n\n", TODAY).iin());
        assertField(MrzField.LAYOUT, lines.get(0) + "\n\n" + lines.get(1) + "\n" + lines.get(2));
        assertField(MrzField.LAYOUT, plain.toLowerCase());
        assertField(MrzField.LAYOUT, lines.get(0) + "\n" + lines.get(1));
        assertField(MrzField.LAYOUT, plain + "\n" + lines.get(2));
        assertField(MrzField.LAYOUT, plain.replaceFirst("<", ""));
    }

    @Test
    void eachBrokenFieldIsNamed() {
        List<String> l = MrzWriter.lines(card());
        assertField(MrzField.DOCUMENT_CODE, replace(l, 0, 0, 'P'));
        assertField(MrzField.DOCUMENT_CODE, replace(l, 0, 1, 'V'));
        assertField(MrzField.ISSUING_STATE, replace(l, 0, 2, '<'));
        assertField(MrzField.ISSUING_STATE, replace(l, 0, 3, '4'));
        assertField(MrzField.DOCUMENT_NUMBER, replace(l, 0, 6, '5'));  // check digit no longer matches
        assertField(MrzField.DOCUMENT_NUMBER, replace(l, 0, 14, '<'));
        assertField(MrzField.DOCUMENT_NUMBER, replace(l, 0, 14, 'O'));
        assertField(MrzField.IIN, replace(l, 0, 20, 'O'));              // OCR confusion O for 0
        assertField(MrzField.IIN, replace(l, 0, 26, '8'));              // IIN control digit
        assertField(MrzField.BIRTH_DATE, replace(l, 1, 3, '2'));
        assertField(MrzField.BIRTH_DATE, replace(l, 1, 0, 'O'));
        assertField(MrzField.SEX, replace(l, 1, 7, 'Q'));
        assertField(MrzField.EXPIRY_DATE, replace(l, 1, 9, '9'));
        assertField(MrzField.NATIONALITY, replace(l, 1, 15, '<'));
        assertField(MrzField.COMPOSITE_CHECK, replace(l, 1, 29, l.get(1).charAt(29) == '0' ? '1' : '0'));
        assertField(MrzField.COMPOSITE_CHECK, replace(l, 1, 20, 'X'));  // optional data 2 is covered
        assertField(MrzField.NAME, replace(l, 2, 0, '<'));
        assertField(MrzField.NAME, replace(l, 2, 2, '7'));
    }

    @Test
    void impossibleDateIsRefusedEvenWithAMatchingCheckDigit() {
        List<String> l = MrzWriter.lines(card());
        String birth = "901301";
        String start = birth + CheckDigit.charOf(birth) + l.get(1).substring(7, 29);
        String composite = l.get(0).substring(5, 30) + start.substring(0, 7) + start.substring(8, 15)
                + start.substring(18, 29);
        String line2 = start + CheckDigit.charOf(composite);
        MrzFormatException e = assertThrows(MrzFormatException.class,
                () -> MrzParser.parse(String.join("\n", l.get(0), line2, l.get(2)), TODAY));
        assertEquals(MrzField.BIRTH_DATE, e.field());
    }

    @Test
    void errorMessagesCarryNoPersonalData() {
        List<String> l = MrzWriter.lines(card());
        for (int pos = 0; pos < 30; pos++) {
            for (int line = 0; line < 3; line++) {
                String broken = replace(l, line, pos, line == 2 ? '9' : 'Q');
                try {
                    MrzParser.parse(broken, TODAY);
                } catch (MrzFormatException e) {
                    assertFalse(e.getMessage().contains("SERIKBAEV"), e.getMessage());
                    assertFalse(e.getMessage().contains("900101"), e.getMessage());
                    assertFalse(e.getMessage().contains("041234567"), e.getMessage());
                }
            }
        }
    }

    @Test
    void transliteratesKazakhAndRussianNames() {
        assertEquals("ZHUMABEKOV", IcaoTransliteration.toMrz("Жұмабеков"));
        assertEquals("SHCHERBAKOVA", IcaoTransliteration.toMrz("Щербакова"));
        assertEquals("IUREVNA", IcaoTransliteration.toMrz("Юрьевна"));
        assertEquals("KHADIIA", IcaoTransliteration.toMrz("Хадия"));
        assertEquals("TSOI", IcaoTransliteration.toMrz("Цой"));
        assertEquals("PODIEEZDOV", IcaoTransliteration.toMrz("Подъездов"));
        assertEquals("AIGERIM<NURGALIKYZY", IcaoTransliteration.toMrz("Әйгерім  Нұрғалиқызы"));
        assertEquals("ONGAROV", IcaoTransliteration.toMrz("Өңғаров"));
        assertEquals("UMBETOVA<ZHANAT", IcaoTransliteration.toMrz("Үмбетова-Жанат"));
        assertEquals("SHOKHANULY", IcaoTransliteration.toMrz("Шоханұлы"));
        assertEquals("MUELLER", IcaoTransliteration.toMrz("Müller"));
        assertEquals("OBRIEN", IcaoTransliteration.toMrz("O'Brien"));
        assertEquals("", IcaoTransliteration.toMrz("  -- 123 "));
    }

    @Test
    void longNamesAreCutToTheLine() {
        MrzWriter.Card c = new MrzWriter.Card("KAZ", "1", IIN, LocalDate.of(1990, 1, 1), Optional.empty(),
                LocalDate.of(2030, 1, 1), "KAZ", "Абдрахмановакасымжомартовна", "Айгерім Нұрсұлтанқызы");
        String line3 = MrzWriter.lines(c).get(2);
        assertEquals(30, line3.length());
        IdentityDocument doc = MrzParser.parse(MrzWriter.text(c), TODAY);
        assertEquals("ABDRAKHMANOVAKASYMZHOMARTOVNA", doc.surname());
        assertEquals("", doc.givenNames());
    }

    static String replace(List<String> lines, int line, int position, char c) {
        StringBuilder b = new StringBuilder(lines.get(line));
        b.setCharAt(position, c);
        String[] copy = lines.toArray(new String[0]);
        copy[line] = b.toString();
        return String.join("\n", copy);
    }

    static void assertField(MrzField expected, String text) {
        MrzFormatException e = assertThrows(MrzFormatException.class, () -> MrzParser.parse(text, TODAY));
        assertEquals(expected, e.field(), e.getMessage());
    }
}
