package kz.sailau.kiosk.app.assembly;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import kz.sailau.fingerprint.emulator.FingerSource;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.devices.MrzReaderEmulator;
import kz.sailau.kiosk.devices.SerialMrzReader;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.runner.KioskDevices;

/**
 * The kiosk's three devices emulated on pseudo-terminals (scanner, MRZ reader, receipt printer), with links
 * {@code scanner}, {@code mrz-reader} and {@code printer} in one directory, and the kiosk's real drivers opened on
 * them ({@link #devices()}): what {@code demo}, {@code simulate} and the device tests run. Starts the three
 * emulators together and closes drivers and emulators together.
 *
 * <p>A finger can be held on the emulated glass ({@link ScannerEmulator#presentFinger}, the demo panel) or
 * touched once ({@link #touch}): a touch is seen by exactly one poll of the sensor, so every capture the engine
 * asks for reads the next touch and never the same finger twice.
 */
public final class EmulatedDevices implements AutoCloseable {

    /** Line speed the driver switches the emulated scanner to (the R30x accepts up to 115200). */
    public static final int SCANNER_FAST_BAUD = 115_200;

    private final Path directory;
    private final ScannerEmulator scannerEmulator;
    private final ReceiptPrinterEmulator printerEmulator;
    private final Queue<BufferedImage> touches;
    private final KioskDevices devices;
    private volatile MrzReaderEmulator cardReaderEmulator;

    private EmulatedDevices(Path directory, ScannerEmulator scannerEmulator, ReceiptPrinterEmulator printerEmulator,
                            MrzReaderEmulator cardReaderEmulator, Queue<BufferedImage> touches, KioskDevices devices) {
        this.directory = directory;
        this.scannerEmulator = scannerEmulator;
        this.printerEmulator = printerEmulator;
        this.cardReaderEmulator = cardReaderEmulator;
        this.touches = touches;
        this.devices = devices;
    }

    /** Starts the emulators with the kiosk's own driver settings. */
    public static EmulatedDevices start(Path directory, KioskConfiguration configuration, boolean realtime)
            throws IOException {
        return start(directory, configuration, realtime, UnaryOperator.identity());
    }

    /**
     * Starts the emulators in {@code directory} (created if absent) and opens the drivers on them.
     *
     * @param directory     where the device links go
     * @param configuration the card reader's and the printer's line speeds
     * @param realtime      whether the scanner takes the true serial time to upload an image (the demo) or
     *                      milliseconds (simulate, tests)
     * @param scannerSettings adjusts the scanner driver's settings (tests shorten its timeouts; the kiosk's as they are)
     * @throws IOException if a pseudo-terminal cannot be opened
     */
    public static EmulatedDevices start(Path directory, KioskConfiguration configuration, boolean realtime,
                                        UnaryOperator<SerialScannerSettings> scannerSettings) throws IOException {
        Objects.requireNonNull(configuration, "configuration");
        Files.createDirectories(directory);
        Queue<BufferedImage> touches = new ConcurrentLinkedQueue<>();
        FingerSource touched = () -> Optional.ofNullable(touches.poll());
        MrzReaderEmulator cardReader = MrzReaderEmulator.open(directory.resolve("mrz-reader"));
        ScannerEmulator scanner = null;
        ReceiptPrinterEmulator printer = null;
        try {
            scanner = ScannerEmulator.builder().link(directory.resolve("scanner")).realtime(realtime)
                    .fingerSource(touched).start();
            printer = ReceiptPrinterEmulator.start(directory.resolve("printer"));
            Path cardReaderLink = directory.resolve("mrz-reader");
            int cardReaderBaud = configuration.mrzReader().baud();
            KioskDevices devices = new KioskDevices(new SerialFingerprintScanner(scannerSettings.apply(
                    SerialScannerSettings.of(directory.resolve("scanner"), ScannerEmulator.DEFAULT_BAUD_RATE)
                            .withTargetBaudRate(SCANNER_FAST_BAUD))),
                    () -> SerialMrzReader.open(cardReaderLink, cardReaderBaud, Clock.systemUTC()),
                    new SerialReceiptPrinter(directory.resolve("printer"), configuration.printer().baud(),
                            SerialDevices.PRINTER_STATUS_TIMEOUT));
            return new EmulatedDevices(directory, scanner, printer, cardReader, touches, devices);
        } catch (IOException | RuntimeException e) {
            cardReader.close();
            if (scanner != null) {
                scanner.close();
            }
            if (printer != null) {
                printer.close();
            }
            throw e;
        }
    }

    /** The drivers on the emulators, for the device runner. */
    public KioskDevices devices() {
        return devices;
    }

    /** The directory of the device links. */
    public Path directory() {
        return directory;
    }

    /** The emulated scanner. */
    public ScannerEmulator scanner() {
        return scannerEmulator;
    }

    /** The emulated receipt printer. */
    public ReceiptPrinterEmulator printer() {
        return printerEmulator;
    }

    /** The emulated MRZ reader (a new one after {@link #replugCardReader}). */
    public MrzReaderEmulator cardReader() {
        return cardReaderEmulator;
    }

    /** Touches the emulated glass once with {@code image}: the next poll of the sensor sees it, later ones not. */
    public void touch(BufferedImage image) {
        touches.add(Objects.requireNonNull(image, "image"));
    }

    /** Puts a card on the emulated MRZ reader: it sends the zone over its serial line to the kiosk. */
    public void presentCard(String mrzText) {
        try {
            cardReaderEmulator.present(List.of(mrzText.strip().split("\\r?\\n")));
        } catch (IOException e) {
            throw new UncheckedIOException("MRZ reader emulator failed", e);
        }
    }

    /** Unplugs the emulated MRZ reader: the kiosk's reader sees a dead line and its link disappears. */
    public void unplugCardReader() {
        cardReaderEmulator.close();
    }

    /** Plugs a new emulated MRZ reader in at the same link. */
    public void replugCardReader() throws IOException {
        cardReaderEmulator.close();
        cardReaderEmulator = MrzReaderEmulator.open(directory.resolve("mrz-reader"));
    }

    /** Closes the drivers, then the emulators. */
    @Override
    public void close() {
        try {
            devices.close();
        } finally {
            cardReaderEmulator.close();
            scannerEmulator.close();
            printerEmulator.close();
        }
    }
}
