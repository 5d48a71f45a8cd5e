package kz.sailau.kiosk.precinct.loopback;

import java.util.Arrays;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fault-injecting TCP proxy in front of one node: peers connect to it and it forwards to the node. Each peer's
 * connections come from the peer's own loopback address (nodes bind their client sockets to their listen address),
 * so a link can be cut per peer: {@link #cut} closes that peer's connections and refuses new ones until
 * {@link #heal}. It records the first bytes a peer sent, to replay them on a fresh connection. Bound to
 * 127.0.0.1 on an ephemeral port; stops with {@link #close}.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<InetAddress> cut = ConcurrentHashMap.newKeySet();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final List<byte[]> recorded = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * Starts forwarding to {@code target}.
     *
     * @throws IOException if no port can be bound
     */
    public FaultInjectingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where peers connect. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Cuts the link from {@code peer}: its connections are closed and new ones refused. */
    public synchronized void cut(InetAddress peer) {
        cut.add(peer);
        for (Link link : links) {
            if (link.peer.equals(peer)) {
                link.close();
            }
        }
    }

    /** Heals the link from {@code peer}. */
    public void heal(InetAddress peer) {
        cut.remove(peer);
    }

    /** The first chunk of bytes each accepted connection sent (TLS client hellos and what followed). */
    public List<byte[]> recorded() {
        return List.copyOf(recorded);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket inbound = server.accept();
                InetAddress peer = inbound.getInetAddress();
                if (cut.contains(peer)) {
                    inbound.close();
                    continue;
                }
                Socket outbound = new Socket();
                try {
                    outbound.connect(target, 2000);
                } catch (IOException e) {
                    // the node behind the proxy is down: refuse, as the real network would
                    inbound.close();
                    outbound.close();
                    continue;
                }
                Link link = new Link(peer, inbound, outbound);
                if (!register(link)) {
                    // cut while the connection to the node was being made: refused, as if cut before
                    link.close();
                    continue;
                }
                link.start();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /**
     * Adds a link unless its peer is cut now. The peer was checked when the connection was accepted, but
     * {@link #cut} may have run while the connection to the node was being made, and it closed only the links
     * registered then: one added after it would have outlived the cut.
     */
    private synchronized boolean register(Link link) {
        if (cut.contains(link.peer) || server.isClosed()) {
            return false;
        }
        links.add(link);
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        for (Link link : links) {
            link.close();
        }
    }

    /** One proxied connection: two pumps. */
    private final class Link {
        final InetAddress peer;
        final Socket inbound;
        final Socket outbound;

        Link(InetAddress peer, Socket inbound, Socket outbound) {
            this.peer = peer;
            this.inbound = inbound;
            this.outbound = outbound;
        }

        void start() {
            pump(inbound, outbound, true);
            pump(outbound, inbound, false);
        }

        private void pump(Socket from, Socket to, boolean record) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16384];
                boolean first = record;
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        if (first) {
                            recorded.add(Arrays.copyOf(buffer, n));
                            first = false;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the link was cut or a side closed
                } finally {
                    close();
                }
            }, "proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            try {
                inbound.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                outbound.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            links.remove(this);
        }
    }
}
