package kz.sailau.kiosk.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 (FIPS 180-4) in the forms the register and audit need. */
public final class Digests {

    private Digests() {
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** SHA-256 of {@code data} as lower-case hex. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** Lower-case hex SHA-256 of a certificate's DER encoding: its fingerprint. */
    public static String sha256Hex(X509Certificate certificate) {
        try {
            return sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new KioskCryptoException("crypto.error.certificateFormat", "certificate cannot be encoded", e);
        }
    }

    /**
     * A certificate's SHA-256 fingerprint as it is read aloud at the key ceremony: upper-case hex pairs joined by
     * colons, the form {@code openssl x509 -noout -fingerprint -sha256} prints, so both sides compare it as printed.
     */
    public static String fingerprintToReadAloud(X509Certificate certificate) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(encoded(certificate)));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new KioskCryptoException("crypto.error.certificateFormat", "certificate cannot be encoded", e);
        }
    }
}
