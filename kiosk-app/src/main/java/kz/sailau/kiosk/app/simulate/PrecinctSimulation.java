package kz.sailau.kiosk.app.simulate;

import kz.sailau.kiosk.cli.CliException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.precinct.loopback.NodeConsoleProcess;

/**
 * {@code simulate --kiosks N}: a precinct of N kiosks and a ballot desk, each its own JVM running this jar's
 * {@code node run} on loopback with the real replication and mutual TLS (DEMO keys made here), driven at all kiosks
 * at once: every step gives each kiosk a visit, sometimes the same voter at two kiosks at the same moment, and some
 * voters come back later. A check-in that gets no answer is retried with the same command id until it is answered
 * (a kiosk that cannot reach the majority keeps the voter waiting, as its screen tells the clerk). With
 * {@code --cluster-faults} a fault thread kills nodes with SIGKILL and restarts them, and cuts and heals links
 * through the proxies, one fault at a time: the next fault waits until the whole precinct has formed again. At the end it checks the history and prints the reconciliation and
 * {@code double check-ins: N}; exit 0 only if the history holds.
 */
final class PrecinctSimulation {

    private static final HexFormat HEX = HexFormat.of();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final Duration RETRY_LIMIT = Duration.ofSeconds(60);

    private final int kiosks;
    private final int visits;
    private final long seed;
    private final boolean faults;
    private final Path data;
    private final CliEnvironment environment;
    private final PrintStream out;
    private final Map<NodeName, NodeConsoleProcess> nodes = new ConcurrentHashMap<>();
    private final Map<NodeName, Object> nodeLocks = new ConcurrentHashMap<>();
    private final List<Double> checkInMillis = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> issued = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger partitions = new AtomicInteger();
    private final AtomicInteger alreadyCheckedIn = new AtomicInteger();
    private final AtomicInteger voided = new AtomicInteger();
    private final AtomicInteger redeemed = new AtomicInteger();
    private LoopbackPrecinct precinct;
    private Path jar;

    private PrecinctSimulation(int kiosks, int visits, long seed, boolean faults, Path data,
                               CliEnvironment environment) {
        this.kiosks = kiosks;
        this.visits = visits;
        this.seed = seed;
        this.faults = faults;
        this.data = data;
        this.environment = environment;
        this.out = environment.out();
    }

    /** Runs the simulation; returns the exit code. */
    static int run(int kiosks, int visits, long seed, boolean faults, Path data, CliEnvironment environment)
            throws Exception {
        return new PrecinctSimulation(kiosks, visits, seed, faults, data, environment).run();
    }

    private int run() throws Exception {
        jar = runningJar();
        wipe(data);
        precinct = new LoopbackPrecinct(data, PRECINCT, AuthorityCredentials.generate(
                "Central Election Commission (DEMO)", environment.clock(), Duration.ofDays(2), environment.random()),
                "DEMO node passphrase".toCharArray(), 100, environment.random(), environment.clock());
        List<NodeName> members = new ArrayList<>();
        for (int k = 1; k <= kiosks; k++) {
            members.add(precinct.add("kiosk-" + k, NodeRole.KIOSK).name());
        }
        NodeName desk = precinct.add("desk-1", NodeRole.BALLOT_DESK).name();
        members.add(desk);
        precinct.writeSettings(members);
        long start = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (NodeName name : members) {
                nodeLocks.put(name, new Object());
                started.add(starter.submit(() -> {
                    nodes.put(name, precinct.start(jar, precinct.machine(name)));
                    return null;
                }));
            }
            for (Future<?> future : started) {
                future.get();
            }
        } finally {
            starter.shutdownNow();
        }
        for (NodeName name : members) {
            awaitMajority(name);
        }
        out.printf(Locale.ROOT, "simulate: precinct of %d kiosks and a ballot desk ready in %.1f s; %d visits, seed %d%s%n",
                kiosks, (System.nanoTime() - start) / 1e9, visits, seed, faults ? ", with cluster faults" : "");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread faulter = new Thread(() -> injectFaults(running, members), "cluster-faults");
        if (faults) {
            faulter.start();
        }
        long runStart = System.nanoTime();
        try {
            drive(desk);
        } finally {
            running.set(false);
            if (faults) {
                faulter.join();
            }
        }
        double seconds = (System.nanoTime() - runStart) / 1e9;
        int code = check(members, seconds);
        for (NodeConsoleProcess node : nodes.values()) {
            node.close();
        }
        precinct.close();
        return code;
    }

    /** The plan: steps of one visit per kiosk; a few races; some voters come back. */
    private void drive(NodeName desk) throws Exception {
        Random random = new Random(seed);
        List<byte[]> pool = new ArrayList<>();
        for (int i = 0; i < Math.max(2, visits * 4 / 5); i++) {
            byte[] voter = new byte[32];
            random.nextBytes(voter);
            pool.add(voter);
        }
        ExecutorService kioskThreads = Executors.newFixedThreadPool(kiosks);
        List<String> tokensToRedeem = Collections.synchronizedList(new ArrayList<>());
        int done = 0;
        try {
            while (done < visits) {
                List<Future<?>> step = new ArrayList<>();
                byte[] raced = random.nextInt(10) == 0 ? pool.get(random.nextInt(pool.size())) : null;
                for (int k = 1; k <= kiosks && done < visits; k++, done++) {
                    byte[] voter = raced != null && k <= 2 ? raced : pool.get(random.nextInt(pool.size()));
                    NodeName kiosk = new NodeName("kiosk-" + k);
                    boolean failPrint = random.nextInt(30) == 0;
                    byte[] token = new byte[16];
                    random.nextBytes(token);
                    byte[] spare = new byte[16];
                    random.nextBytes(spare);
                    step.add(kioskThreads.submit(() -> visit(kiosk, voter, token, spare, failPrint, tokensToRedeem)));
                }
                for (Future<?> future : step) {
                    future.get();
                }
                redeemAtTheDesk(desk, tokensToRedeem, random);
            }
        } finally {
            kioskThreads.shutdownNow();
        }
    }

    private void visit(NodeName kiosk, byte[] voter, byte[] token, byte[] spare, boolean failPrint,
                       List<String> tokensToRedeem) {
        String voterHex = HEX.formatHex(voter);
        String id = newId();
        String answer = untilAnswered(kiosk, "checkin " + voterHex + " 0 " + id);
        if (answer.startsWith("checkin ACCEPTED")) {
            accepted.computeIfAbsent(voterHex, v -> new AtomicInteger()).incrementAndGet();
            checkInMillis.add(Double.parseDouble(answer.split(" ")[2]));
            String tokenHex = issue(kiosk, token);
            if (failPrint) {
                expect(untilAnswered(kiosk, "void " + tokenHex + " " + newId()), "void ACCEPTED");
                issued.put(tokenHex, false);
                voided.incrementAndGet();
                tokenHex = issue(kiosk, spare);
            }
            tokensToRedeem.add(tokenHex);
        } else if (answer.startsWith("checkin ALREADY_CHECKED_IN")) {
            alreadyCheckedIn.incrementAndGet();
        } else {
            violations.add("a check-in was answered " + answer);
        }
    }

    private String issue(NodeName kiosk, byte[] token) {
        String tokenHex = HEX.formatHex(token);
        expect(untilAnswered(kiosk, "issue " + tokenHex + " " + newId()), "issue ACCEPTED");
        issued.put(tokenHex, true);
        return tokenHex;
    }

    private void redeemAtTheDesk(NodeName desk, List<String> tokensToRedeem, Random random) {
        List<String> batch;
        synchronized (tokensToRedeem) {
            batch = new ArrayList<>(tokensToRedeem);
            tokensToRedeem.clear();
        }
        for (String token : batch) {
            expect(untilAnswered(desk, "redeem " + token + " scanned " + newId()), "redeem ACCEPTED");
            redeemed.incrementAndGet();
            if (random.nextInt(20) == 0) {
                expect(untilAnswered(desk, "redeem " + token + " typed " + newId()), "redeem ALREADY_REDEEMED");
            }
        }
        if (random.nextInt(10) == 0) {
            byte[] forged = new byte[16];
            random.nextBytes(forged);
            expect(untilAnswered(desk, "redeem " + HEX.formatHex(forged) + " typed " + newId()),
                    "redeem UNKNOWN_TOKEN");
        }
    }

    private void expect(String answer, String wanted) {
        if (!answer.startsWith(wanted + " ")) {
            violations.add("expected " + wanted + ", got " + answer);
        }
    }

    /** Sends a request (with its fixed command id) until a node answers with an outcome other than UNAVAILABLE. */
    private String untilAnswered(NodeName name, String request) {
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String answer = ask(name, request);
            if (answer != null && !answer.contains(" UNAVAILABLE ")) {
                return answer;
            }
            pause(200);
        }
        return "UNANSWERED " + request.split(" ")[0];
    }

    private String ask(NodeName name, String request) {
        synchronized (nodeLocks.get(name)) {
            NodeConsoleProcess node = nodes.get(name);
            if (node == null || !node.alive()) {
                return null;
            }
            try {
                return node.ask(request);
            } catch (IOException | IllegalStateException e) {
                return null;
            }
        }
    }

    private void injectFaults(AtomicBoolean running, List<NodeName> members) {
        Random random = new Random(seed + 1);
        while (running.get()) {
            pause(300 + random.nextInt(900));
            if (!running.get()) {
                return;
            }
            NodeName victim = members.get(random.nextInt(members.size()));
            LoopbackPrecinct.Machine machine = precinct.machine(victim);
            if (random.nextInt(10) < 7) {
                precinct.isolate(machine);
                partitions.incrementAndGet();
                pause(1000 + random.nextInt(2000));
                precinct.heal(machine);
            } else {
                NodeConsoleProcess dead;
                synchronized (nodeLocks.get(victim)) {
                    dead = nodes.remove(victim);
                }
                if (dead != null) {
                    dead.kill();
                    kills.incrementAndGet();
                }
                pause(500 + random.nextInt(1500));
                restart(victim, machine);
            }
            // One fault at a time: the next comes only once the whole precinct has formed again.
            awaitWholePrecinct(members);
        }
    }

    /** Restarts a killed node; a start that fails on a loaded machine (a JVM that exits at once) is tried again. */
    private void restart(NodeName victim, LoopbackPrecinct.Machine machine) {
        String failure = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                nodes.put(victim, precinct.start(jar, machine));
                return;
            } catch (IOException | IllegalStateException e) {
                failure = e.getMessage();
                pause(1000);
            }
        }
        violations.add("node " + victim + " did not restart: " + failure);
    }

    private void awaitWholePrecinct(List<NodeName> members) {
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean whole = true;
            for (NodeName name : members) {
                String state = ask(name, "state");
                whole &= state != null && state.contains(" reachable=" + members.size() + " majority");
            }
            if (whole) {
                return;
            }
            pause(200);
        }
        violations.add("the precinct did not form again within " + RETRY_LIMIT.toSeconds() + " s after a fault");
    }

    private int check(List<NodeName> members, double seconds) {
        NodeName first = members.get(0);
        expect(untilAnswered(first, "seal " + newId()), "seal ACCEPTED");
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        Map<NodeName, String> counts = new LinkedHashMap<>();
        do {
            counts.clear();
            for (NodeName name : members) {
                counts.put(name, ask(name, "counts"));
            }
            if (counts.values().stream().distinct().count() == 1 && counts.get(first) != null
                    && counts.get(first).endsWith(" seals=1")) {
                break;
            }
            pause(200);
        } while (System.nanoTime() < deadline);
        if (counts.values().stream().distinct().count() != 1) {
            Map<NodeName, String> states = new LinkedHashMap<>();
            for (NodeName name : members) {
                states.put(name, ask(name, "state"));
            }
            violations.add("the nodes did not converge: " + counts + "; " + states);
        }
        for (NodeName name : members) {
            ask(name, "snapshot");
        }
        Map<String, Long> ledger = parse(counts.get(first));
        long doubles = accepted.values().stream().filter(n -> n.get() > 1).count();
        long acknowledged = accepted.size();
        long lost = 0;
        for (String voter : accepted.keySet()) {
            for (NodeName name : members) {
                if (!"checked yes".equals(ask(name, "checked " + voter))) {
                    lost++;
                }
            }
        }
        long validTokens = issued.values().stream().filter(valid -> valid).count();
        if (ledger.getOrDefault("checkedIn", -1L) != acknowledged) {
            violations.add("the ledger holds " + ledger.get("checkedIn") + " check-ins, " + acknowledged
                    + " were acknowledged");
        }
        if (ledger.getOrDefault("issued", -1L) - ledger.getOrDefault("voided", -1L) != acknowledged
                || validTokens != acknowledged) {
            violations.add("tokens issued - voided != check-ins");
        }
        if (ledger.getOrDefault("redeemed", -1L) != redeemed.get()) {
            violations.add("the ledger holds " + ledger.get("redeemed") + " redemptions, the desk was told "
                    + redeemed.get());
        }
        List<Double> sorted = new ArrayList<>(checkInMillis);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        double p95 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.95)));
        out.printf(Locale.ROOT, "simulate: %d visits in %.1f s: %d check-ins, %d already checked in; %d faults "
                + "(%d kills, %d partitions)%n", visits, seconds, acknowledged, alreadyCheckedIn.get(),
                kills.get() + partitions.get(), kills.get(), partitions.get());
        out.printf(Locale.ROOT, "simulate: replicated check-in latency p50 %.1f ms, p95 %.1f ms; %.1f check-ins/s%n",
                p50, p95, acknowledged / seconds);
        out.printf(Locale.ROOT, "reconciliation: check-ins %d = tokens issued %d - voided %d; redeemed %d of %d "
                + "valid; every node: %s%n", ledger.getOrDefault("checkedIn", -1L), ledger.getOrDefault("issued", -1L),
                ledger.getOrDefault("voided", -1L), ledger.getOrDefault("redeemed", -1L), validTokens,
                counts.get(first));
        out.println("lost acknowledged check-ins: " + lost);
        out.println("double check-ins: " + doubles);
        for (String violation : violations) {
            out.println("violation: " + violation);
        }
        return doubles == 0 && lost == 0 && violations.isEmpty() ? 0 : SimulateCommand.NOT_RECONCILED;
    }

    private static Map<String, Long> parse(String counts) {
        Map<String, Long> values = new HashMap<>();
        if (counts != null) {
            for (String pair : counts.replaceFirst("^counts ", "").split(" ")) {
                String[] kv = pair.split("=");
                if (kv.length == 2) {
                    values.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        }
        return values;
    }

    private void awaitMajority(NodeName name) {
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String state = ask(name, "state");
            if (state != null && state.contains(" majority")) {
                return;
            }
            pause(100);
        }
        violations.add(name + " never reached the majority");
    }

    private String newId() {
        byte[] id = new byte[16];
        environment.random().nextBytes(id);
        return HEX.formatHex(id);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path runningJar() throws URISyntaxException {
        Path location = Path.of(PrecinctSimulation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(location)) {
            throw new CliException("simulate.error.notAJar", "simulate --kiosks runs each node "
                    + "from the packaged jar; run it with java -jar sailau-kiosk.jar");
        }
        return location;
    }

    private static void wipe(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
    }
}
