package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.sailau.kiosk.cli.JarRunner;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.precinct.loopback.NodeConsoleProcess;
import org.jgroups.protocols.raft.LogEntry;
import org.jgroups.protocols.raft.PersistentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node seized in the middle of the day (issue 17, threat model "Secrecy at rest"): three node JVMs of the real
 * jar (two kiosks and the ballot desk), voters checked in, tokens issued and redeemed, then one kiosk killed with
 * SIGKILL right after its last answer, as when a machine is unplugged and carried away. Its raw files may keep what
 * the threat model bounds and nothing more: the consensus log holds at most the last {@value #BOUND} commands up to
 * its snapshot's index, and those committed after it, in time order, each with a blind index or a token id but never
 * both; every blind index and token id of an earlier command is only in the snapshot, in sorted order; no other file
 * of the node (its log output included) holds any. The ledger's commands carry no IIN, name or time by their form.
 * The complement of {@code PrecinctNetworkIT.afterTheDayNoNodeKeeps…}, which reads the files after the seal.
 */
class SeizedNodeIT {

    /** The threat model's bound of the mid-day tail: {@code DurableSnapshotLog.DAY_TAIL} commands. */
    private static final int BOUND = (int) DurableSnapshotLog.DAY_TAIL;
    private static final int VISITS = 20;
    private static final PrecinctId PRECINCT = new PrecinctId(4716);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One command the test had committed, in the order of the day. */
    private record Sent(String verb, byte[] id) {
    }

    @Test
    void aKioskKilledMidDayKeepsOnlyItsBoundedTailInTimeOrderAndTheRestSorted(@TempDir Path root) throws Exception {
        Path jar = JarRunner.jar();
        List<Sent> day = new ArrayList<>();
        Path seized;
        AuthorityCredentials authorityCredentials = AuthorityCredentials.generate("Test-only authority",
                Clock.systemUTC(), Duration.ofDays(1), RANDOM);
        X509Certificate authority = authorityCredentials.certificate();
        try (LoopbackPrecinct precinct = new LoopbackPrecinct(root, PRECINCT, authorityCredentials,
                "test-only node passphrase".toCharArray(), 128, RANDOM, Clock.systemUTC())) {
            for (String name : List.of("kiosk-1", "kiosk-2", "desk-1")) {
                precinct.add(name, name.startsWith("desk") ? NodeRole.BALLOT_DESK : NodeRole.KIOSK);
            }
            precinct.writeSettings(List.copyOf(precinct.machines().keySet()));
            Map<String, NodeConsoleProcess> nodes = new LinkedHashMap<>();
            try {
                for (LoopbackPrecinct.Machine machine : precinct.machines().values()) {
                    nodes.put(machine.name().value(), precinct.start(jar, machine));
                }
                for (int visit = 0; visit < VISITS; visit++) {
                    String kiosk = visit % 2 == 0 ? "kiosk-1" : "kiosk-2";
                    byte[] token = random(PrecinctCommand.TOKEN_ID_LENGTH);
                    byte[] voter = random(PrecinctCommand.VOTER_INDEX_LENGTH);
                    day.add(new Sent("issue", token));
                    committed(nodes.get(kiosk), "issue " + hex(token));
                    day.add(new Sent("checkin", voter));
                    committed(nodes.get(kiosk), "checkin " + hex(voter) + " 0");
                    day.add(new Sent("redeem", token));
                    committed(nodes.get("desk-1"), "redeem " + hex(token) + " qr");
                }
                // Seized right after its last answer: no quiet moment for a last snapshot.
                nodes.get("kiosk-2").kill();
                seized = precinct.machine(new NodeName("kiosk-2")).directory();
            } finally {
                for (NodeConsoleProcess node : nodes.values()) {
                    node.kill();
                }
            }
        }

        Path logDirectory = seized.resolve("ledger").resolve("ledger.log");
        long snapshotIndex = snapshotIndex(logDirectory.resolve(DurableSnapshotLog.SNAPSHOT_FILE), authority);
        Map<Long, PrecinctCommand> entries = commandsInTheLog(logDirectory);
        List<PrecinctCommand> tail = List.copyOf(entries.values());
        long behind = entries.keySet().stream().filter(index -> index <= snapshotIndex).count();
        System.out.printf("seized node: %d of the day's %d commands in its consensus log, %d up to its snapshot's "
                + "index and %d after it%n", tail.size(), day.size(), behind, tail.size() - behind);
        assertFalse(tail.isEmpty(), "positive control: a node seized mid-day keeps its tail");
        assertTrue(behind <= BOUND, "the seized node's log keeps " + behind + " commands up to its snapshot, more "
                + "than the " + BOUND + " the threat model bounds");
        // The seized node is a follower: the other two make a majority without it, so it may be killed a few
        // commands behind the day. Its tail is a run of the day's commands in time order, ending where it stopped.
        int first = firstOfTheTail(day, tail.get(0));
        assertTrue(first >= 0, "the log's first entry is no command of the day");
        // A command retried after a lost answer is appended again and answered with its recorded outcome: its
        // second entry follows the first, and is the same command.
        int next = first;
        for (int i = 0; i < tail.size(); i++) {
            PrecinctCommand command = tail.get(i);
            boolean isNext = next < day.size() && same(day.get(next), command);
            boolean isRetry = next > first && same(day.get(next - 1), command);
            assertTrue(isNext || isRetry, "the log's entry " + i + " is not the day's command " + next
                    + ": the tail is not a run of the day's commands in time order");
            next += isNext ? 1 : 0;
        }
        System.out.printf("seized node: %d commands behind the day when it was killed%n", day.size() - next);
        List<Sent> last = day.subList(first, next);

        int sorted = 0;
        try (Stream<Path> walk = Files.walk(seized)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                boolean log = file.getFileName().toString().startsWith("entries");
                boolean snapshot = file.getFileName().toString().startsWith(DurableSnapshotLog.SNAPSHOT_FILE);
                for (int i = 0; i < day.size(); i++) {
                    byte[] id = day.get(i).id();
                    boolean inTail = last.stream().anyMatch(s -> Arrays.equals(s.id(), id));
                    boolean found = RawBytes.indexOf(bytes, id, 0) >= 0
                            || RawBytes.indexOf(bytes, RawBytes.hex(List.of(id)).get(0), 0) >= 0;
                    assertTrue(!found || snapshot || (log && inTail), file + " holds the id of the day's command "
                            + i + " of " + day.size() + " (" + day.get(i).verb() + "), which is not in the tail");
                }
                if (snapshot) {
                    List<byte[]> voters = day.stream().filter(s -> s.verb().equals("checkin")).map(Sent::id).toList();
                    List<byte[]> tokens = day.stream().filter(s -> s.verb().equals("issue")).map(Sent::id).toList();
                    assertInOrder(RawBytes.inFileOrder(bytes, voters), file + ": blind indexes");
                    assertInOrder(RawBytes.inFileOrder(bytes, tokens), file + ": token ids");
                    sorted += RawBytes.inFileOrder(bytes, voters).size();
                }
            }
        }
        assertTrue(sorted >= VISITS - tail.size(), "positive control: the snapshot holds the earlier check-ins ("
                + sorted + ")");
    }

    /** The one id a command of the day carries: a blind index or a token id, never both, never neither. */
    private static byte[] id(PrecinctCommand command) {
        byte[] voter = command instanceof PrecinctCommand.CheckIn c ? c.voterIndex() : null;
        byte[] token = command instanceof PrecinctCommand.IssueToken t ? t.tokenId()
                : command instanceof PrecinctCommand.RedeemToken r ? r.tokenId() : null;
        assertTrue(voter == null ^ token == null, "one command holds both a blind index and a token id, or "
                + "neither: " + command.getClass().getSimpleName());
        return voter == null ? token : voter;
    }

    /** The test's name of a command's kind. */
    private static String verb(PrecinctCommand command) {
        return command instanceof PrecinctCommand.CheckIn ? "checkin"
                : command instanceof PrecinctCommand.IssueToken ? "issue" : "redeem";
    }

    /** Where the tail starts in the day: the position of the day's command of the same kind and id, or -1. */
    private static int firstOfTheTail(List<Sent> day, PrecinctCommand command) {
        for (int i = 0; i < day.size(); i++) {
            if (same(day.get(i), command)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the log's {@code command} is the day's {@code sent}: the same kind and the same id. */
    private static boolean same(Sent sent, PrecinctCommand command) {
        return sent.verb().equals(verb(command)) && Arrays.equals(sent.id(), id(command));
    }

    private static void assertInOrder(List<byte[]> inFileOrder, String what) {
        for (int i = 1; i < inFileOrder.size(); i++) {
            assertTrue(Arrays.compareUnsigned(inFileOrder.get(i - 1), inFileOrder.get(i)) < 0,
                    what + " not in canonical order");
        }
    }

    /** The Raft index a stopped node's snapshot was taken at (after the engine's own state, decision 0405). */
    private static long snapshotIndex(Path snapshot, X509Certificate authority) throws Exception {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(snapshot))) {
            new PersistentState().readFrom(in);
            return SignedSnapshot.read(in, authority, PRECINCT).index();
        }
    }

    /** The ledger commands of a stopped node's consensus log by index, in log order (the engine's own skipped). */
    private static Map<Long, PrecinctCommand> commandsInTheLog(Path logDirectory) throws Exception {
        assertTrue(Files.isDirectory(logDirectory), "no consensus log at " + logDirectory);
        Map<Long, PrecinctCommand> commands = new LinkedHashMap<>();
        try (DurableSnapshotLog log = new DurableSnapshotLog()) {
            log.init(logDirectory.toString(), new HashMap<>());
            for (long index = Math.max(1, log.firstAppended()); index <= log.lastAppended(); index++) {
                LogEntry entry = log.get(index);
                if (entry == null || entry.internal() || entry.command() == null) {
                    continue;
                }
                byte[] signed = SignedCommand.decode(entry.command(), entry.offset(), entry.length()).command();
                commands.put(index, PrecinctCommand.decode(signed, 0, signed.length));
            }
        }
        return commands;
    }

    /** Sends a command until the precinct commits it (a leader election under load answers UNAVAILABLE). */
    private static void committed(NodeConsoleProcess node, String request) throws IOException {
        String id = hex(random(PrecinctCommand.ID_LENGTH));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String answer = node.ask(request + " " + id);
        while (answer.contains(" UNAVAILABLE ") && System.nanoTime() < deadline) {
            answer = node.ask(request + " " + id);
        }
        assertTrue(answer.matches("[a-z]+ ACCEPTED .*"), request.split(" ")[0] + ": " + answer);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
