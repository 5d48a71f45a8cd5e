package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;

/**
 * Tokens of the pre-election logic-and-accuracy test: the test election id, and a ballot desk of the real
 * election refusing them as {@link TokenRefusal#TEST_TOKEN} while real tokens keep their format and verdicts.
 */
class LogicAccuracyTokenTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    private static final PrecinctId PRECINCT = new PrecinctId(101);
    /** A test precinct token key, random per run. */
    private static final PrecinctTokenKey KEY = new PrecinctTokenKey(ELECTION, PRECINCT, RANDOM.generateSeed(32));

    @Test
    void theTestElectionIdIsPrefixedAndCutTo32Characters() {
        assertEquals("LA-TEST-KZ-2026-PARL", ELECTION.logicAccuracyTest().value());
        assertTrue(ELECTION.logicAccuracyTest().isLogicAccuracyTest());
        assertFalse(ELECTION.isLogicAccuracyTest());
        ElectionId longest = new ElectionId("A".repeat(32));
        assertEquals("LA-TEST-" + "A".repeat(24), longest.logicAccuracyTest().value());
        assertThrows(IllegalStateException.class, () -> ELECTION.logicAccuracyTest().logicAccuracyTest());
    }

    @Test
    void aRealDeskRefusesTestTokensAndStillAcceptsRealOnes() {
        Ed25519TokenKeys keys = Ed25519TokenKeys.generate(RANDOM);
        TokenCheck desk = new TokenCheck(ELECTION, PRECINCT, new Ed25519TokenVerifier(keys.publicKey()), KEY::mac);
        String test = qr(keys, ELECTION.logicAccuracyTest());
        String real = qr(keys, ELECTION);
        assertTrue(test.startsWith(TokenCodec.QR_PREFIX), "a test token has the unchanged format");
        assertEquals(Optional.of(TokenRefusal.TEST_TOKEN), desk.check(test).refusal());
        assertTrue(desk.check(real).accepted());
        assertEquals(Optional.of(TokenRefusal.OTHER_ELECTION), desk.check(qr(keys, new ElectionId("KZ-2027-PRES")))
                .refusal(), "another real election is still OTHER_ELECTION");
        assertEquals(Optional.of(TokenRefusal.WRONG_SIGNATURE), desk.check(qr(Ed25519TokenKeys.generate(RANDOM),
                ELECTION.logicAccuracyTest())).refusal(), "a forged test token fails on its signature first");
        TokenCheck rehearsal = new TokenCheck(ELECTION.logicAccuracyTest(), PRECINCT,
                new Ed25519TokenVerifier(keys.publicKey()), KEY::mac);
        assertTrue(rehearsal.check(test).accepted(), "a desk set up for the test election accepts test tokens");
    }

    @Test
    void aRealDeskRefusesTypedTestCodesToo() {
        TokenCheck desk = new TokenCheck(ELECTION, PRECINCT, (body, signature) -> true, KEY::mac);
        TokenId id = TokenId.random(RANDOM);
        String test = HumanCode.encode(KEY::mac, ELECTION.logicAccuracyTest(), PRECINCT, id);
        assertEquals(Optional.of(TokenRefusal.TEST_TOKEN), desk.check(test).refusal());
        assertTrue(desk.check(HumanCode.encode(KEY::mac, ELECTION, PRECINCT, id)).accepted());
        TokenCheck rehearsal = new TokenCheck(ELECTION.logicAccuracyTest(), PRECINCT, (body, signature) -> true,
                KEY::mac);
        assertTrue(rehearsal.check(test).accepted(), "a desk set up for the test election accepts typed test codes");
    }

    private static String qr(Ed25519TokenKeys keys, ElectionId election) {
        BallotToken token = new BallotToken(BallotToken.VERSION, election, PRECINCT, TokenId.random(RANDOM));
        return TokenCodec.qrPayload(token, keys.sign(TokenCodec.body(token)));
    }
}
