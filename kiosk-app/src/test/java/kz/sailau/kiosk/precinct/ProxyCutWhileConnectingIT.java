package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.sailau.kiosk.precinct.loopback.FaultInjectingProxy;
import kz.sailau.kiosk.testing.Conditions;
import org.junit.jupiter.api.Test;

/**
 * The fault-injecting proxy checked a peer against its cuts when it accepted the peer's connection, then connected
 * to the node and only then listed the link; a {@link FaultInjectingProxy#cut} that ran in between closed the links
 * listed so far and missed that one, which went on forwarding: a machine the test had isolated still reached the
 * peer (a link made while the network heals is cut by the next partition). Here the proxy's connection to the node
 * is held up for real: the node's accept queue is full, so the kernel drops the proxy's SYN and the proxy waits for
 * its retransmission (one second) while the peer is cut; the peer's connection must then be closed, not forwarded.
 */
class ProxyCutWhileConnectingIT {

    private static final InetAddress PEER = address("127.0.0.253");
    /** The TCP state SYN_SENT in /proc/net/tcp. */
    private static final String SYN_SENT = "02";

    @Test
    void aPeerCutWhileTheProxyConnectsToTheNodeIsRefusedNotForwarded() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             FaultInjectingProxy proxy = new FaultInjectingProxy((InetSocketAddress) node.getLocalSocketAddress());
             Socket peer = new Socket()) {
            fillTheAcceptQueue(node, held);

            peer.bind(new InetSocketAddress(PEER, 0));
            peer.connect(proxy.address(), 5000);
            Conditions.await(() -> connecting(node.getLocalPort()), Duration.ofSeconds(30),
                    () -> "the proxy never waited on its connection to the node: the case was not built");
            proxy.cut(PEER);
            // Room in the queue: the proxy's connection to the node is made at its SYN's retransmission.
            node.accept().close();

            peer.setSoTimeout(60_000);
            try {
                assertEquals(-1, peer.getInputStream().read(), "the cut peer was answered");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the peer's connection outlived its cut: the proxy forwards it to the node");
            } catch (IOException e) {
                // reset: closed as well
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** Connects until the node's queue of connections not yet accepted refuses one (its SYN dropped). */
    private static void fillTheAcceptQueue(ServerSocket node, List<Socket> held) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                // A refused SYN is retried after a second: half of that means the queue is full.
                socket.connect(node.getLocalSocketAddress(), 500);
                held.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                assertTrue(held.size() > 0, "the node's queue took no connection at all");
                Conditions.await(() -> !connecting(node.getLocalPort()), Duration.ofSeconds(30),
                        () -> "the refused probe still waits on the node");
                return;
            }
        }
        throw new AssertionError("the node's accept queue never filled up: " + held.size() + " connections");
    }

    /**
     * Whether a socket of this machine is in SYN_SENT towards {@code port} on 127.0.0.1 (Java's sockets are IPv6
     * ones, listed in tcp6 with the address mapped, {@code ::ffff:127.0.0.1}).
     */
    private static boolean connecting(int port) {
        String remote = String.format(Locale.ROOT, "0100007F:%04X", port);
        try {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 3 && columns[2].endsWith(remote) && columns[3].equals(SYN_SENT)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new AssertionError("/proc/net/tcp cannot be read", e);
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
