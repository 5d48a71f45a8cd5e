package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A careless or hostile {@code kiosk.json} (found by driving {@code start --check-only}, session H17): values of the
 * wrong JSON type are not coerced, content after the object and a root that is not an object are refused, a file
 * that is not a regular file or is absurdly large is refused without reading it whole, and a device path that is a
 * directory, a regular file or holds a NUL character is named.
 */
class HostileConfigurationTest {

    @TempDir
    Path directory;

    private Path write(String json) throws Exception {
        Path file = directory.resolve(KioskConfiguration.FILE_NAME);
        Files.writeString(file, json);
        return file;
    }

    private ConfigurationException refused(String json) throws Exception {
        Path file = write(json);
        return assertThrows(ConfigurationException.class, () -> KioskConfiguration.read(file));
    }

    @Test
    void aNumberWrittenAsTextIsNotCoerced() throws Exception {
        ConfigurationException e = refused("{\"precinct\": \"101\"}");
        assertTrue(e.getMessage().contains("precinct"), e.getMessage());
        e = refused("{\"scanner\": {\"port\": \"/dev/ttyUSB0\", \"baud\": \"57600\"}}");
        assertTrue(e.getMessage().contains("scanner.baud"), e.getMessage());
    }

    @Test
    void aFractionIsNotTruncatedIntoAPrecinct() throws Exception {
        ConfigurationException e = refused("{\"precinct\": 101.5}");
        assertTrue(e.getMessage().contains("precinct"), e.getMessage());
        e = refused("{\"scanner\": {\"port\": \"/dev/ttyUSB0\", \"baud\": 57600.0}}");
        assertTrue(e.getMessage().contains("scanner.baud"), e.getMessage());
    }

    @Test
    void aBooleanWrittenAsTextIsNotCoerced() throws Exception {
        ConfigurationException e = refused("{\"fullScreen\": \"true\"}");
        assertTrue(e.getMessage().contains("fullScreen"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongKindIsNamedInWordsNotByAJavaType() throws Exception {
        // Jackson said "Cannot construct instance of `kz.sailau.kiosk.app.KioskConfiguration$SerialPortSetting`".
        ConfigurationException e = refused("{\"scanner\": 5}");
        assertTrue(e.getMessage().contains("wrong value at scanner: expected an object {...}"), e.getMessage());
        e = refused("{\"scanner\": [[[]]]}");
        assertTrue(e.getMessage().contains("wrong value at scanner"), e.getMessage());
        e = refused("{\"removableMedia\": {\"a\": 1}}");
        assertTrue(e.getMessage().contains("wrong value at removableMedia"), e.getMessage());
        for (String json : List.of("{\"scanner\": 5}", "{\"scanner\": [[[]]]}", "{\"removableMedia\": {\"a\": 1}}",
                "{\"fullScreen\": [1]}", "{\"precinct\": {}}")) {
            String message = refused(json).getMessage();
            assertFalse(message.contains("kz.sailau") || message.contains("`") || message.contains("$"),
                    json + ": " + message);
        }
    }

    @Test
    void aKeyHoldingATerminalEscapeSequenceIsNotPrintedAsOne() throws Exception {
        // An unknown key "\u001b[2J\u001b[32mOK" cleared the administrator's terminal and printed a green OK.
        ConfigurationException e = refused("{\"\\u001b[2J\\u001b[32mOK\\u0000\": 101}");
        assertTrue(e.getMessage().contains("unknown key '?[2J?[32mOK?'"), e.getMessage());
        assertTrue(e.getMessage().indexOf('\u001b') < 0 && e.getMessage().indexOf('\0') < 0, e.getMessage());
    }

    @Test
    void contentAfterTheObjectIsRefused() throws Exception {
        ConfigurationException e = refused("{\"precinct\": 101} {\"precinct\": 202}");
        assertTrue(e.getMessage().contains("after the configuration object"), e.getMessage());
    }

    @Test
    void aRootThatIsNotAnObjectIsRefusedAndDoesNotFallBackToTheDefaults() throws Exception {
        for (String json : List.of("[]", "[[[[]]]]", "101", "\"kiosk\"", "null")) {
            ConfigurationException e = refused(json);
            assertTrue(e.getMessage().contains("must be one JSON object"), json + ": " + e.getMessage());
        }
        ConfigurationException deep = refused("[".repeat(100_000) + "]".repeat(100_000));
        assertTrue(deep.getMessage().contains("must be one JSON object"), deep.getMessage());
    }

    @Test
    void aDeviceOrAHugeFileIsNotReadIntoMemory() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KioskConfiguration.read(Path.of("/dev/zero")));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path huge = write("{\"election\": \"" + "A".repeat(KioskConfiguration.MAX_FILE_BYTES) + "\"}");
        e = assertThrows(ConfigurationException.class, () -> KioskConfiguration.read(huge));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aDevicePathWithANulCharacterIsNamed() throws Exception {
        ConfigurationException e = refused("{\"scanner\": {\"port\": \"/dev/tty\\u0000USB0\", \"baud\": 57600}}");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("scanner.port: not a device path"), e.getMessage());
    }

    @Test
    void aMountPointPatternThatIsNotAGlobIsNamed() throws Exception {
        ConfigurationException e = refused("{\"removableMedia\": [\"/media/[a*\"]}");
        assertTrue(e.getMessage().contains("removableMedia"), e.getMessage());
    }
}
