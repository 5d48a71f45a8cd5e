package kz.sailau.kiosk.app.simulate;

import kz.sailau.kiosk.app.demo.DemoData;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.precinct.PrecinctBundleVerifier;
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
 * through the proxies, one fault at a time: the next fault waits until the whole precinct has formed again; with
 * {@code --min-faults N} the visits wait for the faults so that at least N are spread over the day. With
 * {@code --spare} the last kiosk dies for good a third of the way through; the administrator withdraws it and admits
 * a spare kiosk certified by the authority, which catches up from a snapshot while the other kiosks go on checking
 * voters in, then takes the dead kiosk's place; the withdrawn machine, started again, is refused by its peers. At the
 * end it checks the history, closes the day on every node (the seal, then each node's signed bundle in
 * {@code DATA/precinct-bundle}) and verifies the bundles with the one verifier ({@code bundle verify --precinct});
 * it prints the reconciliation, {@code double check-ins: N} and the verifier's verdict; exit 0 only if all hold.
 */
final class PrecinctSimulation {

    /**
     * What to simulate.
     *
     * @param kiosks    kiosks (2..6)
     * @param visits    visits
     * @param seed      seed of every choice
     * @param faults    kill nodes and cut links
     * @param minFaults at least this many faults (0: as many as the visits leave time for)
     * @param spare     replace a dead kiosk with a spare mid-day
     */
    record Plan(int kiosks, int visits, long seed, boolean faults, int minFaults, boolean spare) {
    }

    /** The precinct bundle directory inside the data directory. */
    static final String BUNDLE_DIRECTORY = "precinct-bundle";

    private static final HexFormat HEX = HexFormat.of();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final Duration RETRY_LIMIT = Duration.ofSeconds(60);
    private static final Pattern WITHDRAWN_REFUSALS = Pattern.compile("node\\.refused\\.withdrawn=(\\d+)");

    private final int kiosks;
    private final int visits;
    private final long seed;
    private final boolean faults;
    private final Plan plan;
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
    /** The voting members now (the spare replaces the dead kiosk). */
    private final List<NodeName> members = new CopyOnWriteArrayList<>();
    /** The kiosks that take visits now, slot by slot. */
    private final List<NodeName> rotation = new CopyOnWriteArrayList<>();
    /** One fault or one replacement at a time. */
    private final Semaphore disturbance = new Semaphore(1);
    private volatile boolean replacing;
    private final List<Double> rejoinSeconds = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> healSeconds = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> failoverSeconds = Collections.synchronizedList(new ArrayList<>());
    private final List<String> spareReport = Collections.synchronizedList(new ArrayList<>());
    private LoopbackPrecinct precinct;
    private LoopbackPrecinct.Machine spareMachine;
    private List<NodeName> membersAtStart;
    private Path jar;

    private PrecinctSimulation(Plan plan, Path data, CliEnvironment environment) {
        this.plan = plan;
        this.kiosks = plan.kiosks();
        this.visits = plan.visits();
        this.seed = plan.seed();
        this.faults = plan.faults();
        this.data = data;
        this.environment = environment;
        this.out = environment.out();
    }

    /** Runs the simulation; returns the exit code. */
    static int run(Plan plan, Path data, CliEnvironment environment) throws Exception {
        return new PrecinctSimulation(plan, data, environment).run();
    }

    private int run() throws Exception {
        jar = runningJar();
        wipe(data);
        precinct = new LoopbackPrecinct(data, PRECINCT, AuthorityCredentials.generate(
                "Central Election Commission (DEMO)", environment.clock(), Duration.ofDays(2), environment.random()),
                "DEMO node passphrase".toCharArray(), 100, environment.random(), environment.clock());
        for (int k = 1; k <= kiosks; k++) {
            members.add(precinct.add("kiosk-" + k, NodeRole.KIOSK).name());
        }
        rotation.addAll(members);
        NodeName desk = precinct.add("desk-1", NodeRole.BALLOT_DESK).name();
        members.add(desk);
        membersAtStart = List.copyOf(members);
        if (plan.spare()) {
            // Certified before the day like any spare kit, but no member: it joins only when admitted.
            spareMachine = precinct.add("kiosk-" + (kiosks + 1), NodeRole.KIOSK);
            nodeLocks.put(spareMachine.name(), new Object());
        }
        precinct.writeSettings(membersAtStart);
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
        // Starting JVMs is what a busy machine slows most: every member has twice the retry limit from the start to
        // reach the majority (a member that never does is a violation; the wait ends as soon as all have).
        long ready = start + RETRY_LIMIT.toNanos() * 2;
        for (NodeName name : members) {
            awaitMajority(name, ready);
        }
        out.printf(Locale.ROOT, "simulate: precinct of %d kiosks and a ballot desk ready in %.1f s; %d visits, seed %d%s%s%n",
                kiosks, (System.nanoTime() - start) / 1e9, visits, seed, faults ? ", with cluster faults" : "",
                plan.spare() ? ", a spare kiosk" : "");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread faulter = new Thread(() -> injectFaults(running), "cluster-faults");
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
        int code = check(seconds);
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
        Thread replacement = null;
        try {
            while (done < visits) {
                if (plan.spare() && replacement == null && done >= visits / 3) {
                    replacement = replaceTheLastKiosk(done);
                }
                if (replacement != null && done >= 2 * visits / 3) {
                    replacement.join();   // the last third of the day: the spare takes its share
                }
                keepPaceWithTheFaults(done);
                List<Future<?>> step = new ArrayList<>();
                byte[] raced = random.nextInt(10) == 0 ? pool.get(random.nextInt(pool.size())) : null;
                List<NodeName> slots = List.copyOf(rotation);
                for (int k = 1; k <= kiosks && done < visits; k++, done++) {
                    byte[] voter = raced != null && k <= 2 ? raced : pool.get(random.nextInt(pool.size()));
                    // A slot whose kiosk is dead and not yet replaced sends its voter to the next kiosk.
                    NodeName kiosk = slots.get((k - 1) % slots.size());
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
            if (replacement != null) {
                replacement.join();
            }
            keepPaceWithTheFaults(visits);
        } finally {
            kioskThreads.shutdownNow();
        }
    }

    /**
     * With {@code --min-faults}: waits until the faults injected keep pace with the visits done (at least
     * minFaults × done / visits), so that they spread over the whole day; gives up after a quiet spell.
     */
    private void keepPaceWithTheFaults(int done) {
        if (!faults || plan.minFaults() == 0) {
            return;
        }
        long wanted = (long) plan.minFaults() * done / visits;
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos() * 2;
        // While the spare is being brought in there are no faults: the visits go on meanwhile.
        while (kills.get() + partitions.get() < wanted && System.nanoTime() < deadline && !replacing) {
            pause(50);
        }
    }

    /**
     * Between two steps (no visit in flight at it): the last kiosk dies for good and leaves the rotation (its voters
     * go to the other kiosks); a thread then does what the administrator does, while check-ins go on: withdraw the
     * dead kiosk, admit the spare, start it, wait until it caught up, and put it in the dead kiosk's slot. Then the
     * dead machine is started again to show that its certificate is refused. No cluster fault meanwhile.
     */
    private Thread replaceTheLastKiosk(int done) throws InterruptedException {
        disturbance.acquire();
        replacing = true;
        NodeName dead = new NodeName("kiosk-" + kiosks);
        int slot = rotation.indexOf(dead);
        NodeConsoleProcess process;
        synchronized (nodeLocks.get(dead)) {
            process = nodes.remove(dead);
        }
        rotation.remove(dead);
        members.remove(dead);
        if (process != null) {
            process.kill();
        }
        long killed = System.nanoTime();
        out.printf(Locale.ROOT, "simulate: %s died for good after %d visits; the administrator replaces it%n", dead,
                done);
        Thread thread = new Thread(() -> {
            try {
                admitTheSpare(dead, slot, killed);
            } catch (RuntimeException | IOException e) {
                violations.add("the spare did not replace " + dead + ": " + e);
            } finally {
                replacing = false;
                disturbance.release();
            }
        }, "spare-kiosk");
        thread.start();
        return thread;
    }

    private void admitTheSpare(NodeName dead, int slot, long killed) throws IOException {
        NodeName administrator = new NodeName("kiosk-1");
        NodeName spare = spareMachine.name();
        expect(untilAnswered(administrator, "withdraw " + dead), "withdraw ACCEPTED");
        expect(untilAnswered(administrator, "admit " + precinct.certificate(spareMachine)), "admit ACCEPTED");
        double admitted = (System.nanoTime() - killed) / 1e9;
        long started = System.nanoTime();
        restart(spare, spareMachine);
        members.add(spare);
        // Caught up: a member with the majority, holding at least every check-in committed before it started.
        long before = parse(ask(administrator, "counts")).getOrDefault("checkedIn", 0L);
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String state = ask(spare, "state");
            Map<String, Long> counts = parse(ask(spare, "counts"));
            if (state != null && state.contains(" majority") && !state.contains("learner")
                    && counts.getOrDefault("checkedIn", -1L) >= before) {
                break;
            }
            pause(100);
        }
        double caughtUp = (System.nanoTime() - started) / 1e9;
        rotation.add(Math.min(slot, rotation.size()), spare);
        spareReport.add(String.format(Locale.ROOT, "spare: %s replaced %s: withdrawn and admitted %.1f s after the "
                + "death, started and caught up in %.1f s (%d check-ins to catch up) while check-ins went on",
                spare, dead, admitted, caughtUp, before));
        refuseTheWithdrawn(dead);
    }

    /** Starts the withdrawn machine again: its peers must refuse its certificate. */
    private void refuseTheWithdrawn(NodeName dead) {
        NodeConsoleProcess ghost = null;
        try {
            ghost = precinct.start(jar, precinct.machine(dead));
        } catch (IOException | IllegalStateException e) {
            // A node that cannot join at all is refused too; the peers' counters say why.
        }
        long refused = 0;
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (refused == 0 && System.nanoTime() < deadline) {
            for (NodeName member : members) {
                String line = ask(member, "refusals");
                Matcher matcher = line == null ? null : WITHDRAWN_REFUSALS.matcher(line);
                if (matcher != null && matcher.find()) {
                    refused += Long.parseLong(matcher.group(1));
                }
            }
            pause(200);
        }
        String state = ghost == null ? "not started" : safeAsk(ghost, "state");
        if (ghost != null) {
            ghost.kill();
        }
        if (refused == 0 || state.contains(" majority")) {
            violations.add("the withdrawn " + dead + " was not refused (" + state + ")");
        }
        spareReport.add("spare: the withdrawn " + dead + ", started again, was refused by its peers "
                + "(node.refused.withdrawn=" + refused + "; its own state: " + state + ")");
    }

    private static String safeAsk(NodeConsoleProcess node, String request) {
        try {
            return node.ask(request);
        } catch (IOException | IllegalStateException e) {
            return "no answer";
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

    private void injectFaults(AtomicBoolean running) {
        Random random = new Random(seed + 1);
        while (running.get()) {
            pause(300 + random.nextInt(900));
            if (!running.get()) {
                return;
            }
            try {
                disturbance.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                injectOneFault(random);
            } finally {
                disturbance.release();
            }
        }
    }

    /** A partition (7 in 10) or a kill; then waits until the whole precinct has formed again, and times it. */
    private void injectOneFault(Random random) {
        List<NodeName> now = List.copyOf(members);
        NodeName victim = now.get(random.nextInt(now.size()));
        LoopbackPrecinct.Machine machine = precinct.machine(victim);
        if (random.nextInt(10) < 7) {
            precinct.isolate(machine);
            partitions.incrementAndGet();
            pause(1000 + random.nextInt(2000));
            precinct.heal(machine);
            long healed = System.nanoTime();
            if (awaitWholePrecinct()) {
                healSeconds.add((System.nanoTime() - healed) / 1e9);
            }
            return;
        }
        NodeName witness = now.stream().filter(n -> !n.equals(victim)).findFirst().orElseThrow();
        String before = ask(witness, "state");
        boolean leader = before != null && before.contains(" leader=" + victim + " ");
        NodeConsoleProcess dead;
        synchronized (nodeLocks.get(victim)) {
            dead = nodes.remove(victim);
        }
        if (dead != null) {
            dead.kill();
            kills.incrementAndGet();
        }
        long killed = System.nanoTime();
        if (leader) {
            awaitNewLeader(witness, victim, killed);
        }
        pause(500 + random.nextInt(1500));
        long restarted = System.nanoTime();
        restart(victim, machine);
        if (awaitWholePrecinct()) {
            rejoinSeconds.add((System.nanoTime() - restarted) / 1e9);
        }
    }

    /** After the leader died: the time until a survivor follows another leader with the majority. */
    private void awaitNewLeader(NodeName witness, NodeName dead, long killed) {
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String state = ask(witness, "state");
            if (state != null && state.contains(" majority") && !state.contains(" leader=" + dead + " ")
                    && !state.contains(" leader=- ")) {
                failoverSeconds.add((System.nanoTime() - killed) / 1e9);
                return;
            }
            pause(50);
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

    /** Waits until every member reaches every other with the majority; false (and a violation) after the limit. */
    private boolean awaitWholePrecinct() {
        List<NodeName> now = List.copyOf(members);
        long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean whole = true;
            for (NodeName name : now) {
                String state = ask(name, "state");
                whole &= state != null && state.contains(" reachable=" + now.size() + " majority");
            }
            if (whole) {
                return true;
            }
            pause(100);
        }
        violations.add("the precinct did not form again within " + RETRY_LIMIT.toSeconds() + " s after a fault");
        return false;
    }

    private int check(double seconds) throws IOException {
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
        // The end of the day on every node: the last snapshot, then its signed bundle.
        Path bundles = data.resolve(BUNDLE_DIRECTORY);
        Files.createDirectories(bundles);
        for (NodeName name : members) {
            String closed = ask(name, "close " + bundles);
            if (closed == null || !closed.startsWith("close ")) {
                violations.add(name + " did not close the day: " + closed);
            }
        }
        Files.write(data.resolve(NodeCredentials.AUTHORITY_FILE), Pem.certificate(precinct.authority().certificate()));
        PrecinctBundleVerifier.Result verdict = PrecinctBundleVerifier.verify(PrecinctBundleVerifier.read(bundles),
                precinct.authority().certificate());
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
        if (faults) {
            out.println("faults: " + timing("leader failover", failoverSeconds) + "; "
                    + timing("rejoin after a kill", rejoinSeconds) + "; "
                    + timing("whole again after a healed partition", healSeconds));
        }
        spareReport.forEach(out::println);
        out.println("lost acknowledged check-ins: " + lost);
        out.println("double check-ins: " + doubles);
        for (String violation : violations) {
            out.println("violation: " + violation);
        }
        // The simulated kiosks are node consoles without a kiosk's own audit log: what is verified here is the nodes'
        // signed ledgers, and the command on this directory would also say every kiosk's own day bundle is missing.
        out.println("the nodes' signed ledgers in " + bundles + " (the simulated kiosks keep no day bundle of their "
                + "own, so 'bundle verify --precinct' on this directory also reports each of those missing), against "
                + data.resolve(NodeCredentials.AUTHORITY_FILE) + ":");
        verdict.checks().stream().filter(c -> !c.passed())
                .forEach(c -> out.println("FAILED\t" + c.name() + "\t" + c.message()));
        out.println(verdict.verdict());
        return doubles == 0 && lost == 0 && violations.isEmpty() && verdict.passed() ? 0
                : SimulateCommand.NOT_RECONCILED;
    }

    /** {@code WHAT p50 A s, max B s (n N)} of a list of seconds. */
    private static String timing(String what, List<Double> seconds) {
        List<Double> sorted;
        synchronized (seconds) {
            sorted = new ArrayList<>(seconds);
        }
        if (sorted.isEmpty()) {
            return what + ": none";
        }
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%s p50 %.1f s, max %.1f s (n %d)", what, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
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

    private void awaitMajority(NodeName name, long deadline) {
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

    /** Wipes a directory {@link DemoData#checkWipeable} allows and marks it as the simulation's, for the next run. */
    private static void wipe(Path directory) throws IOException {
        DemoData.checkWipeable(directory);
        if (Files.exists(directory)) {
            try (var walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(DemoData.MARKER), "Sailau simulation data: generated, safe to delete.\n");
    }
}
