package kz.sailau.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code token verify} and {@code token redeem} on real files, as the ballot desk runs them. */
class TokenCommandIT {

    static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    static final PrecinctId PRECINCT = new PrecinctId(77);
    /** The test desk passphrase (test only). */
    static final String DESK_PASSPHRASE = "TEST-ONLY desk passphrase";

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

    /**
     * The ballot desk's files for {@code election} and {@code precinct} in {@code dir}: the kiosk's public key, the
     * authority certificate, the desk package and its passphrase, as the {@code token} options that name them.
     */
    static String[] desk(Path dir, Ed25519TokenKeys kioskKey, ElectionId election, PrecinctId precinct)
            throws Exception {
        Path pub = dir.resolve("kiosk.pub");
        Files.writeString(pub, Base64.getEncoder().encodeToString(kioskKey.publicKey()) + "\n");
        Path authority = RegisterFixtures.writeCertificate(dir.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
        Path pass = dir.resolve("desk-passphrase.txt");
        Files.writeString(pass, DESK_PASSPHRASE + "\n");
        Path deskKey = dir.resolve("desk-" + precinct + ".key");
        Files.write(deskKey, PrecinctTokenKey.derive(RegisterFixtures.authority(), election, precinct)
                .toDeskPackage(RegisterFixtures.authority(), DESK_PASSPHRASE.toCharArray(),
                        Argon2idParameters.TEST_ONLY, new SecureRandom()));
        return new String[] {"--election", election.value(), "--precinct", precinct.toString(), "--kiosk-public-key",
            pub.toString(), "--desk-key", deskKey.toString(), "--authority-cert", authority.toString(),
            "--passphrase-file", pass.toString()};
    }

    /** A token as the kiosk of {@code precinct} makes it, under the authority's precinct token key. */
    static PreparedToken token(Ed25519TokenKeys kioskKey, ElectionId election, PrecinctId precinct) {
        return new KioskTokenIssuer(election, precinct, kioskKey::sign,
                PrecinctTokenKey.derive(RegisterFixtures.authority(), election, precinct)::mac, new SecureRandom())
                .prepare();
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
