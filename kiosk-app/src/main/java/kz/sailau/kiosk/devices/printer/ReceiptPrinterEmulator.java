package kz.sailau.kiosk.devices.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.sailau.fingerprint.emulator.PseudoTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a pseudo-terminal that behaves like a {@link PrinterProfile}: it decodes exactly the
 * code tables the profile claims (byte by byte), takes raster images whole, skips unknown commands with their
 * parameters, answers the paper status request, and, where the profile says so, sends flow control bytes (an XON
 * before each status answer, and right after it an XOFF while it is still busy printing, then the XON
 * {@value #XOFF_MILLIS} ms later) and an automatic status back block when it starts and after each cut. One
 * {@link PrintedReceipt} per cut. Faults for tests and the demo: paper out, offline
 * (stops answering), unplug.
 */
public final class ReceiptPrinterEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinterEmulator.class);
    /** How long an XOFF lasts: the time the emulated printer is still busy. */
    static final long XOFF_MILLIS = 150;
    /** Bytes a host may still have in flight when the XOFF reaches it (one write), not counted as ignoring it. */
    static final int IN_FLIGHT_BYTES = SerialReceiptPrinter.CHUNK;
    /** Automatic status back block (GS a): four bytes, first 0xx1xx00, then 0xx0xxxx three times. */
    private static final byte[] STATUS_BACK = {0x10, 0x00, 0x00, 0x00};

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

        /** The raster images. */
        public List<PrintedItem.RasterImage> rasterImages() {
            return items.stream().filter(PrintedItem.RasterImage.class::isInstance)
                    .map(PrintedItem.RasterImage.class::cast).toList();
        }
    }

    private final PseudoTerminal terminal;
    private final PrinterProfile profile;
    private final Thread worker;
    private final LinkedBlockingQueue<PrintedReceipt> receipts = new LinkedBlockingQueue<>();
    private final List<String> unsupported = new CopyOnWriteArrayList<>();
    private volatile boolean paperOut;
    private volatile boolean offline;
    private volatile int bytesIgnoringXoff;
    private volatile int xoffsSent;
    private volatile long stopUntil;
    private int sinceXoff;

    private ReceiptPrinterEmulator(PseudoTerminal terminal, PrinterProfile profile) {
        this.terminal = terminal;
        this.profile = profile;
        this.worker = new Thread(this::serve, "receipt-printer-emulator");
        this.worker.setDaemon(true);
    }

    /**
     * Starts a printer of the default profile on a new pseudo-terminal.
     *
     * @param link a stable path to point at the terminal (like a udev name), or null
     * @throws IOException if no pseudo-terminal can be made
     */
    public static ReceiptPrinterEmulator start(Path link) throws IOException {
        return start(link, PrinterProfile.DEFAULT);
    }

    /**
     * Starts a printer on a new pseudo-terminal.
     *
     * @param link    a stable path to point at the terminal, or null
     * @param profile the printer model to behave like
     * @throws IOException if no pseudo-terminal can be made
     */
    public static ReceiptPrinterEmulator start(Path link, PrinterProfile profile) throws IOException {
        Objects.requireNonNull(profile, "profile");
        ReceiptPrinterEmulator emulator = new ReceiptPrinterEmulator(PseudoTerminal.open(link), profile);
        emulator.worker.start();
        return emulator;
    }

    /** The path the kiosk opens. */
    public Path devicePath() {
        return terminal.devicePath();
    }

    /** The printer model. */
    public PrinterProfile profile() {
        return profile;
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

    /** Descriptions of commands outside the supported subset (and code tables the printer lacks) received. */
    public List<String> unsupportedCommands() {
        return List.copyOf(unsupported);
    }

    /** How many XOFFs the printer sent (only a profile with flow control bytes sends any). */
    public int xoffsSent() {
        return xoffsSent;
    }

    /** Bytes that arrived while an XOFF was in force, beyond what was already in flight: 0 for a polite host. */
    public int bytesIgnoringXoff() {
        return bytesIgnoringXoff;
    }

    private void serve() {
        OutputStream toHost = terminal.output();
        List<PrintedItem> current = new ArrayList<>();
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
                    if (profile.automaticStatusBack()) {
                        send(toHost, STATUS_BACK);
                    }
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
                if (profile.flowControlBytes()) {
                    // one write, so that the XOFF is on the line before the host can send more
                    stopUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(XOFF_MILLIS);
                    sinceXoff = 0;
                    xoffsSent++;
                    send(toHost, new byte[] {EscPos.XON, (byte) status, EscPos.XOFF});
                    resumeLater(toHost, XOFF_MILLIS);
                } else {
                    send(toHost, new byte[] {(byte) status});
                }
            }

            @Override
            public void unsupported(String description) {
                unsupported.add(description);
            }
        }, profile);
        if (profile.automaticStatusBack()) {
            send(toHost, STATUS_BACK);
        }
        InputStream fromHost = terminal.input();
        byte[] buffer = new byte[4096];
        try {
            int count;
            while ((count = fromHost.read(buffer)) >= 0) {
                if (count == 0 || offline) {
                    continue;
                }
                if (stopUntil != 0 && System.nanoTime() - stopUntil < 0) {
                    sinceXoff += count;
                    bytesIgnoringXoff = Math.max(bytesIgnoringXoff, sinceXoff - IN_FLIGHT_BYTES);
                }
                parser.feed(buffer, count);
            }
        } catch (IOException e) {
            LOG.debug("printer emulator stopped: {}", e.getMessage());
        }
    }

    /** Sends the XON when the buffer has printed, even if the host sends nothing more meanwhile. */
    private void resumeLater(OutputStream toHost, long millis) {
        Thread resume = new Thread(() -> {
            try {
                Thread.sleep(millis);
                send(toHost, new byte[] {EscPos.XON});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "receipt-printer-emulator-xon");
        resume.setDaemon(true);
        resume.start();
    }

    private static synchronized void send(OutputStream toHost, byte[] bytes) {
        try {
            toHost.write(bytes);
            toHost.flush();
        } catch (IOException e) {
            LOG.debug("bytes to the host not delivered: {}", e.getMessage());
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
