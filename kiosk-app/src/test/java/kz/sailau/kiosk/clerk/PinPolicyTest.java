package kz.sailau.kiosk.clerk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PIN policy: each refusal with its own key, and no message that repeats the PIN. */
class PinPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "12345, clerk.error.pinTooShort",
            "'', clerk.error.pinTooShort",
            "1234567890123, clerk.error.pinTooLong",
            "12a456, clerk.error.pinNotDigits",
            "١٢٣٤٥٦, clerk.error.pinNotDigits",
            "'470 213', clerk.error.pinNotDigits",
            "000000, clerk.error.pinOneDigit",
            "99999999, clerk.error.pinOneDigit",
            "123456, clerk.error.pinSequence",
            "654321, clerk.error.pinSequence",
            "890123, clerk.error.pinSequence",
            "210987, clerk.error.pinSequence",
            "0123456789, clerk.error.pinSequence",
            "121212, clerk.error.pinRepeated",
            "123123, clerk.error.pinRepeated",
            "90909090, clerk.error.pinRepeated"})
    void refusesWeakPinsWithTheirOwnKey(String pin, String key) {
        ClerkException refused = assertThrows(ClerkException.class, () -> PinPolicy.check(pin.toCharArray()));
        assertEquals(key, refused.messageKey());
        if (!pin.isEmpty()) {
            assertFalse(refused.getMessage().contains(pin), "the message must not repeat the PIN");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"470213", "246810", "135792", "112358", "907311", "123457", "000001", "987653210"})
    void acceptsOtherPins(String pin) {
        assertDoesNotThrow(() -> PinPolicy.check(pin.toCharArray()));
    }

    @Test
    void leavesThePinForTheCallerToClear() {
        char[] pin = "470213".toCharArray();
        PinPolicy.check(pin);
        assertEquals("470213", new String(pin));
    }

    @Property(tries = 300)
    void anyStringIsAcceptedOrRefusedWithAKeyNeverWithTheText(@ForAll @StringLength(max = 40) String text) {
        try {
            PinPolicy.check(text.toCharArray());
        } catch (ClerkException e) {
            if (text.length() >= 4) {
                assertFalse(e.getMessage().contains(text));
            }
            assertFalse(e.messageKey().isBlank());
        }
    }
}
