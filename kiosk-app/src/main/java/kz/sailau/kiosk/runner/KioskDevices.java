package kz.sailau.kiosk.runner;

import java.util.Objects;
import kz.sailau.fingerprint.FingerprintScanner;
import kz.sailau.kiosk.devices.MrzReader;
import kz.sailau.kiosk.devices.MrzReaderException;
import kz.sailau.kiosk.devices.printer.ReceiptPrinter;

/**
 * The three devices of one kiosk as the {@link DeviceRunner} drives them: real serial devices or the same
 * drivers on emulators, the runner cannot tell. Whoever opened them closes them ({@link #close}) after the
 * runner stopped.
 *
 * @param scanner    the fingerprint scanner
 * @param cardReader opens the identity-card reader; called again to reopen it after it failed
 * @param printer    the receipt printer
 */
public record KioskDevices(FingerprintScanner scanner, CardReaderSource cardReader, ReceiptPrinter printer)
        implements AutoCloseable {

    /** Opens the identity-card reader (the runner reopens it through here after an unplug). */
    @FunctionalInterface
    public interface CardReaderSource {
        /**
         * Opens the reader.
         *
         * @throws MrzReaderException when it cannot be opened (not found, busy)
         */
        MrzReader open();
    }

    /** @throws NullPointerException on a null device */
    public KioskDevices {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(cardReader, "cardReader");
        Objects.requireNonNull(printer, "printer");
    }

    /** Closes the scanner's and the printer's ports (the runner closes the card readers it opened). */
    @Override
    public void close() {
        try {
            scanner.close();
        } finally {
            printer.close();
        }
    }
}
