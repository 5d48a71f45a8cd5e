package kz.sailau.kiosk.app;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.LanguageViewModel;

/**
 * The headless end-to-end check behind {@code demo --check}: one demo voter inserts a card, places the right
 * finger on the emulated scanner, is matched against the loaded register, gets a token, and the printer
 * emulator's parsed receipt carries that token, which the ballot desk's check accepts.
 */
final class DemoCheck {

    private static final long STEP_SECONDS = 60;

    private DemoCheck() {
    }

    /** Runs the check; returns 0 when every step passed. */
    static int run(DemoKiosk kiosk, PrintStream out) throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-check-ui");
            t.setDaemon(true);
            return t;
        });
        try (CheckInScreenModel model = kiosk.model(new LanguageViewModel(), fx)) {
            DemoData.DemoVoter voter = kiosk.data().voters().get(0);
            kiosk.presentCard(DemoKiosk.mrz(voter));
            await(kiosk, s -> s instanceof CheckInState.AwaitingFinger, "the finger prompt");
            out.println("demo check: card read, waiting for the finger");
            kiosk.scannerEmulator().presentFinger(voter.liveImages().get(0));
            CheckInState done = await(kiosk, s -> s instanceof CheckInState.TokenIssued
                    || s instanceof CheckInState.NeedsClerk || s instanceof CheckInState.Refused, "a result");
            kiosk.scannerEmulator().liftFinger();
            if (!(done instanceof CheckInState.TokenIssued issued)) {
                out.println("demo check FAILED: expected a token, got " + done.getClass().getSimpleName());
                return 1;
            }
            ReceiptPrinterEmulator.PrintedReceipt receipt = kiosk.printerEmulator().nextReceipt(STEP_SECONDS,
                    TimeUnit.SECONDS);
            if (receipt == null || !receipt.qrPayloads().contains(issued.token().qrPayload())) {
                out.println("demo check FAILED: the printed receipt does not carry the token");
                return 1;
            }
            TokenCheck desk = new TokenCheck(new ElectionId(DemoData.ELECTION), new PrecinctId(DemoData.PRECINCT),
                    new Ed25519TokenVerifier(kiosk.tokenPublicKey()), kiosk.typedCodeKey()::mac);
            if (!desk.check(receipt.qrPayloads().get(0)).accepted()
                    || !desk.check(issued.token().humanCode()).accepted()) {
                out.println("demo check FAILED: the ballot desk refuses the printed token or its typed code");
                return 1;
            }
            model.submit(new CheckInEvent.Acknowledged()).get(STEP_SECONDS, TimeUnit.SECONDS);
            out.println("demo check OK: voter checked in by fingerprint, token " + issued.token().humanCode()
                    + " printed (" + receipt.textLines().size() + " text lines + QR) and accepted by the ballot desk");
            return 0;
        } finally {
            fx.shutdownNow();
        }
    }

    private static CheckInState await(DemoKiosk kiosk, Predicate<CheckInState> wanted, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (System.nanoTime() < deadline) {
            CheckInState state = kiosk.engine().state();
            if (wanted.test(state)) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("demo check: timed out waiting for " + what + "; state "
                + kiosk.engine().state().getClass().getSimpleName());
    }
}
