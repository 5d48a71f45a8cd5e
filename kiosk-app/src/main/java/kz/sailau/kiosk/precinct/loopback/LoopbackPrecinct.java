package kz.sailau.kiosk.precinct.loopback;

import java.util.Collections;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;

/**
 * A precinct of machines on one computer's loopback, for the simulation and the tests: an authority whose key is
 * generated here (DEMO/TEST only, never an election's), and for each machine a node directory with its sealed key,
 * node certificate and {@code precinct.json}. Machine i listens on its own loopback address
 * 127.0.0.(base+i) on an ephemeral port, behind a {@link FaultInjectingProxy} on 127.0.0.1 that its peers use,
 * so links can be cut per pair. Commands wait up to 10 s for the cluster (a loaded test machine is slower than a
 * kiosk; a kiosk's own setting is usually 3 s).
 */
public final class LoopbackPrecinct implements AutoCloseable {

    /** One machine: where it listens, its proxy, its directory. */
    public record Machine(NodeName name, InetSocketAddress listen, FaultInjectingProxy proxy, Path directory) {
        /** The machine's own loopback address (the source address of its connections). */
        public InetAddress address() {
            return listen.getAddress();
        }
    }

    private final Path root;
    private final PrecinctId precinct;
    private final AuthorityCredentials authority;
    private final char[] passphrase;
    private final Path passphraseFile;
    private final int addressBase;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<NodeName, Machine> machines = new LinkedHashMap<>();

    /**
     * @param root        where the node directories go
     * @param precinct    the precinct
     * @param authority   the (DEMO/TEST) authority that certifies the machines
     * @param passphrase  the node passphrase (DEMO/TEST), written to {@code root/passphrase.txt}
     * @param addressBase last octet of the first machine's loopback address (2..200)
     * @param random      keys and serials
     * @param clock       certificate validity
     * @throws IOException when the passphrase file cannot be written
     */
    public LoopbackPrecinct(Path root, PrecinctId precinct, AuthorityCredentials authority, char[] passphrase,
                            int addressBase, SecureRandom random, Clock clock) throws IOException {
        this.root = Objects.requireNonNull(root, "root");
        this.precinct = Objects.requireNonNull(precinct, "precinct");
        this.authority = Objects.requireNonNull(authority, "authority");
        this.passphrase = passphrase.clone();
        this.addressBase = addressBase;
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        Files.createDirectories(root);
        this.passphraseFile = root.resolve("passphrase.txt");
        Files.writeString(passphraseFile, new String(passphrase) + "\n", StandardCharsets.UTF_8);
    }

    /** Adds a machine certified by this precinct's authority (not yet started). */
    public Machine add(String name, NodeRole role) throws IOException {
        NodeName node = new NodeName(name);
        InetAddress address = InetAddress.getByName("127.0.0." + (addressBase + machines.size()));
        InetSocketAddress listen = new InetSocketAddress(address, freePort(address));
        Path directory = root.resolve(name);
        NodeCredentials credentials = NodeCredentials.generate(node, role, precinct, random);
        credentials.save(directory, passphrase, Argon2idParameters.TEST_ONLY, random);
        X509Certificate certificate = NodeCertificates.certify(authority,
                Files.readAllBytes(directory.resolve(NodeCredentials.REQUEST_FILE)), precinct, clock,
                Duration.ofDays(1), random);
        credentials.install(directory, certificate, authority.certificate());
        Machine machine = new Machine(node, listen, new FaultInjectingProxy(listen), directory);
        machines.put(node, machine);
        return machine;
    }

    /** The machines by name, in the order added. */
    public Map<NodeName, Machine> machines() {
        return Collections.unmodifiableMap(machines);
    }

    /** A machine by name. */
    public Machine machine(NodeName name) {
        return Objects.requireNonNull(machines.get(name), "no machine " + name);
    }

    /** The authority. */
    public AuthorityCredentials authority() {
        return authority;
    }

    /** The node passphrase file. */
    public Path passphraseFile() {
        return passphraseFile;
    }

    /** The certificate file of a machine. */
    public Path certificate(Machine machine) {
        return machine.directory().resolve(NodeCredentials.CERTIFICATE_FILE);
    }

    /** Writes every machine's {@code precinct.json}: peers are all machines (through their proxies). */
    public void writeSettings(List<NodeName> members) throws IOException {
        for (Machine machine : machines.values()) {
            writeSettings(machine, members);
        }
    }

    /** Writes one machine's {@code precinct.json} with {@code members} as the voting members at first start. */
    public void writeSettings(Machine machine, List<NodeName> members) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"name\": \"" + machine.name() + "\",\n");
        json.append("  \"listen\": \"").append(text(machine.listen())).append("\",\n");
        json.append("  \"advertise\": \"").append(text(machine.proxy().address())).append("\",\n");
        json.append("  \"peers\": {");
        List<String> peers = new ArrayList<>();
        for (Machine peer : machines.values()) {
            peers.add("\"" + peer.name() + "\": \"" + text(peer.proxy().address()) + "\"");
        }
        json.append(String.join(", ", peers)).append("},\n");
        json.append("  \"members\": [").append(String.join(", ",
                members.stream().map(m -> "\"" + m + "\"").toList())).append("],\n");
        json.append("  \"commitTimeoutMillis\": 10000\n}\n");
        Files.writeString(machine.directory().resolve(PrecinctNodeSettings.FILE), json.toString());
    }

    /** Starts a machine's node JVM from {@code jar}. */
    public NodeConsoleProcess start(Path jar, Machine machine) throws IOException {
        return NodeConsoleProcess.start(jar, machine.directory(), passphraseFile);
    }

    /** Cuts every link between {@code machine} and the others, both ways. */
    public void isolate(Machine machine) {
        for (Machine other : machines.values()) {
            if (!other.equals(machine)) {
                cut(machine, other);
            }
        }
    }

    /** Cuts the link between two machines, both ways. */
    public void cut(Machine a, Machine b) {
        b.proxy().cut(a.address());
        a.proxy().cut(b.address());
    }

    /** Heals every link of {@code machine}. */
    public void heal(Machine machine) {
        for (Machine other : machines.values()) {
            other.proxy().heal(machine.address());
            machine.proxy().heal(other.address());
        }
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        for (Machine machine : machines.values()) {
            machine.proxy().close();
        }
    }
}
