package kz.sailau.kiosk.clerk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.ClerkPinHash;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The Argon2id PIN hash: salted per clerk, parameters stored with it, constant layout, hostile bytes refused. */
class ClerkPinHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void matchesOnlyItsOwnPinAndEachHashHasItsOwnSalt() {
        ClerkPinHash one = ClerkPinHash.create("470213".toCharArray(), Argon2idParameters.TEST_ONLY, RANDOM);
        ClerkPinHash two = ClerkPinHash.create("470213".toCharArray(), Argon2idParameters.TEST_ONLY, RANDOM);
        assertTrue(one.matches("470213".toCharArray()));
        assertFalse(one.matches("470214".toCharArray()));
        assertFalse(one.matches("4702130".toCharArray()));
        assertFalse(Arrays.equals(one.encode(), two.encode()), "a fresh salt per hash");
        assertEquals(ClerkPinHash.ENCODED_BYTES, one.encode().length);
    }

    @Test
    void keepsItsParametersSoTheyCanChangeLater() {
        Argon2idParameters older = new Argon2idParameters(2048, 2, 1);
        ClerkPinHash hash = ClerkPinHash.create("907311".toCharArray(), older, RANDOM);
        ClerkPinHash decoded = ClerkPinHash.decode(hash.encode());
        assertEquals(older, decoded.parameters());
        assertTrue(decoded.matches("907311".toCharArray()));
        assertEquals(ClerkPinHash.DEFAULT_PARAMETERS, new Argon2idParameters(19 * 1024, 2, 1));
    }

    @Test
    void toStringRevealsNoSaltOrHash() {
        ClerkPinHash hash = ClerkPinHash.create("907311".toCharArray(), Argon2idParameters.TEST_ONLY, RANDOM);
        String hex = HexFormat.of().formatHex(hash.encode());
        String text = hash.toString();
        assertFalse(text.contains(hex.substring(26, 58)), text);
        assertFalse(text.contains("907311"));
        assertTrue(text.contains("***"));
    }

    @Test
    void refusesAStoredFormOfAnotherLayout() {
        byte[] good = ClerkPinHash.create("907311".toCharArray(), Argon2idParameters.TEST_ONLY, RANDOM).encode();
        byte[] otherVersion = good.clone();
        otherVersion[0] = 2;
        byte[] zeroMemory = good.clone();
        Arrays.fill(zeroMemory, 1, 5, (byte) 0);
        for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 1), otherVersion, zeroMemory}) {
            KioskCryptoException e = assertThrows(KioskCryptoException.class, () -> ClerkPinHash.decode(bad));
            assertEquals("clerk.error.pinRecord", e.messageKey());
        }
    }

    @Property(tries = 200)
    void anyBytesDecodeOrAreRefusedWithTheKey(@ForAll byte[] bytes) {
        try {
            ClerkPinHash decoded = ClerkPinHash.decode(bytes);
            assertEquals(ClerkPinHash.ENCODED_BYTES, bytes.length);
            assertNotEquals(null, decoded.parameters());
        } catch (KioskCryptoException e) {
            assertEquals("clerk.error.pinRecord", e.messageKey());
        }
    }
}
