package kz.sailau.bench.precinct;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.PrecinctOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The replicated conditional check-in of a precinct network (decision 0170) on loopback: three kiosk nodes in this
 * JVM, each on its own loopback address, real TCP, mutual TLS 1.3 and JGroups Raft with the nodes' durable logs,
 * keys and certificates generated for the benchmark (TEST only, never an election's).
 *
 * <ul>
 *   <li>{@link #oneKiosk}: one kiosk at a time checks voters in, through a node that is not the leader (the usual
 *       case for two kiosks of three): the latency of one check-in, with its p95 in sample mode.</li>
 *   <li>{@link #threeKiosks}: the three kiosks check different voters in at once, each through its own node: the
 *       throughput of the precinct.</li>
 * </ul>
 * Each check-in is a new voter index (random 32 bytes), so every command is an accepted insert, the work a
 * check-in does; the ledger grows by every operation of the run (tens of thousands of voters, more than a
 * precinct has).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplicatedCheckInBenchmark {

    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final List<String> NAMES = List.of("kiosk-1", "kiosk-2", "kiosk-3");

    private final SecureRandom random = new SecureRandom();
    private final List<PrecinctNode> nodes = new ArrayList<>();
    private final AtomicInteger threadsSeen = new AtomicInteger();
    private Path root;
    private PrecinctNode follower;

    @Setup
    public void startThePrecinct() throws Exception {
        root = Files.createTempDirectory("sailau-bench-precinct");
        AuthorityCredentials authority = AuthorityCredentials.generate("TEST-ONLY bench authority",
                Clock.systemUTC(), Duration.ofDays(1), random);
        Map<NodeName, InetSocketAddress> peers = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            InetAddress address = InetAddress.getByName("127.0.0." + (90 + i));
            try (ServerSocket probe = new ServerSocket(0, 1, address)) {
                peers.put(new NodeName(NAMES.get(i)), new InetSocketAddress(address, probe.getLocalPort()));
            }
        }
        for (String name : NAMES) {
            NodeName node = new NodeName(name);
            NodeCredentials key = NodeCredentials.generate(node, NodeRole.KIOSK, PRECINCT, random);
            X509Certificate certificate = NodeCertificates.certify(authority, key.certificationRequest(), PRECINCT,
                    Clock.systemUTC(), Duration.ofDays(1), random);
            nodes.add(PrecinctNode.start(new PrecinctNodeSettings(node, peers.get(node), peers.get(node), peers,
                    List.copyOf(peers.keySet()), root.resolve(name), Duration.ofSeconds(5)),
                    key.withCertificate(certificate, authority.certificate()), authority.certificate(), random));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!nodes.stream().allMatch(n -> n.networkState().withMajority())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the three nodes formed no majority within 60 s");
            }
            Thread.sleep(50);
        }
        follower = nodes.stream().filter(n -> !n.name().equals(n.networkState().leader().orElse(null)))
                .findFirst().orElseThrow();
        // The first commands open the TLS sessions and warm the leader's log.
        for (int i = 0; i < 20; i++) {
            checkInThrough(follower);
        }
    }

    @TearDown
    public void stopThePrecinct() throws IOException {
        nodes.forEach(PrecinctNode::close);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Which node a benchmark thread checks voters in through: one per thread, as one kiosk per node. */
    @State(Scope.Thread)
    public static class Kiosk {
        PrecinctNode node;

        @Setup
        public void chooseNode(ReplicatedCheckInBenchmark precinct) {
            node = precinct.nodes.get(precinct.threadsSeen.getAndIncrement() % precinct.nodes.size());
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
    public PrecinctOutcome oneKiosk() {
        return checkInThrough(follower);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(3)
    public PrecinctOutcome threeKiosks(Kiosk kiosk) {
        return checkInThrough(kiosk.node);
    }

    private PrecinctOutcome checkInThrough(PrecinctNode node) {
        byte[] voterIndex = new byte[32];
        random.nextBytes(voterIndex);
        PrecinctOutcome outcome = node.checkIn(voterIndex, 1);
        if (outcome != PrecinctOutcome.ACCEPTED) {
            throw new IllegalStateException("a new voter was not accepted: " + outcome);
        }
        return outcome;
    }
}
