package kz.sailau.kiosk.app;

import java.nio.file.Path;
import java.time.Duration;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.SerialLine;
import kz.sailau.kiosk.devices.printer.PrinterProfile;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Device;
import kz.sailau.kiosk.ui.DeviceSettingsActions.PortSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Test" button of the Devices pane on real serial ports: the scanner's handshake (VfyPwd then
 * ReadSysPara, R30x user manual), the card reader's port opened and closed (the reader only sends, it has
 * nothing to answer), the printer's paper status ({@code DLE EOT 4}). A port the running kiosk holds reports
 * as busy.
 */
public final class SerialDeviceProbe implements KioskDeviceSettings.Probe {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDeviceProbe.class);

    @Override
    public String test(Device device, PortSetting setting) {
        Path port = Path.of(setting.port());
        try {
            switch (device) {
                case SCANNER -> {
                    SensorProfile model = setting.profile() == null ? SensorProfile.DEFAULT
                            : SensorProfile.byId(setting.profile()).orElse(SensorProfile.DEFAULT);
                    try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                            SerialScannerSettings.of(port, setting.baud(), model))) {
                        scanner.open();
                    }
                    return "admin.devices.test.scannerOk";
                }
                case MRZ_READER -> {
                    SerialLine.open(port, setting.baud(), 50).close();
                    return "admin.devices.test.portOpens";
                }
                case PRINTER -> {
                    PrinterProfile model = setting.profile() == null ? PrinterProfile.DEFAULT
                            : PrinterProfile.byId(setting.profile()).orElse(PrinterProfile.DEFAULT);
                    new SerialReceiptPrinter(port, setting.baud(), model, Duration.ofSeconds(2)).checkReady();
                    return "admin.devices.test.printerReady";
                }
                default -> throw new IllegalArgumentException("unknown device " + device);
            }
        } catch (ScannerException e) {
            LOG.info("scanner test on {} failed: {}", port, e.technicalMessage());
            return e.messageKey();
        } catch (DeviceException e) {
            LOG.info("{} test on {} failed: {}", device, port, e.getMessage());
            return e.messageKey();
        }
    }
}
