package kz.sailau.kiosk.crypto;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Mutual TLS between the machines of one precinct (TLS 1.3, RFC 8446): each node presents its node certificate,
 * and accepts a peer only when the authority issued the peer's certificate (PKIX path to the pinned authority
 * certificate, in its validity period), it is a node certificate of the same precinct, and the {@link PeerPolicy}
 * (the precinct's current members) admits it. Every refusal is reported to a {@link RefusalListener} with a
 * message key, before the handshake fails.
 */
public final class NodeTls {

    /** The only protocol version offered and accepted. */
    public static final String PROTOCOL = "TLSv1.3";

    /** Decides whether a certified node of this precinct may talk to this node. */
    @FunctionalInterface
    public interface PeerPolicy {
        /** A message key saying why {@code peer} is refused, or empty to admit it. */
        Optional<String> refusal(NodeIdentity peer);
    }

    /** Told of every refused peer; the detail names machines and reasons, never personal data. */
    @FunctionalInterface
    public interface RefusalListener {
        /**
         * @param messageKey why (e.g. {@code node.refused.otherPrecinct})
         * @param detail     a technical description for the log
         */
        void refused(String messageKey, String detail);
    }

    private NodeTls() {
    }

    /**
     * An SSL context for one node.
     *
     * @param node      the node's certified credentials
     * @param authority the pinned authority certificate
     * @param policy    which certified peers of the precinct are admitted
     * @param listener  told of refusals
     * @throws KioskCryptoException {@code node.error.notInitialised} if the node has no certificate
     */
    public static SSLContext context(NodeCredentials node, X509Certificate authority, PeerPolicy policy,
                                     RefusalListener listener) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        X509Certificate own = node.certificate().orElseThrow(() -> new KioskCryptoException(
                "node.error.notInitialised", "the node has no certificate", null));
        try {
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, none);
            keys.setKeyEntry("node", node.privateKey(), none, new X509Certificate[] {own, authority});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(keys, none);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers.getKeyManagers(),
                    new TrustManager[] {new PeerTrust(authority, node, policy, listener)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "TLS context cannot be built", e);
        }
    }

    /** Checks a peer's chain against the authority, the precinct and the policy. */
    private static final class PeerTrust extends X509ExtendedTrustManager {

        private final X509Certificate authority;
        private final NodeCredentials node;
        private final PeerPolicy policy;
        private final RefusalListener listener;

        PeerTrust(X509Certificate authority, NodeCredentials node, PeerPolicy policy, RefusalListener listener) {
            this.authority = authority;
            this.node = node;
            this.policy = policy;
            this.listener = listener;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw refuse("node.refused.uncertified", "peer presented no certificate");
            }
            X509Certificate leaf = chain[0];
            try {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(authority, null)));
                parameters.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
            } catch (GeneralSecurityException e) {
                throw refuse("node.refused.uncertified", "peer certificate is not the authority's or not valid now: "
                        + e.getClass().getSimpleName());
            }
            NodeIdentity peer;
            try {
                peer = NodeCertificates.identify(leaf, authority);
            } catch (KioskCryptoException e) {
                throw refuse("node.refused.uncertified", "peer certificate: " + e.getMessage());
            }
            if (!peer.precinct().equals(node.precinct())) {
                throw refuse("node.refused.otherPrecinct", "peer " + peer + " is not of precinct " + node.precinct());
            }
            Optional<String> refusal = policy.refusal(peer);
            if (refusal.isPresent()) {
                throw refuse(refusal.get(), "peer " + peer + " is not admitted");
            }
        }

        private CertificateException refuse(String key, String detail) {
            listener.refused(key, detail);
            return new CertificateException(key + ": " + detail);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        /**
         * Names no issuer in the certificate request, so that a machine with a certificate from another issuer
         * still shows it (and is refused and logged with its reason) instead of silently sending none.
         */
        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
