package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.CheckInAuditMapping;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.SignedHead;
import kz.sailau.kiosk.cli.KioskCommandLine;
import kz.sailau.kiosk.devices.printer.PrintedItem;
import kz.sailau.kiosk.devices.printer.PrinterProfile;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.report.OpeningReport;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import kz.sailau.kiosk.ui.Language;
import kz.sailau.kiosk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day's reports end to end on a real kiosk data directory (a DEMO authority and kiosk, a synthetic register
 * loaded through the real loader, check-ins through the real SQLite ledger): printed by the real serial driver on the
 * printer emulator of every profile, over pseudo-terminals, in Kazakh, Russian and English; the QR code read back
 * from the ESC/POS stream, drawn as the printer draws it and decoded with ZXing; and the heads it carries checked by
 * the real {@code bundle verify --head} against the signed end-of-day bundle. The paper form references of the day
 * appear in the log, in {@code audit sample} and on the closing tally's count.
 */
class KioskReportsIT {

    private static final OpeningReport.Software SOFTWARE = new OpeningReport.Software("0.1.0-SNAPSHOT",
            Optional.of("ab".repeat(32)));
    /** The day's check-ins are at 08:00 UTC (the fixture's clock); the slip and tally are printed at 10:30. */
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-11-20T10:30:00Z"), ZoneOffset.UTC);
    private static final Pattern HASH_LINE = Pattern.compile("[0-9a-f]{32}");

    @TempDir
    Path temp;

    private static KioskReports reports(DayFixture day, ReceiptPrinterEmulator printer, Clock clock) {
        PrinterProfile profile = printer.profile();
        return new KioskReports(day.database, RegisterFixtures.ELECTION.value(), RegisterFixtures.PRECINCT.number(),
                () -> Optional.of(day.credentials), SOFTWARE, () -> new SerialReceiptPrinter(printer.devicePath(),
                profile.defaultBaud(), profile, Duration.ofSeconds(5)), clock, ZoneOffset.UTC);
    }

    private static ReceiptPrinterEmulator.PrintedReceipt printed(ReceiptPrinterEmulator printer) throws Exception {
        ReceiptPrinterEmulator.PrintedReceipt receipt = printer.nextReceipt(20, TimeUnit.SECONDS);
        assertNotNull(receipt, "nothing came out of the " + printer.profile().id() + " printer");
        assertTrue(printer.unsupportedCommands().isEmpty(), printer.unsupportedCommands().toString());
        return receipt;
    }

    /** The heading line came out right: as text where the printer has the table, else as the raster image. */
    private static void assertHeading(ReceiptPrinterEmulator printer, ReceiptPrinterEmulator.PrintedReceipt receipt,
                                      String heading) {
        if (printer.profile().tableFor(heading).isPresent()) {
            assertEquals(heading, receipt.textLines().get(0));
        } else {
            assertFalse(receipt.rasterImages().isEmpty(), "Kazakh goes as raster images on " + printer.profile().id());
        }
    }

    /** The one QR code of a receipt, drawn as the printer draws it, decoded, checked to fit the roll. */
    private static SignedHead qrHead(ReceiptPrinterEmulator printer, ReceiptPrinterEmulator.PrintedReceipt receipt)
            throws Exception {
        List<PrintedItem.QrCode> codes = receipt.items().stream().filter(PrintedItem.QrCode.class::isInstance)
                .map(PrintedItem.QrCode.class::cast).toList();
        assertEquals(1, codes.size());
        PrintedItem.QrCode code = codes.get(0);
        BitMatrix modules = new QRCodeWriter().encode(code.payload(), BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        int dots = modules.getWidth() * code.moduleSize();
        assertTrue(dots <= printer.profile().dotsPerLine(), "the QR code is " + dots + " dots wide, the "
                + printer.profile().id() + " roll " + printer.profile().dotsPerLine());
        BufferedImage image = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(code.payload(),
                BarcodeFormat.QR_CODE, dots, dots, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.MARGIN, 4)));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        assertEquals(code.payload(), decoded);
        SignedHead head = SignedHead.parse(decoded);
        // The same head is printed as text for typing: "sailau-head-v1:N:" and two lines of 32 hex digits.
        List<String> lines = receipt.textLines();
        int at = lines.indexOf(SignedHead.PREFIX + head.sequence() + ":");
        assertTrue(at >= 0, lines.toString());
        assertEquals(head.hash(), lines.get(at + 1) + lines.get(at + 2));
        return head;
    }

    private static List<AuditEntry> log(DayFixture day) {
        return day.database.read(AuditLog::readAll);
    }

    @Test
    void everyReportPrintsInEveryLanguageOnEveryPrinterAndItsHeadVerifiesAgainstTheBundle() throws Exception {
        List<ReceiptPrinterEmulator> printers = new ArrayList<>();
        try (DayFixture day = DayFixture.open(temp.resolve("kiosk"), 40)) {
            for (PrinterProfile profile : PrinterProfile.catalogue()) {
                printers.add(ReceiptPrinterEmulator.start(null, profile));
            }
            // Opening: in every language on every printer; each print signs a head and carries it.
            List<String> openingHeads = new ArrayList<>();
            for (ReceiptPrinterEmulator printer : printers) {
                for (Language language : Language.values()) {
                    Messages messages = Messages.of(language);
                    reports(day, printer, DayFixture.CLOCK).printOpening(messages);
                    ReceiptPrinterEmulator.PrintedReceipt receipt = printed(printer);
                    assertHeading(printer, receipt, messages.get("report.opening.heading"));
                    SignedHead head = qrHead(printer, receipt);
                    assertEquals(SignedHead.latest(log(day)).orElseThrow(), head);
                    assertTrue(receipt.textLines().stream().anyMatch(HASH_LINE.asPredicate()));
                    openingHeads.add(head.qrPayload());
                }
            }
            ReceiptPrinterEmulator kz1048 = printers.get(PrinterProfile.catalogue().indexOf(
                    PrinterProfile.EPSON_KZ1048));
            Messages english = Messages.of(Language.ENGLISH);

            day.simulate(30);
            int entriesBefore = log(day).size();
            AdministratorException late = assertThrows(AdministratorException.class,
                    () -> reports(day, kz1048, LATER).printOpening(english));
            assertEquals("report.error.notZero", late.messageKey());
            assertEquals(entriesBefore, log(day).size(), "a refused opening report signs nothing");

            // Turnout: the check-ins of 08:00-09:00, as of 10:00; no head on the slip.
            reports(day, kz1048, LATER).printTurnout(english);
            ReceiptPrinterEmulator.PrintedReceipt slip = printed(kz1048);
            assertEquals(english.get("report.turnout.heading"), slip.textLines().get(0));
            assertTrue(slip.textLines().contains("Checked in by 10:00: 30"), slip.textLines().toString());
            assertTrue(slip.textLines().contains("08:00-09:00: 30"), slip.textLines().toString());
            assertTrue(slip.textLines().contains("09:00-10:00: 0"), slip.textLines().toString());
            assertTrue(slip.qrPayloads().isEmpty());

            AdministratorException open = assertThrows(AdministratorException.class,
                    () -> reports(day, kz1048, LATER).printClosing(english, OptionalLong.empty()));
            assertEquals("report.error.dayOpen", open.messageKey());

            Path bundle = temp.resolve("day-bundle.json");
            day.close(bundle);
            DayCounts counts = DayCounts.of(log(day));
            String closingHead = null;
            for (ReceiptPrinterEmulator printer : printers) {
                for (Language language : Language.values()) {
                    Messages messages = Messages.of(language);
                    reports(day, printer, LATER).printClosing(messages, OptionalLong.of(counts.checkIns() - 2));
                    ReceiptPrinterEmulator.PrintedReceipt receipt = printed(printer);
                    assertHeading(printer, receipt, messages.get("report.closing.heading"));
                    SignedHead head = qrHead(printer, receipt);
                    closingHead = head.qrPayload();
                }
            }
            assertEquals(SignedHead.latest(log(day)).orElseThrow().qrPayload(), closingHead);
            reports(day, kz1048, LATER).printClosing(english, OptionalLong.of(counts.checkIns() - 2));
            List<String> tally = printed(kz1048).textLines();
            long forms = counts.byOverride() + counts.inFallback();
            assertTrue(forms > 0);
            for (String line : List.of("Checked in: " + counts.checkIns(),
                    "- by fingerprint: " + counts.byFingerprint(), "- overridden by a commission member: " + counts.byOverride(),
                    "- in manual fallback: " + counts.inFallback(), "Paper forms (override, fallback): " + forms,
                    "Tokens issued: " + counts.tokensIssued() + ", voided: " + counts.tokensVoided(),
                    "Check-ins = tokens issued - voided + by hand: YES",
                    "Redeemed at the ballot desk: " + (counts.checkIns() - 2) + ", unused: "
                            + (counts.tokensIssued() - counts.tokensVoided() - counts.checkIns() + 2))) {
                assertTrue(tally.contains(line), line + " not in " + tally);
            }
            AdministratorException tooMany = assertThrows(AdministratorException.class,
                    () -> reports(day, kz1048, LATER).printClosing(english, OptionalLong.of(counts.checkIns() + 1)));
            assertEquals("report.error.redeemedTooMany", tooMany.messageKey());

            // The observer: every printed head against the bundle, and a head that is not in it.
            String authority = day.directory.resolve("authority-copy.crt.pem").toString();
            List<String> verify = new ArrayList<>(List.of("bundle", "verify", bundle.toString(), "--authority-cert",
                    authority));
            for (String head : openingHeads) {
                verify.addAll(List.of("--head", head));
            }
            verify.addAll(List.of("--head", closingHead));
            DayFixture.Console observer = DayFixture.console();
            assertEquals(KioskCommandLine.OK, observer.run(verify.toArray(String[]::new)),
                    observer.out() + observer.err());
            assertEquals(openingHeads.size() + 1, countOf(observer.out(), "ok\tprinted head"), observer.out());
            assertTrue(observer.out().endsWith("bundle verified\n"), observer.out());

            SignedHead genuine = SignedHead.parse(closingHead);
            char first = genuine.hash().charAt(0);
            String forged = new SignedHead(genuine.sequence(), (first == '0' ? '1' : '0')
                    + genuine.hash().substring(1)).qrPayload();
            DayFixture.Console forgedRun = DayFixture.console();
            assertEquals(KioskCommandLine.FAILED, forgedRun.run("bundle", "verify", bundle.toString(),
                    "--authority-cert", authority, "--head", forged));
            assertTrue(forgedRun.out().contains("FAILED\tprinted head"), forgedRun.out());
            DayFixture.Console beyond = DayFixture.console();
            assertEquals(KioskCommandLine.FAILED, beyond.run("bundle", "verify", bundle.toString(),
                    "--head", new SignedHead(genuine.sequence() + 1000, genuine.hash()).qrPayload()));
            assertTrue(beyond.out().contains("FAILED\tprinted head"), beyond.out());
            DayFixture.Console garbled = DayFixture.console();
            assertTrue(garbled.run("bundle", "verify", bundle.toString(), "--head", "sailau-head-v1:12:xyz") != 0);
            assertTrue(garbled.err().contains("bundle.error.head"), garbled.err());
            assertFalse(garbled.err().contains("Exception"), garbled.err());

            // The paper forms: in the log, on the clerk's slip, drawn by the sample, one per override and fallback.
            List<String> logged = log(day).stream().map(e -> e.event().field(CheckInAuditMapping.FORM_FIELD))
                    .filter(java.util.Objects::nonNull).toList();
            assertEquals(forms, logged.size());
            reports(day, kz1048, LATER).printPaperForms(english);
            List<String> formsSlip = printed(kz1048).textLines();
            assertEquals("PAPER FORMS", formsSlip.get(0));
            assertTrue(formsSlip.contains("Slip 1 of 1"), formsSlip.toString());
            List<String> slipReferences = formsSlip.stream().filter(line -> line.matches("[OF]-[0-9]{4}  08:00-09:00.*"))
                    .map(line -> line.substring(0, 6)).toList();
            assertEquals(logged, slipReferences, formsSlip.toString());
            for (int i = 0; i < logged.size(); i++) {
                assertEquals(String.format("%04d", i + 1), logged.get(i).substring(2), "one running number");
            }
            DayFixture.Console sample = DayFixture.console();
            assertEquals(KioskCommandLine.OK, sample.run("audit", "sample", "--bundle", bundle.toString(), "--seed",
                    "commission-2026", "--size", "1000"), sample.err());
            Matcher fetch = Pattern.compile("paper forms to fetch: (.*)\n").matcher(sample.out());
            assertTrue(fetch.find(), sample.out());
            assertEquals(logged, List.of(fetch.group(1).split(", ")), "every check-in drawn: every form listed");
        } finally {
            for (ReceiptPrinterEmulator printer : printers) {
                printer.close();
            }
        }
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** A refused report changes nothing and prints nothing; a printer that does not answer is reported. */
    @Test
    void aRefusedReportLeavesNoTraceAndAnOfflinePrinterIsReported() throws Exception {
        try (DayFixture day = DayFixture.open(temp.resolve("kiosk"), 3);
             ReceiptPrinterEmulator printer = ReceiptPrinterEmulator.start(null, PrinterProfile.EPSON_KZ1048)) {
            KioskReports locked = new KioskReports(day.database, "KZ-2026-TEST", 101, Optional::empty, SOFTWARE,
                    () -> new SerialReceiptPrinter(printer.devicePath(), 19_200, PrinterProfile.EPSON_KZ1048,
                            Duration.ofMillis(500)), DayFixture.CLOCK, ZoneOffset.UTC);
            int before = log(day).size();
            AdministratorException noKey = assertThrows(AdministratorException.class,
                    () -> locked.printOpening(Messages.of(Language.KAZAKH)));
            assertEquals("report.error.noSignedHead", noKey.messageKey());
            assertEquals(before, log(day).size());
            locked.printTurnout(Messages.of(Language.KAZAKH));
            assertEquals(Messages.of(Language.KAZAKH).get("report.turnout.heading"), printed(printer).textLines()
                    .get(0), "the first receipt out is the slip: the refused report printed nothing");
            printer.setOffline(true);
            AdministratorException offline = assertThrows(AdministratorException.class,
                    () -> locked.printTurnout(Messages.of(Language.RUSSIAN)));
            assertEquals("report.error.print", offline.messageKey());
        }
    }
}
