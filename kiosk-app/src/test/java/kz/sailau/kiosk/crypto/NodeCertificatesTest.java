package kz.sailau.kiosk.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node certificates and mutual TLS between nodes, with TEST-ONLY keys generated here. */
class NodeCertificatesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PrecinctId PRECINCT = new PrecinctId(4711);
    private static final AuthorityCredentials AUTHORITY = AuthorityCredentials.generate("Test-only authority",
            Clock.systemUTC(), Duration.ofDays(2), RANDOM);

    private static NodeCredentials node(String name, NodeRole role, PrecinctId precinct, AuthorityCredentials by) {
        NodeCredentials credentials = NodeCredentials.generate(new NodeName(name), role, precinct, RANDOM);
        X509Certificate certificate = NodeCertificates.certify(by, credentials.certificationRequest(), precinct,
                Clock.systemUTC(), Duration.ofDays(1), RANDOM);
        return credentials.withCertificate(certificate, by.certificate());
    }

    @Test
    void theAuthorityWritesNameRoleAndPrecinctIntoTheNodeCertificate() {
        NodeCredentials desk = node("desk-1", NodeRole.BALLOT_DESK, PRECINCT, AUTHORITY);
        NodeIdentity identity = NodeCertificates.identify(desk.certificate().orElseThrow(), AUTHORITY.certificate());
        assertEquals(new NodeName("desk-1"), identity.name());
        assertEquals(NodeRole.BALLOT_DESK, identity.role());
        assertEquals(PRECINCT, identity.precinct());
        assertEquals(64, identity.fingerprint().length());
    }

    @Test
    void aRequestForAnotherPrecinctIsNotCertified() {
        NodeCredentials credentials = NodeCredentials.generate(new NodeName("kiosk-1"), NodeRole.KIOSK,
                new PrecinctId(999), RANDOM);
        KioskCryptoException refused = assertThrows(KioskCryptoException.class, () -> NodeCertificates.certify(
                AUTHORITY, credentials.certificationRequest(), PRECINCT, Clock.systemUTC(), Duration.ofDays(1),
                RANDOM));
        assertEquals("node.error.otherPrecinct", refused.messageKey());
    }

    @Test
    void aKioskPackageCertificateIsNotANodeCertificate() {
        KioskCredentials kiosk = KioskCredentials.generate(RANDOM);
        X509Certificate packageCertificate = AUTHORITY.certifyKiosk(kiosk.certificationRequest(PRECINCT),
                Clock.systemUTC(), Duration.ofDays(1), RANDOM);
        KioskCryptoException refused = assertThrows(KioskCryptoException.class,
                () -> NodeCertificates.identify(packageCertificate, AUTHORITY.certificate()));
        assertEquals("node.error.notNodeCertificate", refused.messageKey());
    }

    @Test
    void aCertificateFromAnotherAuthorityIsUncertified() {
        AuthorityCredentials rogue = AuthorityCredentials.generate("Rogue", Clock.systemUTC(), Duration.ofDays(1),
                RANDOM);
        NodeCredentials forged = node("kiosk-1", NodeRole.KIOSK, PRECINCT, rogue);
        KioskCryptoException refused = assertThrows(KioskCryptoException.class,
                () -> NodeCertificates.identify(forged.certificate().orElseThrow(), AUTHORITY.certificate()));
        assertEquals("node.error.uncertified", refused.messageKey());
    }

    @Test
    void theSealedKeyUnlocksWithItsCertificate(@TempDir Path directory) throws IOException {
        char[] passphrase = "test-only".toCharArray();
        NodeCredentials fresh = NodeCredentials.generate(new NodeName("kiosk-2"), NodeRole.KIOSK, PRECINCT, RANDOM);
        fresh.save(directory, passphrase, Argon2idParameters.TEST_ONLY, RANDOM);
        X509Certificate certificate = NodeCertificates.certify(AUTHORITY,
                java.nio.file.Files.readAllBytes(directory.resolve(NodeCredentials.REQUEST_FILE)), PRECINCT,
                Clock.systemUTC(), Duration.ofDays(1), RANDOM);
        NodeCredentials.unlockUncertified(directory, passphrase).install(directory, certificate,
                AUTHORITY.certificate());
        NodeCredentials unlocked = NodeCredentials.unlock(directory, passphrase);
        assertEquals(new NodeName("kiosk-2"), unlocked.name());
        assertEquals(certificate, unlocked.certificate().orElseThrow());
        NodeCredentials other = NodeCredentials.generate(new NodeName("kiosk-2"), NodeRole.KIOSK, PRECINCT, RANDOM);
        KioskCryptoException mismatch = assertThrows(KioskCryptoException.class,
                () -> other.withCertificate(certificate, AUTHORITY.certificate()));
        assertEquals("node.error.certificateMismatch", mismatch.messageKey());
    }

    @Test
    void mutualTlsAdmitsANodeOfThePrecinctAndRefusesOthersWithTheirReason() throws Exception {
        NodeCredentials server = node("kiosk-1", NodeRole.KIOSK, PRECINCT, AUTHORITY);
        assertEquals(List.of(), handshake(server, node("kiosk-2", NodeRole.KIOSK, PRECINCT, AUTHORITY),
                AUTHORITY.certificate()));
        // Both ends check: a Sailau node of another precinct refuses this server before showing its certificate.
        NodeCredentials otherPrecinct = node("kiosk-7", NodeRole.KIOSK, new PrecinctId(7), AUTHORITY);
        List<String> clientRefusals = new CopyOnWriteArrayList<>();
        SSLContext sailauClient = NodeTls.context(otherPrecinct, AUTHORITY.certificate(), peer -> Optional.empty(),
                (key, detail) -> clientRefusals.add(key));
        SSLContext serverContext = NodeTls.context(server, AUTHORITY.certificate(), peer -> Optional.empty(),
                (key, detail) -> { });
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            executor.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                }
                return null;
            });
            try (SSLSocket socket = (SSLSocket) sailauClient.getSocketFactory().createSocket(
                    InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                assertThrows(IOException.class, socket::startHandshake);
            } finally {
                executor.shutdownNow();
            }
        }
        assertEquals(List.of("node.refused.otherPrecinct"), clientRefusals);
        assertEquals(List.of("node.refused.otherPrecinct"), handshake(server,
                node("kiosk-9", NodeRole.KIOSK, new PrecinctId(999), AUTHORITY), AUTHORITY.certificate()));
        AuthorityCredentials rogue = AuthorityCredentials.generate("Rogue", Clock.systemUTC(), Duration.ofDays(1),
                RANDOM);
        assertEquals(List.of("node.refused.uncertified"), handshake(server,
                node("kiosk-3", NodeRole.KIOSK, PRECINCT, rogue), rogue.certificate()));
        assertEquals(List.of("node.refused.notMember"), handshake(server,
                node("stranger", NodeRole.KIOSK, PRECINCT, AUTHORITY), AUTHORITY.certificate()));
    }

    /** Runs one TLS 1.3 handshake and returns the server's refusal keys. */
    private static List<String> handshake(NodeCredentials server, NodeCredentials client, X509Certificate unused)
            throws Exception {
        List<String> refusals = new CopyOnWriteArrayList<>();
        SSLContext serverContext = NodeTls.context(server, AUTHORITY.certificate(),
                peer -> peer.name().value().equals("stranger") ? Optional.of("node.refused.notMember")
                        : Optional.empty(), (key, detail) -> refusals.add(key));
        SSLContext clientContext = IntruderTls.trustingEveryServer(client);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            Future<Integer> served = executor.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                    int read = accepted.getInputStream().read();
                    accepted.getOutputStream().write(read);
                    accepted.getOutputStream().flush();
                    return read;
                } catch (IOException e) {
                    return -2;
                }
            });
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket(
                    InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                socket.getOutputStream().write(7);
                socket.getOutputStream().flush();
                // Read the echo before closing: closing with the server's session tickets unread would reset.
                socket.getInputStream().read();
            } catch (IOException e) {
                // refused by either side
            }
            int read = served.get();
            assertTrue(refusals.isEmpty() == (read == 7), "read " + read + " with refusals " + refusals);
        } finally {
            executor.shutdownNow();
        }
        return List.copyOf(refusals);
    }

}
