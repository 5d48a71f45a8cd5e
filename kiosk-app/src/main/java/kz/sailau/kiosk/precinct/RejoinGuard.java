package kz.sailau.kiosk.precinct;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeTls;
import kz.sailau.kiosk.model.NodeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node whose ledger went missing from voting blind (issue 17, session H50, decision 0440). After its first
 * start a node writes a marker beside its ledger folder ({@code DIR/ledger.joined}); a node with the marker whose
 * ledger folder is missing or holds no file has forgotten its votes and the entries it held, and refuses to start
 * ({@value #LEDGER_MISSING}) unless started to rejoin: then it starts only when every other member of
 * {@code precinct.json} answers over the certified transport (a mutual TLS handshake in which the peer proves the
 * member's node key), and refuses otherwise naming the members it could not reach ({@value #UNREACHABLE}).
 */
public final class RejoinGuard {

    /** The message key of an emptied member's refusal. */
    public static final String LEDGER_MISSING = "node.error.ledgerMissing";
    /** The message key of a rejoin refused because a member did not answer. */
    public static final String UNREACHABLE = "node.error.rejoinUnreachable";
    /** The marker's name suffix, after the ledger folder's name. */
    static final String MARKER_SUFFIX = ".joined";

    private static final Logger LOG = LoggerFactory.getLogger(RejoinGuard.class);
    /** How long a member may take to accept the connection and to complete the handshake (a busy kiosk). */
    private static final int ANSWER_MILLIS = 5000;

    private RejoinGuard() {
    }

    /** The marker of {@code settings}' node: beside, not inside, its ledger folder. */
    public static Path marker(PrecinctNodeSettings settings) {
        Path data = settings.dataDirectory().toAbsolutePath();
        return data.resolveSibling(data.getFileName() + MARKER_SUFFIX);
    }

    /**
     * Refuses to start a node that has been a member (its marker is there) and whose ledger folder is missing or
     * holds no file; changes nothing.
     *
     * @throws Refused {@value #LEDGER_MISSING}
     */
    public static void refuseIfEmptied(PrecinctNodeSettings settings) {
        Path marker = marker(settings);
        if (Files.exists(marker) && emptied(settings.dataDirectory())) {
            throw new Refused(LEDGER_MISSING, "the node's ledger " + settings.dataDirectory() + " is missing or "
                    + "empty, but this node has been a member of the precinct network (" + marker + "): nothing "
                    + "was started; start it with node run --rejoin while every other machine of the precinct runs");
        }
    }

    private static boolean emptied(Path data) {
        if (!Files.isDirectory(data)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(data)) {
            return files.noneMatch(Files::isRegularFile);
        } catch (IOException e) {
            // A folder that cannot be read is the damaged ledger's case (node.error.ledger), not a missing one.
            return false;
        }
    }

    /**
     * Writes the marker once the node has started, if it is not there yet (the first start of this node).
     *
     * @throws IOException if it cannot be written
     */
    static void markJoined(PrecinctNodeSettings settings) throws IOException {
        Path marker = marker(settings);
        if (Files.exists(marker)) {
            return;
        }
        String text = settings.name() + " has joined the precinct network; if its ledger "
                + settings.dataDirectory().getFileName() + " goes missing, it starts again only with node run "
                + "--rejoin (every other machine of the precinct running)\n";
        Files.write(marker, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    /**
     * Refuses a rejoin unless every other member of {@code settings} answers over the certified transport, from
     * this node's precinct address, before anything is joined.
     *
     * @throws Refused {@value #UNREACHABLE}, naming the members that did not answer
     */
    static void requireEveryMember(PrecinctNodeSettings settings, NodeCredentials credentials,
                                   X509Certificate authority) {
        SSLContext tls = NodeTls.context(credentials, authority,
                peer -> settings.members().contains(peer.name()) ? Optional.empty()
                        : Optional.of("node.refused.notMember"),
                (key, detail) -> LOG.warn("rejoin: a peer was refused [{}]: {}", key, detail));
        SortedSet<NodeName> silent = new TreeSet<>();
        for (NodeName member : settings.members()) {
            if (!member.equals(settings.name()) && !answers(tls, settings, member, authority)) {
                silent.add(member);
            }
        }
        if (!silent.isEmpty()) {
            throw new Refused(UNREACHABLE, "rejoin refused: " + String.join(", ", silent.stream()
                    .map(NodeName::value).toList()) + " did not answer; nothing was started: the emptied node "
                    + "rejoins only while every other machine of the precinct runs and is reachable");
        }
        LOG.info("rejoin: every other member of the precinct answered {}", settings.name());
    }

    /** Whether {@code member} completes a mutual TLS handshake with its own node certificate at its address. */
    private static boolean answers(SSLContext tls, PrecinctNodeSettings settings, NodeName member,
                                   X509Certificate authority) {
        InetSocketAddress address = settings.peers().get(member);
        if (address == null) {
            return false;
        }
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.bind(new InetSocketAddress(settings.listen().getAddress(), 0));
            socket.connect(address, ANSWER_MILLIS);
            socket.setSoTimeout(ANSWER_MILLIS);
            socket.setEnabledProtocols(new String[] {NodeTls.PROTOCOL});
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    && NodeCertificates.identify(leaf, authority).name().equals(member);
        } catch (IOException | RuntimeException e) {
            LOG.info("rejoin: {} at {} did not answer: {}", member, address, e.toString());
            return false;
        }
    }

    /** A start the guard refused: nothing was joined; the message names directories and machines, no content. */
    public static final class Refused extends PrecinctUnavailableException {

        private static final long serialVersionUID = 1L;

        private final String messageKey;

        Refused(String messageKey, String technicalMessage) {
            super(technicalMessage);
            this.messageKey = messageKey;
        }

        @Override
        public String messageKey() {
            return messageKey;
        }
    }
}
