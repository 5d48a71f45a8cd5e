package kz.sailau.kiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precinct token key: derivation, the kiosk's package and the ballot desk's package. */
class PrecinctTokenKeyTest {

    private static final ElectionId ELECTION = RegisterFixtures.ELECTION;
    private static final PrecinctId PRECINCT = RegisterFixtures.PRECINCT;
    private static final byte[] MESSAGE = "a token".getBytes(StandardCharsets.US_ASCII);
    private static final char[] DESK_PASSPHRASE = "TEST-ONLY desk passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theAuthorityDerivesOneKeyPerElectionAndPrecinct() {
        AuthorityCredentials authority = RegisterFixtures.authority();
        PrecinctTokenKey key = PrecinctTokenKey.derive(authority, ELECTION, PRECINCT);
        assertArrayEquals(key.mac(MESSAGE), PrecinctTokenKey.derive(authority, ELECTION, PRECINCT).mac(MESSAGE),
                "derived again, the same key");
        assertFalse(java.util.Arrays.equals(key.mac(MESSAGE),
                PrecinctTokenKey.derive(authority, ELECTION, new PrecinctId(102)).mac(MESSAGE)), "another precinct");
        assertFalse(java.util.Arrays.equals(key.mac(MESSAGE),
                PrecinctTokenKey.derive(authority, new ElectionId("KZ-2027-PRES"), PRECINCT).mac(MESSAGE)));
        AuthorityCredentials other = AuthorityCredentials.generate("Other (TEST)", RegisterFixtures.CLOCK,
                Duration.ofDays(1), RegisterFixtures.RANDOM);
        assertFalse(java.util.Arrays.equals(key.mac(MESSAGE),
                PrecinctTokenKey.derive(other, ELECTION, PRECINCT).mac(MESSAGE)), "another authority");
        assertFalse(key.toString().contains(java.util.HexFormat.of().formatHex(key.mac(MESSAGE)).substring(0, 8)));
        assertTrue(key.toString().endsWith("***]"));
    }

    @Test
    void theKioskPackageOpensOnlyWithThatKioskAndThePinnedAuthority() throws Exception {
        X509Certificate kioskCertificate = RegisterFixtures.initKiosk(dir.resolve("kiosk"), PRECINCT);
        KioskCredentials kiosk = KioskDataDirectory.at(dir.resolve("kiosk")).unlock(RegisterFixtures.PASSPHRASE);
        PrecinctTokenKey key = PrecinctTokenKey.derive(RegisterFixtures.authority(), ELECTION, PRECINCT);
        byte[] kioskPackage = key.toKioskPackage(RegisterFixtures.authority(), kioskCertificate);
        PrecinctTokenKey opened = PrecinctTokenKey.openKioskPackage(kioskPackage, kiosk,
                RegisterFixtures.authority().certificate());
        assertEquals(ELECTION, opened.election());
        assertEquals(PRECINCT, opened.precinct());
        assertArrayEquals(key.mac(MESSAGE), opened.mac(MESSAGE));
        RegisterFixtures.initKiosk(dir.resolve("other"), new PrecinctId(102));
        KioskCredentials stranger = KioskDataDirectory.at(dir.resolve("other")).unlock(RegisterFixtures.PASSPHRASE);
        assertEquals("register.error.wrongKiosk", assertThrows(KioskCryptoException.class,
                () -> PrecinctTokenKey.openKioskPackage(kioskPackage, stranger,
                        RegisterFixtures.authority().certificate())).messageKey());
        AuthorityCredentials other = AuthorityCredentials.generate("Other (TEST)", RegisterFixtures.CLOCK,
                Duration.ofDays(1), RegisterFixtures.RANDOM);
        assertEquals("register.error.signature", assertThrows(KioskCryptoException.class,
                () -> PrecinctTokenKey.openKioskPackage(kioskPackage, kiosk, other.certificate())).messageKey());
    }

    @Test
    void theDeskPackageNeedsThePassphraseAndTheAuthoritysSignature() {
        PrecinctTokenKey key = PrecinctTokenKey.derive(RegisterFixtures.authority(), ELECTION, PRECINCT);
        byte[] deskPackage = key.toDeskPackage(RegisterFixtures.authority(), DESK_PASSPHRASE,
                Argon2idParameters.TEST_ONLY, RegisterFixtures.RANDOM);
        PrecinctTokenKey opened = PrecinctTokenKey.openDeskPackage(deskPackage, DESK_PASSPHRASE.clone(),
                RegisterFixtures.authority().certificate());
        assertArrayEquals(key.mac(MESSAGE), opened.mac(MESSAGE));
        assertEquals(PRECINCT, opened.precinct());
        assertEquals("crypto.error.wrongPassphrase", assertThrows(KioskCryptoException.class,
                () -> PrecinctTokenKey.openDeskPackage(deskPackage, "wrong".toCharArray(),
                        RegisterFixtures.authority().certificate())).messageKey());
        AuthorityCredentials other = AuthorityCredentials.generate("Other (TEST)", RegisterFixtures.CLOCK,
                Duration.ofDays(1), RegisterFixtures.RANDOM);
        byte[] forged = PrecinctTokenKey.derive(other, ELECTION, PRECINCT).toDeskPackage(other, DESK_PASSPHRASE,
                Argon2idParameters.TEST_ONLY, RegisterFixtures.RANDOM);
        assertEquals("register.error.signature", assertThrows(KioskCryptoException.class,
                () -> PrecinctTokenKey.openDeskPackage(forged, DESK_PASSPHRASE.clone(),
                        RegisterFixtures.authority().certificate())).messageKey(), "a package another key signed");
        assertEquals("crypto.error.sealedFormat", assertThrows(KioskCryptoException.class,
                () -> PrecinctTokenKey.openDeskPackage("not a package".getBytes(StandardCharsets.US_ASCII),
                        DESK_PASSPHRASE.clone(), RegisterFixtures.authority().certificate())).messageKey());
    }
}
