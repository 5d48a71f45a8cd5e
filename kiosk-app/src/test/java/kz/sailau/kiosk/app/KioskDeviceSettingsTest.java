package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditField;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Device;
import kz.sailau.kiosk.ui.DeviceSettingsActions.Field;
import kz.sailau.kiosk.ui.DeviceSettingsActions.FieldProblem;
import kz.sailau.kiosk.ui.DeviceSettingsActions.InvalidSettingsException;
import kz.sailau.kiosk.ui.DeviceSettingsActions.PortSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation of the Devices pane's fields and the atomic replacement of {@code kiosk.json}. */
class KioskDeviceSettingsTest {

    private static final String ORIGINAL = """
            {
              "dataDirectory": "/var/lib/sailau/data",
              "precinct": 101,
              "scanner":   { "port": "/dev/sailau-scanner", "baud": 57600 },
              "mrzReader": { "port": "/dev/sailau-mrz",     "baud": 9600 },
              "printer":   { "port": "/dev/sailau-printer", "baud": 19200 },
              "idleTimeoutSeconds": 90
            }
            """;

    @TempDir
    Path directory;

    private final List<AuditEvent> audited = new ArrayList<>();

    private static Map<Device, PortSetting> settings(String scanner, int scannerBaud, String mrz, int mrzBaud,
                                                     String printer, int printerBaud) {
        Map<Device, PortSetting> settings = new EnumMap<>(Device.class);
        settings.put(Device.SCANNER, new PortSetting(scanner, scannerBaud));
        settings.put(Device.MRZ_READER, new PortSetting(mrz, mrzBaud));
        settings.put(Device.PRINTER, new PortSetting(printer, printerBaud));
        return settings;
    }

    private static Map<Device, PortSetting> valid() {
        return settings("/dev/sailau-scanner", 57_600, "/dev/sailau-mrz", 9_600, "/dev/sailau-printer", 19_200);
    }

    private Path original() throws IOException {
        Path file = directory.resolve("kiosk.json");
        Files.writeString(file, ORIGINAL);
        return file;
    }

    private KioskDeviceSettings over(Path file, AtomicFileReplacement.ContentWriter writer) {
        return new KioskDeviceSettings(file, KioskDeviceSettings.settingsOf(KioskConfiguration.read(file)),
                (device, setting) -> "admin.devices.test.portOpens", List::of, audited::add,
                "admin.devices.appliesRestart", writer);
    }

    @Test
    void validSettingsHaveNoProblems() {
        assertEquals(List.of(), KioskDeviceSettings.problems(valid()));
    }

    @Test
    void eachBadFieldIsNamedWithItsReason() {
        List<FieldProblem> problems = KioskDeviceSettings.problems(settings(
                "  ", 57_600, "dev/ttyUSB0", 9_600, "/dev/tty USB1", 19_200));
        assertEquals(List.of(
                new FieldProblem(Device.SCANNER, Field.PORT, "admin.devices.error.portMissing"),
                new FieldProblem(Device.MRZ_READER, Field.PORT, "admin.devices.error.portNotAbsolute"),
                new FieldProblem(Device.PRINTER, Field.PORT, "admin.devices.error.portCharacters")), problems);
    }

    @Test
    void speedsAreThoseEachDeviceSupports() {
        // The scanner runs at 9600 × N, N in 1..12 (R30x SetSysPara parameter 4): 28800 is one of them.
        assertEquals(List.of(), KioskDeviceSettings.problems(settings(
                "/dev/a", 28_800, "/dev/b", 115_200, "/dev/c", 38_400)));
        assertEquals(List.of(
                new FieldProblem(Device.SCANNER, Field.BAUD, "admin.devices.error.baudUnsupported"),
                new FieldProblem(Device.PRINTER, Field.BAUD, "admin.devices.error.baudUnsupported")),
                KioskDeviceSettings.problems(settings("/dev/a", 230_400, "/dev/b", 9_600, "/dev/c", 28_800)));
        assertEquals(12, KioskConfiguration.SCANNER_BAUD_RATES.size());
    }

    @Test
    void theModelIsSavedWhenItIsNotTheDefaultAndTheSpeedIsCheckedAgainstIt() throws Exception {
        Map<Device, PortSetting> r305 = settings("/dev/a", 115_200, "/dev/b", 9_600, "/dev/c", 19_200);
        r305.put(Device.SCANNER, new PortSetting("/dev/a", 115_200, "r305"));
        assertEquals(List.of(new FieldProblem(Device.SCANNER, Field.BAUD, "admin.devices.error.baudUnsupported")),
                KioskDeviceSettings.problems(r305));
        r305.put(Device.PRINTER, new PortSetting("/dev/c", 19_200, "no-such-printer"));
        assertTrue(KioskDeviceSettings.problems(r305).contains(
                new FieldProblem(Device.PRINTER, Field.PROFILE, "admin.devices.error.profileUnknown")));

        Path file = original();
        KioskDeviceSettings devices = over(file, AtomicFileReplacement.WHOLE);
        Map<Device, PortSetting> chosen = settings("/dev/ttyUSB3", 57_600, "/dev/sailau-mrz", 9_600,
                "/dev/sailau-printer", 19_200);
        chosen.put(Device.SCANNER, new PortSetting("/dev/ttyUSB3", 57_600, "r503"));
        chosen.put(Device.PRINTER, new PortSetting("/dev/sailau-printer", 19_200, "escpos-pc866"));
        devices.save(chosen);
        KioskConfiguration reread = KioskConfiguration.read(file);
        assertEquals(kz.sailau.fingerprint.SensorProfile.R503, reread.scannerProfile());
        assertEquals(new KioskConfiguration.SerialPortSetting("/dev/sailau-printer", 19_200), reread.printer(),
                "the default model is not written");
        assertTrue(devices.baudRates(Device.SCANNER, "r503").contains(115_200));
        assertFalse(devices.baudRates(Device.SCANNER, "r503").contains(28_800), "the R503 refuses N = 3");
    }

    @Test
    void twoDevicesCannotShareAPort() {
        List<FieldProblem> problems = KioskDeviceSettings.problems(settings(
                "/dev/ttyUSB0", 57_600, "/dev/ttyUSB0 ", 9_600, "/dev/ttyUSB1", 19_200));
        assertEquals(List.of(
                new FieldProblem(Device.SCANNER, Field.PORT, "admin.devices.error.portShared"),
                new FieldProblem(Device.MRZ_READER, Field.PORT, "admin.devices.error.portShared")), problems);
    }

    @Test
    void savingReplacesOnlyTheDevicesKeepsEveryOtherKeyAndIsAudited() throws Exception {
        Path file = original();
        KioskDeviceSettings devices = over(file, AtomicFileReplacement.WHOLE);
        String done = devices.save(settings("/dev/ttyUSB3", 115_200, "/dev/sailau-mrz", 9_600,
                "/dev/sailau-printer", 19_200));
        assertEquals("admin.devices.saved", done);

        KioskConfiguration reread = KioskConfiguration.read(file);
        assertEquals(new KioskConfiguration.SerialPortSetting("/dev/ttyUSB3", 115_200), reread.scanner());
        assertEquals(new KioskConfiguration.SerialPortSetting("/dev/sailau-mrz", 9_600), reread.mrzReader());
        assertEquals(90, reread.idleTimeoutSeconds(), "other keys are kept");
        assertEquals(Path.of("/var/lib/sailau/data"), reread.dataDirectory());
        assertFalse(Files.readString(file).contains("electionDay"), "absent keys stay absent (defaults)");
        assertEquals(List.of(file), list(), "no temporary file left");

        assertEquals(1, audited.size());
        AuditEvent event = audited.get(0);
        assertEquals(AuditEventType.DEVICES_CONFIGURED, event.type());
        assertTrue(event.fields().contains(new AuditField("scanner", "CHANGED")));
        assertTrue(event.fields().contains(new AuditField("scannerBaud", "115200")));
        assertTrue(event.fields().contains(new AuditField("mrzReader", "UNCHANGED")));
        assertTrue(event.fields().contains(new AuditField("printer", "UNCHANGED")));
        assertTrue(event.fields().stream().noneMatch(f -> f.value().contains("/")), "no paths in the audit log");
        assertEquals("/dev/ttyUSB3", devices.current().get(Device.SCANNER).port());
    }

    @Test
    void invalidSettingsWriteNothing() throws Exception {
        Path file = original();
        byte[] before = Files.readAllBytes(file);
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class, () -> over(file,
                AtomicFileReplacement.WHOLE).save(settings("relative", 57_600, "/dev/b", 9_600, "/dev/c", 19_200)));
        assertEquals(List.of(new FieldProblem(Device.SCANNER, Field.PORT, "admin.devices.error.portNotAbsolute")),
                refused.problems());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(audited.isEmpty());
    }

    @Test
    void aFailureInTheMiddleOfTheWriteLeavesTheOldFileWhole() throws Exception {
        Path file = original();
        byte[] before = Files.readAllBytes(file);
        AtomicFileReplacement.ContentWriter halfThenFail = (channel, content) -> {
            content.limit(content.capacity() / 2);
            while (content.hasRemaining()) {
                channel.write(content);
            }
            throw new IOException("disk full (test)");
        };
        AdministratorException failed = assertThrows(AdministratorException.class, () -> over(file, halfThenFail)
                .save(settings("/dev/ttyUSB3", 115_200, "/dev/b", 9_600, "/dev/c", 19_200)));
        assertEquals("admin.devices.error.write", failed.messageKey());
        assertArrayEquals(before, Files.readAllBytes(file), "the old file survives unchanged");
        assertEquals(List.of(file), list(), "the half-written temporary file is removed");
        assertTrue(audited.isEmpty(), "nothing audited for a save that did not happen");
    }

    @Test
    void aFileThatWouldNotParseIsNeverInstalled() throws Exception {
        Path file = directory.resolve("kiosk.json");
        // A file the kiosk would refuse as a whole (precinct out of range) is not made worse by a save.
        Files.writeString(file, "{\"precinct\": 0}");
        byte[] before = Files.readAllBytes(file);
        KioskDeviceSettings devices = new KioskDeviceSettings(file, valid(), (d, s) -> "", List::of, audited::add,
                "admin.devices.appliesRestart", AtomicFileReplacement.WHOLE);
        AdministratorException failed = assertThrows(AdministratorException.class, () -> devices.save(
                settings("/dev/ttyUSB3", 115_200, "/dev/b", 9_600, "/dev/c", 19_200)));
        assertEquals("admin.devices.error.write", failed.messageKey());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), list());
    }

    @Test
    void anAuditFailurePutsTheOldFileBack() throws Exception {
        Path file = original();
        byte[] before = Files.readAllBytes(file);
        KioskDeviceSettings devices = new KioskDeviceSettings(file,
                KioskDeviceSettings.settingsOf(KioskConfiguration.read(file)), (d, s) -> "", List::of,
                event -> {
                    throw new IllegalStateException("audit log full (test)");
                }, "admin.devices.appliesRestart", AtomicFileReplacement.WHOLE);
        AdministratorException failed = assertThrows(AdministratorException.class, () -> devices.save(
                settings("/dev/ttyUSB3", 115_200, "/dev/sailau-mrz", 9_600, "/dev/sailau-printer", 19_200)));
        assertEquals("admin.devices.error.audit", failed.messageKey());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals("/dev/sailau-scanner", devices.current().get(Device.SCANNER).port());
    }

    @Test
    void anAbsentFileIsCreatedWithTheDevicesOnly() throws Exception {
        Path file = directory.resolve("demo-kiosk.json");
        KioskDeviceSettings devices = new KioskDeviceSettings(file, valid(), (d, s) -> "", List::of, audited::add,
                "admin.devices.appliesDemo", AtomicFileReplacement.WHOLE);
        assertEquals("admin.devices.unchanged", devices.save(valid()));
        assertFalse(Files.exists(file), "an unchanged save writes nothing");
        devices.save(settings("/tmp/pty-scanner", 57_600, "/tmp/pty-mrz", 9_600, "/tmp/pty-printer", 19_200));
        KioskConfiguration reread = KioskConfiguration.read(file);
        assertEquals("/tmp/pty-printer", reread.printer().port());
        assertEquals(KioskConfiguration.defaults().precinct(), reread.precinct());
    }

    @Test
    void testChecksThePathBeforeProbing() {
        Path file = directory.resolve("kiosk.json");
        KioskDeviceSettings devices = new KioskDeviceSettings(file, valid(), (d, s) -> "admin.devices.test.scannerOk",
                List::of, audited::add, "admin.devices.appliesRestart", AtomicFileReplacement.WHOLE);
        assertEquals("admin.devices.error.portNotAbsolute", devices.test(Device.SCANNER, new PortSetting("ttyUSB0",
                57_600)));
        assertEquals("admin.devices.test.scannerOk", devices.test(Device.SCANNER, new PortSetting("/dev/ttyUSB0",
                57_600)));
    }

    @Test
    void aPortTheRunningKioskHoldsIsNeverOpenedASecondTime() {
        Path file = directory.resolve("kiosk.json");
        List<String> probed = new ArrayList<>();
        KioskDeviceSettings devices = new KioskDeviceSettings(file, valid(), (d, s) -> {
            probed.add(s.port());
            return "admin.devices.test.scannerOk";
        }, List::of, audited::add, "admin.devices.appliesRestart", AtomicFileReplacement.WHOLE);
        PortSetting inForce = new PortSetting("/dev/sailau-scanner", 57_600);
        assertEquals("admin.devices.test.scannerOk", devices.test(Device.SCANNER, inForce), "devices not open yet");
        devices.withDevicesOpen(() -> true);
        assertEquals("admin.devices.test.inUse", devices.test(Device.SCANNER, inForce));
        assertEquals("admin.devices.test.scannerOk", devices.test(Device.SCANNER,
                new PortSetting("/dev/ttyUSB7", 57_600)), "another port is probed");
        assertEquals(List.of("/dev/sailau-scanner", "/dev/ttyUSB7"), probed);
    }

    @Test
    void theWrittenFileIsPrettyJson() throws Exception {
        byte[] written = KioskDeviceSettings.withDevices(ORIGINAL.getBytes(StandardCharsets.UTF_8), valid());
        String text = new String(written, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"mrzReader\" : {"), text);
        assertTrue(text.endsWith("}\n"));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
