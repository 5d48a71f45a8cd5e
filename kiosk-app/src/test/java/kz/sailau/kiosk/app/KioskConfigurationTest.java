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
        assertTrue(e.getMessage().contains("electionDay"), e.getMessage());
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
