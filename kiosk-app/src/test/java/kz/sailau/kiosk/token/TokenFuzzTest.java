package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.FuzzSeeds;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what the ballot desk scans or types: the QR payload
 * ({@link TokenCodec#parseQr}), the typed code ({@link HumanCode#decode}) and the check that chooses between
 * them ({@link TokenCheck#check}).
 *
 * <p>Oracles: the codecs refuse only with {@link TokenFormatException}; an accepted payload re-encodes to a
 * payload that reads back equal; an accepted typed code re-encodes to a code that reads back to the same id;
 * {@link TokenCheck#check} never throws and an accepted verdict carries an id. The check runs with a verifier
 * that accepts every signature, so the fuzzer reaches the election and precinct checks, and a fixed test precinct
 * token key ({@link #SEED_KEY}), so that the valid typed-code seeds pass the tag check. Seeds:
 * {@code src/test/resources/kz/sailau/kiosk/token/TokenFuzzTestInputs/<method>/}.
 */
class TokenFuzzTest {

    /** A fixed test precinct token key, so that the valid typed-code seeds stay valid. */
    static final kz.sailau.kiosk.crypto.PrecinctTokenKey SEED_KEY = new kz.sailau.kiosk.crypto.PrecinctTokenKey(
            new ElectionId("KZ-2026-TEST"), new PrecinctId(101), "TEST-ONLY typed-code fuzz seed k".getBytes(
            StandardCharsets.US_ASCII));
    private static final TokenCheck ANY_SIGNATURE = new TokenCheck(new ElectionId("KZ-2026-TEST"),
            new PrecinctId(101), (body, signature) -> true, SEED_KEY::mac);

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsQrPayloadOrTypedCode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        TokenCheck.Verdict verdict = ANY_SIGNATURE.check(text);
        assertEquals(verdict.accepted(), verdict.refusal().isEmpty());
        if (verdict.accepted()) {
            assertTrue(verdict.id().isPresent());
        }
        try {
            TokenCodec.SignedToken signed = TokenCodec.parseQr(text);
            String again = TokenCodec.qrPayload(signed.token(), signed.signature());
            assertEquals(signed, TokenCodec.parseQr(again), "an accepted payload does not round-trip");
        } catch (TokenFormatException refused) {
            assertTrue(refused.messageKey().startsWith("token.refusal."));
        }
        try {
            var typed = HumanCode.decode(text);
            assertEquals(typed, HumanCode.decode(HumanCode.encode(typed)), "an accepted typed code does not round-trip");
        } catch (TokenFormatException refused) {
            assertTrue(refused.messageKey().startsWith("token.refusal."));
        }
    }

    @Test
    void validSeedsAreAccepted() {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "readsQrPayloadOrTypedCode")) {
            assertTrue(ANY_SIGNATURE.check(new String(seed, StandardCharsets.UTF_8)).accepted());
        }
    }
}
