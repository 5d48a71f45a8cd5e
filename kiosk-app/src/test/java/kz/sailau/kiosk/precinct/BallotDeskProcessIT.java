package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.BallotToken;
import kz.sailau.kiosk.token.HumanCode;
import kz.sailau.kiosk.token.TokenCodec;
import kz.sailau.kiosk.token.TokenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ballot desk of a precinct network as its operator meets it: {@code token desk} started as its own JVM from
 * the kiosk jar joins two kiosk nodes (in this JVM) over mutual TLS, and each scanned or typed line is answered at
 * once against the replicated ledger — a QR token of one kiosk and a typed code of the other accepted, the same
 * token again refused as already redeemed, a well-signed token no kiosk recorded refused as not issued, a forged
 * one refused by its signature — and the kiosks' replicas count the two redemptions.
 */
class BallotDeskProcessIT {

    private static final PrecinctId PRECINCT = new PrecinctId(4714);
    private static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path temp;

    @Test
    void theDeskRedeemsEachScannedOrTypedTokenOnceAcrossThePrecinct() throws Exception {
        String jar = JarRunner.jar().toString();
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), PRECINCT, 44)) {
            Map<String, NodeRole> machines = InProcessPrecinct.kiosks(2);
            machines.put("desk-1", NodeRole.BALLOT_DESK);
            precinct.members(machines);
            PrecinctNode kiosk1 = precinct.start(new NodeName("kiosk-1"));
            PrecinctNode kiosk2 = precinct.start(new NodeName("kiosk-2"));
            precinct.awaitMajority(60);

            // What the authority and the two kiosks hand the desk (test-only keys, made here).
            Ed25519TokenKeys key1 = Ed25519TokenKeys.generate(RANDOM);
            Ed25519TokenKeys key2 = Ed25519TokenKeys.generate(RANDOM);
            Ed25519TokenKeys forger = Ed25519TokenKeys.generate(RANDOM);
            DeskFiles files = DeskFiles.write(temp, precinct.loopback.authority(), ELECTION, PRECINCT,
                    List.of(key1.publicKey(), key2.publicKey()), RANDOM);
            PrecinctTokenKey typedKey = PrecinctTokenKey.derive(precinct.loopback.authority(), ELECTION, PRECINCT);

            TokenId scanned = tokenId();
            TokenId typed = tokenId();
            TokenId neverRecorded = tokenId();
            assertEquals(PrecinctOutcome.ACCEPTED, kiosk1.issueToken(scanned.bytes()));
            assertEquals(PrecinctOutcome.ACCEPTED, kiosk2.issueToken(typed.bytes()));
            String qr = qr(key1, scanned);
            String code = HumanCode.encode(typedKey::mac, ELECTION, PRECINCT, typed);

            List<String> command = files.process(jar, precinct.machine("desk-1").directory().toString(),
                    precinct.loopback.passphraseFile().toString());
            Process desk = new ProcessBuilder(command)
                    .redirectError(temp.resolve("desk.log").toFile())
                    .start();
            try (OutputStream in = desk.getOutputStream()) {
                for (String line : List.of(qr, code, qr, qr(key2, neverRecorded), qr(forger, tokenId()), "quit")) {
                    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(desk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(desk.waitFor(60, TimeUnit.SECONDS), "the desk ended after 'quit'");
            String log = Files.readString(temp.resolve("desk.log"));
            assertEquals(0, desk.exitValue(), out + log);
            List<String> lines = out.lines().toList();
            assertEquals(7, lines.size(), out);
            assertTrue(lines.get(0).startsWith("desk desk-1 ready"), out);
            assertEquals("ACCEPTED " + scanned + " signed", lines.get(1), out);
            assertEquals("ACCEPTED " + typed + " typed", lines.get(2), out);
            assertTrue(lines.get(3).startsWith("REFUSED ALREADY_REDEEMED "), out);
            assertTrue(lines.get(4).startsWith("REFUSED NOT_ISSUED "), out);
            assertTrue(lines.get(5).startsWith("REFUSED WRONG_SIGNATURE "), out);
            assertEquals("bye", lines.get(6), out);
            for (TokenId id : List.of(scanned, typed, neverRecorded)) {
                assertTrue(!log.contains(id.toString()), "the desk's log names no token id");
            }
            InProcessPrecinct.await(() -> kiosk1.read(PrecinctNodeConsole::counts).contains("redeemed=2")
                            && kiosk2.read(PrecinctNodeConsole::counts).contains("redeemed=2"), 30,
                    () -> "the kiosks' replicas: " + precinct.counts());
        }
    }

    @Test
    void aKioskNodeDirectoryIsRefusedAsADeskBeforeJoining() throws Exception {
        String jar = JarRunner.jar().toString();
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), PRECINCT, 48)) {
            precinct.members(Map.of("kiosk-1", NodeRole.KIOSK));
            Ed25519TokenKeys key = Ed25519TokenKeys.generate(RANDOM);
            DeskFiles files = DeskFiles.write(temp, precinct.loopback.authority(), ELECTION, PRECINCT,
                    List.of(key.publicKey()), RANDOM);
            Path kioskDirectory = precinct.machine("kiosk-1").directory();
            Process desk = new ProcessBuilder(files.process(jar, kioskDirectory.toString(),
                    precinct.loopback.passphraseFile().toString())).start();
            desk.getOutputStream().close();
            String out = new String(desk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(desk.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(desk.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, desk.exitValue(), out + err);
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(err.contains("[node.error.role]") && err.contains("not of a ballot desk"), err);
            assertTrue(Files.notExists(kioskDirectory.resolve("ledger")), "nothing written");
        }
    }

    private static TokenId tokenId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return new TokenId(id);
    }

    private static String qr(Ed25519TokenKeys key, TokenId id) {
        BallotToken token = new BallotToken(1, ELECTION, PRECINCT, id);
        return TokenCodec.qrPayload(token, key.sign(TokenCodec.body(token)));
    }
}
