package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kiosk profile file is read strictly: a damaged one is refused with one specific key, never read as zero. */
class KioskProfileFileTest {

    @TempDir
    Path dir;

    @Test
    void aProfileAsKioskInitWritesItIsRead() throws Exception {
        Files.writeString(dir.resolve(KioskDataDirectory.PROFILE_FILE),
                "{\"precinct\": 4711, \"election\": \"KZ-2026-PARL\"}");
        KioskDataDirectory.KioskProfile profile = KioskDataDirectory.at(dir).profile();
        assertEquals(new PrecinctId(4711), profile.precinct());
        assertEquals(Optional.of(new ElectionId("KZ-2026-PARL")), profile.election());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "[]", "4711", "{}", "{\"precinct\": \"4711\"}", "{\"precinct\": 0}",
            "{\"precinct\": 47.5}", "{\"precinct\": 12345678901}", "{\"precinct\": -3}",
            "{\"precinct\": 4711, \"election\": 7}", "{\"precinct\": 4711, \"election\": \"\"}"})
    void aDamagedProfileIsRefusedWithItsOwnKey(String content) throws Exception {
        Files.write(dir.resolve(KioskDataDirectory.PROFILE_FILE), content.getBytes(StandardCharsets.UTF_8));
        RegisterException e = assertThrows(RegisterException.class, () -> KioskDataDirectory.at(dir).profile());
        assertEquals("kiosk.error.profile", e.messageKey());
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aFolderInThePlaceOfTheProfileIsRefused() throws Exception {
        Files.createDirectory(dir.resolve(KioskDataDirectory.PROFILE_FILE));
        RegisterException e = assertThrows(RegisterException.class, () -> KioskDataDirectory.at(dir).profile());
        assertEquals("kiosk.error.profile", e.messageKey());
    }
}
