package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.MrzReaderEmulator;
import kz.sailau.kiosk.devices.SerialPortList;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Device;
import kz.sailau.kiosk.ui.DeviceSettingsActions.PortSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Devices pane's "Test" buttons against the protocol-exact emulators on real pseudo-terminals. */
class SerialDeviceProbeIT {

    @TempDir
    Path directory;

    private final SerialDeviceProbe probe = new SerialDeviceProbe();

    @Test
    void eachEmulatedDevicePassesItsTestAndIsListed() throws Exception {
        Path scannerLink = directory.resolve("scanner");
        Path printerLink = directory.resolve("printer");
        Path mrzLink = directory.resolve("mrz-reader");
        try (ScannerEmulator scanner = ScannerEmulator.builder().link(scannerLink).start();
             ReceiptPrinterEmulator printer = ReceiptPrinterEmulator.start(printerLink);
             MrzReaderEmulator mrz = MrzReaderEmulator.open(mrzLink)) {
            assertEquals("admin.devices.test.scannerOk", probe.test(Device.SCANNER,
                    new PortSetting(scannerLink.toString(), ScannerEmulator.DEFAULT_BAUD_RATE)));
            assertEquals("admin.devices.test.printerReady", probe.test(Device.PRINTER,
                    new PortSetting(printerLink.toString(), 19_200)));
            assertEquals("admin.devices.test.portOpens", probe.test(Device.MRZ_READER,
                    new PortSetting(mrzLink.toString(), 9_600)));
            assertEquals(java.util.List.of(mrzLink.toString(), printerLink.toString(), scannerLink.toString()),
                    SerialPortList.present(directory, "*").subList(0, 3), "the emulated links are offered first");
        }
    }

    @Test
    void aMissingPortIsReportedNotThrown() {
        String missing = directory.resolve("no-such-port").toString();
        assertEquals(DeviceException.Kind.NOT_FOUND.messageKey(),
                probe.test(Device.PRINTER, new PortSetting(missing, 19_200)));
        assertEquals(DeviceException.Kind.NOT_FOUND.messageKey(),
                probe.test(Device.MRZ_READER, new PortSetting(missing, 9_600)));
        String scannerKey = probe.test(Device.SCANNER, new PortSetting(missing, 57_600));
        assertEquals(true, scannerKey.startsWith("scanner.error."), scannerKey);
    }
}
