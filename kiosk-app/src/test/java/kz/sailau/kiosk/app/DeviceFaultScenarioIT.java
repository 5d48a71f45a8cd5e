package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.sailau.fingerprint.emulator.Fault;
import kz.sailau.fingerprint.emulator.PseudoTerminal;
import kz.sailau.kiosk.app.assembly.EngineWatch;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.app.demo.DemoKiosk;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkCall;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.runner.DeviceRunner;
import kz.sailau.kiosk.testing.ManualClock;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.LanguageViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario per device fault, without a screen (in the manner of vxsuite's {@code pdi_app_scan_jam} tests):
 * the demo kiosk's election day as the one assembly builds it, the real scanner, card reader and printer drivers
 * on the emulators' pseudo-terminals, and the engine's clock moved by the test. Each scenario asserts what the
 * voter sees (the engine's state and the voter's message), what the clerk sees (the screens' view model, run
 * without JavaFX: the clerk call, the newest notice, the actions offered) and what the audit log says, then lets
 * the clerk recover and checks the kiosk works again.
 */
class DeviceFaultScenarioIT {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final LocalDate ELECTION_DAY = KioskConfiguration.defaults().electionDay();
    private static final AtomicInteger NEXT_VOTER = new AtomicInteger();

    @TempDir
    static Path shared;
    private static DemoData data;
    private static List<DemoData.DemoVoter> eligible;

    private final ManualClock clock = new ManualClock(ELECTION_DAY.atTime(9, 0).toInstant(ManualClock.ZONE));
    private DemoKiosk kiosk;
    private CheckInScreenModel screens;
    private EngineWatch watch;
    private long logMark;

    @BeforeAll
    static void demoData() throws IOException {
        CliEnvironment quiet = new CliEnvironment(Clock.systemUTC(), new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(OutputStream.nullOutputStream()), System.err);
        data = DemoData.create(shared.resolve("demo-data"), quiet, new PrintStream(OutputStream.nullOutputStream()));
        eligible = data.voters().stream().filter(v -> !v.birthDate().plusYears(18).isAfter(ELECTION_DAY)
                && !v.documentExpiry().isBefore(ELECTION_DAY)).toList();
        assertTrue(eligible.size() >= 8, "enough eligible demo voters for one per scenario: " + eligible.size());
    }

    @BeforeEach
    void startKiosk() throws IOException {
        // The scanner driver gives up on a silent sensor in 3 × 300 ms instead of 3 × 1 s; all else as on the kiosk.
        kiosk = DemoKiosk.start(data, KioskConfiguration.defaults(), clock, new SecureRandom(), Main.migrations(),
                new SourceAfisMatcher(), false, settings -> settings.withTiming(Duration.ofMillis(300), 3,
                        Duration.ofMillis(20)),
                new DeviceRunner.Timing(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(100)));
        screens = kiosk.model(new LanguageViewModel(), Runnable::run);
        watch = EngineWatch.on(kiosk.engine());
        logMark = log().stream().mapToLong(AuditEntry::sequence).max().orElse(0);
    }

    @AfterEach
    void stopKiosk() {
        screens.close();
        kiosk.close();
    }

    // ------------------------------------------------------------------ the scanner

    @Test
    void scannerUnpluggedMidUpload() throws Exception {
        DemoData.DemoVoter voter = voter();
        CheckInState waiting = cardIn(voter);
        kiosk.scannerEmulator().inject(new Fault.Disconnect(5_000, null));
        kiosk.devices().touch(voter.liveImages().get(0));
        assertScannerFault(watch.awaitNext(waiting, STEP), DeviceFault.Kind.DISCONNECTED, "scanner.error.disconnected");

        kiosk.scannerEmulator().replug();
        clerkRetriesAndVoterChecksIn(voter);
    }

    @Test
    void scannerStalledMidUpload() throws Exception {
        DemoData.DemoVoter voter = voter();
        CheckInState waiting = cardIn(voter);
        for (int attempt = 0; attempt < 3; attempt++) {
            kiosk.scannerEmulator().inject(new Fault.Stall(2_000));
        }
        kiosk.devices().touch(voter.liveImages().get(0));
        assertScannerFault(watch.awaitNext(waiting, STEP), DeviceFault.Kind.TIMEOUT, "scanner.error.timeout");
        clerkRetriesAndVoterChecksIn(voter);
    }

    @Test
    void scannerChecksumStorm() throws Exception {
        DemoData.DemoVoter voter = voter();
        CheckInState waiting = cardIn(voter);
        kiosk.scannerEmulator().inject(new Fault.CorruptChecksum(3));
        kiosk.devices().touch(voter.liveImages().get(0));
        assertScannerFault(watch.awaitNext(waiting, STEP), DeviceFault.Kind.LINE_ERRORS, "scanner.error.checksum");
        clerkRetriesAndVoterChecksIn(voter);
    }

    private void assertScannerFault(CheckInState state, DeviceFault.Kind kind, String key) {
        CheckInState.NeedsClerk needs = assertInstanceOf(CheckInState.NeedsClerk.class, state);
        assertEquals(ClerkReason.SCANNER_FAULT, needs.reason());
        assertEquals("checkin.voter.scannerFault", needs.reason().voterMessageKey(), "the voter reads the scanner is out");
        ClerkCall call = screens.clerkCallProperty().get().orElseThrow(() -> new AssertionError("no clerk call"));
        assertEquals(new DeviceFault(DeviceFault.Device.SCANNER, kind, key), call.fault().orElseThrow());
        assertEquals(new CheckInScreenModel.ClerkNotice(key, "checkin.next.checkScannerThenRetry"),
                screens.notices().get(0));
        assertEquals(Optional.of(key), screens.scannerProblemProperty().get());
        assertTrue(screens.clerkActionsProperty().get().contains(CheckInEvent.ClerkAllowsRetry.class),
                "the clerk is offered a retry");
        assertLogged(AuditEventType.DEVICE_STATE_CHANGED, "device", "SCANNER", "state", kind.name());
        assertLogged(AuditEventType.CLERK_CALLED, "reason", "SCANNER_FAULT");
    }

    private void clerkRetriesAndVoterChecksIn(DemoData.DemoVoter voter) throws Exception {
        CheckInState again = clerk(new CheckInEvent.ClerkAllowsRetry(DemoKiosk.CLERK));
        assertInstanceOf(CheckInState.AwaitingFinger.class, again);
        assertEquals(Optional.empty(), screens.clerkCallProperty().get(), "the clerk acted: the call is over");
        CheckInState.TokenIssued issued = fingerUntilToken(voter, again);
        assertPrinted(issued);
    }

    // ------------------------------------------------------------------ the card reader

    @Test
    void cardReaderUnplugged() throws Exception {
        // A card read first: the reader is open and working when it is pulled.
        cardIn(voter());
        assertInstanceOf(CheckInState.AwaitingCard.class, clerk(new CheckInEvent.ClerkCancels(DemoKiosk.CLERK)));
        kiosk.devices().unplugCardReader();
        String hint = ClerkReason.CARD_READER_FAULT.voterMessageKey();
        watch.await("the card reader hint", s -> s instanceof CheckInState.AwaitingCard a
                && a.hintKey().equals(Optional.of(hint)), STEP);
        ClerkCall call = screens.clerkCallProperty().get().orElseThrow(() -> new AssertionError("no clerk call"));
        assertEquals(ClerkReason.CARD_READER_FAULT, call.reason());
        assertEquals(new CheckInScreenModel.ClerkNotice("device.mrz.disconnected", "clerk.next.checkCardReader"),
                screens.notices().get(0));
        assertLogged(AuditEventType.DEVICE_STATE_CHANGED, "device", "CARD_READER", "state", "DISCONNECTED");
        assertLogged(AuditEventType.CLERK_CALLED, "reason", "CARD_READER_FAULT");

        kiosk.devices().replugCardReader();
        watch.await("the card reader back", s -> s.equals(CheckInState.AwaitingCard.FRESH), STEP);
        assertLogged(AuditEventType.DEVICE_STATE_CHANGED, "device", "CARD_READER", "state", "RESTORED");
        cardIn(voter());
        assertInstanceOf(CheckInState.AwaitingCard.class, clerk(new CheckInEvent.ClerkCancels(DemoKiosk.CLERK)));
    }

    @Test
    void cardReaderSendsGarbage() throws Exception {
        byte[] overlong = ("#".repeat(100) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] garbage = "\u0001\u00ffJUNK\r\n<<<<\r\n~~~~ ~~~~\r\n".getBytes(StandardCharsets.ISO_8859_1);
        kiosk.devices().cardReader().sendRaw(overlong);
        kiosk.devices().cardReader().sendRaw(garbage);
        CheckInState.AwaitingCard hinted = (CheckInState.AwaitingCard) watch.await("the unreadable-card hint",
                s -> s instanceof CheckInState.AwaitingCard a && a.hintKey().isPresent(), STEP);
        assertEquals(1, hinted.unreadableCards(), "the overlong line was dropped, the three junk lines read once");
        assertTrue(hinted.hintKey().orElseThrow().startsWith("mrz.error."), hinted.hintKey().orElseThrow());

        kiosk.devices().cardReader().sendRaw(garbage);
        CheckInState.NeedsClerk needs = (CheckInState.NeedsClerk) watch.awaitNext(hinted, STEP);
        assertEquals(ClerkReason.CARD_UNREADABLE, needs.reason());
        assertEquals(ClerkReason.CARD_UNREADABLE, screens.clerkCallProperty().get().orElseThrow().reason());
        assertEquals(new CheckInScreenModel.ClerkNotice("checkin.clerk.cardUnreadable", "checkin.next.enterIinByHand"),
                screens.notices().get(0));
        assertTrue(screens.clerkActionsProperty().get().contains(CheckInEvent.ClerkEnteredIin.class),
                "the clerk may type the IIN");
        assertLogged(AuditEventType.CLERK_CALLED, "reason", "CARD_UNREADABLE");
        assertInstanceOf(CheckInState.AwaitingCard.class, clerk(new CheckInEvent.ClerkCancels(DemoKiosk.CLERK)));
    }

    // ------------------------------------------------------------------ the printer

    @Test
    void printerOutOfPaper() throws Exception {
        kiosk.printerEmulator().setPaperOut(true);
        CheckInState.TokenIssued issued = checkIn(voter());
        assertNotPrinted(issued, DeviceFault.Kind.OUT_OF_PAPER, "device.error.outOfPaper");
        kiosk.printerEmulator().setPaperOut(false);
        clerkVoidsAndReprints(issued);
    }

    @Test
    void printerOffline() throws Exception {
        kiosk.printerEmulator().setOffline(true);
        CheckInState.TokenIssued issued = checkIn(voter());
        assertNotPrinted(issued, DeviceFault.Kind.TIMEOUT, "device.error.timeout");
        kiosk.printerEmulator().setOffline(false);
        clerkVoidsAndReprints(issued);
    }

    @Test
    void printerUnpluggedMidReceipt() throws Exception {
        Path link = data.devicesDirectory().resolve("printer");
        kiosk.printerEmulator().close();
        CheckInState.TokenIssued issued;
        try (PrinterUnpluggedMidReceipt dying = PrinterUnpluggedMidReceipt.start(link, 40)) {
            issued = checkIn(voter());
            assertNotPrinted(issued, DeviceFault.Kind.DISCONNECTED, "device.error.disconnected");
            assertTrue(dying.receiptBytes() >= 40, "the printer was unplugged in the middle of the receipt");
        }
        try (ReceiptPrinterEmulator back = ReceiptPrinterEmulator.start(link)) {
            CheckInState.TokenIssued reprinted = voidAndReprint(issued);
            ReceiptPrinterEmulator.PrintedReceipt receipt = back.nextReceipt(STEP.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(receipt, "the replugged printer printed the new token");
            assertEquals(List.of(reprinted.token().qrPayload()), receipt.qrPayloads());
        }
    }

    private void assertNotPrinted(CheckInState.TokenIssued issued, DeviceFault.Kind kind, String key) throws Exception {
        CheckInState.TokenIssued failed = receiptOf(issued);
        DeviceFault fault = new DeviceFault(DeviceFault.Device.PRINTER, kind, key);
        assertEquals(new CheckInState.Printout.NotPrinted(fault), failed.printout(), "the voter keeps the token on screen");
        assertEquals(Optional.of(key), screens.printerProblemProperty().get(), "the voter reads the printer failed");
        ClerkCall call = screens.clerkCallProperty().get().orElseThrow(() -> new AssertionError("no clerk call"));
        assertEquals(ClerkReason.PRINTER_FAULT, call.reason());
        assertEquals(Optional.of(fault), call.fault());
        assertEquals(new CheckInScreenModel.ClerkNotice(key, "clerk.next.voidAndReprint"), screens.notices().get(0));
        assertTrue(screens.clerkActionsProperty().get().contains(CheckInEvent.ClerkVoidsToken.class));
        assertLogged(AuditEventType.DEVICE_STATE_CHANGED, "device", "PRINTER", "state", kind.name());
        assertLogged(AuditEventType.CLERK_CALLED, "reason", "PRINTER_FAULT");
        clock.advance(kiosk.policy().idleTimeout().plus(kiosk.policy().tokenDisplay()));
        assertEquals(failed, kiosk.engine().tick(), "the token stays on screen until the clerk acts");
    }

    private void clerkVoidsAndReprints(CheckInState.TokenIssued issued) throws Exception {
        CheckInState.TokenIssued reprinted = voidAndReprint(issued);
        ReceiptPrinterEmulator.PrintedReceipt receipt = kiosk.printerEmulator().nextReceipt(STEP.toSeconds(),
                TimeUnit.SECONDS);
        assertNotNull(receipt, "the new token was printed");
        assertEquals(List.of(reprinted.token().qrPayload()), receipt.qrPayloads());
    }

    private CheckInState.TokenIssued voidAndReprint(CheckInState.TokenIssued issued) throws Exception {
        CheckInState.TokenIssued replaced = assertInstanceOf(CheckInState.TokenIssued.class,
                clerk(new CheckInEvent.ClerkVoidsToken(DemoKiosk.CLERK)));
        assertTrue(!replaced.token().equals(issued.token()), "a new token");
        assertEquals(Optional.empty(), screens.clerkCallProperty().get(), "the clerk acted: the call is over");
        CheckInState.TokenIssued printed = receiptOf(replaced);
        assertEquals(CheckInState.Printout.PRINTED, printed.printout());
        assertEquals(Optional.empty(), screens.printerProblemProperty().get());
        assertLogged(AuditEventType.TOKEN_VOIDED);
        return printed;
    }

    // ------------------------------------------------------------------ helpers

    private static DemoData.DemoVoter voter() {
        return eligible.get(NEXT_VOTER.getAndIncrement() % eligible.size());
    }

    /** The voter's card goes into the reader; returns the finger prompt. */
    private CheckInState cardIn(DemoData.DemoVoter voter) throws InterruptedException {
        CheckInState idle = watch.state();
        kiosk.presentCard(DemoKiosk.mrz(voter));
        return assertInstanceOf(CheckInState.AwaitingFinger.class, watch.awaitNext(idle, STEP));
    }

    /** Card and fingers until a token is shown. */
    private CheckInState.TokenIssued checkIn(DemoData.DemoVoter voter) throws InterruptedException {
        return fingerUntilToken(voter, cardIn(voter));
    }

    /** Touches the voter's live impressions one after another until the finger matches. */
    private CheckInState.TokenIssued fingerUntilToken(DemoData.DemoVoter voter, CheckInState waiting)
            throws InterruptedException {
        CheckInState state = waiting;
        for (int i = 0; state instanceof CheckInState.AwaitingFinger; i++) {
            kiosk.devices().touch(voter.liveImages().get(i % voter.liveImages().size()));
            state = watch.awaitNext(state, STEP);
        }
        return assertInstanceOf(CheckInState.TokenIssued.class, state, "the voter's own finger checks them in");
    }

    /** The token screen once the printer answered for {@code issued}. */
    private CheckInState.TokenIssued receiptOf(CheckInState.TokenIssued issued) throws InterruptedException {
        return (CheckInState.TokenIssued) watch.await("the receipt", s -> s instanceof CheckInState.TokenIssued t
                && t.token().equals(issued.token()) && !(t.printout() instanceof CheckInState.Printout.Printing), STEP);
    }

    private void assertPrinted(CheckInState.TokenIssued issued) throws Exception {
        assertEquals(CheckInState.Printout.PRINTED, receiptOf(issued).printout());
        ReceiptPrinterEmulator.PrintedReceipt receipt = kiosk.printerEmulator().nextReceipt(STEP.toSeconds(),
                TimeUnit.SECONDS);
        assertNotNull(receipt);
        assertEquals(List.of(issued.token().qrPayload()), receipt.qrPayloads());
    }

    private CheckInState clerk(CheckInEvent.ClerkEvent event) throws Exception {
        return screens.submitAsClerk(event, DemoKiosk.CLERK_PIN.toCharArray()).get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    private List<AuditEntry> log() {
        return kiosk.electionDay().assembly().database().read(AuditLog::readAll);
    }

    /** Asserts this scenario logged an event of {@code type} with the given field names and values. */
    private void assertLogged(AuditEventType type, String... fieldsAndValues) {
        List<AuditEvent> events = log().stream().filter(e -> e.sequence() > logMark).map(AuditEntry::event)
                .filter(e -> e.type() == type).toList();
        boolean found = events.stream().anyMatch(event -> {
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                if (!fieldsAndValues[i + 1].equals(event.field(fieldsAndValues[i]))) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(found, "no " + type + " " + List.of(fieldsAndValues) + " in this scenario's log: " + events);
    }

    /**
     * A receipt printer on a pseudo-terminal at the printer's link that answers the first paper-status request
     * ({@code DLE EOT 4}: paper present), takes {@code bytesBeforeUnplug} bytes of the receipt, and is unplugged.
     */
    private static final class PrinterUnpluggedMidReceipt implements AutoCloseable {
        private final PseudoTerminal terminal;
        private final Thread server;
        private final AtomicInteger receiptBytes = new AtomicInteger();

        private PrinterUnpluggedMidReceipt(PseudoTerminal terminal, int bytesBeforeUnplug) {
            this.terminal = terminal;
            this.server = new Thread(() -> serve(bytesBeforeUnplug), "printer-unplugged-mid-receipt");
            this.server.setDaemon(true);
        }

        static PrinterUnpluggedMidReceipt start(Path link, int bytesBeforeUnplug) throws IOException {
            PrinterUnpluggedMidReceipt printer = new PrinterUnpluggedMidReceipt(PseudoTerminal.open(link),
                    bytesBeforeUnplug);
            printer.server.start();
            return printer;
        }

        int receiptBytes() {
            return receiptBytes.get();
        }

        private void serve(int bytesBeforeUnplug) {
            InputStream in = terminal.input();
            int[] last = new int[3];
            boolean answered = false;
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    if (answered) {
                        if (receiptBytes.incrementAndGet() >= bytesBeforeUnplug) {
                            terminal.close();
                            return;
                        }
                        continue;
                    }
                    last[0] = last[1];
                    last[1] = last[2];
                    last[2] = b;
                    if (last[0] == 0x10 && last[1] == 0x04 && last[2] == 0x04) {
                        terminal.output().write(0x12);
                        terminal.output().flush();
                        answered = true;
                    }
                }
            } catch (IOException e) {
                // The terminal was closed.
            }
        }

        @Override
        public void close() {
            terminal.close();
            try {
                server.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
