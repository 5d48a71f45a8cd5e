package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.threats.BallotDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code token verify} and {@code token redeem} on real files, as the ballot desk runs them. */
class TokenCommandIT {

    static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    static final PrecinctId PRECINCT = new PrecinctId(77);
    @TempDir
    Path dir;

    private String out;

    private int run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cl = new CommandLine(new TokenCommand());
        cl.setOut(new PrintWriter(text));
        int code = cl.execute(args);
        out = text.toString();
        return code;
    }

    static String[] desk(Path dir, Ed25519TokenKeys kioskKey, ElectionId election, PrecinctId precinct)
            throws Exception {
        return BallotDesk.write(dir, kioskKey, election, precinct).options().toArray(String[]::new);
    }

    static PreparedToken token(Ed25519TokenKeys kioskKey, ElectionId election, PrecinctId precinct) {
        return BallotDesk.kioskIssuer(kioskKey, election, precinct).prepare();
    }

    @Test
    void verifyAndRedeemOnce() throws Exception {
        Ed25519TokenKeys testKey = Ed25519TokenKeys.generate(new SecureRandom());   // test key, not for use
        PreparedToken token = token(testKey, ELECTION, PRECINCT);
        String qr = token.token().qrPayload();
        String[] desk = desk(dir, testKey, ELECTION, PRECINCT);
        assertEquals(0, run(concat(new String[] {"verify"}, desk, qr)));
        assertTrue(out.startsWith("ACCEPTED ") && out.strip().endsWith("signed"), out);
        assertEquals(0, run(concat(new String[] {"verify"}, desk, token.token().humanCode())));
        assertEquals("ACCEPTED " + token.id() + " typed", out.strip());
        String ledger = dir.resolve("desk.db").toString();
        assertEquals(0, run(concat(new String[] {"redeem", "--ledger", ledger}, desk, qr)));
        assertEquals(1, run(concat(new String[] {"redeem", "--ledger", ledger}, desk, qr)));
        assertEquals("REFUSED ALREADY_REDEEMED token.refusal.alreadyRedeemed", out.strip());
        assertEquals(1, run(concat(new String[] {"verify"}, desk, "not-a-token")));
        assertTrue(out.startsWith("REFUSED MALFORMED"), out);
        assertEquals(1, run(concat(new String[] {"redeem", "--ledger", ledger}, desk, token.token().humanCode())));
        assertTrue(out.startsWith("REFUSED ALREADY_REDEEMED"), out);
    }

    @Test
    void aDeskOfAnotherPrecinctRefusesQrAndTypedCodeAlike() throws Exception {
        Ed25519TokenKeys testKey = Ed25519TokenKeys.generate(new SecureRandom());   // test key, not for use
        PreparedToken token = token(testKey, ELECTION, PRECINCT);
        Path other = Files.createDirectory(dir.resolve("other"));
        String[] otherDesk = desk(other, testKey, ELECTION, new PrecinctId(78));
        assertEquals(1, run(concat(new String[] {"verify"}, otherDesk, token.token().qrPayload())));
        assertTrue(out.startsWith("REFUSED OTHER_PRECINCT"), out);
        assertEquals(1, run(concat(new String[] {"verify"}, otherDesk, token.token().humanCode())));
        assertEquals("REFUSED TYPED_CODE_NOT_VALID token.refusal.typedCodeNotValid", out.strip());
    }

    private static String[] concat(String[] head, String[] middle, String last) {
        String[] all = new String[head.length + middle.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        all[all.length - 1] = last;
        return all;
    }
}
