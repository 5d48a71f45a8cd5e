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
 * that accepts every signature, so the fuzzer reaches the election and precinct checks. Seeds:
 * {@code src/test/resources/kz/sailau/kiosk/token/TokenFuzzTestInputs/<method>/}.
 */
class TokenFuzzTest {

    private static final TokenCheck ANY_SIGNATURE = new TokenCheck(new ElectionId("KZ-2026-TEST"),
            new PrecinctId(101), (body, signature) -> true);

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
            var id = HumanCode.decode(text);
            assertEquals(id, HumanCode.decode(HumanCode.encode(id)), "an accepted typed code does not round-trip");
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
