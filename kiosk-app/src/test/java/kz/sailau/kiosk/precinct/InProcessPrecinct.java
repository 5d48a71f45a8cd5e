package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.testing.Conditions;

/**
 * A precinct of nodes in this JVM, each on its own loopback address behind the fault-injecting proxy of
 * {@link LoopbackPrecinct}, with real TCP, mutual TLS and Raft: one JVM instead of one per node, so that the tests
 * stay within the CPU of a loaded two-core build machine. A "crash" cuts every link of a node, then stops it
 * without its closing snapshot ({@link PrecinctNode#halt}): its peers see it vanish as after a power cut, and its
 * files are as fsync left them. (The simulation, {@code simulate --kiosks N --cluster-faults}, kills node JVMs with
 * SIGKILL for real.)
 */
final class InProcessPrecinct implements AutoCloseable {

    static final char[] PASSPHRASE = "test-only node passphrase".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    final LoopbackPrecinct loopback;
    final Map<NodeName, PrecinctNode> nodes = new LinkedHashMap<>();

    /**
     * @param addressBase the last octet of the first machine's loopback address. Failsafe runs two test classes at
     *                    once (decision 0310), so every class has addresses of its own, machines at {@code
     *                    addressBase} and up: 10 DivergedFollowerIT, 20 PrecinctNetworkIT, 28 PrecinctNodeProcessIT,
     *                    36 ClerkStationPrecinctIT, 44/48 BallotDeskProcessIT, 52 DeskStartedAloneIT, 60–65
     *                    ReplicatedCheckInLedgerIT, 68 ClosedNodeThreadsIT, 76/108/114 PrecinctCommandRefusalsIT, 84
     *                    PrecinctSignedCommandsIT, 92 InsiderNodeFilesIT, 100 the simulation, 120 ImpersonatingMemberIT,
     *                    128 SeizedNodeIT, 136/170 PrecinctElectionDayIT, 144 RewoundMetadataIT, 152
     *                    EmptiedNodeRejoinIT, 160 LeaderlessMemberIT, 168 RestartedInTheViewIT, 180 the demo; a class
     *                    sharing another's addresses could be handed a port the other just found free
     */
    InProcessPrecinct(Path root, PrecinctId precinct, int addressBase) throws IOException {
        loopback = new LoopbackPrecinct(root, precinct, AuthorityCredentials.generate("Test-only authority",
                Clock.systemUTC(), Duration.ofDays(2), RANDOM), PASSPHRASE, addressBase, RANDOM, Clock.systemUTC());
    }

    /** Kiosks kiosk-1 … kiosk-{@code count}, in order (a map to add other machines to). */
    static Map<String, NodeRole> kiosks(int count) {
        Map<String, NodeRole> machines = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            machines.put("kiosk-" + i, NodeRole.KIOSK);
        }
        return machines;
    }

    /** {@link #members} of the machines, each started, and the majority awaited on every one. */
    List<NodeName> startAll(Map<String, NodeRole> machines, int seconds) throws IOException {
        List<NodeName> members = members(machines);
        for (NodeName name : members) {
            start(name);
        }
        awaitMajority(seconds);
        return members;
    }

    /** Adds and certifies machines, writes every machine's settings with them all as members. */
    List<NodeName> members(Map<String, NodeRole> machines) throws IOException {
        for (Map.Entry<String, NodeRole> machine : machines.entrySet()) {
            loopback.add(machine.getKey(), machine.getValue());
        }
        List<NodeName> members = List.copyOf(loopback.machines().keySet());
        loopback.writeSettings(members);
        return members;
    }

    /** Starts (or restarts) a machine's node in this JVM. */
    PrecinctNode start(NodeName name) throws IOException {
        return start(name, false);
    }

    /** Starts a machine whose ledger went missing, as {@code node run --rejoin} does ({@link PrecinctNode#rejoin}). */
    PrecinctNode rejoin(NodeName name) throws IOException {
        return start(name, true);
    }

    private PrecinctNode start(NodeName name, boolean rejoin) throws IOException {
        Path directory = loopback.machine(name).directory();
        PrecinctNodeSettings settings = PrecinctNodeSettings.read(directory.resolve(PrecinctNodeSettings.FILE),
                directory.resolve("ledger"));
        NodeCredentials credentials = NodeCredentials.unlock(directory, PASSPHRASE);
        PrecinctNode node = rejoin ? PrecinctNode.rejoin(settings, credentials, NodeCredentials.authorityOf(directory),
                RANDOM) : PrecinctNode.start(settings, credentials, NodeCredentials.authorityOf(directory), RANDOM);
        nodes.put(name, node);
        return node;
    }

    PrecinctNode node(String name) {
        return nodes.get(new NodeName(name));
    }

    LoopbackPrecinct.Machine machine(String name) {
        return loopback.machine(new NodeName(name));
    }

    /** A crash: every link cut, the node stopped without its closing snapshot, the links healed for its restart. */
    void crash(String name) {
        LoopbackPrecinct.Machine machine = machine(name);
        loopback.isolate(machine);
        nodes.remove(machine.name()).halt();
        // A machine reboots in tens of seconds, after its peers' failure detection dropped it from the view.
        await(() -> nodes.values().stream().noneMatch(n -> n.networkState().reachable().contains(machine.name())),
                60, () -> name + " was never dropped from the view: " + states());
        loopback.heal(machine);
    }

    /** Every running node's counts, for comparing replicas. */
    Map<NodeName, String> counts() {
        Map<NodeName, String> counts = new LinkedHashMap<>();
        nodes.forEach((name, node) -> counts.put(name, node.read(PrecinctNodeConsole::counts)));
        return counts;
    }

    void awaitSameCounts(int seconds) {
        await(() -> counts().values().stream().distinct().count() == 1, seconds,
                () -> "the replicas did not converge: " + counts() + " " + states());
    }

    void awaitMajority(int seconds) {
        await(() -> nodes.values().stream().allMatch(n -> n.networkState().withMajority()), seconds,
                () -> "no majority everywhere: " + states());
    }

    Map<NodeName, String> states() {
        Map<NodeName, String> states = new LinkedHashMap<>();
        nodes.forEach((name, node) -> states.put(name, node.networkState().summary()));
        return states;
    }

    /** Retries a command while the cluster answers UNAVAILABLE (a leader election under load), with its one id. */
    static PrecinctOutcome committed(PrecinctNode node, java.util.function.Function<byte[], PrecinctCommand> command,
                                     int seconds) {
        PrecinctCommand once = command.apply(node.newCommandId());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            try {
                return node.submit(once);
            } catch (PrecinctUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not committed in " + seconds + " s: " + e.getMessage(), e);
                }
            }
        }
    }

    static void await(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> failure) {
        Conditions.await(condition, Duration.ofSeconds(seconds), failure);
    }

    @Override
    public void close() throws IOException {
        for (PrecinctNode node : nodes.values()) {
            node.close();
        }
        nodes.clear();
        loopback.close();
    }
}
