package kz.sailau.kiosk.model.mrz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the TD1 parser, the reader of what an MRZ reader sends.
 *
 * <p>In every build this replays the seed corpus in
 * {@code src/test/resources/kz/sailau/kiosk/model/mrz/MrzParserFuzzTestInputs/<method>/} as ordinary tests;
 * with {@code JAZZER_FUZZ=1} ({@code .ci/fuzz}) it fuzzes. Oracle: the parser either refuses with
 * {@link MrzFormatException} naming a field, with no IIN-like number in its message, or returns a document that, written
 * as a zone again, reads back to the same document. Anything else (another exception, a hang over the
 * {@link Timeout}) is a finding.
 */
class MrzParserFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parsesOrRefusesByField(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        IdentityDocument document;
        try {
            document = MrzParser.parse(text, TODAY);
        } catch (MrzFormatException refused) {
            assertNotNull(refused.field());
            assertNotNull(refused.messageKey());
            assertFalse(TWELVE_DIGITS.matcher(refused.getMessage()).find(), "the message may quote an IIN");
            return;
        }
        MrzWriter.Card card = new MrzWriter.Card(document.issuingState(), document.documentNumber(), document.iin(),
                document.birthDate(), document.sex(), document.expiryDate(), document.nationality(),
                document.surname(), document.givenNames());
        IdentityDocument again = MrzParser.parse(MrzWriter.text(card), TODAY);
        assertEquals(new IdentityDocument("ID", document.issuingState(), document.documentNumber(), document.iin(),
                document.birthDate(), document.sex(), document.expiryDate(), document.nationality(),
                document.surname(), document.givenNames()), again);
    }

    @Test
    void validSeedsAreAccepted() {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "parsesOrRefusesByField")) {
            assertEquals("KAZ", MrzParser.parse(new String(seed, StandardCharsets.UTF_8), TODAY).issuingState());
        }
    }
}
