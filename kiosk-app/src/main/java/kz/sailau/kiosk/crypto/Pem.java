package kz.sailau.kiosk.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** PEM (RFC 7468) encoding of certificates and certification requests. */
public final class Pem {

    private Pem() {
    }

    /** The certificate as PEM text, UTF-8. */
    public static byte[] certificate(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "PEM encoding failed", e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads one X.509 certificate from PEM text that holds exactly one PEM object.
     *
     * @throws KioskCryptoException {@code crypto.error.certificateFormat} if it is not one, or holds a second object
     */
    public static X509Certificate readCertificate(byte[] pem) {
        byte[] der = readObject(pem, "CERTIFICATE");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new KioskCryptoException("crypto.error.certificateFormat", "not an X.509 certificate", e);
        }
    }

    /** A PKCS#10 request (RFC 2986) as PEM text. */
    static byte[] request(PKCS10CertificationRequest request) {
        try {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new PemObject("CERTIFICATE REQUEST", request.getEncoded()));
            }
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "PEM encoding failed", e);
        }
    }

    /** Reads a PKCS#10 request from PEM text. */
    static PKCS10CertificationRequest readRequest(byte[] pem) {
        try {
            return new PKCS10CertificationRequest(readObject(pem, "CERTIFICATE REQUEST"));
        } catch (IOException | RuntimeException e) {
            throw new KioskCryptoException("crypto.error.requestFormat", "not a PKCS#10 certification request", e);
        }
    }

    private static byte[] readObject(byte[] pem, String type) {
        Objects.requireNonNull(pem, "pem");
        try (PemReader reader = new PemReader(new InputStreamReader(new ByteArrayInputStream(pem),
                StandardCharsets.US_ASCII))) {
            String key = type.equals("CERTIFICATE") ? "crypto.error.certificateFormat" : "crypto.error.requestFormat";
            PemObject object = reader.readPemObject();
            if (object == null || !type.equals(object.getType())) {
                throw new KioskCryptoException(key, "expected a PEM " + type, null);
            }
            // A second object (a chain, another certificate appended) would leave which one counts to chance.
            PemObject another = reader.readPemObject();
            if (another != null) {
                throw new KioskCryptoException(key, "the file holds more than one PEM object (a " + type
                        + " and a " + another.getType() + "); give exactly one " + type, null);
            }
            return object.getContent();
        } catch (IOException e) {
            throw new KioskCryptoException("crypto.error.certificateFormat", "PEM cannot be read", e);
        }
    }
}
