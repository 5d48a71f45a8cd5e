package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.token.BallotToken;
import kz.sailau.kiosk.token.TokenCodec;
import kz.sailau.kiosk.token.TokenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ballot desk whose node found no peer while it joined starts in a view of its own and merges with the precinct
 * some seconds later. {@code token desk} said it was ready as soon as the node had started, and the first token
 * scanned then was refused as cut off ({@code REFUSED CUT_OFF}: "this desk has lost the precinct network") though the
 * desk had only not found it yet: {@link BallotDeskProcessIT} failed so on a loaded machine, whose discovery over
 * TLS had not answered within the join. Here the desk's links are cut while its node starts and healed once it has
 * started alone; the desk must say it is ready only once it has merged with the precinct, and the first token
 * after that is redeemed (decision 0485).
 */
class DeskStartedAloneIT {

    private static final PrecinctId PRECINCT = new PrecinctId(4716);
    private static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;

    @TempDir
    Path temp;

    @Test
    void aDeskWhoseNodeStartedAloneSaysItIsReadyOnlyOnceItIsWithTheMajority() throws Exception {
        String jar = JarRunner.jar().toString();
        try (InProcessPrecinct precinct = new InProcessPrecinct(temp.resolve("network"), PRECINCT, 52)) {
            Map<String, NodeRole> machines = InProcessPrecinct.kiosks(2);
            machines.put("desk-1", NodeRole.BALLOT_DESK);
            precinct.members(machines);
            PrecinctNode kiosk1 = precinct.start(new NodeName("kiosk-1"));
            precinct.start(new NodeName("kiosk-2"));
            precinct.awaitMajority(WAIT);
            Ed25519TokenKeys key = Ed25519TokenKeys.generate(RANDOM);
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            TokenId issued = new TokenId(id);
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(kiosk1,
                    commandId -> new PrecinctCommand.IssueToken(commandId, kiosk1.name(), id), WAIT));
            BallotToken token = new BallotToken(1, ELECTION, PRECINCT, issued);
            String qr = TokenCodec.qrPayload(token, key.sign(TokenCodec.body(token)));

            LoopbackPrecinct.Machine desk = precinct.machine("desk-1");
            Path log = temp.resolve("desk.log");
            precinct.loopback.isolate(desk);
            DeskFiles files = DeskFiles.write(temp, precinct.loopback.authority(), ELECTION, PRECINCT,
                    List.of(key.publicKey()), RANDOM);
            Process process = new ProcessBuilder(files.process(jar, desk.directory().toString(),
                    precinct.loopback.passphraseFile().toString())).redirectError(log.toFile()).start();
            try {
                InProcessPrecinct.await(() -> read(log).contains("precinct node desk-1 listening on"), WAIT,
                        () -> "the desk's node did not start: " + read(log));
                // Its node started in a view of its own: it found no peer through the cut links.
                precinct.loopback.heal(desk);

                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String ready = out.readLine();
                assertTrue(ready != null && ready.startsWith("desk desk-1 ready"), ready + read(log));
                OutputStream in = process.getOutputStream();
                in.write(("state\n" + qr + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                String state = out.readLine();
                assertTrue(state != null && state.contains(" reachable=3 "), "the desk said it was ready while its "
                        + "node was still alone in its view: " + state + "\n" + read(log));
                assertEquals("ACCEPTED " + issued + " signed", out.readLine(), "the first token after ready");
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
                in.close();
                assertEquals("bye", out.readLine());
                assertTrue(process.waitFor(WAIT, TimeUnit.SECONDS), "the desk ended after 'quit'");
                assertEquals(0, process.exitValue(), read(log));
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<the desk's log cannot be read: " + e + ">";
        }
    }
}
