package kz.sailau.kiosk.crypto;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Test only: the TLS client an intruder would write, presenting its own certificate and trusting any server, so
 * that tests can show what a precinct node refuses (a Sailau node of another precinct would refuse the server
 * first, and the server would never see it).
 */
public final class IntruderTls {

    private IntruderTls() {
    }

    /** A client context presenting {@code node}'s certificate and accepting every server. */
    public static SSLContext trustingEveryServer(NodeCredentials node) throws Exception {
        char[] none = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, none);
        keys.setKeyEntry("node", node.privateKey(), none, new X509Certificate[] {node.certificate().orElseThrow()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keys, none);
        SSLContext context = SSLContext.getInstance(NodeTls.PROTOCOL);
        context.init(keyManagers.getKeyManagers(), new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
