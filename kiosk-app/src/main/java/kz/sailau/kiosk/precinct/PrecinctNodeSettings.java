package kz.sailau.kiosk.precinct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.sailau.kiosk.model.NodeName;

/**
 * How one node joins its precinct's network, read from {@code precinct.json} in the node directory:
 *
 * <pre>
 * {
 *   "name": "kiosk-1",
 *   "listen": "10.77.0.11:7800",          the only address the node listens on: the precinct interface
 *   "advertise": "10.77.0.11:7800",       optional: the address peers reach it at (default: listen)
 *   "peers": { "kiosk-1": "10.77.0.11:7800", "kiosk-2": "10.77.0.12:7800", "desk-1": "10.77.0.20:7800" },
 *   "members": ["kiosk-1", "kiosk-2", "desk-1"],   the voting members at the first start of the day
 *   "commitTimeoutMillis": 3000
 * }
 * </pre>
 *
 * A spare machine lists the precinct's members without itself: it starts as a learner and votes once the
 * administrator adds it.
 *
 * @param name          this node
 * @param listen        the address and port bound (never a wildcard address)
 * @param advertise     the address and port peers connect to
 * @param peers         where each machine of the precinct is reached (for discovery)
 * @param members       the voting members at the first start
 * @param dataDirectory where the consensus log and snapshot live
 * @param commitTimeout how long a command may wait for the cluster before the node says it is cut off
 */
public record PrecinctNodeSettings(NodeName name, InetSocketAddress listen, InetSocketAddress advertise,
                                   Map<NodeName, InetSocketAddress> peers, List<NodeName> members,
                                   Path dataDirectory, Duration commitTimeout) {

    /** The file name inside a node directory. */
    public static final String FILE = "precinct.json";

    /** The largest {@code precinct.json} read: a few machines' addresses take a few hundred bytes. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    /** The longest a command may wait for the cluster: beyond it a voter would stand at a kiosk that hangs. */
    public static final Duration MAX_COMMIT_TIMEOUT = Duration.ofSeconds(60);

    /** The fields of {@code precinct.json}; any other is a typo that would be silently ignored, and is refused. */
    static final Set<String> FIELDS = Set.of("name", "listen", "advertise", "peers", "members",
            "commitTimeoutMillis");

    /**
     * @throws IllegalArgumentException on a wildcard listen address, no members or a member listed twice, two peers
     *                                  at the same address, or a timeout that is not positive or above
     *                                  {@link #MAX_COMMIT_TIMEOUT}
     */
    public PrecinctNodeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(advertise, "advertise");
        peers = Map.copyOf(peers);
        members = List.copyOf(members);
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(commitTimeout, "commitTimeout");
        if (listen.getAddress() == null || listen.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("listen must name the precinct interface's address, not a wildcard");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members must name the precinct's voting nodes");
        }
        Set<NodeName> distinct = new HashSet<>();
        for (NodeName member : members) {
            if (!distinct.add(member)) {
                throw new IllegalArgumentException("members lists " + member + " twice");
            }
        }
        Map<InetSocketAddress, NodeName> byAddress = new HashMap<>();
        for (Map.Entry<NodeName, InetSocketAddress> peer : new TreeMap<>(peers).entrySet()) {
            NodeName other = byAddress.put(peer.getValue(), peer.getKey());
            if (other != null) {
                throw new IllegalArgumentException("peers " + other + " and " + peer.getKey() + " have the same "
                        + "address " + peer.getValue().getAddress().getHostAddress() + ":" + peer.getValue().getPort());
            }
        }
        if (commitTimeout.isNegative() || commitTimeout.isZero()) {
            throw new IllegalArgumentException("commitTimeoutMillis must be positive");
        }
        if (commitTimeout.compareTo(MAX_COMMIT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("commitTimeoutMillis must be at most " + MAX_COMMIT_TIMEOUT.toMillis()
                    + ": a kiosk waits that long at most before it says that it is cut off");
        }
    }

    /**
     * Whether {@link #listen} is an address of this machine (loopback or an interface's), so that a node that
     * could not bind it is refused before anything is unsealed or written.
     */
    public boolean listensOnThisMachine() {
        InetAddress address = listen.getAddress();
        if (address == null || address.isLoopbackAddress()) {
            return address != null;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /**
     * Reads {@code precinct.json}; the consensus data go to {@code dataDirectory}.
     *
     * @throws IllegalArgumentException with a specific message on any missing or malformed field
     * @throws IOException              when the file cannot be read
     */
    public static PrecinctNodeSettings read(Path file, Path dataDirectory) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("precinct.json is larger than " + MAX_FILE_BYTES + " bytes");
        }
        JsonNode root;
        try (JsonParser parser = mapper.createParser(Files.readAllBytes(file))) {
            try {
                root = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("precinct.json is not JSON: " + e.getOriginalMessage());
            }
            // One way to read it (decision 0445): a second document or a word after the object is refused, not
            // ignored as readTree alone does.
            boolean after;
            try {
                after = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                after = true;
            }
            if (after) {
                throw new IllegalArgumentException("content after the settings object at line "
                        + parser.currentLocation().getLineNr() + "; precinct.json holds one object");
            }
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("precinct.json must be an object");
        }
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                // The name is echoed only when it is a plain word: a line break in it would break the one line.
                throw new IllegalArgumentException("unknown field " + (field.matches("[A-Za-z0-9_]{1,40}")
                        ? "'" + field + "'" : "(a name that is no plain word)") + "; the fields are "
                        + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        NodeName name = new NodeName(text(root, "name"));
        InetSocketAddress listen = address(text(root, "listen"));
        InetSocketAddress advertise = root.has("advertise") ? address(text(root, "advertise")) : listen;
        JsonNode peerNode = root.get("peers");
        if (peerNode == null || !peerNode.isObject()) {
            throw new IllegalArgumentException("peers must be an object of name: address");
        }
        Map<NodeName, InetSocketAddress> peers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = peerNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> peer = it.next();
            if (!peer.getValue().isTextual()) {
                throw new IllegalArgumentException("peers must be an object of name: address");
            }
            peers.put(new NodeName(peer.getKey()), address(peer.getValue().asText()));
        }
        JsonNode memberNode = root.get("members");
        if (memberNode == null || !memberNode.isArray()) {
            throw new IllegalArgumentException("members must be an array of node names");
        }
        List<NodeName> members = new ArrayList<>();
        for (JsonNode member : memberNode) {
            if (!member.isTextual()) {
                throw new IllegalArgumentException("members must be an array of node names");
            }
            members.add(new NodeName(member.asText()));
        }
        JsonNode timeoutNode = root.get("commitTimeoutMillis");
        if (timeoutNode != null && (!timeoutNode.isIntegralNumber() || !timeoutNode.canConvertToLong())) {
            // asLong read "3000" and 3000.9 as 3000 and true as 1 ms: another reader sees another value.
            throw new IllegalArgumentException("commitTimeoutMillis must be a whole number of milliseconds, "
                    + "written without quotes, fraction or exponent");
        }
        long timeout = timeoutNode != null ? timeoutNode.longValue() : 3000;
        return new PrecinctNodeSettings(name, listen, advertise, peers, members, dataDirectory,
                Duration.ofMillis(timeout));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    /** Parses {@code host:port} with a literal IPv4 address or a host name. */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("address must be host:port: " + text);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number: " + text);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + text);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(text.substring(0, colon)), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host: " + text.substring(0, colon));
        }
    }
}
