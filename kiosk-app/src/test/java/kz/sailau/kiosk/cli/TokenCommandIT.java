package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.HumanCode;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import kz.sailau.kiosk.token.SqliteIssuedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code token verify} and {@code token redeem} on real files, as the ballot desk runs them. */
class TokenCommandIT {

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

    @Test
    void verifyAndRedeemOnce() throws Exception {
        Ed25519TokenKeys testKey = Ed25519TokenKeys.generate(new SecureRandom());   // test key, not for use
        Path pub = dir.resolve("kiosk.pub");
        Files.writeString(pub, Base64.getEncoder().encodeToString(testKey.publicKey()) + "\n");
        String qr;
        try (SqliteIssuedTokens issued = new SqliteIssuedTokens(dir.resolve("kiosk.db"))) {
            qr = new KioskTokenIssuer(new ElectionId("KZ-2026-PARL"), new PrecinctId(77), testKey::sign, issued,
                    new SecureRandom()).issue().qrPayload();
        }
        String[] desk = {"--election", "KZ-2026-PARL", "--precinct", "77", "--kiosk-public-key", pub.toString()};
        assertEquals(0, run(concat(new String[] {"verify"}, desk, qr)));
        assertTrue(out.startsWith("ACCEPTED ") && out.strip().endsWith("signed"), out);
        String ledger = dir.resolve("desk.db").toString();
        assertEquals(0, run(concat(new String[] {"redeem", "--ledger", ledger}, desk, qr)));
        assertEquals(1, run(concat(new String[] {"redeem", "--ledger", ledger}, desk, qr)));
        assertEquals("REFUSED ALREADY_REDEEMED token.refusal.alreadyRedeemed", out.strip());
        String[] otherPrecinct = desk.clone();
        otherPrecinct[3] = "78";
        assertEquals(1, run(concat(new String[] {"verify"}, otherPrecinct, qr)));
        assertTrue(out.startsWith("REFUSED OTHER_PRECINCT"), out);
        assertEquals(1, run(concat(new String[] {"verify"}, desk, "not-a-token")));
        assertTrue(out.startsWith("REFUSED MALFORMED"), out);
        String id = out;
        assertEquals(1, run(concat(new String[] {"redeem", "--ledger", ledger}, desk,
                HumanCode.encode(kz.sailau.kiosk.token.TokenCodec.parseQr(qr).token().id()))));
        assertTrue(out.startsWith("REFUSED ALREADY_REDEEMED"), out + id);
    }

    private static String[] concat(String[] head, String[] middle, String last) {
        String[] all = new String[head.length + middle.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        all[all.length - 1] = last;
        return all;
    }
}
