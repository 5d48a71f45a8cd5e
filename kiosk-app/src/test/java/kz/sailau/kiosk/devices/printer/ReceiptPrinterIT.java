package kz.sailau.kiosk.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.devices.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The real serial printer driver against the printer emulator on a pseudo-terminal. */
class ReceiptPrinterIT {

    private static final Receipt RECEIPT = new Receipt("Талон", List.of("Бюллетень алу үшін", "For the ballot desk"),
            "SK1.TOKEN.PAYLOAD", "ABCD-EFGH");

    @TempDir
    Path directory;

    private SerialReceiptPrinter printer(Path port) {
        return new SerialReceiptPrinter(port, 19_200, Duration.ofMillis(800));
    }

    @Test
    void printsTextAndQrCodeThroughARealSerialLine() throws Exception {
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null)) {
            printer(emulator.devicePath()).print(RECEIPT);
            ReceiptPrinterEmulator.PrintedReceipt printed = emulator.nextReceipt(5, TimeUnit.SECONDS);
            assertNotNull(printed, "no receipt came out");
            assertEquals(List.of("SK1.TOKEN.PAYLOAD"), printed.qrPayloads());
            assertTrue(printed.textLines().containsAll(List.of("Талон", "ABCD-EFGH", "For the ballot desk")),
                    printed.textLines().toString());
            assertEquals(1, printed.rasterImages().size(), "the Kazakh line, as an image on a PC866 printer");
            assertTrue(emulator.unsupportedCommands().isEmpty(), emulator.unsupportedCommands().toString());
        }
    }

    @Test
    void paperOutIsReportedAndNothingIsPrinted() throws Exception {
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null)) {
            emulator.setPaperOut(true);
            DeviceException e = assertThrows(DeviceException.class, () -> printer(emulator.devicePath()).print(RECEIPT));
            assertEquals(DeviceException.Kind.OUT_OF_PAPER, e.kind());
            assertEquals("device.error.outOfPaper", e.messageKey());
            emulator.setPaperOut(false);
            printer(emulator.devicePath()).print(RECEIPT);
            assertNotNull(emulator.nextReceipt(5, TimeUnit.SECONDS), "prints again after a new roll");
        }
    }

    @Test
    void offlinePrinterTimesOut() throws Exception {
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null)) {
            emulator.setOffline(true);
            DeviceException e = assertThrows(DeviceException.class, () -> printer(emulator.devicePath()).print(RECEIPT));
            assertEquals(DeviceException.Kind.TIMEOUT, e.kind());
        }
    }

    @Test
    void unpluggedPrinterIsNotFoundAndWorksAgainWhenPluggedBack() throws Exception {
        Path link = directory.resolve("sailau-printer");
        ReceiptPrinterEmulator first = ReceiptPrinterEmulator.start(link);
        SerialReceiptPrinter printer = printer(link);
        printer.print(RECEIPT);
        assertNotNull(first.nextReceipt(5, TimeUnit.SECONDS));
        first.close();
        assertTrue(!Files.exists(link), "link removed on unplug");
        assertEquals(DeviceException.Kind.NOT_FOUND,
                assertThrows(DeviceException.class, () -> printer.print(RECEIPT)).kind());
        try (ReceiptPrinterEmulator second = ReceiptPrinterEmulator.start(link)) {
            printer.print(RECEIPT);
            assertNotNull(second.nextReceipt(5, TimeUnit.SECONDS), "same printer object prints after replug");
        }
    }

    /**
     * The audit log stamps a token's issue with the day only (decision 0121); the kiosk's log goes to the journal,
     * each line to the millisecond, and logback's default level (the kiosk ships no configuration) is DEBUG. A
     * line per receipt would put the time of every ballot token's issue there (session H71 found two per receipt:
     * "Opened serial line" and "Closed serial line").
     */
    @Test
    void printingReceiptsWritesNoLogLine() throws Exception {
        Logger devices = (Logger) LoggerFactory.getLogger("kz.sailau.kiosk.devices");
        Level before = devices.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        try (ReceiptPrinterEmulator emulator = ReceiptPrinterEmulator.start(null)) {
            SerialReceiptPrinter printer = printer(emulator.devicePath());
            devices.setLevel(Level.DEBUG);
            devices.addAppender(logged);
            for (int i = 0; i < 3; i++) {
                printer.print(RECEIPT);
                assertNotNull(emulator.nextReceipt(5, TimeUnit.SECONDS), "receipt " + i);
            }
        } finally {
            devices.detachAppender(logged);
            devices.setLevel(before);
        }
        List<String> lines = logged.list.stream()
                .filter(e -> !e.getLoggerName().equals(ReceiptPrinterEmulator.class.getName()))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), lines, "three receipts printed");
    }
}
