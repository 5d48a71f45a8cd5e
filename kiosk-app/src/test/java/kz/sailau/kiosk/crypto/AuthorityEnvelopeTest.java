package kz.sailau.kiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The backup envelope: only the addressed authority opens it, and any change is refused. */
class AuthorityEnvelopeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void onlyTheAuthorityOpensItAndChangesAreRefused() {
        AuthorityCredentials authority = AuthorityCredentials.generate("DEMO authority", CLOCK, Duration.ofDays(1), RANDOM);
        AuthorityCredentials other = AuthorityCredentials.generate("DEMO other", CLOCK, Duration.ofDays(1), RANDOM);
        byte[] plain = "{\"checkedIn\":[{\"iin\":\"900101300017\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] envelope = AuthorityEnvelope.encrypt(plain, authority.certificate(), RANDOM);
        assertFalse(new String(envelope, StandardCharsets.ISO_8859_1).contains("900101300017"), "never plaintext");
        assertArrayEquals(plain, AuthorityEnvelope.decrypt(envelope, authority));
        assertEquals("audit.error.backupDamaged", assertThrows(KioskCryptoException.class,
                () -> AuthorityEnvelope.decrypt(envelope, other)).messageKey());
        byte[] changed = envelope.clone();
        changed[changed.length - 20] ^= 1;
        assertEquals("audit.error.backupDamaged", assertThrows(KioskCryptoException.class,
                () -> AuthorityEnvelope.decrypt(changed, authority)).messageKey());
    }
}
