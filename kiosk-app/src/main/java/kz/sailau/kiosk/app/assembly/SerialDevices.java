package kz.sailau.kiosk.app.assembly;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.devices.MrzReaderProfile;
import kz.sailau.kiosk.devices.SerialMrzReader;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.runner.KioskDevices;

/**
 * The kiosk's real devices: the serial drivers on the ports of the configuration, with the device models it names
 * (decisions 0150-0152), as {@code start} opens them.
 */
public final class SerialDevices {

    /** How long the printer driver waits for the paper status (a real printer answers in milliseconds). */
    public static final Duration PRINTER_STATUS_TIMEOUT = Duration.ofSeconds(2);

    private SerialDevices() {
    }

    /**
     * The drivers on the configured ports. Nothing is opened yet: the scanner opens at its first capture, the
     * card reader when the device runner starts reading, the printer per receipt.
     *
     * @param configuration the ports and line speeds
     * @param clock         the card reader's line timing
     */
    public static KioskDevices open(KioskConfiguration configuration, Clock clock) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(clock, "clock");
        Path cardReader = Path.of(configuration.mrzReader().port());
        int cardReaderBaud = configuration.mrzReader().baud();
        MrzReaderProfile cardReaderProfile = configuration.mrzReaderProfile();
        return new KioskDevices(
                new SerialFingerprintScanner(SerialScannerSettings.of(Path.of(configuration.scanner().port()),
                        configuration.scanner().baud(), configuration.scannerProfile())),
                () -> SerialMrzReader.open(cardReader, cardReaderBaud, cardReaderProfile, clock),
                new SerialReceiptPrinter(Path.of(configuration.printer().port()), configuration.printer().baud(),
                        configuration.printerProfile(), PRINTER_STATUS_TIMEOUT));
    }
}
