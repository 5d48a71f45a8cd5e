package kz.sailau.kiosk.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.app.assembly.EngineWatch;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;

/**
 * The headless end-to-end check behind {@code demo --check}: one demo voter inserts a card into the emulated MRZ
 * reader, touches the emulated scanner with the right finger, is matched against the loaded register, gets a
 * token, and the printer emulator's parsed receipt carries that token, which the ballot desk's check accepts.
 * The engine drives the devices itself; the check only acts as the voter and watches.
 */
final class DemoCheck {

    private static final Duration STEP = Duration.ofSeconds(60);

    private DemoCheck() {
    }

    /** Runs the check; returns 0 when every step passed. */
    static int run(DemoKiosk kiosk, PrintStream out) throws Exception {
        EngineWatch watch = EngineWatch.on(kiosk.engine());
        DemoData.DemoVoter voter = kiosk.data().voters().get(0);
        kiosk.presentCard(DemoKiosk.mrz(voter));
        CheckInState waiting = watch.await("the finger prompt", s -> s instanceof CheckInState.AwaitingFinger, STEP);
        out.println("demo check: card read, waiting for the finger");
        kiosk.devices().touch(voter.liveImages().get(0));
        CheckInState done = watch.awaitNext(waiting, STEP);
        if (!(done instanceof CheckInState.TokenIssued)) {
            out.println("demo check FAILED: expected a token, got " + done.getClass().getSimpleName());
            return 1;
        }
        CheckInState.TokenIssued issued = (CheckInState.TokenIssued) watch.await("the receipt",
                s -> s instanceof CheckInState.TokenIssued t && !(t.printout() instanceof CheckInState.Printout.Printing),
                STEP);
        if (!(issued.printout() instanceof CheckInState.Printout.Printed)) {
            out.println("demo check FAILED: the receipt was not printed (" + issued.printout() + ")");
            return 1;
        }
        ReceiptPrinterEmulator.PrintedReceipt receipt = kiosk.printerEmulator().nextReceipt(STEP.toSeconds(),
                TimeUnit.SECONDS);
        if (receipt == null || !receipt.qrPayloads().contains(issued.token().qrPayload())) {
            out.println("demo check FAILED: the printed receipt does not carry the token");
            return 1;
        }
        TokenCheck desk = new TokenCheck(new ElectionId(DemoData.ELECTION), new PrecinctId(DemoData.PRECINCT),
                new Ed25519TokenVerifier(kiosk.tokenPublicKey()), kiosk.typedCodeKey());
        if (!desk.check(receipt.qrPayloads().get(0)).accepted()
                || !desk.check(issued.token().humanCode()).accepted()) {
            out.println("demo check FAILED: the ballot desk refuses the printed token or its typed code");
            return 1;
        }
        kiosk.engine().submit(new CheckInEvent.Acknowledged());
        out.println("demo check OK: voter checked in by fingerprint, token " + issued.token().humanCode()
                + " printed (" + receipt.textLines().size() + " text lines + QR) and accepted by the ballot desk");
        return 0;
    }
}
