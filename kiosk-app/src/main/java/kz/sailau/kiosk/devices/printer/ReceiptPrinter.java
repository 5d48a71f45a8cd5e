package kz.sailau.kiosk.devices.printer;

import kz.sailau.kiosk.devices.DeviceException;

/**
 * The receipt printer, as the kiosk uses it: print one ballot-token receipt or say why not. The real
 * serial printer and the emulator pass the same contract test.
 */
public interface ReceiptPrinter extends AutoCloseable {

    /**
     * Prints the receipt and confirms the paper did not run out while printing.
     *
     * @throws DeviceException OUT_OF_PAPER, TIMEOUT (printer offline), DISCONNECTED, NOT_FOUND, BUSY: the
     *                         caller voids the token and alerts the clerk
     */
    void print(Receipt receipt) throws DeviceException;

    /** Releases the port. */
    @Override
    void close();
}
