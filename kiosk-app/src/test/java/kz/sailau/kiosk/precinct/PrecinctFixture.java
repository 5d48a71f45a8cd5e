package kz.sailau.kiosk.precinct;

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
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * A precinct of test machines on loopback: a TEST-ONLY authority generated here, and for each machine a node
 * directory with its sealed key, certificate and {@code precinct.json}. Machine i listens on its own loopback
 * address 127.0.0.(20+i) on an ephemeral port, behind a {@link FaultProxy} on 127.0.0.1 that its peers use.
 */
final class PrecinctFixture implements AutoCloseable {

    static final PrecinctId PRECINCT = new PrecinctId(4711);
    static final char[] PASSPHRASE = "test-only node passphrase".toCharArray();
    static final SecureRandom RANDOM = new SecureRandom();

    final Path root;
    final AuthorityCredentials authority;
    final Path passphraseFile;
    final Map<NodeName, Machine> machines = new LinkedHashMap<>();

    /** One machine: where it listens, its proxy, its directory. */
    record Machine(NodeName name, InetSocketAddress listen, FaultProxy proxy, Path directory) {
        InetAddress address() {
            return listen.getAddress();
        }
    }

    PrecinctFixture(Path root) throws IOException {
        this.root = root;
        this.authority = AuthorityCredentials.generate("Test-only authority (DEMO)", Clock.systemUTC(),
                Duration.ofDays(2), RANDOM);
        this.passphraseFile = root.resolve("passphrase.txt");
        Files.writeString(passphraseFile, new String(PASSPHRASE) + "\n", StandardCharsets.UTF_8);
    }

    /** Adds a machine with a certified key (not yet started). */
    Machine add(String name, NodeRole role) throws IOException {
        return add(name, role, PRECINCT, authority);
    }

    /** Adds a machine certified by {@code issuer} for {@code precinct}. */
    Machine add(String name, NodeRole role, PrecinctId precinct, AuthorityCredentials issuer) throws IOException {
        NodeName node = new NodeName(name);
        InetAddress address = InetAddress.getByName("127.0.0." + (20 + machines.size()));
        InetSocketAddress listen = new InetSocketAddress(address, freePort(address));
        Path directory = root.resolve(name);
        NodeCredentials credentials = NodeCredentials.generate(node, role, precinct, RANDOM);
        credentials.save(directory, PASSPHRASE, Argon2idParameters.TEST_ONLY, RANDOM);
        X509Certificate certificate = NodeCertificates.certify(issuer,
                Files.readAllBytes(directory.resolve(NodeCredentials.REQUEST_FILE)), precinct, Clock.systemUTC(),
                Duration.ofDays(1), RANDOM);
        credentials.install(directory, certificate, authority.certificate());
        Machine machine = new Machine(node, listen, new FaultProxy(listen), directory);
        machines.put(node, machine);
        return machine;
    }

    /** The certificate file of a machine. */
    Path certificate(Machine machine) {
        return machine.directory().resolve(NodeCredentials.CERTIFICATE_FILE);
    }

    /**
     * Writes every machine's {@code precinct.json}: peers are all machines (through their proxies), the voting
     * members are {@code members}.
     */
    void writeSettings(List<NodeName> members) throws IOException {
        for (Machine machine : machines.values()) {
            writeSettings(machine, members);
        }
    }

    void writeSettings(Machine machine, List<NodeName> members) throws IOException {
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
        json.append("  \"commitTimeoutMillis\": 3000\n}\n");
        Files.writeString(machine.directory().resolve(PrecinctNodeSettings.FILE), json.toString());
    }

    /** Cuts every link between {@code machine} and the others, both ways. */
    void isolate(Machine machine) {
        for (Machine other : machines.values()) {
            if (!other.equals(machine)) {
                other.proxy().cut(machine.address());
                machine.proxy().cut(other.address());
            }
        }
    }

    /** Heals every link of {@code machine}. */
    void heal(Machine machine) {
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

    /** The key of a machine, unsealed (for in-process TLS clients in tests). */
    NodeCredentials credentials(Machine machine) throws IOException {
        return NodeCredentials.unlock(machine.directory(), PASSPHRASE);
    }

    /** The certificate PEM of the authority. */
    byte[] authorityPem() {
        return Pem.certificate(authority.certificate());
    }

    @Override
    public void close() throws IOException {
        for (Machine machine : machines.values()) {
            machine.proxy().close();
        }
    }
}
