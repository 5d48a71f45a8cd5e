package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
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
        String qr = qr(id);
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

    private static String qr(TokenId id) {
        return TokenTest.qr(TokenTest.ELECTION, TokenTest.PRECINCT, TokenTest.TEST_KEY, id);
    }

    /** A stand-in for the power going between the commit and the printed answer. */
    private static final class PowerCut extends RuntimeException {
    }

    private static RedeemLedger.Redeemed cutBeforeTheAnswer(Path file, String code) {
        RedeemLedger.Redeemed[] committed = new RedeemLedger.Redeemed[1];
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            assertThrows(PowerCut.class, () -> ledger.redeem(code, redeemed -> {
                committed[0] = redeemed;
                throw new PowerCut();
            }));
        }
        return committed[0];
    }

    @Test
    void aRedemptionCutBeforeItsAnswerIsAcceptedAgainOnceThenRefused() {
        Path file = dir.resolve("desk.db");
        TokenId id = TokenId.random(new SecureRandom());
        String qr = qr(id);
        assertTrue(cutBeforeTheAnswer(file, qr).verdict().accepted());
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            assertTrue(ledger.isRedeemed(id), "committed before the answer");
            List<RedeemLedger.Redeemed> answers = new ArrayList<>();
            RedeemLedger.Redeemed retry = ledger.redeem(TokenTest.typed(id), answers::add);
            assertTrue(retry.verdict().accepted() && retry.again(), "the same token, typed, is the voter's retry");
            assertEquals(List.of(retry), answers);
            RedeemLedger.Redeemed photocopy = ledger.redeem(qr, answers::add);
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), photocopy.verdict().refusal());
            assertFalse(photocopy.again());
            assertEquals(1, ledger.count());
        }
    }

    @Test
    void aNormalAnswerLeavesNothingToAnswerAgain() {
        Path file = dir.resolve("desk.db");
        TokenId id = TokenId.random(new SecureRandom());
        String qr = qr(id);
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            RedeemLedger.Redeemed voter = ledger.redeem(qr, redeemed -> { });
            assertTrue(voter.verdict().accepted() && !voter.again());
            // The forger right behind the voter, with a photocopy of the receipt.
            RedeemLedger.Redeemed forger = ledger.redeem(qr, redeemed -> { });
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), forger.verdict().refusal());
        }
    }

    @Test
    void anyOtherValidTokenEndsTheRetryButAMistypedCodeDoesNot() {
        Path file = dir.resolve("desk.db");
        TokenId cut = TokenId.random(new SecureRandom());
        String cutQr = qr(cut);
        cutBeforeTheAnswer(file, cutQr);
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            assertFalse(ledger.redeem("not a code").accepted());
            assertTrue(ledger.redeem(qr(TokenId.random(new SecureRandom()))).accepted(), "another voter's token");
            RedeemLedger.Redeemed late = ledger.redeem(cutQr, redeemed -> { });
            assertEquals(Optional.of(TokenRefusal.ALREADY_REDEEMED), late.verdict().refusal(),
                    "the retry is only the next valid token's");
        }
        TokenId second = TokenId.random(new SecureRandom());
        String secondQr = qr(second);
        cutBeforeTheAnswer(file, secondQr);
        try (RedeemLedger ledger = new RedeemLedger(file, TokenTest.desk())) {
            assertFalse(ledger.redeem("ABC").accepted(), "a mistyped code");
            assertTrue(ledger.redeem(secondQr, redeemed -> { }).again(), "a mistyped code left the slot as it was");
        }
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
