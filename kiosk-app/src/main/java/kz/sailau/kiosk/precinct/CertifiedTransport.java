package kz.sailau.kiosk.precinct;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeTls;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.MessageFactory;
import org.jgroups.View;
import org.jgroups.blocks.cs.TcpBaseServer;
import org.jgroups.blocks.cs.TcpConnection;
import org.jgroups.blocks.cs.TcpServer;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.MessageBatch;
import org.jgroups.util.SocketFactory;
import org.jgroups.util.ThreadFactory;
import org.jgroups.util.Util;

/**
 * JGroups' TCP transport that binds every message it hands to the stack to the certificate of the TLS connection
 * that carried it (decision 0330). JGroups 5.4 takes a received message in the name its bytes announce; here each
 * connection, inbound and outbound, reads its peer's node certificate once the handshake is done
 * ({@link NodeCertificates#identify}), and every message (and every message of a batch) whose sender does not carry
 * that machine's Raft member name is refused: the connection is closed and the refusal reported as
 * {@code node.refused.impersonation}. The sender's Raft name is the one its address carries on the wire (JGroups
 * Raft counts acknowledgements by it) and, when the address is a member of the current view, the one the view
 * recorded for it (elections count votes by address); a request to join or leave must name the same machine.
 *
 * <p>Tied to JGroups 5.4.11: {@code TCP.start} builds a plain {@code TcpServer}; {@link #start} closes it at once,
 * before it accepted anything, and builds a {@link CertifiedServer} with the same settings on the same port, and
 * {@link #receive(Address, DataInput, int)} reads a frame as {@code TP.receive} does, checks it, then passes it on.
 */
final class CertifiedTransport extends TCP {

    /** The message key of a refused message. */
    static final String REFUSED = "node.refused.impersonation";

    private static final short GMS_ID = ClassConfigurator.getProtocolId(GMS.class);

    private final X509Certificate authority;
    private final NodeTls.RefusalListener listener;
    private volatile ServerSocket plainListener;

    CertifiedTransport(X509Certificate authority, NodeTls.RefusalListener listener) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.listener = Objects.requireNonNull(listener, "listener");
        // Peers read the transport's headers under the protocol id the engine registered for TCP.
        setId(ClassConfigurator.getProtocolId(TCP.class));
    }

    @Override
    public void start() throws Exception {
        if (non_blocking_sends || reaper_interval > 0 || conn_expire_time > 0) {
            throw new IllegalStateException("the certified transport has no non-blocking sends and no reaper");
        }
        super.start();
        // TCP.start bound a plain server's listener (never started, so it accepted nothing): free the port for ours.
        ServerSocket plain = plainListener;
        if (plain != null) {
            plain.close();
        }
        TcpServer certified = new CertifiedServer(getThreadFactory(), getSocketFactory(), bind_addr, bind_port,
                bind_port + port_range, external_addr, external_port, recv_buf_size);
        certified.setLogAcceptError(log_accept_error);
        certified.setBufferedInputStreamSize(buffered_input_stream_size)
                .setBufferedOutputStreamSize(buffered_output_stream_size)
                .peerAddressReadTimeout(peer_addr_read_timeout)
                .usePeerConnections(true)
                .socketFactory(getSocketFactory())
                .receiver(this)
                .timeService(time_service)
                .socketConnectionTimeout(sock_conn_timeout)
                .tcpNodelay(tcp_nodelay).linger(linger)
                .clientBindAddress(client_bind_addr).clientBindPort(client_bind_port)
                .deferClientBinding(defer_client_bind_addr)
                .log(this.log).logDetails(this.log_details)
                .addConnectionListener(this);
        if (send_buf_size > 0) {
            certified.sendBufferSize(send_buf_size);
        }
        if (recv_buf_size > 0) {
            certified.receiveBufferSize(recv_buf_size);
        }
        if (max_length > 0) {
            certified.setMaxLength(max_length);
        }
        srv = certified;
    }

    /**
     * Stops as TCP does, and closes the listener of a server that never started: JGroups' {@code TcpServer.stop}
     * (5.4.11) closes it only while the server runs, and a connect that fails inside the stack (a ledger file the
     * engine refuses as it loads, decision 0405) stops the stack before the server is started, so the port stayed
     * bound and the node could not be started again in the same process ({@code node.error.bind}).
     */
    @Override
    public void stop() {
        super.stop();
        if (srv instanceof CertifiedServer certified) {
            certified.closeListener();
        }
    }

    /** Records the listener each server socket factory creates, so that {@link #start} can close the plain one. */
    @Override
    public void setSocketFactory(SocketFactory factory) {
        super.setSocketFactory(factory == null ? null : (SocketFactory) Proxy.newProxyInstance(
                SocketFactory.class.getClassLoader(), new Class<?>[] {SocketFactory.class}, (proxy, method, arguments) -> {
                    try {
                        Object created = method.invoke(factory, arguments);
                        if (created instanceof ServerSocket listener) {
                            plainListener = listener;
                        }
                        return created;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** Only {@link CertifiedConnection}s deliver, through the other method; bytes from anywhere else are dropped. */
    @Override
    public void receive(Address sender, byte[] data, int offset, int length) {
        listener.refused(REFUSED, "bytes that came over no certified connection were dropped");
    }

    /**
     * Reads one frame as JGroups' {@code TP.receive} does, refuses it unless every message in it is from the
     * machine whose certificate the connection carries, then hands it to the stack.
     *
     * @throws SocketException when the frame is refused: the connection's reader stops and the connection closes
     */
    @Override
    public void receive(Address sender, DataInput in, int length) throws Exception {
        if (!(in instanceof PeerInput peer)) {
            listener.refused(REFUSED, "a frame that came over no certified connection was refused");
            throw new SocketException(REFUSED);
        }
        short version = in.readShort();
        if (!versionMatch(version, sender)) {
            throw refuse(peer, "a frame of another JGroups version");
        }
        byte flags = in.readByte();
        boolean multicast = (flags & MULTICAST) == MULTICAST;
        if ((flags & LIST) == LIST) {
            MessageBatch[] batches = Util.readMessageBatch(in, multicast);
            for (MessageBatch batch : batches) {
                if (batch != null) {
                    for (Message message : batch) {
                        check(peer, message);
                    }
                }
            }
            if (Objects.equals(local_physical_addr, sender)) {
                return;
            }
            for (int i = batches.length - 1; i >= 0; i--) {
                if (batches[i] != null) {
                    msg_stats.received(batches[i]);
                }
            }
            processBatch(batches[1], true);
            processBatch(batches[0], false);
            return;
        }
        Message message = MessageFactory.create(in.readShort());
        message.readFrom(in);
        check(peer, message);
        if (Objects.equals(local_physical_addr, sender) || !multicast && unicastDestMismatch(message.getDest())) {
            return;
        }
        try {
            msg_processing_policy.process(message, message.isFlagSet(Message.Flag.OOB));
            msg_stats.received(message);
        } catch (RuntimeException e) {
            log.error("precinct transport: a message could not be processed: %s", e);
        }
    }

    /** Refuses a message whose sender, or whose join or leave request, names another machine than the peer's. */
    private void check(PeerInput peer, Message message) throws SocketException {
        Optional<String> refusal = refusal(peer.name, message, view);
        if (refusal.isPresent()) {
            throw refuse(peer, refusal.get());
        }
    }

    /**
     * Why a message that came over a connection certified for {@code certified} is not that machine's, if it is
     * not: its sender stands for another Raft member (or none), or it asks to join or leave for another.
     *
     * @param view the current view, or null before the first
     */
    static Optional<String> refusal(String certified, Message message, View view) {
        Optional<String> sender = memberName(message.getSrc(), view);
        if (!sender.equals(Optional.of(certified))) {
            return Optional.of("a message in the name of " + sender.orElse("no Raft member"));
        }
        if (message.getHeader(GMS_ID) instanceof GMS.GmsHeader request && isMembershipRequest(request.getType())
                && request.getMember() != null) {
            Optional<String> member = memberName(request.getMember(), view);
            if (!member.equals(Optional.of(certified))) {
                return Optional.of("a request to join or leave for " + member.orElse("no Raft member"));
            }
        }
        return Optional.empty();
    }

    private static boolean isMembershipRequest(byte type) {
        return type == GMS.GmsHeader.JOIN_REQ || type == GMS.GmsHeader.JOIN_REQ_WITH_STATE_TRANSFER
                || type == GMS.GmsHeader.LEAVE_REQ;
    }

    /**
     * The Raft member name an address stands for: the one it carries, and, if it is a member of the view, the one
     * the view recorded for it too (empty when they differ: another member's address with a name of its own).
     */
    private static Optional<String> memberName(Address address, View view) {
        Optional<String> carried = raftName(address);
        if (carried.isEmpty() || view == null) {
            return carried;
        }
        for (Address member : view.getMembersRaw()) {
            if (member.equals(address)) {
                return raftName(member).equals(carried) ? carried : Optional.empty();
            }
        }
        return carried;
    }

    /** The Raft member name JGroups Raft puts in a member's address (its {@code raft-id} key), if any. */
    static Optional<String> raftName(Address address) {
        if (address instanceof ExtendedUUID extended) {
            byte[] name = extended.get(RAFT.raft_id_key);
            return name == null ? Optional.empty() : Optional.of(Util.bytesToString(name));
        }
        return Optional.empty();
    }

    private SocketException refuse(PeerInput peer, String what) {
        listener.refused(REFUSED, "the connection certified for " + peer.name + " carried " + what
                + "; connection closed");
        return new SocketException(REFUSED);
    }

    /** A connection's input, with the member name of the certificate its peer presented. */
    private static final class PeerInput extends DataInputStream {

        private final String name;

        PeerInput(DataInputStream in, String name) {
            super(in);
            this.name = name;
        }
    }

    /** The member name in the node certificate the peer of {@code socket} presented in the TLS handshake. */
    private String certifiedName(Socket socket) throws IOException {
        if (!(socket instanceof SSLSocket tls)) {
            throw new SocketException("precinct connections are TLS connections");
        }
        Certificate[] chain = tls.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SocketException("the peer presented no certificate");
        }
        try {
            return NodeCertificates.identify(leaf, authority).name().value();
        } catch (KioskCryptoException e) {
            listener.refused("node.refused.uncertified", "peer certificate: " + e.getMessage());
            throw new SocketException("node.refused.uncertified");
        }
    }

    /** A TCP connection whose input carries the certified name of its peer. */
    private final class CertifiedConnection extends TcpConnection {

        /** An outbound connection, not yet connected. */
        CertifiedConnection(Address peer, TcpBaseServer server) throws Exception {
            super(peer, server);
        }

        /** An accepted connection: the handshake is done once the peer's address has been read. */
        CertifiedConnection(Socket socket, TcpServer server) throws Exception {
            super(socket, server);
            in = new PeerInput(in, certifiedName(sock));
        }

        @Override
        protected void connect(Address destination, boolean sendLocalAddress) throws Exception {
            super.connect(destination, sendLocalAddress);
            try {
                in = new PeerInput(in, certifiedName(sock));
            } catch (IOException e) {
                Util.close(sock);
                connected = false;
                throw e;
            }
        }
    }

    /** JGroups' TCP server whose connections, accepted and opened, are {@link CertifiedConnection}s. */
    private final class CertifiedServer extends TcpServer {

        CertifiedServer(ThreadFactory threads, SocketFactory sockets, InetAddress bindAddress, int port, int endPort,
                        InetAddress externalAddress, int externalPort, int receiveBufferSize) throws Exception {
            super(threads, sockets, bindAddress, port, endPort, externalAddress, externalPort, receiveBufferSize);
            acceptor = factory.newThread(new CertifiedAcceptor(), "TcpServer.Acceptor[" + srv_sock.getLocalPort() + "]");
        }

        /** Closes the listening socket, whether or not the server was started (closing twice does nothing). */
        void closeListener() {
            Util.close(srv_sock);
        }

        @Override
        protected TcpConnection createConnection(Address destination) throws Exception {
            return new CertifiedConnection(destination, this);
        }

        /** As JGroups' acceptor (5.4.11), with a {@link CertifiedConnection} for each accepted socket. */
        private final class CertifiedAcceptor extends Acceptor {

            @Override
            protected void handleAccept(Socket socket) throws Exception {
                TcpConnection connection = null;
                try {
                    connection = new CertifiedConnection(socket, CertifiedServer.this);
                    Address peer = connection.peerAddress();
                    boolean exists = hasConnection(peer);
                    boolean replace = exists && use_peer_connections && local_addr.compareTo(peer) < 0;
                    if (!exists || replace) {
                        replaceConnection(peer, connection);
                        connection.start();
                    } else {
                        Util.close(connection);
                    }
                } catch (Exception e) {
                    Util.close(connection);
                    throw e;
                }
            }
        }
    }
}
