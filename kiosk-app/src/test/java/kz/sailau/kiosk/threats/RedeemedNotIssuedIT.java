package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import kz.sailau.kiosk.token.TokenId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: ballots handed out for tokens the kiosks never issued (a forged code, an insider's row in the desk's
 * ledger), for a token the kiosk voided, or twice for one token at two desks, and nobody notices (issue #13, item 1:
 * "nothing ever compares the desk's redeemed ids with the kiosk's issued ids"). Two kiosks of a precinct close their
 * day; the ballot desk redeems their tokens through {@code token redeem}; {@code token reconcile} over both signed
 * bundles is exact for an honest day and exits 1 naming each mismatch otherwise; {@code bundle verify
 * --redeemed-ledger} runs the same reconciliation for one kiosk.
 */
class RedeemedNotIssuedIT {

    @TempDir
    static Path dir;

    private static final Ed25519TokenKeys KIOSK_KEY = Ed25519TokenKeys.generate(new SecureRandom());   // test key
    private static final List<PreparedToken> FIRST = new ArrayList<>();
    private static final List<PreparedToken> SECOND = new ArrayList<>();
    private static Path firstBundle;
    private static Path secondBundle;
    private static Path authority;
    private static BallotDesk desk;

    @BeforeAll
    static void twoKiosksCloseTheirDay() throws Exception {
        firstBundle = day("kiosk-1", FIRST);
        secondBundle = day("kiosk-2", SECOND);
        authority = RegisterFixtures.writeCertificate(dir.resolve("authority.crt.pem"),
                RegisterFixtures.authority().certificate());
        desk = BallotDesk.write(dir.resolve("desk"), KIOSK_KEY, RegisterFixtures.ELECTION, RegisterFixtures.PRECINCT);
    }

    /** A kiosk's day of 12 check-ins, one token voided and replaced; {@code issued} receives its tokens in order. */
    private static Path day(String name, List<PreparedToken> issued) throws Exception {
        return day(name, RegisterFixtures.PRECINCT, issued);
    }

    /** As {@link #day(String, List)}, at a kiosk of {@code precinct}. */
    private static Path day(String name, PrecinctId precinct, List<PreparedToken> issued) throws Exception {
        KioskTokenIssuer issuer = BallotDesk.kioskIssuer(KIOSK_KEY, RegisterFixtures.ELECTION, precinct);
        Path bundle = dir.resolve(name + ".json");
        try (DayFixture day = DayFixture.openPrecinct(List.of(dir.resolve(name)), 16, precinct).get(0)) {
            day.issuer = () -> {
                PreparedToken token = issuer.prepare();
                issued.add(token);
                return token;
            };
            day.simulate(12);
            day.close(bundle);
        }
        return bundle;
    }

    @Test
    void anHonestDayOfTwoKiosksReconcilesExactly() throws Exception {
        Path ledger = dir.resolve("honest.db");
        for (int i = 0; i <= 10; i++) {
            if (i != 5) {   // FIRST.get(5) is the token that was voided
                redeemOk(ledger, i % 2 == 0 ? FIRST.get(i).token().humanCode() : FIRST.get(i).token().qrPayload());
            }
        }
        for (int i = 0; i < 4; i++) {
            redeemOk(ledger, SECOND.get(i).token().humanCode());
        }
        DayFixture.Console console = reconcile(ledger, firstBundle, secondBundle);
        assertTrue(console.out().contains("issued 26, voided 2, valid 24, redeemed 14 (typed 10), unused 10, "
                + "mismatches 0"), console.out());
        assertTrue(console.out().strip().endsWith("reconciliation exact"), console.out());
        assertEquals(0, exit);
    }

    @Test
    void aRedemptionOfAnIdNoKioskIssuedIsFound() throws Exception {
        Path ledger = dir.resolve("forged.db");
        redeemOk(ledger, FIRST.get(0).token().humanCode());
        String forged = TokenId.random(new SecureRandom()).toString();
        insertRedemption(ledger, forged);   // an insider's row: a ballot handed out without a genuine token
        DayFixture.Console console = reconcile(ledger, firstBundle, secondBundle);
        assertEquals(1, exit);
        assertTrue(console.out().contains("MISMATCH\tREDEEMED_NOT_ISSUED\t" + forged), console.out());
        assertTrue(console.out().strip().endsWith("reconciliation NOT exact"), console.out());
        DayFixture.Console bundle = DayFixture.console();
        assertEquals(1, bundle.run("bundle", "verify", firstBundle.toString(), "--authority-cert", authority.toString(),
                "--redeemed-ledger", ledger.toString()), bundle.out());
        assertTrue(bundle.out().contains("FAILED\tredeemed ledger"), bundle.out());
    }

    @Test
    void aVoidedTokenUsedAfterAllIsFound() throws Exception {
        // Voter 5's first token was voided (it "failed to print") and replaced; its QR still carries a valid signature.
        PreparedToken voided = FIRST.get(5);
        Path ledger = dir.resolve("voided.db");
        redeemOk(ledger, voided.token().qrPayload());
        DayFixture.Console console = reconcile(ledger, firstBundle);
        assertEquals(1, exit);
        assertTrue(console.out().contains("MISMATCH\tVOIDED_REDEEMED\t" + voided.id()), console.out());
    }

    @Test
    void oneTokenRedeemedAtTwoDesksIsFound() throws Exception {
        PreparedToken token = SECOND.get(3);
        Path deskA = dir.resolve("desk-a.db");
        Path deskB = dir.resolve("desk-b.db");
        redeemOk(deskA, token.token().humanCode());
        redeemOk(deskB, token.token().qrPayload());
        DayFixture.Console console = DayFixture.console();
        exit = console.run("token", "reconcile", "--redeemed-ledger", deskA.toString(), "--redeemed-ledger",
                deskB.toString(), "--authority-cert", authority.toString(), firstBundle.toString(),
                secondBundle.toString());
        assertEquals(1, exit);
        assertTrue(console.out().contains("MISMATCH\tREDEEMED_TWICE\t" + token.id()), console.out());
    }

    @Test
    void aBundleThatDoesNotVerifyFailsTheReconciliation() throws Exception {
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(firstBundle) + "\n");
        Files.copy(firstBundle.resolveSibling(firstBundle.getFileName() + ".p7s"),
                tampered.resolveSibling("tampered.json.p7s"));
        Path ledger = dir.resolve("empty.db");
        redeemOk(ledger, FIRST.get(1).token().humanCode());
        DayFixture.Console console = reconcile(ledger, tampered);
        assertEquals(1, exit);
        assertTrue(console.out().contains("FAILED\tbundle\t" + tampered), console.out());
    }

    /**
     * Parts of two honest days (session H74, decision 0524): after the close an insider pads the desk's ledger with
     * the unused ids of another precinct's kiosk, whose bundle is public and honest, and hands it to the observer
     * as a second kiosk of the precinct; as many ballots more go into the box. Every bundle verified, every
     * redeemed id was issued once, and the reconciliation said exact, though no desk of this precinct could have
     * accepted a code of another precinct. Now the bundles must name one election and one precinct.
     */
    @Test
    void aBundleOfAnotherPrecinctDoesNotPassForAKioskOfThisOne() throws Exception {
        List<PreparedToken> foreign = new ArrayList<>();
        Path otherPrecinct = day("kiosk-of-102", new PrecinctId(102), foreign);
        Path ledger = dir.resolve("padded.db");
        redeemOk(ledger, FIRST.get(0).token().humanCode());
        for (int i = 0; i < 3; i++) {
            insertRedemption(ledger, foreign.get(i).id());
        }
        DayFixture.Console console = reconcile(ledger, firstBundle, otherPrecinct);
        assertEquals(1, exit, console.out());
        assertTrue(console.out().contains("FAILED\tprecinct\t"), console.out());
        assertTrue(console.out().contains("[token.reconcile.otherPrecinct]"), console.out());
        assertTrue(console.out().strip().endsWith("reconciliation NOT exact"), console.out());

        DayFixture.Console honest = reconcile(ledger, firstBundle, secondBundle);
        assertTrue(honest.out().contains("election " + RegisterFixtures.ELECTION.value() + ", precinct "
                + RegisterFixtures.PRECINCT), honest.out());
    }

    private static int exit;

    private static DayFixture.Console reconcile(Path ledger, Path... bundles) {
        List<String> args = new ArrayList<>(List.of("token", "reconcile", "--redeemed-ledger", ledger.toString(),
                "--authority-cert", authority.toString()));
        for (Path bundle : bundles) {
            args.add(bundle.toString());
        }
        DayFixture.Console console = DayFixture.console();
        exit = console.run(args.toArray(String[]::new));
        assertTrue(console.err().isEmpty(), console.err());
        return console;
    }

    private static void redeemOk(Path ledger, String code) {
        DayFixture.Console console = DayFixture.console();
        assertEquals(0, console.run(desk.command("redeem", List.of("--ledger", ledger.toString()), List.of(code))),
                console.out() + console.err());
    }

    private static void insertRedemption(Path ledger, String id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             PreparedStatement s = c.prepareStatement("INSERT INTO redeemed_token (id, typed) VALUES (?, 1)")) {
            s.setBytes(1, HexFormat.of().parseHex(id));
            s.executeUpdate();
        }
    }
}
