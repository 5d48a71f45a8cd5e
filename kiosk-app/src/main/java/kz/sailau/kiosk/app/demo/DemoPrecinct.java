package kz.sailau.kiosk.app.demo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.sailau.kiosk.cli.CliException;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import kz.sailau.kiosk.precinct.loopback.NodeConsoleProcess;

/**
 * {@code demo --precinct}: the demo kiosk as {@code kiosk-1} of a three-node precinct network on loopback addresses
 * (127.0.0.180 and up), with real TLS and Raft: {@code kiosk-2} and the ballot desk {@code desk-1} run as their own
 * JVMs ({@code node run}, {@link NodeConsoleProcess}), this kiosk's node in the demo's JVM. DEMO authority and node
 * keys are made on the spot, as {@code simulate} makes them. The demo panel cuts this kiosk off and reconnects it
 * through the fault-injecting proxies ({@link LoopbackPrecinct#isolate}), so that anyone can watch the cut-off
 * screen and the clerk console's network line.
 */
final class DemoPrecinct implements AutoCloseable {

    /** The DEMO passphrase of the demo's node keys (test-grade Argon2id; synthetic data only). */
    static final String PASSPHRASE = "DEMO-only node passphrase";
    /** This kiosk's node. */
    static final NodeName SELF = new NodeName("kiosk-1");
    private static final int ADDRESS_BASE = 180;

    private final LoopbackPrecinct loopback;
    private final List<NodeConsoleProcess> others;
    private final PrecinctNode node;
    private volatile boolean cutOff;

    private DemoPrecinct(LoopbackPrecinct loopback, List<NodeConsoleProcess> others, PrecinctNode node) {
        this.loopback = loopback;
        this.others = others;
        this.node = node;
    }

    /**
     * Makes the DEMO precinct under {@code root} (wiped with the demo directory), starts the other two nodes' JVMs
     * from the running jar and this kiosk's node.
     *
     * @throws CliException {@code demo.error.notAJar} when the program does not run from its jar
     */
    static DemoPrecinct start(Path root, PrecinctId precinct, Clock clock, SecureRandom random) throws IOException {
        Path jar = runningJar();
        LoopbackPrecinct loopback = new LoopbackPrecinct(root, precinct, AuthorityCredentials.generate(
                "DEMO precinct authority", clock, Duration.ofDays(2), random), PASSPHRASE.toCharArray(), ADDRESS_BASE,
                random, clock);
        List<NodeConsoleProcess> others = new ArrayList<>();
        try {
            LoopbackPrecinct.Machine self = loopback.add(SELF.value(), NodeRole.KIOSK);
            loopback.add("kiosk-2", NodeRole.KIOSK);
            loopback.add("desk-1", NodeRole.BALLOT_DESK);
            loopback.writeSettings(List.copyOf(loopback.machines().keySet()));
            for (LoopbackPrecinct.Machine machine : loopback.machines().values()) {
                if (!machine.equals(self)) {
                    others.add(loopback.start(jar, machine));
                }
            }
            Path directory = self.directory();
            PrecinctNodeSettings settings = PrecinctNodeSettings.read(directory.resolve(PrecinctNodeSettings.FILE),
                    directory.resolve("ledger"));
            Files.createDirectories(settings.dataDirectory());
            PrecinctNode node = PrecinctNode.start(settings, NodeCredentials.unlock(directory,
                    PASSPHRASE.toCharArray()), NodeCredentials.authorityOf(directory), random);
            return new DemoPrecinct(loopback, others, node);
        } catch (IOException | RuntimeException e) {
            for (NodeConsoleProcess other : others) {
                other.close();
            }
            loopback.close();
            throw e;
        }
    }

    /** This kiosk's running node. */
    PrecinctNode node() {
        return node;
    }

    /**
     * Waits until this kiosk's node reaches the majority and knows the leader (the other JVMs take a few seconds to
     * start), so that the first demo voter is not sent to the cut-off screen.
     *
     * @return whether it did within {@code limit}
     */
    boolean awaitMajority(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!node.networkState().withMajority()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Cuts every link between this kiosk and the other two machines, both ways, or heals them. */
    void cutOff(boolean cut) {
        LoopbackPrecinct.Machine self = loopback.machine(SELF);
        if (cut) {
            loopback.isolate(self);
        } else {
            loopback.heal(self);
        }
        cutOff = cut;
    }

    /** Whether the demo panel cut this kiosk off. */
    boolean isCutOff() {
        return cutOff;
    }

    /** Stops this kiosk's node and the other nodes' JVMs, and the proxies. */
    @Override
    public void close() throws IOException {
        try {
            node.close();
        } finally {
            for (NodeConsoleProcess other : others) {
                other.close();
            }
            loopback.close();
        }
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(DemoPrecinct.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not a jar: refused below
        }
        throw new CliException("demo.error.notAJar", "demo --precinct runs the other nodes from the packaged "
                + "jar; run it with java -jar sailau-kiosk.jar");
    }
}
