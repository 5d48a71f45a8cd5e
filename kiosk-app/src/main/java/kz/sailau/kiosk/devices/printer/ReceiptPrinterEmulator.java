package kz.sailau.kiosk.devices.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.sailau.fingerprint.emulator.PseudoTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a pseudo-terminal: it parses the bytes it receives back into text lines
 * and QR payloads (one {@link PrintedReceipt} per cut) and answers the paper status request. Faults for
 * tests and the demo: paper out, offline (stops answering), unplug.
 */
public final class ReceiptPrinterEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinterEmulator.class);

    /**
     * One receipt as it came out of the printer, up to the cut.
     *
     * @param items what was printed, in order
     */
    public record PrintedReceipt(List<PrintedItem> items) {
        /** Copies the items. */
        public PrintedReceipt {
            items = List.copyOf(items);
        }

        /** The text lines, blank ones included. */
        public List<String> textLines() {
            return items.stream().filter(PrintedItem.TextLine.class::isInstance)
                    .map(item -> ((PrintedItem.TextLine) item).text()).toList();
        }

        /** The QR payloads. */
        public List<String> qrPayloads() {
            return items.stream().filter(PrintedItem.QrCode.class::isInstance)
                    .map(item -> ((PrintedItem.QrCode) item).payload()).toList();
        }
    }

    private final PseudoTerminal terminal;
    private final Thread worker;
    private final LinkedBlockingQueue<PrintedReceipt> receipts = new LinkedBlockingQueue<>();
    private final List<String> unsupported = new CopyOnWriteArrayList<>();
    private volatile boolean paperOut;
    private volatile boolean offline;

    private ReceiptPrinterEmulator(PseudoTerminal terminal) {
        this.terminal = terminal;
        this.worker = new Thread(this::serve, "receipt-printer-emulator");
        this.worker.setDaemon(true);
    }

    /**
     * Starts a printer on a new pseudo-terminal.
     *
     * @param link a stable path to point at the terminal (like a udev name), or null
     * @throws IOException if no pseudo-terminal can be made
     */
    public static ReceiptPrinterEmulator start(Path link) throws IOException {
        ReceiptPrinterEmulator emulator = new ReceiptPrinterEmulator(PseudoTerminal.open(link));
        emulator.worker.start();
        return emulator;
    }

    /** The path the kiosk opens. */
    public Path devicePath() {
        return terminal.devicePath();
    }

    /** Makes the printer report paper end (true) or a fresh roll (false). */
    public void setPaperOut(boolean paperOut) {
        this.paperOut = paperOut;
    }

    /** Makes the printer stop answering status requests (true), as when it is switched off. */
    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    /**
     * The next receipt printed, waiting at most the given time.
     *
     * @return the receipt, or null if none came in time
     */
    public PrintedReceipt nextReceipt(long timeout, TimeUnit unit) throws InterruptedException {
        return receipts.poll(timeout, unit);
    }

    /** Descriptions of commands outside the supported subset that were received. */
    public List<String> unsupportedCommands() {
        return List.copyOf(unsupported);
    }

    private void serve() {
        List<PrintedItem> current = new ArrayList<>();
        OutputStream toHost = terminal.output();
        EscPosParser parser = new EscPosParser(new EscPosParser.Listener() {
            @Override
            public void printed(PrintedItem item) {
                if (paperOut) {
                    return;
                }
                current.add(item);
                if (item instanceof PrintedItem.Cut) {
                    receipts.add(new PrintedReceipt(current));
                    current.clear();
                }
            }

            @Override
            public void statusRequested(int function) {
                if (offline) {
                    return;
                }
                int status = 0x12; // bits 1 and 4 are fixed to 1 in every status byte
                if (paperOut) {
                    status |= EscPos.PAPER_END_BITS;
                }
                try {
                    toHost.write(status);
                    toHost.flush();
                } catch (IOException e) {
                    LOG.debug("status answer not delivered: {}", e.getMessage());
                }
            }

            @Override
            public void unsupported(String description) {
                unsupported.add(description);
            }
        });
        InputStream fromHost = terminal.input();
        byte[] buffer = new byte[4096];
        try {
            int count;
            while ((count = fromHost.read(buffer)) >= 0) {
                if (count > 0 && !offline) {
                    parser.feed(buffer, count);
                }
            }
        } catch (IOException e) {
            LOG.debug("printer emulator stopped: {}", e.getMessage());
        }
    }

    /** Unplugs the printer: the terminal closes and the kiosk sees a dead line. */
    @Override
    public void close() {
        terminal.close();
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
