package kz.sailau.kiosk.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.sailau.kiosk.devices.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real serial printer driver against the emulator of every printer profile, over pseudo-terminals: the Kazakh
 * receipt comes out right (as KZ-1048 text where the printer has the table, as a raster image rendered from the
 * shipped font where it has not), every byte is a command or table the printer claims, and the paper status is read
 * correctly through XON/XOFF and automatic status back bytes.
 */
class ReceiptPrinterProfilesIT {

    private static final String HEADING = "БЮЛЛЕТЕНЬ АЛУҒА АРНАЛҒАН ТАЛОН";
    private static final List<String> LINES = List.of("Бюллетень беру үстеліне барыңыз", "Бір реттік талон");
    private static final Receipt KAZAKH = new Receipt(HEADING, LINES, "SK1:KZ-2026-PARL:101:ABCDEF", "ABCD-EFGH");

    static Stream<PrinterProfile> profiles() {
        return PrinterProfile.catalogue().stream();
    }

    private static SerialReceiptPrinter printer(ReceiptPrinterEmulator emulator) {
        PrinterProfile profile = emulator.profile();
        return new SerialReceiptPrinter(emulator.devicePath(), profile.defaultBaud(), profile, Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void printsKazakhCorrectlyOnEveryProfile(PrinterProfile profile) throws Exception {
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null, profile)) {
            printer(emulator).print(KAZAKH);
            ReceiptPrinterEmulator.PrintedReceipt printed = emulator.nextReceipt(5, TimeUnit.SECONDS);
            assertNotNull(printed, "no receipt came out");
            assertTrue(emulator.unsupportedCommands().isEmpty(), emulator.unsupportedCommands().toString());
            assertEquals(List.of(KAZAKH.qrPayload()), printed.qrPayloads());
            if (profile.tableFor(HEADING).isPresent()) {
                assertEquals(List.of(HEADING, LINES.get(0), LINES.get(1), "", "ABCD-EFGH"), printed.textLines());
                assertTrue(printed.rasterImages().isEmpty());
            } else {
                int width = profile.dotsPerLine();
                assertEquals(List.of(
                        raster(HEADING, RasterText.LARGE_SIZE, width),
                        raster(LINES.get(0), RasterText.NORMAL_SIZE, width),
                        raster(LINES.get(1), RasterText.NORMAL_SIZE, width)), printed.rasterImages());
                assertEquals(List.of("", "ABCD-EFGH"), printed.textLines());
            }
        }
    }

    private static PrintedItem.RasterImage raster(String text, int size, int width) {
        var image = RasterText.render(text, size, width);
        return new PrintedItem.RasterImage(width, image.getHeight(), RasterText.pack(image));
    }

    /** The 58 mm printer sends XOFF while it is still busy: the driver pauses until XON. */
    @Test
    void theDriverHonoursXoffFromA58mmPrinter() throws Exception {
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null, PrinterProfile.GENERIC_58MM)) {
            printer(emulator).print(KAZAKH);
            assertNotNull(emulator.nextReceipt(5, TimeUnit.SECONDS));
            assertTrue(emulator.xoffsSent() > 0, "XOFF after the status answer");
            assertEquals(0, emulator.bytesIgnoringXoff(), "nothing sent while stopped beyond what was in flight");
        }
    }

    /**
     * With XON before every status byte and an automatic status back block after each cut, the first byte after
     * DLE EOT 4 is never the status: paper out must still be seen, and paper present must not be taken for it.
     */
    @Test
    void paperOutIsSeenThroughFlowControlAndStatusBackBytes() throws Exception {
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null, PrinterProfile.GENERIC_58MM)) {
            SerialReceiptPrinter printer = printer(emulator);
            printer.print(KAZAKH);
            assertNotNull(emulator.nextReceipt(5, TimeUnit.SECONDS));
            emulator.setPaperOut(true);
            DeviceException out = assertThrows(DeviceException.class, printer::checkReady);
            assertEquals(DeviceException.Kind.OUT_OF_PAPER, out.kind());
            emulator.setPaperOut(false);
            printer.checkReady();
            printer.print(KAZAKH);
            assertNotNull(emulator.nextReceipt(5, TimeUnit.SECONDS));
        }
    }
}
