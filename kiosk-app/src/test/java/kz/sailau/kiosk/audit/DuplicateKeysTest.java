package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A bundle whose JSON names a key twice is refused: with "last key wins" the observer's tool could read other
 * content than the kiosk meant (found while fuzzing the bundle parser).
 */
class DuplicateKeysTest {

    @Test
    void aBundleWithAKeyGivenTwiceIsRefused() {
        byte[] json = ("{\"format\": \"x\", \"format\": \"y\", \"auditLog\": []}").getBytes(StandardCharsets.UTF_8);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> DayBundle.parse(json));
        assertTrue(e.getMessage().contains("Duplicate field 'format'"), e.getMessage());
    }
}
