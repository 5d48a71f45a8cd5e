package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ballot desk's redeem ledger on a real file: durability of redemptions, reading them back. */
class TokenLedgerIT {

    @TempDir
    Path dir;

    @Test
    void redeemOnceSurvivesReopening() {
        Path file = dir.resolve("desk.db");
        TokenId id = TokenId.random(new SecureRandom());
        String qr = TokenTest.qr(TokenTest.ELECTION, TokenTest.PRECINCT, TokenTest.TEST_KEY, id);
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            assertTrue(ledger.redeem(qr).accepted());
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), ledger.redeem(qr).refusal());
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), ledger.redeem(TokenTest.typed(id)).refusal());
            assertEquals(Optional.of(TokenRefusal.WRONG_SIGNATURE), ledger.redeem(
                    TokenTest.qr(TokenTest.ELECTION, TokenTest.PRECINCT, TokenTest.OTHER_TEST_KEY,
                            TokenId.random(new SecureRandom()))).refusal());
        }
        try (RedeemLedger reopened = new RedeemLedger(file, TokenTest.desk())) {
            assertTrue(reopened.isRedeemed(id));
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), reopened.redeem(qr).refusal());
            assertEquals(1, reopened.count());
        }
        assertEquals(List.of(new RedeemLedger.Redemption(id, false)), RedeemLedger.readRedemptions(file));
    }

    @Test
    void readingRedemptionsRefusesWhatIsNotALedgerAndCreatesNothing() throws Exception {
        Path missing = dir.resolve("missing.db");
        TokenStoreException absent = org.junit.jupiter.api.Assertions.assertThrows(TokenStoreException.class,
                () -> RedeemLedger.readRedemptions(missing));
        assertEquals("token.error.ledger", absent.messageKey());
        assertFalse(Files.exists(missing), "reading creates no ledger");
        Path garbage = Files.writeString(dir.resolve("garbage.db"), "not a database");
        assertEquals("token.error.ledger", org.junit.jupiter.api.Assertions.assertThrows(TokenStoreException.class,
                () -> RedeemLedger.readRedemptions(garbage)).messageKey());
    }
}
