package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.HumanCode;
import kz.sailau.kiosk.token.TokenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: a voter or an outsider types a made-up ballot code at the desk, or a real code of another precinct or
 * election, to get a ballot (issue #13, item 1). Through the real {@code sailau-kiosk.jar}: 5,000 random guesses
 * shaped like real codes (36 symbols, right check character, random id and tag) are all refused as
 * {@code TYPED_CODE_NOT_VALID}, as are the all-zero id, the old 27-symbol format, and genuine codes (typed or QR) of
 * another precinct or election; the one genuine code of this precinct is accepted.
 */
class ForgedTypedCodeIT {

    private static final ElectionId ELECTION = new ElectionId("KZ-2026-TEST");
    private static final PrecinctId PRECINCT = new PrecinctId(101);
    private static final int GUESSES = 5_000;

    @TempDir
    Path dir;

    @Test
    void noGuessShapedLikeARealCodeIsAcceptedAndOtherPrecinctsAndElectionsAreRefused() throws Exception {
        Ed25519TokenKeys kioskKey = Ed25519TokenKeys.generate(new SecureRandom());   // test key
        BallotDesk desk = BallotDesk.write(dir.resolve("desk-101"), kioskKey, ELECTION, PRECINCT);
        PreparedToken genuine = BallotDesk.kioskIssuer(kioskKey, ELECTION, PRECINCT).prepare();
        PreparedToken otherPrecinct = BallotDesk.kioskIssuer(kioskKey, ELECTION, new PrecinctId(555)).prepare();
        PreparedToken otherElection = BallotDesk.kioskIssuer(kioskKey, new ElectionId("KZ-2027-PRES"), PRECINCT)
                .prepare();

        Random random = new Random(13);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            byte[] id = new byte[TokenId.LENGTH];
            random.nextBytes(id);
            long tag = random.nextLong() & ((1L << HumanCode.TAG_BITS) - 1);
            codes.add(HumanCode.encode(new HumanCode.Typed(new TokenId(id), tag)));
        }
        codes.add(HumanCode.encode(new HumanCode.Typed(new TokenId(new byte[TokenId.LENGTH]), 0)));
        codes.add(otherPrecinct.token().humanCode());
        codes.add(otherElection.token().humanCode());
        int refusedTyped = codes.size();
        codes.add("AEB-AGB-AFA-YDQ-QCI-KBM-GA2-DQP-CAR");   // the 27-symbol format of earlier versions
        codes.add(otherPrecinct.token().qrPayload());
        codes.add(otherElection.token().qrPayload());
        codes.add(genuine.token().humanCode());

        JarRunner.Result result = JarRunner.run(dir, desk.command("verify", List.of(), codes));
        assertEquals(1, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(codes.size(), lines.size(), result.err());
        long notValid = lines.stream().filter("REFUSED TYPED_CODE_NOT_VALID token.refusal.typedCodeNotValid"::equals)
                .count();
        assertEquals(refusedTyped, notValid, "every guess, the zero id and every other-precinct/election code");
        assertEquals(List.of("REFUSED MALFORMED token.refusal.malformed",
                "REFUSED OTHER_PRECINCT token.refusal.otherPrecinct",
                "REFUSED OTHER_ELECTION token.refusal.otherElection",
                "ACCEPTED " + genuine.id() + " typed"), lines.subList(refusedTyped, lines.size()));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ACCEPTED")).count(), "0 forged codes accepted");
        assertTrue(result.err().isEmpty(), result.err());
    }
}
