package kz.sailau.kiosk.devices.printer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.SerialLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a serial line, of a {@link PrinterProfile}. Before and after each receipt it asks
 * the paper roll status ({@code DLE EOT 4}); a printer that does not answer is offline, one that reports the roll
 * end has no paper. The answer is the first byte with the fixed bits of a real-time status byte (bits 0 and 7 clear,
 * 1 and 4 set): XON, XOFF and automatic status back bytes that a printer sends by itself are skipped, never taken
 * for "paper present". The receipt is written in chunks of {@value #CHUNK} bytes; an XOFF from the printer pauses
 * the writing until its XON (or the status timeout). The port is opened per receipt, so a printer unplugged and
 * plugged back works again without restarting the kiosk; a receipt's opening and closing are not logged (a line
 * per receipt would time every ballot token's issue in the journal, decision 0513).
 */
public final class SerialReceiptPrinter implements ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(SerialReceiptPrinter.class);
    private static final int READ_SLICE_MILLIS = 50;
    /** Bytes written before looking for an XOFF: well below the smallest printer buffer (1 KB). */
    static final int CHUNK = 256;

    private final Path port;
    private final int baud;
    private final PrinterProfile profile;
    private final Duration statusTimeout;
    private final EscPosEncoder encoder;
    private boolean stopped;

    /**
     * A printer of the default profile.
     *
     * @param port          the device path
     * @param baud          line speed
     * @param statusTimeout how long to wait for the status byte (a real printer answers within milliseconds;
     *                      it also has to drain its buffer, so allow the print time at the line speed)
     */
    public SerialReceiptPrinter(Path port, int baud, Duration statusTimeout) {
        this(port, baud, PrinterProfile.DEFAULT, statusTimeout);
    }

    /**
     * A printer.
     *
     * @param port          the device path
     * @param baud          line speed
     * @param profile       the printer model: code tables, raster, line width
     * @param statusTimeout how long to wait for the status byte, and for the XON after an XOFF
     */
    public SerialReceiptPrinter(Path port, int baud, PrinterProfile profile, Duration statusTimeout) {
        this.port = Objects.requireNonNull(port, "port");
        this.baud = baud;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.statusTimeout = Objects.requireNonNull(statusTimeout, "statusTimeout");
        this.encoder = new EscPosEncoder(profile);
    }

    @Override
    public void print(Receipt receipt) throws DeviceException {
        Objects.requireNonNull(receipt, "receipt");
        try (SerialLine line = SerialLine.openForOneVoter(port, baud, READ_SLICE_MILLIS)) {
            line.discardInput();
            stopped = false;
            checkPaper(line);
            byte[] bytes = encoder.encode(receipt);
            for (int offset = 0; offset < bytes.length; offset += CHUNK) {
                line.write(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK)));
                takeUnsolicited(line);
                waitWhileStopped(line);
            }
            checkPaper(line);
        }
    }

    /**
     * Checks the printer is reachable and has paper, printing nothing: opens the port and asks the paper roll
     * status ({@code DLE EOT 4}) once.
     *
     * @throws DeviceException NOT_FOUND, BUSY, ACCESS_DENIED, TIMEOUT (no answer) or OUT_OF_PAPER
     */
    public void checkReady() throws DeviceException {
        try (SerialLine line = SerialLine.open(port, baud, READ_SLICE_MILLIS)) {
            line.discardInput();
            stopped = false;
            checkPaper(line);
        }
    }

    /** The printer model this driver encodes for. */
    public PrinterProfile profile() {
        return profile;
    }

    private void checkPaper(SerialLine line) throws DeviceException {
        line.write(encoder.paperStatusRequest());
        byte[] answer = new byte[1];
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        while (true) {
            if (line.read(answer) > 0) {
                int b = answer[0] & 0xFF;
                if (EscPos.isRealTimeStatus(b)) {
                    if ((b & EscPos.PAPER_END_BITS) != 0) {
                        throw new DeviceException(DeviceException.Kind.OUT_OF_PAPER,
                                "printer on " + port + " reports paper end");
                    }
                    return;
                }
                flowControl(b);
            } else if (System.nanoTime() - deadline >= 0) {
                throw new DeviceException(DeviceException.Kind.TIMEOUT,
                        "printer on " + port + " did not answer the paper status request");
            }
        }
    }

    /** Reads what the printer sent by itself while data went out: XON / XOFF, automatic status back. */
    private void takeUnsolicited(SerialLine line) throws DeviceException {
        byte[] one = new byte[1];
        while (line.available() > 0 && line.read(one) > 0) {
            flowControl(one[0] & 0xFF);
        }
    }

    private void waitWhileStopped(SerialLine line) throws DeviceException {
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        byte[] one = new byte[1];
        while (stopped) {
            if (line.read(one) > 0) {
                flowControl(one[0] & 0xFF);
            } else if (System.nanoTime() - deadline >= 0) {
                throw new DeviceException(DeviceException.Kind.TIMEOUT,
                        "printer on " + port + " sent XOFF and no XON within " + statusTimeout.toMillis() + " ms");
            }
        }
    }

    private void flowControl(int b) {
        if (b == EscPos.XOFF) {
            stopped = true;
        } else if (b == EscPos.XON) {
            stopped = false;
        } else {
            LOG.debug("printer on {} sent an unsolicited byte 0x{}", port, Integer.toHexString(b));
        }
    }

    @Override
    public void close() {
        // The port is opened per receipt; nothing is held between receipts.
    }
}
