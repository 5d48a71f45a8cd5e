package kz.sailau.kiosk.devices.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EscPosTest {

    private static final Receipt RECEIPT = new Receipt("Талон / Talon",
            List.of("Бюллетень алу үшін", "Для получения бюллетеня", "For the ballot desk"),
            "SK1:KZ-2026-PARL:101:ABCDEF", "ABCD-EFGH-JK");

    /** Collects what the parser recognises. */
    static final class Recorder implements EscPosParser.Listener {
        final List<PrintedItem> items = new ArrayList<>();
        final List<Integer> statusRequests = new ArrayList<>();
        final List<String> unsupported = new ArrayList<>();

        @Override
        public void printed(PrintedItem item) {
            items.add(item);
        }

        @Override
        public void statusRequested(int function) {
            statusRequests.add(function);
        }

        @Override
        public void unsupported(String description) {
            unsupported.add(description);
        }
    }

    private static Recorder parse(byte[] bytes) {
        return parse(bytes, PrinterProfile.DEFAULT);
    }

    private static Recorder parse(byte[] bytes, PrinterProfile profile) {
        Recorder recorder = new Recorder();
        new EscPosParser(recorder, profile).feed(bytes);
        return recorder;
    }

    @Test
    void onAKz1048PrinterTheReceiptRoundTripsAsTextInKazakh() {
        Recorder printed = parse(new EscPosEncoder(PrinterProfile.EPSON_KZ1048).encode(RECEIPT),
                PrinterProfile.EPSON_KZ1048);
        assertEquals(List.of(
                new PrintedItem.TextLine("Талон / Talon"),
                new PrintedItem.TextLine("Бюллетень алу үшін"),
                new PrintedItem.TextLine("Для получения бюллетеня"),
                new PrintedItem.TextLine("For the ballot desk"),
                new PrintedItem.QrCode("SK1:KZ-2026-PARL:101:ABCDEF", 50, 6, 49),
                new PrintedItem.TextLine(""),
                new PrintedItem.TextLine("ABCD-EFGH-JK"),
                new PrintedItem.Cut()), printed.items);
        assertTrue(printed.unsupported.isEmpty(), printed.unsupported.toString());
    }

    @Test
    void onAPc866PrinterTheKazakhLineIsARasterImageAndTheRestText() {
        Recorder printed = parse(new EscPosEncoder().encode(RECEIPT));
        assertTrue(printed.unsupported.isEmpty(), printed.unsupported.toString());
        assertEquals(new PrintedItem.TextLine("Талон / Talon"), printed.items.get(0));
        PrintedItem.RasterImage kazakh = (PrintedItem.RasterImage) printed.items.get(1);
        assertEquals(new PrintedItem.RasterImage(576, kazakh.heightDots(),
                RasterText.pack(RasterText.render("Бюллетень алу үшін", RasterText.NORMAL_SIZE, 576))), kazakh);
        byte[] folded = RasterText.pack(RasterText.render("Бюллетень алу ушин", RasterText.NORMAL_SIZE, 576));
        assertTrue(!Arrays.equals(folded, kazakh.data()), "the image shows Ү and І, not their look-alikes");
        assertEquals(new PrintedItem.TextLine("Для получения бюллетеня"), printed.items.get(2));
    }

    /** ESC t switches the table for the bytes after it, in the middle of a line too. */
    @Test
    void theCodeTableAppliesPerByteNotPerLine() {
        byte[] bytes = {0x1B, 0x74, 17, (byte) 0x80, 0x1B, 0x74, 53, (byte) 0xA3, 0x0A};
        Recorder printed = parse(bytes, PrinterProfile.EPSON_KZ1048);
        assertEquals(List.of(new PrintedItem.TextLine("АӘ")), printed.items);
    }

    @Test
    void aCodeTableThePrinterLacksIsReportedAndPrintsNothingReadable() {
        byte[] bytes = {0x1B, 0x74, 53, (byte) 0xA3, 0x0A};
        Recorder printed = parse(bytes, PrinterProfile.EPSON_PC866);
        assertEquals(List.of("code table 53 is not on this printer"), printed.unsupported);
        assertEquals(List.of(new PrintedItem.TextLine("\uFFFD")), printed.items);
    }

    /** A GS V (cut) inside the bitmap of GS v 0 is image data, not a cut. */
    @Test
    void aRasterImageIsTakenWholeEvenWhenItsDataLooksLikeACommand() {
        byte[] bytes = {0x1D, 0x76, 0x30, 0, 2, 0, 2, 0, 0x1D, 0x56, 0x01, 0x0A, 0x41, 0x0A};
        Recorder printed = parse(bytes);
        assertEquals(List.of(new PrintedItem.RasterImage(16, 2, new byte[] {0x1D, 0x56, 0x01, 0x0A}),
                new PrintedItem.TextLine("A")), printed.items);
    }

    /** Unknown commands are skipped with their parameters (GS B n, ESC ! n, GS ( L pL pH ...). */
    @Test
    void parametersOfUnknownCommandsDoNotLeakIntoTheText() {
        byte[] bytes = {0x1D, 0x42, 0x41, 0x1B, 0x21, 0x42, 0x1D, 0x28, 0x4C, 2, 0, 0x43, 0x44, 0x45, 0x0A};
        Recorder printed = parse(bytes);
        assertEquals(List.of(new PrintedItem.TextLine("E")), printed.items);
        assertEquals(3, printed.unsupported.size(), printed.unsupported.toString());
    }

    @Test
    void kazakhLettersArePrintedAsTheNearestRussianOnes() {
        assertEquals("Саусак изи, Онир, Уй, Халык", EscPosEncoder.toPrintable("Саусақ ізі, Өңір, Үй, Һалық"));
    }

    @Test
    void commandsSplitAcrossReadsAreParsedTheSame() {
        byte[] bytes = new EscPosEncoder().encode(RECEIPT);
        List<PrintedItem> whole = parse(bytes).items;
        for (int split = 1; split < bytes.length; split++) {
            Recorder recorder = new Recorder();
            EscPosParser parser = new EscPosParser(recorder);
            parser.feed(Arrays.copyOfRange(bytes, 0, split));
            parser.feed(Arrays.copyOfRange(bytes, split, bytes.length));
            assertEquals(whole, recorder.items, "split at " + split);
        }
    }

    @Test
    void paperStatusRequestIsRecognised() {
        byte[] request = new EscPosEncoder().paperStatusRequest();
        assertArrayEquals(new byte[] {0x10, 0x04, 0x04}, request);
        assertEquals(List.of(4), parse(request).statusRequests);
    }

    @Test
    void oversizedSymbolIsRefusedNotBuffered() {
        byte[] hostile = {0x1D, 0x28, 0x6B, (byte) 0xFF, (byte) 0xFF, 0x31, 0x50, 0x30};
        Recorder recorder = parse(hostile);
        assertTrue(recorder.unsupported.get(0).contains("refused"), recorder.unsupported.toString());
    }

    @Property(tries = 2000)
    void anyBytesNeverCrashTheParser(@ForAll @Size(max = 300) byte[] bytes) {
        Recorder recorder = new Recorder();
        EscPosParser parser = new EscPosParser(recorder);
        parser.feed(bytes);
        parser.feed(bytes);
        assertTrue(recorder.items.size() <= bytes.length * 2 + 1);
    }
}
