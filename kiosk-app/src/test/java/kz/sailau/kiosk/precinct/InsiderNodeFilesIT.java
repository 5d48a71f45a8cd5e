package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An insider with one node's files (issues 13 and 17): with kiosk-2 stopped, its files are edited — a check-in or a
 * redemption added or removed in the snapshot, the snapshot, the snapshot and log (under the later metadata) or the
 * whole ledger rewound to an earlier copy, a peer's snapshot or certificate put in, {@code precinct.json} made to
 * name kiosk-2 alone — and kiosk-2 is started again.
 * Each attempt must end in one of three ways: the node refuses to start ({@code node.error.ledger}, or the
 * certificate's own refusal), its peers bring it back to the precinct's ledger, or it stays cut off. With kiosk-2
 * refused, the day is sealed and closed on the others, and the observer's {@code bundle verify --precinct} through
 * the real jar names kiosk-2's missing bundle. Then the technician's remedy: the ledger folder moved aside, kiosk-2
 * started to rejoin (every other member answering, decision 0440) catches up from its peers, and the precinct closes the day with a bundle whose node checks all
 * pass, in process and through the jar (session H50). Every attempt's outcome is printed.
 */
class InsiderNodeFilesIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WAIT = 60;
    private static final NodeName KIOSK_2 = new NodeName("kiosk-2");

    @TempDir
    Path root;

    private final List<byte[]> voters = new ArrayList<>();
    private final List<byte[]> redeemed = new ArrayList<>();
    private final List<byte[]> issuedOnly = new ArrayList<>();
    private final Map<String, String> outcomes = new LinkedHashMap<>();

    @Test
    void aStoppedNodesEditedRewoundOrSwappedFilesAreRefusedCorrectedOrCutOff() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(root.resolve("network"), new PrecinctId(4717), 92)) {
            Map<String, NodeRole> machines = InProcessPrecinct.kiosks(2);
            machines.put("desk-1", NodeRole.BALLOT_DESK);
            precinct.startAll(machines, WAIT);
            Path kiosk2 = precinct.loopback.machine(KIOSK_2).directory();
            Path ledger = kiosk2.resolve("ledger");
            Path snapshot = ledger.resolve("ledger.log").resolve(DurableSnapshotLog.SNAPSHOT_FILE);

            visits(precinct, 3);
            precinct.awaitSameCounts(WAIT);
            precinct.nodes.remove(KIOSK_2).close();
            Path early = copy(ledger, root.resolve("early"));
            precinct.start(KIOSK_2);
            // More commands than the log keeps behind its snapshot, so the early snapshot leaves a gap; fewer
            // between the middle copy and the last, so the middle snapshot still reaches the last log's start.
            visits(precinct, 10);
            precinct.awaitSameCounts(WAIT);
            precinct.nodes.remove(KIOSK_2).close();
            Path middle = copy(ledger, root.resolve("middle"));
            precinct.start(KIOSK_2);
            visits(precinct, 5);
            precinct.awaitSameCounts(WAIT);
            String counts = precinct.counts().get(KIOSK_2);
            precinct.nodes.remove(KIOSK_2).close();
            Path genuine = copy(ledger, root.resolve("genuine"));

            refused(precinct, "a check-in moved to a voter who did not come (snapshot)", ledger, genuine,
                    () -> replace(snapshot, voters.get(0), random(PrecinctCommand.VOTER_INDEX_LENGTH)));
            refused(precinct, "a redemption removed: REDEEMED set back to ISSUED (snapshot)", ledger, genuine,
                    () -> setStatus(snapshot, redeemed.get(0), PrecinctLedgerState.TokenStatus.ISSUED));
            refused(precinct, "a redemption added: ISSUED set to REDEEMED (snapshot)", ledger, genuine,
                    () -> setStatus(snapshot, issuedOnly.get(0), PrecinctLedgerState.TokenStatus.REDEEMED));
            refused(precinct, "a token added: a token id replaced by another (snapshot)", ledger, genuine,
                    () -> replace(snapshot, issuedOnly.get(1), random(PrecinctCommand.TOKEN_ID_LENGTH)));
            refused(precinct, "the members in the snapshot: kiosk-1 named kiosk-2", ledger, genuine,
                    () -> replace(snapshot, "kiosk-1".getBytes(StandardCharsets.UTF_8),
                            "kiosk-2".getBytes(StandardCharsets.UTF_8)));
            refused(precinct, "the snapshot of an earlier copy put back beside today's log", ledger, genuine,
                    () -> Files.copy(early.resolve("ledger.log").resolve(DurableSnapshotLog.SNAPSHOT_FILE), snapshot,
                            StandardCopyOption.REPLACE_EXISTING));

            refused(precinct, "the snapshot and log of an earlier copy put back under today's metadata.raft", ledger,
                    genuine, () -> {
                        Path metadata = root.resolve("metadata.raft");
                        Files.copy(ledger.resolve("ledger.log").resolve("metadata.raft"), metadata,
                                StandardCopyOption.REPLACE_EXISTING);
                        copy(middle, ledger);
                        Files.copy(metadata, ledger.resolve("ledger.log").resolve("metadata.raft"),
                                StandardCopyOption.REPLACE_EXISTING);
                    });
            corrected(precinct, "the whole ledger rewound to an earlier copy", ledger, genuine, counts,
                    () -> copy(early, ledger));
            corrected(precinct, "desk-1's snapshot put in place of kiosk-2's", ledger, genuine, counts,
                    () -> Files.copy(precinct.loopback.machine(new NodeName("desk-1")).directory().resolve("ledger")
                            .resolve("ledger.log").resolve(DurableSnapshotLog.SNAPSHOT_FILE), snapshot,
                            StandardCopyOption.REPLACE_EXISTING));

            restore(ledger, genuine);
            Path kiosk1 = precinct.loopback.machine(new NodeName("kiosk-1")).directory();
            Path ownCertificate = kiosk2.resolve(NodeCredentials.CERTIFICATE_FILE);
            byte[] certificate = Files.readAllBytes(ownCertificate);
            Files.copy(kiosk1.resolve(NodeCredentials.CERTIFICATE_FILE), ownCertificate,
                    StandardCopyOption.REPLACE_EXISTING);
            try {
                precinct.start(KIOSK_2);
                outcomes.put("kiosk-1's certificate as kiosk-2's", "STARTED");
            } catch (KioskCryptoException e) {
                outcomes.put("kiosk-1's certificate as kiosk-2's", "refused " + e.messageKey());
            }
            Files.write(ownCertificate, certificate);

            Path settings = kiosk2.resolve(PrecinctNodeSettings.FILE);
            String json = Files.readString(settings);
            Files.writeString(settings, json.replaceAll("\"members\": \\[[^]]*]", "\"members\": [\"kiosk-2\"]"));
            precinct.loopback.isolate(precinct.loopback.machine(KIOSK_2));
            PrecinctNode alone = precinct.start(KIOSK_2);
            byte[] voter = random(PrecinctCommand.VOTER_INDEX_LENGTH);
            try {
                outcomes.put("precinct.json naming kiosk-2 its only member, kiosk-2 cut off",
                        "check-in " + alone.checkIn(voter, 0));
            } catch (PrecinctUnavailableException e) {
                outcomes.put("precinct.json naming kiosk-2 its only member, kiosk-2 cut off", "cut off: "
                        + alone.networkState().summary());
            }
            precinct.nodes.remove(KIOSK_2).close();
            Files.writeString(settings, json);
            precinct.loopback.heal(precinct.loopback.machine(KIOSK_2));

            // The day closed while kiosk-2 is refused: the observer's bundle verify through the real jar names it.
            refused(precinct, "a check-in moved, left in place for the day close", ledger, genuine,
                    () -> replace(snapshot, voters.get(1), random(PrecinctCommand.VOTER_INDEX_LENGTH)));
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node("kiosk-1"),
                    id -> new PrecinctCommand.Seal(id, new NodeName("kiosk-1")), WAIT));
            precinct.awaitSameCounts(WAIT);
            Path refusedDay = Files.createDirectories(root.resolve("bundles-refused"));
            for (PrecinctNode node : precinct.nodes.values()) {
                node.closeDay(refusedDay);
            }
            JarRunner.Result withoutKiosk2 = observerVerifies(precinct, refusedDay);
            assertTrue(withoutKiosk2.exitCode() != 0 && withoutKiosk2.out().contains("FAILED\tmembers")
                    && withoutKiosk2.out().contains("no bundle from kiosk-2, a member at the close"),
                    "the observer's verdict names kiosk-2's missing bundle:\n" + withoutKiosk2.out()
                            + withoutKiosk2.err());

            // The technician's remedy for node.error.ledger: the ledger folder moved aside, the node started to
            // rejoin (every other member up) catches up (decision 0440).
            copy(ledger, root.resolve("moved-aside"));
            copy(root.resolve("empty"), ledger);
            PrecinctNode restored = precinct.rejoin(KIOSK_2);
            precinct.awaitMajority(WAIT);
            precinct.awaitSameCounts(WAIT);
            boolean caughtUp = restored.read(state -> voters.stream().allMatch(state::isCheckedIn));
            assertTrue(caughtUp, "kiosk-2 started empty and caught up from its peers: " + precinct.counts());
            precinct.awaitSameCounts(WAIT);
            Path bundles = root.resolve("bundles");
            Files.createDirectories(bundles);
            for (PrecinctNode node : precinct.nodes.values()) {
                node.closeDay(bundles);
            }
            PrecinctBundleVerifier.Result verdict = PrecinctBundleVerifier.verify(PrecinctBundleVerifier.read(bundles),
                    precinct.loopback.authority().certificate());
            outcomes.forEach((attempt, got) -> System.out.println("insider attempt: " + attempt + " -> " + got));
            assertTrue(verdict.passed(), "the restored precinct's bundle: " + verdict.checks());
            // Through the real jar, as the observer runs it: every node check passes; only the kiosks' own day
            // bundles, which nodes in a test JVM do not write, are missing (HostileNetworkIT's honest day likewise).
            JarRunner.Result repaired = observerVerifies(precinct, bundles);
            List<String> failed = repaired.out().lines().filter(line -> line.startsWith("FAILED\t")).toList();
            assertTrue(!failed.isEmpty() && failed.stream().allMatch(line -> line.startsWith("FAILED\tkiosk log "))
                    && repaired.out().contains("ok\tmembers"), "the repaired precinct's verdict:\n" + repaired.out()
                    + repaired.err());

            List<String> got = outcomes.values().stream().map(outcome -> outcome.startsWith("corrected") ? "corrected"
                    : outcome.startsWith("cut off") ? "cut off" : outcome).toList();
            assertEquals(List.of("refused node.error.ledger", "refused node.error.ledger", "refused node.error.ledger",
                    "refused node.error.ledger", "refused node.error.ledger", "refused node.error.ledger",
                    "refused node.error.ledger", "corrected", "corrected", "refused node.error.certificateMismatch",
                    "cut off", "refused node.error.ledger"), got, outcomes.toString());
        }
    }

    /** {@code bundle verify --precinct DIR --authority-cert FILE} through the real jar (docs/observer-guide.md). */
    private JarRunner.Result observerVerifies(InProcessPrecinct precinct, Path directory) throws Exception {
        Path authority = precinct.loopback.machine(KIOSK_2).directory().resolve(NodeCredentials.AUTHORITY_FILE);
        JarRunner.Result result = JarRunner.run(root, "bundle", "verify", "--precinct", directory.toString(),
                "--authority-cert", authority.toString());
        System.out.println("insider attempt: bundle verify --precinct " + directory.getFileName() + " -> exit "
                + result.exitCode() + "\n" + result.out());
        return result;
    }

    /** An edit after which kiosk-2 must refuse to start; its genuine files are put back afterwards. */
    private void refused(InProcessPrecinct precinct, String attempt, Path ledger, Path genuine, Edit edit)
            throws Exception {
        restore(ledger, genuine);
        edit.apply();
        try {
            PrecinctNode started = precinct.start(KIOSK_2);
            outcomes.put(attempt, "STARTED with " + started.read(PrecinctNodeConsole::counts));
            precinct.nodes.remove(KIOSK_2).close();
        } catch (NodeLedgerException e) {
            outcomes.put(attempt, "refused " + e.messageKey());
        }
    }

    /** An edit after which kiosk-2 must start and be brought back to the precinct's ledger by its peers. */
    private void corrected(InProcessPrecinct precinct, String attempt, Path ledger, Path genuine, String counts,
                           Edit edit) throws Exception {
        restore(ledger, genuine);
        edit.apply();
        try {
            PrecinctNode started = precinct.start(KIOSK_2);
            String before = started.read(PrecinctNodeConsole::counts);
            precinct.awaitMajority(WAIT);
            precinct.awaitSameCounts(WAIT);
            boolean all = started.read(state -> voters.stream().allMatch(state::isCheckedIn));
            outcomes.put(attempt, all && counts.equals(started.read(PrecinctNodeConsole::counts))
                    ? "corrected (started with " + before + ")" : "NOT corrected: " + precinct.counts());
            precinct.nodes.remove(KIOSK_2).close();
        } catch (NodeLedgerException e) {
            outcomes.put(attempt, "refused " + e.messageKey());
        }
    }

    /** One visit per kiosk turn: a token issued, the voter checked in, the token redeemed at the desk. */
    private void visits(InProcessPrecinct precinct, int count) {
        for (int i = 0; i < count; i++) {
            String kiosk = i % 2 == 0 ? "kiosk-1" : "kiosk-2";
            NodeName origin = new NodeName(kiosk);
            byte[] token = random(PrecinctCommand.TOKEN_ID_LENGTH);
            byte[] voter = random(PrecinctCommand.VOTER_INDEX_LENGTH);
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node(kiosk),
                    id -> new PrecinctCommand.IssueToken(id, origin, token), WAIT));
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node(kiosk),
                    id -> new PrecinctCommand.CheckIn(id, origin, voter, 0), WAIT));
            voters.add(voter);
            if (i % 3 == 2) {
                // A voter who has the token and has not reached the desk yet.
                issuedOnly.add(token);
                continue;
            }
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(precinct.node("desk-1"),
                    id -> new PrecinctCommand.RedeemToken(id, new NodeName("desk-1"), token, false), WAIT));
            redeemed.add(token);
        }
    }

    /** An edit of kiosk-2's stopped files. */
    private interface Edit {
        void apply() throws IOException;
    }

    private static void replace(Path file, byte[] what, byte[] with) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = RawBytes.indexOf(bytes, what, 0);
        assertTrue(at >= 0, "the bytes to edit are not in " + file);
        System.arraycopy(with, 0, bytes, at, with.length);
        Files.write(file, bytes);
    }

    /** Sets the status byte written right after a token id in the snapshot. */
    private static void setStatus(Path file, byte[] token, PrecinctLedgerState.TokenStatus status) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = RawBytes.indexOf(bytes, token, 0);
        assertTrue(at >= 0, "the token is not in " + file);
        bytes[at + token.length] = (byte) status.ordinal();
        Files.write(file, bytes);
    }

    private static void restore(Path ledger, Path genuine) throws IOException {
        copy(genuine, ledger);
    }

    /** Replaces {@code to} by a copy of the directory {@code from} (an empty one if missing); returns {@code to}. */
    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(from);
        if (Files.exists(to)) {
            try (Stream<Path> walk = Files.walk(to)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
