package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaperFormReferenceTest {

    @Test
    void overridesAndFallbackCheckInsShareOneRunningNumberAndFingerprintsHaveNone() {
        Counters afterFirstOverride = Counters.ZERO.plus(CheckInMethod.FINGERPRINT)
                .plus(CheckInMethod.CLERK_OVERRIDE);
        assertEquals(Optional.of(new PaperFormReference(PaperFormReference.Kind.OVERRIDE, 1)),
                PaperFormReference.forCheckIn(CheckInMethod.CLERK_OVERRIDE, afterFirstOverride));
        Counters afterFallback = afterFirstOverride.plus(CheckInMethod.FALLBACK);
        assertEquals("F-0002", PaperFormReference.forCheckIn(CheckInMethod.FALLBACK, afterFallback).orElseThrow()
                .text());
        assertTrue(PaperFormReference.forCheckIn(CheckInMethod.FINGERPRINT, afterFallback).isEmpty());
        assertTrue(PaperFormReference.forCheckIn(CheckInMethod.CARDLESS_FINGERPRINT, afterFallback).isEmpty());
        Counters afterPaperMark = afterFallback.plusPaperMark();
        assertEquals("P-0003", PaperFormReference.forPaperMark(afterPaperMark).text(), "a paper mark takes the next");
        assertEquals("O-0004", PaperFormReference.forCheckIn(CheckInMethod.CLERK_OVERRIDE,
                afterPaperMark.plus(CheckInMethod.CLERK_OVERRIDE)).orElseThrow().text(), "and the next form follows it");
    }

    @Test
    void theTextReadsBackAndNothingElseParses() {
        for (PaperFormReference.Kind kind : PaperFormReference.Kind.values()) {
            PaperFormReference reference = new PaperFormReference(kind, 37);
            assertEquals(reference, PaperFormReference.parse(reference.text()));
        }
        assertEquals("S-123456", new PaperFormReference(PaperFormReference.Kind.SPECIAL_LIST, 123_456).text());
        for (String bad : new String[] {"", "O-12", "X-0001", "O0001", "O-0001x", "900101300017", "O-1234567"}) {
            assertThrows(IllegalArgumentException.class, () -> PaperFormReference.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new PaperFormReference(PaperFormReference.Kind.OVERRIDE, 0));
    }
}
