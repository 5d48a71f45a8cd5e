package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VoterCsvReaderTest {

    static final String ROW = "K,850607300010,Ли,Ан,,1985-06-07,M,101";

    private static List<Integer> lines(String text) {
        return VoterCsvReader.parse(text.getBytes(StandardCharsets.UTF_8)).rows().stream()
                .map(VoterCsvReader.CsvRow::line).toList();
    }

    @Test
    void linesCountFromTheHeaderForLfCrlfMultiLineAndEmptyLines() {
        String h = VoterCsvReader.HEADER;
        assertEquals(List.of(2, 3), lines(h + "\n" + ROW + "\n" + ROW + "\n"));
        assertEquals(List.of(2, 3), lines(h + "\r\n" + ROW + "\r\n" + ROW + "\r\n"));
        assertEquals(List.of(2, 3), lines(h + "\n" + ROW + "\n" + ROW));
        assertEquals(List.of(2, 4), lines(h + "\nK,1,\"a\nb\",c,,d,M,1\n" + ROW + "\n"));
        assertEquals(List.of(2, 4), lines(h + "\n" + ROW + "\n\n" + ROW + "\n"));
        assertEquals(List.of(2), lines("\uFEFF" + h + "\n" + ROW + "\n"));
    }

    @Test
    void quotedFieldsKeepCommasAndQuotes() {
        VoterCsvReader.CsvContent content = VoterCsvReader.parse((VoterCsvReader.HEADER
                + "\nK,1,\"Smith, Jr\",\"say \"\"hi\"\"\",,d,M,1\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), content.problems());
        assertEquals("Smith, Jr", content.rows().get(0).get("surname"));
        assertEquals("say \"hi\"", content.rows().get(0).get("given_name"));
    }

    @Test
    void hostileInputsGiveProblemsNotExceptions() {
        List<String> corpus = List.of("", "\n", "voter_key", "a,b,c\n1,2,3\n", VoterCsvReader.HEADER + ",extra\n",
                VoterCsvReader.HEADER + "\n\"unterminated,1,2,3,4,5,6,7\n",
                VoterCsvReader.HEADER + "\nK,\"1\"x,a,b,c,d,e,f\n", VoterCsvReader.HEADER + "\n,,,,,,,,,,,,,,,,,\n",
                VoterCsvReader.HEADER + "\n" + "x".repeat(100_000) + "\n", "\0\0\0\0");
        for (String text : corpus) {
            VoterCsvReader.CsvContent content = VoterCsvReader.parse(text.getBytes(StandardCharsets.UTF_8));
            assertFalse(content.problems().isEmpty() && content.rows().isEmpty() && !text.startsWith(
                    VoterCsvReader.HEADER), "no report for: " + text.substring(0, Math.min(40, text.length())));
            content.problems().forEach(p -> assertTrue(p.line() >= 1, p + " for " + text.substring(0, Math.min(60, text.length()))));
        }
        VoterCsvReader.CsvContent notUtf8 = VoterCsvReader.parse(new byte[] {(byte) 0xC3, 0x28});
        assertEquals("file is not valid UTF-8", notUtf8.problems().get(0).reason());
    }

    @Property(tries = 200)
    void anyBytesParseWithoutThrowing(@ForAll @Size(max = 300) byte[] bytes) {
        byte[] header = (VoterCsvReader.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        VoterCsvReader.CsvContent content = VoterCsvReader.parse(all);
        content.rows().forEach(r -> assertEquals(8, r.values().size()));
    }

    @Property(tries = 200)
    void quotedValuesRoundTrip(@ForAll("fields") List<String> values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append('"').append(values.get(i).replace("\"", "\"\"")).append('"');
        }
        VoterCsvReader.CsvContent content = VoterCsvReader.parse((VoterCsvReader.HEADER + "\n" + row + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), content.problems());
        assertEquals(values, content.rows().get(0).values());
        assertEquals(2, content.rows().get(0).line());
    }

    @Provide
    Arbitrary<List<String>> fields() {
        return Arbitraries.strings().withChars("aбӘ ,\"'\n;x1").ofMinLength(1).ofMaxLength(12).list().ofSize(8);
    }
}
