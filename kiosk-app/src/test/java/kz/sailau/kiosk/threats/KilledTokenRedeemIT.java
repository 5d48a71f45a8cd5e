package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
        DeskRun redemption = redemption(false);
        PreparedToken token = redemption.token();
        Path ledger = redemption.ledger();
        String[] redeem = redemption.command();
        Path err = dir.resolve("err.txt");
        try (HeldRun held = heldAtItsAnswer(redemption, err)) {
            Process process = held.process();
            boolean committedUnanswered = process.isAlive() && holdsOne(ledger);
            process.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
            assertTrue(committedUnanswered, () -> "the run must be killed after its commit, before its answer: "
                    + read(err));
        }

        JarRunner.Result retry = JarRunner.run(dir, redeem);
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        assertEquals("ACCEPTED " + token.id() + " signed AGAIN token.redeem.answeredAgain", retry.out().strip());

        JarRunner.Result photocopy = JarRunner.run(dir, redeem);
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
        DeskRun redemption = redemption(false);
        PreparedToken token = redemption.token();
        Path ledger = redemption.ledger();
        String[] redeem = redemption.command();
        Path err = dir.resolve("err.txt");
        try (HeldRun held = heldAtItsAnswer(redemption, err)) {
            Process voter = held.process();
            assertTrue(voter.isAlive() && holdsOne(ledger), () -> "the voter's run must be answering: " + read(err));

            JarRunner.Result photocopy = JarRunner.run(dir, redeem);
            assertTrue(voter.isAlive(), "the photocopy ran while the voter's run was still answering");
            assertEquals(1, photocopy.exitCode(), photocopy.out() + photocopy.err());
            assertEquals("", photocopy.out().strip(), "no ACCEPTED line for the photocopy");
            assertTrue(photocopy.err().contains("[token.error.ledgerBusy]"), photocopy.err());
            assertEquals(1, photocopy.err().strip().lines().count(), photocopy.err());

            voter.destroyForcibly(); // the power cut at the first desk: its lock goes with it
            assertTrue(voter.waitFor(1, TimeUnit.MINUTES));
        }
        JarRunner.Result retry = JarRunner.run(dir, redeem);
        assertEquals("ACCEPTED " + token.id() + " signed AGAIN token.redeem.answeredAgain", retry.out().strip(),
                retry.err());
        assertEquals(List.of(new RedeemLedger.Redemption(TokenId.fromHex(token.id()), false)),
                RedeemLedger.readRedemptions(ledger));
    }

    /**
     * An answer that cannot be written (session H74): the desk's standard output is a device that refuses every
     * write ({@code /dev/full}; as a display program that died, or a full disk for a logged desk). The run went on
     * as if the clerk had read {@code ACCEPTED}: exit 0, the slot emptied, and the voter's retry was refused
     * {@code ALREADY_REDEEMED} — decision 0510's case without a power cut. Now the run says on its error stream
     * that the answer was not shown, exits 1, and keeps the slot, so the retry is answered {@code AGAIN}.
     */
    @Test
    void anAnswerThatCannotBeWrittenLeavesTheRedemptionToBeAnsweredAgain() throws Exception {
        DeskRun redemption = redemption(true);
        PreparedToken token = redemption.token();
        String[] redeem = redemption.command();
        Path err = dir.resolve("err.txt");
        Process unseen = new ProcessBuilder(JarRunner.command(redeem))
                .redirectOutput(new File("/dev/full")).redirectError(err.toFile()).start();
        assertTrue(unseen.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, unseen.exitValue(), read(err));
        assertTrue(read(err).contains("[token.error.answerNotShown]"), read(err));
        assertEquals(1, read(err).strip().lines().count(), read(err));

        JarRunner.Result retry = JarRunner.run(dir, redeem);
        assertEquals("ACCEPTED " + token.id() + " typed AGAIN token.redeem.answeredAgain", retry.out().strip(),
                retry.err());
    }

    /**
     * The desk's files, a token of the kiosk, and the {@code token redeem} command for one form of its code.
     *
     * @param token   the token
     * @param ledger  the desk's ledger (not yet made)
     * @param command the command
     */
    private record DeskRun(PreparedToken token, Path ledger, String[] command) {
    }

    private DeskRun redemption(boolean typed) throws IOException {
        Ed25519TokenKeys kioskKey = Ed25519TokenKeys.generate(new SecureRandom()); // test key, not for use
        List<String> desk = BallotDesk.write(dir, kioskKey, ELECTION, PRECINCT).options();
        PreparedToken token = BallotDesk.kioskIssuer(kioskKey, ELECTION, PRECINCT).prepare();
        Path ledger = dir.resolve("desk.db");
        List<String> redeem = new ArrayList<>(List.of("token", "redeem", "--ledger", ledger.toString()));
        redeem.addAll(desk);
        redeem.add(typed ? token.token().humanCode() : token.token().qrPayload());
        return new DeskRun(token, ledger, redeem.toArray(String[]::new));
    }

    /** A named pipe made at {@code fifo}, opened read-write (opening never blocks); the caller closes it. */
    private static RandomAccessFile namedPipe(Path fifo) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return new RandomAccessFile(fifo.toFile(), "rw");
    }

    /**
     * A redemption run whose answer goes into a full named pipe, so its first answer line blocks; closing it closes
     * the pipe (the run itself is the test's to kill).
     *
     * @param pipe    the pipe's end the test holds open
     * @param process the run, alive once the ledger holds the id
     */
    private record HeldRun(RandomAccessFile pipe, Process process) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            pipe.close();
        }
    }

    /** Starts the redemption with its answer going into a full pipe, and waits until the ledger holds the id. */
    private HeldRun heldAtItsAnswer(DeskRun redemption, Path err) throws Exception {
        Path fifo = dir.resolve("answer.fifo");
        RandomAccessFile pipe = namedPipe(fifo);
        try {
            pipe.write(new byte[PIPE_CAPACITY]); // full: the run's first answer line blocks
            return new HeldRun(pipe, KillOnSight.startAndAwait(new ProcessBuilder(JarRunner.command(
                    redemption.command())).redirectOutput(fifo.toFile()).redirectError(err.toFile()),
                    redemption.ledger().getParent(), () -> holdsOne(redemption.ledger())));
        } catch (Exception | AssertionError e) {
            pipe.close();
            throw e;
        }
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
