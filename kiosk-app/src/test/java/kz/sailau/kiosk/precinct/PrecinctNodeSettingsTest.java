package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.sailau.kiosk.model.NodeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code precinct.json} as a careless or hostile administrator writes it: a typo in a field name, a member listed
 * twice, two machines at one address, a commit timeout of centuries — each refused with a reason in words on one
 * line, so that the node is not started with settings that cannot work.
 */
class PrecinctNodeSettingsTest {

    private static final String HONEST = "{\"name\": \"kiosk-1\", \"listen\": \"127.0.0.1:7800\", \"advertise\": "
            + "\"127.0.0.1:7800\", \"peers\": {\"kiosk-1\": \"127.0.0.1:7800\", \"kiosk-2\": \"127.0.0.2:7800\"}, "
            + "\"members\": [\"kiosk-1\", \"kiosk-2\"], \"commitTimeoutMillis\": 3000}";

    @TempDir
    Path directory;

    @Test
    void honestSettingsAreRead() throws IOException {
        PrecinctNodeSettings settings = read(HONEST);
        assertEquals(new NodeName("kiosk-1"), settings.name());
        assertEquals(List.of(new NodeName("kiosk-1"), new NodeName("kiosk-2")), settings.members());
        assertEquals(Duration.ofMillis(3000), settings.commitTimeout());
    }

    @Test
    void aFieldNameWithATypoIsRefusedNotIgnored() {
        assertRefused(HONEST.replace("commitTimeoutMillis", "comitTimeoutMillis"), "unknown field "
                + "'comitTimeoutMillis'; the fields are advertise, commitTimeoutMillis, listen, members, name, peers");
        assertRefused(HONEST.replace("\"advertise\"", "\"adv\\nertise\""), "unknown field (a name that is no plain "
                + "word)");
    }

    @Test
    void aMemberListedTwiceIsRefused() {
        assertRefused(HONEST.replace("[\"kiosk-1\", \"kiosk-2\"]", "[\"kiosk-1\", \"kiosk-2\", \"kiosk-1\"]"),
                "members lists kiosk-1 twice");
    }

    @Test
    void twoMachinesAtOneAddressAreRefused() {
        assertRefused(HONEST.replace("127.0.0.2:7800", "127.0.0.1:7800"), "peers kiosk-1 and kiosk-2 have the same "
                + "address 127.0.0.1:7800");
    }

    @Test
    void aCommitTimeoutAboveAMinuteIsRefused() throws IOException {
        assertRefused(HONEST.replace("3000", "99999999999999"), "commitTimeoutMillis must be at most 60000");
        assertRefused(HONEST.replace("3000", "0"), "commitTimeoutMillis must be positive");
        assertEquals(PrecinctNodeSettings.MAX_COMMIT_TIMEOUT, read(HONEST.replace("3000", "60000")).commitTimeout());
    }

    /**
     * Read one way only (session H57): a second document after the first (its {@code members} were ignored), a word
     * after it, and a commit timeout written as text, a fraction, an exponent or {@code true} (read as 1 ms) were
     * all accepted.
     */
    @Test
    void contentAfterTheObjectIsRefused() {
        assertRefused(HONEST + "{\"members\": [\"kiosk-9\"]}", "content after the settings object");
        assertRefused(HONEST + " x", "content after the settings object");
    }

    @Test
    void aCommitTimeoutThatIsNoWholeNumberIsRefused() {
        for (String timeout : List.of("\"3000\"", "3000.9", "3e3", "true", "null")) {
            assertRefused(HONEST.replace("3000", timeout), "commitTimeoutMillis must be a whole number");
        }
    }

    private PrecinctNodeSettings read(String json) throws IOException {
        Path file = Files.writeString(directory.resolve(PrecinctNodeSettings.FILE), json);
        return PrecinctNodeSettings.read(file, directory.resolve("ledger"));
    }

    private void assertRefused(String json, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> read(json));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), "one line: " + refused.getMessage());
    }
}
