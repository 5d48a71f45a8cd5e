package kz.sailau.kiosk.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The code tables and status bits against their published definitions, not against our encoder.
 *
 * <p>Sources: Unicode Consortium, {@code VENDORS/MISC/KZ1048.TXT} (KZ-1048, STRK1048-2002); IBM code page 866
 * (Epson page 17, "PC866 Cyrillic #2"); Epson ESC/POS reference, ESC t (page numbers), DLE EOT (fixed bits of a
 * status byte: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0; paper roll sensor status n = 4, bits 5 and 6 roll end)
 * and GS a (automatic status back: first byte 0xx1xx00, the others 0xx0xxxx).
 */
class CodePageConformanceTest {

    private static final HexFormat HEX = HexFormat.of();

    /** KZ1048.TXT: 0xA3 Ә, 0xBC ә, 0xAA Ғ, 0xBA ғ, 0x8D Қ, 0x9D қ, 0xBD Ң, 0xBE ң, 0xA5 Ө, 0xB4 ө, 0xA1 Ұ, ... */
    @Test
    void kz1048HoldsTheKazakhLettersWhereTheUnicodeTableSays() {
        assertEquals("a3bcaaba8d9dbdbea5b4a1a2afbf8e9eb2b3",
                HEX.formatHex(CodePage.KZ1048.encode("ӘәҒғҚқҢңӨөҰұҮүҺһІі")));
        assertEquals("c0c1e0ff", HEX.formatHex(CodePage.KZ1048.encode("АБая")), "Russian as in Windows-1251");
        assertEquals('Ә', CodePage.KZ1048.decode(0xA3));
    }

    @Test
    void pc866HasRussianButNoKazakhLetters() {
        assertEquals("80819fa0afe0ef", HEX.formatHex(CodePage.PC866.encode("АБЯапря")));
        assertFalse(CodePage.PC866.canEncode("Ә"));
        assertFalse(CodePage.PC866.canEncode("қ"));
        assertTrue(CodePage.PC866.canEncode("Пройдите к столу"));
    }

    @Test
    void theProfilesPickKz1048ForKazakhWhereTheyHaveItAndNothingWhereTheyDoNot() {
        assertEquals(53, PrinterProfile.EPSON_KZ1048.tableFor("Бір реттік талон").orElseThrow());
        assertEquals(17, PrinterProfile.EPSON_PC866.tableFor("Одноразовый талон").orElseThrow());
        assertTrue(PrinterProfile.EPSON_PC866.tableFor("Бір реттік талон").isEmpty());
        assertTrue(PrinterProfile.GENERIC_58MM.tableFor("АЛУҒА АРНАЛҒАН").isEmpty());
    }

    @Test
    void onlyRealTimeStatusBytesPassTheFixedBitTest() {
        assertTrue(EscPos.isRealTimeStatus(0x12), "paper present");
        assertTrue(EscPos.isRealTimeStatus(0x72), "roll end");
        assertTrue(EscPos.isRealTimeStatus(0x1E), "near end");
        assertFalse(EscPos.isRealTimeStatus(0x11), "XON");
        assertFalse(EscPos.isRealTimeStatus(0x13), "XOFF");
        assertFalse(EscPos.isRealTimeStatus(0x10), "first byte of an automatic status back block");
        assertFalse(EscPos.isRealTimeStatus(0x00), "later bytes of an automatic status back block");
    }
}
