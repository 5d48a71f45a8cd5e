package kz.sailau.kiosk.crypto;

import java.security.spec.X509EncodedKeySpec;
import java.security.KeyFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.model.PrecinctId;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Node certificates for the precinct network: the authority certifies each machine's TLS key with its name, role
 * and precinct in the subject, {@code CN=kiosk-2, OU=Precinct 4711, T=kiosk, O=Sailau} (X.520 title carries the
 * role), key usage digital signature and extended key usage TLS server and client authentication (RFC 5280
 * section 4.2.1.12), so that it cannot be mistaken for a kiosk's package-encryption certificate and vice versa.
 */
public final class NodeCertificates {

    /** The organisation of every Sailau subject. */
    static final String ORGANISATION = "Sailau";
    private static final String PRECINCT_PREFIX = "Precinct ";

    private NodeCertificates() {
    }

    /** The subject of a node: {@code CN=name, OU=Precinct n, T=role, O=Sailau}. */
    static X500Name subject(NodeName name, NodeRole role, PrecinctId precinct) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, name.value())
                .addRDN(BCStyle.OU, PRECINCT_PREFIX + precinct.number())
                .addRDN(BCStyle.T, role.label())
                .addRDN(BCStyle.O, ORGANISATION)
                .build();
    }

    /**
     * The authority certifies a node's key: checks the request's self-signature and its subject (a node name, a
     * role and a precinct, an EC key) and issues a certificate for TLS client and server authentication.
     *
     * @param authority  the authority's credentials
     * @param requestPem the node's PKCS#10 request (PEM), as written by {@link NodeCredentials#save}
     * @param precinct   the precinct the administrator certifies for; the request must name the same
     * @throws KioskCryptoException {@code node.error.badRequest} if the request is not a valid node request, or
     *                              {@code node.error.otherPrecinct} if it names another precinct
     */
    public static X509Certificate certify(AuthorityCredentials authority, byte[] requestPem, PrecinctId precinct,
                                          Clock clock, Duration validity, SecureRandom random) {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(random, "random");
        if (validity.isNegative() || validity.isZero()) {
            throw new KioskCryptoException("node.error.badRequest", "certificate validity must be positive", null);
        }
        PKCS10CertificationRequest request = Pem.readRequest(requestPem);
        try {
            // The JDK maps only the name "EC", not the key's OID, to its key factory: convert the key first.
            PublicKey requestKey = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(request.getSubjectPublicKeyInfo().getEncoded()));
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(requestKey);
            if (!request.isSignatureValid(verifier)) {
                throw new KioskCryptoException("node.error.badRequest", "node request signature is invalid", null);
            }
            Subject subject = Subject.of(request.getSubject());
            if (!subject.precinct().equals(precinct)) {
                throw new KioskCryptoException("node.error.otherPrecinct",
                        "node request is for precinct " + subject.precinct() + ", not " + precinct, null);
            }
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded()),
                    new BigInteger(64, random).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    subject(subject.name(), subject.role(), subject.precinct()), request.getSubjectPublicKeyInfo());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(request.getSubjectPublicKeyInfo()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(authority.certificate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(AuthorityCredentials.SIGNATURE_ALGORITHM).build(authority.privateKey())));
            if (!(certificate.getPublicKey() instanceof ECPublicKey)) {
                throw new KioskCryptoException("node.error.badRequest", "a node key must be an EC key", null);
            }
            return certificate;
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException | IOException e) {
            throw new KioskCryptoException("node.error.badRequest", "node certification failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Checks that {@code certificate} is a node certificate the authority issued (signature, CA constraints are the
     * authority's own, extended key usage for TLS client and server) and reads who it names. Validity in time is
     * checked by the TLS handshake, not here, so that every node of the ledger reaches the same verdict.
     *
     * @throws KioskCryptoException {@code node.error.uncertified} if the authority did not issue it, or
     *                              {@code node.error.notNodeCertificate} if it is not a node certificate
     */
    public static NodeIdentity identify(X509Certificate certificate, X509Certificate authority) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(authority, "authority");
        try {
            if (!certificate.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
                throw new KioskCryptoException("node.error.uncertified", "certificate not issued by the authority",
                        null);
            }
            PublicKey authorityKey = authority.getPublicKey();
            certificate.verify(authorityKey);
        } catch (GeneralSecurityException e) {
            throw new KioskCryptoException("node.error.uncertified", "certificate signature is not the authority's",
                    e);
        }
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages == null || !usages.contains(KeyPurposeId.id_kp_serverAuth.getId())
                    || !usages.contains(KeyPurposeId.id_kp_clientAuth.getId()) || certificate.getBasicConstraints() >= 0) {
                throw new KioskCryptoException("node.error.notNodeCertificate",
                        "certificate is not for TLS between precinct nodes", null);
            }
        } catch (CertificateParsingException e) {
            throw new KioskCryptoException("node.error.notNodeCertificate", "extended key usage cannot be read", e);
        }
        Subject subject = Subject.of(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        return new NodeIdentity(subject.name(), subject.role(), subject.precinct(), fingerprint(certificate));
    }

    /** Lower-case hex SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        return Digests.sha256Hex(certificate);
    }

    /** The three things a node subject names. */
    record Subject(NodeName name, NodeRole role, PrecinctId precinct) {

        static Subject of(X500Name name) {
            try {
                String common = single(name, BCStyle.CN);
                String unit = single(name, BCStyle.OU);
                String title = single(name, BCStyle.T);
                if (!unit.startsWith(PRECINCT_PREFIX) || !ORGANISATION.equals(single(name, BCStyle.O))) {
                    throw new IllegalArgumentException("subject is not a Sailau precinct node");
                }
                return new Subject(new NodeName(common), NodeRole.parse(title),
                        PrecinctId.parse(unit.substring(PRECINCT_PREFIX.length())));
            } catch (IllegalArgumentException e) {
                throw new KioskCryptoException("node.error.notNodeCertificate",
                        "subject does not name a node, a role and a precinct: " + e.getMessage(), e);
            }
        }

        private static String single(X500Name name, ASN1ObjectIdentifier type) {
            RDN[] rdns = name.getRDNs(type);
            if (rdns.length != 1 || rdns[0].isMultiValued()) {
                throw new IllegalArgumentException("expected exactly one " + BCStyle.INSTANCE.oidToDisplayName(type));
            }
            return IETFUtils.valueToString(rdns[0].getFirst().getValue());
        }
    }
}
