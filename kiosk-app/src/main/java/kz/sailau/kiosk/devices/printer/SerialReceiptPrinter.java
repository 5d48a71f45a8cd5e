package kz.sailau.kiosk.devices.printer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.SerialLine;

/**
 * An ESC/POS receipt printer on a serial line. Before and after each receipt it asks the paper roll
 * status ({@code DLE EOT 4}); a printer that does not answer is offline, one that reports the roll end
 * has no paper. The port is opened per receipt, so a printer unplugged and plugged back works again
 * without restarting the kiosk.
 */
public final class SerialReceiptPrinter implements ReceiptPrinter {

    private static final int READ_SLICE_MILLIS = 50;

    private final Path port;
    private final int baud;
    private final Duration statusTimeout;
    private final EscPosEncoder encoder = new EscPosEncoder();

    /**
     * @param port          the device path
     * @param baud          line speed
     * @param statusTimeout how long to wait for the status byte (a real printer answers within milliseconds;
     *                      it also has to drain its buffer, so allow the print time at the line speed)
     */
    public SerialReceiptPrinter(Path port, int baud, Duration statusTimeout) {
        this.port = Objects.requireNonNull(port, "port");
        this.baud = baud;
        this.statusTimeout = Objects.requireNonNull(statusTimeout, "statusTimeout");
    }

    @Override
    public void print(Receipt receipt) throws DeviceException {
        Objects.requireNonNull(receipt, "receipt");
        try (SerialLine line = SerialLine.open(port, baud, READ_SLICE_MILLIS)) {
            line.discardInput();
            checkPaper(line);
            line.write(encoder.encode(receipt));
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
            checkPaper(line);
        }
    }

    private void checkPaper(SerialLine line) throws DeviceException {
        line.write(encoder.paperStatusRequest());
        byte[] answer = new byte[1];
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        while (line.read(answer) == 0) {
            if (System.nanoTime() - deadline >= 0) {
                throw new DeviceException(DeviceException.Kind.TIMEOUT,
                        "printer on " + port + " did not answer the paper status request");
            }
        }
        if ((answer[0] & EscPos.PAPER_END_BITS) != 0) {
            throw new DeviceException(DeviceException.Kind.OUT_OF_PAPER, "printer on " + port + " reports paper end");
        }
    }

    @Override
    public void close() {
        // The port is opened per receipt; nothing is held between receipts.
    }
}
