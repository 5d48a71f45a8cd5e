package kz.sailau.kiosk.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Token format, codes, signature and desk checks, all in memory. */
class TokenTest {

    static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    static final PrecinctId PRECINCT = new PrecinctId(123);
    /** A clearly labelled test key, generated per run. */
    static final Ed25519TokenKeys TEST_KEY = Ed25519TokenKeys.generate(new SecureRandom());
    static final Ed25519TokenKeys OTHER_TEST_KEY = Ed25519TokenKeys.generate(new SecureRandom());
    /** A clearly labelled test precinct token key, random per run. */
    static final PrecinctTokenKey TEST_TYPED_KEY = new PrecinctTokenKey(ELECTION, PRECINCT,
            new SecureRandom().generateSeed(32));

    static TokenCheck desk() {
        byte[] pub = TEST_KEY.publicKey();
        return new TokenCheck(ELECTION, PRECINCT, (body, sig) -> Ed25519TokenKeys.verify(pub, body, sig),
                TEST_TYPED_KEY::mac);
    }

    /** The typed code of {@code id} at the test precinct. */
    static String typed(TokenId id) {
        return HumanCode.encode(TEST_TYPED_KEY::mac, ELECTION, PRECINCT, id);
    }

    static String qr(ElectionId election, PrecinctId precinct, Ed25519TokenKeys key, TokenId id) {
        BallotToken token = new BallotToken(1, election, precinct, id);
        return TokenCodec.qrPayload(token, key.sign(TokenCodec.body(token)));
    }

    private final TokenId id = new TokenId(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

    @Test
    void qrPayloadHasTheDocumentedLayoutAndNoVoterData() {
        String payload = qr(ELECTION, PRECINCT, TEST_KEY, id);
        assertTrue(payload.startsWith("SLT1:"));
        assertTrue(payload.substring(5).matches("[A-Z2-7]+"), "QR alphanumeric mode");
        TokenCodec.SignedToken signed = TokenCodec.parseQr(payload);
        assertEquals(new BallotToken(1, ELECTION, PRECINCT, id), signed.token());
        byte[] body = signed.body();
        assertEquals(5 + 12 + 16, body.length);
        assertEquals(1, body[0]);
        assertEquals(123, ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) | (body[3] & 0xFF));
        assertEquals("KZ-2026-PARL", new String(body, 5, 12, StandardCharsets.US_ASCII));
        assertEquals(64, signed.signature().length);
    }

    @Test
    void humanCodeIsGroupedWithACheckCharacter() {
        String code = typed(id);
        assertTrue(code.matches("([A-Z2-7]{4}-){8}[A-Z2-7]{4}"), code);
        assertEquals(36, code.replace("-", "").length(), "at most 40 symbols to type, check character included");
        HumanCode.Typed read = HumanCode.decode(code);
        assertEquals(id, read.id());
        assertTrue(HumanCode.tagMatches(TEST_TYPED_KEY::mac, ELECTION, PRECINCT, read));
        assertEquals(read, HumanCode.decode(code.toLowerCase().replace("-", " ")));
        assertEquals(read, HumanCode.decode(code.replace('O', '0').replace('I', '1').replace('B', '8')));
    }

    @Test
    void theTagBindsElectionAndPrecinct() {
        HumanCode.Typed read = HumanCode.decode(typed(id));
        assertFalse(HumanCode.tagMatches(TEST_TYPED_KEY::mac, ELECTION, new PrecinctId(124), read));
        assertFalse(HumanCode.tagMatches(TEST_TYPED_KEY::mac, new ElectionId("KZ-2026-PRES"), PRECINCT, read));
        PrecinctTokenKey other = new PrecinctTokenKey(ELECTION, PRECINCT, new SecureRandom().generateSeed(32));
        assertFalse(HumanCode.tagMatches(other::mac, ELECTION, PRECINCT, read), "another key");
        assertEquals(0, HumanCode.tag(TEST_TYPED_KEY::mac, ELECTION, PRECINCT, id) >>> HumanCode.TAG_BITS);
    }

    @Test
    void checkCharacterCatchesEverySingleTypoAndEverySwapOfNeighbours() {
        Random random = new Random(7);
        for (int n = 0; n < 40; n++) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            String code = typed(new TokenId(b)).replace("-", "");
            for (int i = 0; i < code.length(); i++) {
                for (char c : Base32.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertRefusedAs(typo);
                    }
                }
                if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
                    String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                    assertRefusedAs(swapped);
                }
            }
        }
    }

    private static void assertRefusedAs(String typo) {
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> HumanCode.decode(typo));
        assertTrue(e.refusal() == TokenRefusal.BAD_CHECK_CHARACTER || e.refusal() == TokenRefusal.MALFORMED);
    }

    @Test
    void deskAcceptsAGoodTokenAndRefusesEachKindOfBadOne() {
        TokenCheck desk = desk();
        assertEquals(new TokenCheck.Verdict(Optional.of(id), Optional.empty(), false),
                desk.check(qr(ELECTION, PRECINCT, TEST_KEY, id)));
        assertEquals(Optional.of(TokenRefusal.WRONG_SIGNATURE),
                desk.check(qr(ELECTION, PRECINCT, OTHER_TEST_KEY, id)).refusal());
        assertEquals(Optional.of(TokenRefusal.OTHER_ELECTION),
                desk.check(qr(new ElectionId("KZ-2026-PRES"), PRECINCT, TEST_KEY, id)).refusal());
        assertEquals(Optional.of(TokenRefusal.OTHER_PRECINCT),
                desk.check(qr(ELECTION, new PrecinctId(124), TEST_KEY, id)).refusal());
        assertEquals(Optional.of(TokenRefusal.MALFORMED), desk.check("hello").refusal());
        assertEquals(Optional.of(TokenRefusal.UNSUPPORTED_VERSION), desk.check("SLT2:AAAA").refusal());
        String good = qr(ELECTION, PRECINCT, TEST_KEY, id);
        char last = good.charAt(40);
        String tampered = good.substring(0, 40) + (last == 'A' ? 'B' : 'A') + good.substring(41);
        assertEquals(Optional.of(TokenRefusal.WRONG_SIGNATURE), desk.check(tampered).refusal());
        TokenCheck.Verdict typed = desk.check(typed(id));
        assertTrue(typed.accepted());
        assertTrue(typed.typed());
        assertEquals(Optional.of(id), typed.id());
        TokenCheck otherPrecinct = new TokenCheck(ELECTION, new PrecinctId(124), (body, sig) -> true,
                TEST_TYPED_KEY::mac);
        assertEquals(Optional.of(TokenRefusal.TYPED_CODE_NOT_VALID), otherPrecinct.check(typed(id)).refusal());
        assertEquals(Optional.empty(), otherPrecinct.check(typed(id)).id(), "a code that is not genuine names no id");
    }

    @Test
    void issuerMakesSignedAndTaggedTokensAndRecordsNothing() {
        KioskTokenIssuer issuer = new KioskTokenIssuer(ELECTION, PRECINCT, TEST_KEY::sign, TEST_TYPED_KEY::mac,
                new SecureRandom());
        PreparedToken first = issuer.prepare();
        PreparedToken second = issuer.prepare();
        assertNotEquals(first, second);
        TokenCheck.Verdict verdict = desk().check(second.token().qrPayload());
        assertTrue(verdict.accepted());
        assertEquals(second.id(), verdict.id().orElseThrow().toString());
        assertEquals(typed(verdict.id().orElseThrow()), second.token().humanCode());
        assertEquals(verdict.id(), desk().check(second.token().humanCode()).id(), "QR and typed code: one id");
    }

    @Test
    void hostileCorpusIsRefusedNeverThrown() {
        TokenCheck desk = desk();
        String good = qr(ELECTION, PRECINCT, TEST_KEY, id);
        List<String> corpus = List.of("", " ", "SLT1:", "SLT1:" + "A".repeat(300), "SLT", "SLT1:====",
                good + "A", good.substring(0, good.length() - 1), good.toLowerCase(), "\u0000".repeat(27),
                "AAA-AAA-AAA-AAA-AAA-AAA-AAA-AAA-AA9", "Ж".repeat(36), "A".repeat(36),
                "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", "-".repeat(100), "A".repeat(1_000_000),
                "SLT1:" + "7".repeat(150), good.replace("SLT1:", "SLT1: "));
        for (String text : corpus) {
            TokenCheck.Verdict v = desk.check(text);
            assertFalse(v.accepted(), () -> "accepted " + text.length() + " chars");
        }
    }

    @Property(tries = 300)
    void anyTextIsCheckedWithoutThrowing(@ForAll @StringLength(max = 300) String text) {
        TokenCheck.Verdict v = desk().check(text);
        assertTrue(v.accepted() || v.refusal().isPresent());
    }

    @Property(tries = 100)
    void everyIdSurvivesBothEncodings(@ForAll @Size(value = 16) List<Byte> bytes) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = bytes.get(i);
        }
        TokenId tokenId = new TokenId(b);
        assertEquals(tokenId, HumanCode.decode(typed(tokenId)).id());
        assertEquals(Optional.of(tokenId), desk().check(typed(tokenId)).id());
        assertEquals(tokenId, desk().check(qr(ELECTION, PRECINCT, TEST_KEY, tokenId)).id().orElseThrow());
    }

    @Property(tries = 200)
    void base32RoundTrips(@ForAll @Size(max = 120) List<Byte> bytes) {
        byte[] b = new byte[bytes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bytes.get(i);
        }
        assertEquals(java.util.HexFormat.of().formatHex(b),
                java.util.HexFormat.of().formatHex(Base32.decode(Base32.encode(b))));
    }
}
