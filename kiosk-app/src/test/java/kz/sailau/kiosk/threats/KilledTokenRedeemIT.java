package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.token.RedeemLedger;
import kz.sailau.kiosk.token.TokenId;
import kz.sailau.kiosk.token.TokenStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss at the standalone ballot desk (session H69's chaos pass, decision 0510): the real jar's
 * {@code token redeem}, SIGKILLed after its redemption committed and before its answer reached the clerk, was
 * rerun and said {@code REFUSED ALREADY_REDEEMED} to a voter who got no ballot. Here the answer cannot get out:
 * the command's standard output is a pipe the test has filled, so the first line it prints blocks; the test kills
 * it once the ledger holds the id. The rerun of the same code now answers {@code ACCEPTED ... AGAIN}, once: the
 * photocopy presented next is refused, and the ledger keeps nothing of the unanswered run.
 */
class KilledTokenRedeemIT {

    private static final ElectionId ELECTION = new ElectionId("KZ-2026-PARL");
    private static final PrecinctId PRECINCT = new PrecinctId(77);
    /** Linux's default pipe capacity (pipe(7)): a write to a pipe this full blocks. */
    private static final int PIPE_CAPACITY = 65536;

    @TempDir
    Path dir;

    @Test
    void aRedemptionWhoseAnswerWasLostIsAnsweredOnceMoreAndThenNever() throws Exception {
        Ed25519TokenKeys kioskKey = Ed25519TokenKeys.generate(new SecureRandom()); // test key, not for use
        List<String> desk = BallotDesk.write(dir, kioskKey, ELECTION, PRECINCT).options();
        PreparedToken token = BallotDesk.kioskIssuer(kioskKey, ELECTION, PRECINCT).prepare();
        String qr = token.token().qrPayload();
        Path ledger = dir.resolve("desk.db");
        List<String> redeem = new ArrayList<>(List.of("token", "redeem", "--ledger", ledger.toString()));
        redeem.addAll(desk);
        redeem.add(qr);

        Path fifo = dir.resolve("answer.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path err = dir.resolve("err.txt");
        try (RandomAccessFile pipe = new RandomAccessFile(fifo.toFile(), "rw")) { // read-write: opening never blocks
            pipe.write(new byte[PIPE_CAPACITY]);
            Process process = new ProcessBuilder(JarRunner.command(redeem.toArray(String[]::new)))
                    .redirectOutput(fifo.toFile()).redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (process.isAlive() && !holdsOne(ledger) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            boolean committedUnanswered = process.isAlive() && holdsOne(ledger);
            process.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
            assertTrue(committedUnanswered, () -> "the run must be killed after its commit, before its answer: "
                    + read(err));
        }

        JarRunner.Result retry = JarRunner.run(dir, redeem.toArray(String[]::new));
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        assertEquals("ACCEPTED " + token.id() + " signed AGAIN token.redeem.answeredAgain", retry.out().strip());

        JarRunner.Result photocopy = JarRunner.run(dir, redeem.toArray(String[]::new));
        assertEquals(1, photocopy.exitCode(), photocopy.out() + photocopy.err());
        assertEquals("REFUSED ALREADY_REDEEMED token.refusal.alreadyRedeemed", photocopy.out().strip());

        assertEquals(List.of(new RedeemLedger.Redemption(TokenId.fromHex(token.id()), false)), RedeemLedger.readRedemptions(ledger));
        assertEquals(1, occurrences(Files.readAllBytes(ledger), TokenId.fromHex(token.id()).bytes()),
                "the ledger keeps the id once: nothing says it was the last one redeemed");
    }

    /**
     * Two desks on one ledger file (session H74, decision 0523): the voter's run at the first desk has committed and
     * is still giving its answer (its terminal paused, here its standard output a full pipe) when a photocopy of
     * the receipt is run at the second. The slot then held the voter's id, and the photocopy was answered
     * {@code ACCEPTED ... AGAIN} (exit 0) although no run had been stopped: two ballots for one code. A run now
     * holds the ledger's answer lock from its commit to its emptied slot, so the photocopy is refused while the
     * voter's run lives; once that run is killed the lock goes with it and the voter's retry gets its answer.
     */
    @Test
    void aPhotocopyAtASecondDeskWhileTheFirstStillAnswersIsNotAnsweredAgain() throws Exception {
        Ed25519TokenKeys kioskKey = Ed25519TokenKeys.generate(new SecureRandom()); // test key, not for use
        List<String> desk = BallotDesk.write(dir, kioskKey, ELECTION, PRECINCT).options();
        PreparedToken token = BallotDesk.kioskIssuer(kioskKey, ELECTION, PRECINCT).prepare();
        Path ledger = dir.resolve("desk.db");
        List<String> redeem = new ArrayList<>(List.of("token", "redeem", "--ledger", ledger.toString()));
        redeem.addAll(desk);
        redeem.add(token.token().qrPayload());

        Path fifo = dir.resolve("answer.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path err = dir.resolve("err.txt");
        try (RandomAccessFile pipe = new RandomAccessFile(fifo.toFile(), "rw")) { // read-write: opening never blocks
            pipe.write(new byte[PIPE_CAPACITY]);
            Process voter = new ProcessBuilder(JarRunner.command(redeem.toArray(String[]::new)))
                    .redirectOutput(fifo.toFile()).redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (voter.isAlive() && !holdsOne(ledger) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(voter.isAlive() && holdsOne(ledger), () -> "the voter's run must be answering: " + read(err));

            JarRunner.Result photocopy = JarRunner.run(dir, redeem.toArray(String[]::new));
            assertTrue(voter.isAlive(), "the photocopy ran while the voter's run was still answering");
            assertEquals(1, photocopy.exitCode(), photocopy.out() + photocopy.err());
            assertEquals("", photocopy.out().strip(), "no ACCEPTED line for the photocopy");
            assertTrue(photocopy.err().contains("[token.error.ledgerBusy]"), photocopy.err());
            assertEquals(1, photocopy.err().strip().lines().count(), photocopy.err());

            voter.destroyForcibly(); // the power cut at the first desk: its lock goes with it
            assertTrue(voter.waitFor(1, TimeUnit.MINUTES));
        }
        JarRunner.Result retry = JarRunner.run(dir, redeem.toArray(String[]::new));
        assertEquals("ACCEPTED " + token.id() + " signed AGAIN token.redeem.answeredAgain", retry.out().strip(),
                retry.err());
        assertEquals(List.of(new RedeemLedger.Redemption(TokenId.fromHex(token.id()), false)),
                RedeemLedger.readRedemptions(ledger));
    }

    private static boolean holdsOne(Path ledger) {
        try {
            return Files.exists(ledger) && RedeemLedger.readRedemptions(ledger).size() == 1;
        } catch (TokenStoreException e) {
            return false; // created, its schema not yet written
        }
    }

    private static int occurrences(byte[] raw, byte[] needle) {
        int count = 0;
        for (int i = 0; i + needle.length <= raw.length; i++) {
            if (Arrays.equals(raw, i, i + needle.length, needle, 0, needle.length)) {
                count++;
            }
        }
        return count;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
