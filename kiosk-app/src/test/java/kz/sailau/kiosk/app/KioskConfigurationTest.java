package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigurationTest {

    @TempDir
    Path directory;

    private Path write(String json) throws Exception {
        Path file = directory.resolve(KioskConfiguration.FILE_NAME);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void defaultsAreValid() {
        assertTrue(KioskConfiguration.defaults().problems().isEmpty());
    }

    @Test
    void fileOverridesOnlyWhatItNames() throws Exception {
        KioskConfiguration c = KioskConfiguration.read(write("""
                {"precinct": 202, "electionDay": "2027-03-21",
                 "scanner": {"port": "/dev/ttyUSB0", "baud": 115200}}
                """));
        assertEquals(202, c.precinct());
        assertEquals(LocalDate.of(2027, 3, 21), c.electionDay());
        assertEquals("/dev/ttyUSB0", c.scanner().port());
        assertEquals(KioskConfiguration.defaults().printer(), c.printer());
    }

    @Test
    void eachDeviceNamesItsModelAndTheSpeedIsCheckedAgainstThatModel() throws Exception {
        KioskConfiguration c = KioskConfiguration.read(write("""
                {"scanner": {"port": "/dev/sailau-scanner", "baud": 57600, "profile": "r503"},
                 "mrzReader": {"port": "/dev/sailau-mrz", "baud": 9600, "profile": "rte-native"},
                 "printer": {"port": "/dev/sailau-printer", "baud": 9600, "profile": "escpos-58mm"}}
                """));
        assertEquals(kz.sailau.fingerprint.SensorProfile.R503, c.scannerProfile());
        assertEquals(kz.sailau.kiosk.devices.MrzReaderProfile.RTE_NATIVE, c.mrzReaderProfile());
        assertEquals(kz.sailau.kiosk.devices.printer.PrinterProfile.GENERIC_58MM, c.printerProfile());
        assertEquals(kz.sailau.fingerprint.SensorProfile.DEFAULT, KioskConfiguration.defaults().scannerProfile());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> KioskConfiguration.read(write("""
                {"scanner": {"port": "/dev/ttyUSB0", "baud": 115200, "profile": "r305"},
                 "printer": {"port": "/dev/ttyUSB1", "baud": 9600, "profile": "tm-nonexistent"}}
                """)));
        assertTrue(e.getMessage().contains("scanner.baud: must be one of [9600, 19200, 28800, 38400, 48000, 57600]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("printer.profile: must be one of [escpos-pc866, escpos-kz1048,"
                + " escpos-58mm]"), e.getMessage());
    }

    @Test
    void aKioskIsStandaloneUnlessItNamesItsPrecinctNode() throws Exception {
        assertEquals(java.util.Optional.empty(), KioskConfiguration.defaults().precinctNode());
        assertEquals(java.util.Optional.empty(), KioskConfiguration.read(write("{\"precinct\": 202}")).precinctNode());
        KioskConfiguration node = KioskConfiguration.read(write("""
                {"precinctNetwork": {"node": "/var/lib/sailau-node"}}
                """));
        assertEquals(java.util.Optional.of(Path.of("/var/lib/sailau-node")), node.precinctNode());
        assertEquals(node.precinctNode(), new KioskConfiguration.Builder(node).build().precinctNode(),
                "the entry survives a rewrite of the file (device settings)");
    }

    @Test
    void aBadPrecinctNetworkEntryIsRefusedWithTheKeyNamed() throws Exception {
        for (String json : java.util.List.of("{\"precinctNetwork\": {\"node\": \"relative/dir\"}}",
                "{\"precinctNetwork\": {\"node\": \"\"}}", "{\"precinctNetwork\": {}}",
                "{\"precinctNetwork\": {\"nod\": \"/var/lib/sailau-node\"}}", "{\"precinctNetwork\": \"/x\"}",
                "{\"precinctNetwork\": {\"node\": \"/a\\u0000b\"}}")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> KioskConfiguration.read(write(json)), json);
            assertTrue(e.getMessage().contains("precinctNetwork") || e.getMessage().contains("'nod'"),
                    json + ": " + e.getMessage());
        }
    }

    @Test
    void unknownKeyIsNamed() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KioskConfiguration.read(write("{\"precint\": 5}")));
        assertTrue(e.getMessage().contains("unknown key 'precint'"), e.getMessage());
        assertTrue(e.getMessage().contains("precinct"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void everyBadValueIsListed() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> KioskConfiguration.read(write("""
                {"precinct": 0, "matchThreshold": 5, "scanner": {"port": "/dev/ttyUSB0", "baud": 1234},
                 "electionDay": "6 December"}
                """)));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("scanner.baud"), e.getMessage());
        assertTrue(e.getMessage().contains("electionDay: '6 December' is not a date (yyyy-MM-dd)"), e.getMessage());
    }

    @Test
    void aDateThatDoesNotExistIsNamedAsNotADateNotAsMissing() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> KioskConfiguration.read(write(
                "{\"electionDay\": \"2026-13-45\"}")));
        assertTrue(e.problems().contains("electionDay: '2026-13-45' is not a date (yyyy-MM-dd)"), e.getMessage());
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("missing")), e.getMessage());
        ConfigurationException separated = assertThrows(ConfigurationException.class, () -> KioskConfiguration.read(
                write("{\"electionDay\": \"2026\u2028ok: 12-06\"}")));
        assertTrue(separated.problems().contains("electionDay: '2026?ok: 12-06' is not a date (yyyy-MM-dd)"),
                "a line separator in the value cannot start a line of its own: " + separated.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotSilentlyOverwritten() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KioskConfiguration.read(write("{\n\"precinct\": 101,\n\"precinct\": 102\n}")));
        assertTrue(e.getMessage().contains("a key appears twice (key 'precinct') at line 3"), e.getMessage());
    }

    @Test
    void brokenJsonNamesTheLine() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KioskConfiguration.read(write("{\n\"precinct\": 5,\n}")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheKey() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KioskConfiguration.read(write("{\"precinct\": \"one\"}")));
        assertTrue(e.getMessage().contains("precinct"), e.getMessage());
    }

    @Test
    void missingFileIsSaidPlainly() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KioskConfiguration.read(directory.resolve("nope.json")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }
}
