package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeTls;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.loopback.LoopbackPrecinct;
import org.jgroups.JChannel;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.protocols.raft.ELECTION;
import org.jgroups.protocols.raft.InMemoryLog;
import org.jgroups.protocols.raft.NO_DUPES;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.protocols.raft.REDIRECT;
import org.jgroups.raft.RaftHandle;
import org.jgroups.raft.StateMachine;
import org.jgroups.stack.Protocol;
import org.jgroups.util.TLSClientAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modified program of issue 17 (decision 0330): a certified machine of the precinct, kiosk-3, runs a second,
 * unmodified JGroups Raft stack with its own certificate but announces the Raft name of kiosk-2, which is down, to
 * count twice in the majority. Every message of that stack reaches the honest nodes over a connection certified for
 * kiosk-3 in kiosk-2's name: the nodes refuse it ({@code node.refused.impersonation}) and close the connection, the
 * impostor stays alone, the honest precinct keeps its two members, its majority and its ledger.
 */
class ImpersonatingMemberIT {

    private static final PrecinctId PRECINCT = new PrecinctId(4717);
    private static final int WAIT = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path root;

    @Test
    void aMemberAnnouncingAnotherMembersRaftNameIsRefusedAndCountsNothing() throws Exception {
        try (InProcessPrecinct precinct = new InProcessPrecinct(root.resolve("network"), PRECINCT, 120)) {
            List<NodeName> members = precinct.members(InProcessPrecinct.kiosks(3));
            PrecinctNode kiosk1 = precinct.start(new NodeName("kiosk-1"));
            PrecinctNode kiosk3 = precinct.start(new NodeName("kiosk-3"));
            precinct.awaitMajority(WAIT);
            byte[] before = random();
            assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(kiosk1,
                    id -> new PrecinctCommand.CheckIn(id, kiosk1.name(), before, 0), WAIT));

            try (JChannel impostor = impostor(precinct.machine("kiosk-3"), "kiosk-2", members,
                    List.of(precinct.machine("kiosk-1").proxy().address(),
                            precinct.machine("kiosk-3").proxy().address()))) {
                InProcessPrecinct.await(() -> refused(kiosk1) > 0 && refused(kiosk3) > 0, WAIT,
                        () -> "the impostor was not refused: " + kiosk1.refusals() + " " + kiosk3.refusals());

                assertEquals(1, impostor.getView().size(), "the impostor joined nobody: " + impostor.getView());
                Set<NodeName> honest = Set.of(kiosk1.name(), kiosk3.name());
                for (PrecinctNode node : List.of(kiosk1, kiosk3)) {
                    NetworkState state = node.networkState();
                    assertEquals(honest, state.reachable(), state.summary());
                    assertTrue(state.withMajority(), state.summary());
                    assertFalse(node.refusals().containsKey("node.refused.notMember"), node.refusals().toString());
                }
                byte[] during = random();
                assertEquals(PrecinctOutcome.ACCEPTED, InProcessPrecinct.committed(kiosk3,
                        id -> new PrecinctCommand.CheckIn(id, kiosk3.name(), during, 0), WAIT));
                assertEquals(PrecinctOutcome.ALREADY_CHECKED_IN, InProcessPrecinct.committed(kiosk3,
                        id -> new PrecinctCommand.CheckIn(id, kiosk3.name(), before, 0), WAIT));
            }
            precinct.awaitSameCounts(WAIT);
            for (PrecinctNode node : List.of(kiosk1, kiosk3)) {
                long checkIns = node.read(s -> s.total(PrecinctLedgerState.Count.CHECK_IN_FINGERPRINT));
                assertEquals(2L, checkIns, precinct.counts().toString());
            }
        }
    }

    private static long refused(PrecinctNode node) {
        return node.refusals().getOrDefault(CertifiedTransport.REFUSED, 0L);
    }

    /**
     * JGroups Raft as the stock engine runs it, on the certificate of {@code certified}, under {@code raftName}:
     * what a modified program would start (no {@link CertifiedTransport}, a log in memory).
     */
    private JChannel impostor(LoopbackPrecinct.Machine certified, String raftName, List<NodeName> members,
                              List<InetSocketAddress> hosts) throws Exception {
        NodeCredentials credentials = NodeCredentials.unlock(certified.directory(), InProcessPrecinct.PASSPHRASE);
        SSLContext tls = NodeTls.context(credentials, NodeCredentials.authorityOf(certified.directory()),
                peer -> Optional.empty(), (key, detail) -> { });
        InetAddress address = InetAddress.getByName("127.0.0.249");
        TCP transport = new TCP();
        transport.setBindAddress(address);
        transport.setBindPort(freePort(address));
        transport.setPortRange(0);
        transport.setClientBindAddr(address);
        transport.setPeerAddrReadTimeout(5000);
        transport.setSockConnTimeout(5000);
        transport.tls().enabled(true).setSSLContext(tls).setClientAuth(TLSClientAuth.NEED)
                .setProtocols(new String[] {NodeTls.PROTOCOL});
        RAFT raft = new RAFT().members(members.stream().map(NodeName::value).toList()).raftId(raftName)
                .logClass(InMemoryLog.class.getName()).logDir(root.resolve("impostor").toString())
                .logPrefix("impostor");
        Protocol[] stack = {transport, new TCPPING().initialHosts(new ArrayList<>(hosts)).portRange(0),
            new MERGE3().setMinInterval(1000).setMaxInterval(3000), new FD_ALL3().setTimeout(5000).setInterval(1000),
            new VERIFY_SUSPECT2(), new NAKACK2(), new UNICAST3(), new STABLE(), new NO_DUPES(),
            new GMS().setJoinTimeout(1000).printLocalAddress(false), new FRAG4(), new ELECTION(), raft,
            new REDIRECT()};
        JChannel channel = new JChannel(stack).name(raftName);
        transport.getDiagnosticsHandler().setEnabled(false);
        new RaftHandle(channel, new NoState());
        channel.connect("sailau-precinct");
        return channel;
    }

    private static int freePort(InetAddress address) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The impostor's replica: it keeps nothing. */
    private static final class NoState implements StateMachine {
        @Override
        public byte[] apply(byte[] data, int offset, int length, boolean serializeResponse) {
            return new byte[0];
        }

        @Override
        public void readContentFrom(DataInput in) {
        }

        @Override
        public void writeContentTo(DataOutput out) {
        }
    }
}
