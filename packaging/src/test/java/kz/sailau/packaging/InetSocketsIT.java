package kz.sailau.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The socket inspector sees a real listening socket, so that its "none found" in {@link AppImageIT} means something. */
class InetSocketsIT {

    @Test
    void findsAListeningTcpSocketAndABoundUdpSocketOfThisProcess() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DatagramSocket datagram = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            List<InetSockets.Socket> sockets = InetSockets.of(self);
            String tcpPort = String.format(":%04X", server.getLocalPort());
            String udpPort = String.format(":%04X", datagram.getLocalPort());
            assertTrue(sockets.stream().anyMatch(s -> s.table().startsWith("tcp") && s.listening()
                    && s.localAddress().endsWith(tcpPort)), "the listening TCP socket is found: " + sockets);
            assertTrue(sockets.stream().anyMatch(s -> s.table().startsWith("udp") && s.listening()
                    && s.localAddress().endsWith(udpPort)), "the bound UDP socket is found: " + sockets);
        }
        assertEquals(List.of(), InetSockets.of(self).stream().filter(InetSockets.Socket::listening).toList(),
                "closed sockets are gone");
    }
}
