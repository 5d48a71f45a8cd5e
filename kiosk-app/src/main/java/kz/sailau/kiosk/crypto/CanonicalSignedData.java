package kz.sailau.kiosk.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;

/**
 * The one canonical DER form of a detached CMS SignedData (RFC 5652 section 5) with one signer, as every signer of
 * the product writes it: the signer's certificate as the only certificate, no CRLs, no unsigned attributes, the
 * signer identified by issuer and serial number, SHA-256 and the signature algorithm named by fixed identifiers
 * (ECDSA with SHA-256 without parameters and its signature with the low {@code s}; {@code sha256WithRSAEncryption}
 * with NULL parameters, as Bouncy Castle's generator names it), DER throughout. Everything the signature does not
 * cover is rebuilt from constants and the certificate; the signed attributes are kept, since the signature covers
 * them. A verifier compares a file with this form byte for byte, so that a file that verifies but differs from what
 * was signed (BER lengths, an extra certificate, an unsigned attribute, an ECDSA {@code (r, n - s)}) is refused
 * (decisions 0131 and 0365).
 */
final class CanonicalSignedData {

    private CanonicalSignedData() {
    }

    /**
     * The canonical form of {@code signed}, whose one signer holds the key of {@code signer}.
     *
     * @throws IllegalArgumentException with words when {@code signed} cannot have a canonical form (not a SignedData,
     *                                  not exactly one signer, no signed attributes, a key that is neither EC nor
     *                                  RSA, an ECDSA signature that is not two integers)
     * @throws IOException              when a part cannot be encoded
     * @throws GeneralSecurityException when the certificate cannot be encoded
     */
    static byte[] of(CMSSignedData signed, X509Certificate signer) throws IOException, GeneralSecurityException {
        if (!CMSObjectIdentifiers.signedData.equals(signed.toASN1Structure().getContentType())) {
            throw new IllegalArgumentException("not a SignedData");
        }
        SignedData data = SignedData.getInstance(signed.toASN1Structure().getContent());
        if (data.getSignerInfos().size() != 1) {
            throw new IllegalArgumentException("expected exactly one signer, found " + data.getSignerInfos().size());
        }
        SignerInfo info = SignerInfo.getInstance(data.getSignerInfos().getObjectAt(0));
        if (info.getAuthenticatedAttributes() == null) {
            throw new IllegalArgumentException("the signer has no signed attributes");
        }
        Certificate certificate = Certificate.getInstance(signer.getEncoded());
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
        PublicKey key = signer.getPublicKey();
        AlgorithmIdentifier algorithm;
        byte[] value = info.getEncryptedDigest().getOctets();
        if (key instanceof ECPublicKey ec) {
            algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            value = lowS(value, ec);
        } else if (key instanceof RSAPublicKey) {
            algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        } else {
            throw new IllegalArgumentException("the signer's key is neither an EC nor an RSA key");
        }
        SignerInfo canonicalSigner = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(certificate)),
                sha256, info.getAuthenticatedAttributes(), algorithm, new DEROctetString(value), null);
        SignedData canonicalData = new SignedData(new DERSet(sha256), new ContentInfo(CMSObjectIdentifiers.data, null),
                new DERSet(certificate), null, new DERSet(canonicalSigner));
        return new ContentInfo(CMSObjectIdentifiers.signedData, canonicalData).getEncoded(ASN1Encoding.DER);
    }

    /**
     * The ECDSA signature {@code (r, s)} as DER with {@code s <= n/2} (n: the order of the key's curve): for ECDSA
     * {@code (r, n - s)} verifies as well as {@code (r, s)}.
     */
    private static byte[] lowS(byte[] signature, ECPublicKey key) throws IOException {
        ASN1Sequence pair = ASN1Sequence.getInstance(signature);
        if (pair.size() != 2) {
            throw new IllegalArgumentException("an ECDSA signature is two integers");
        }
        BigInteger r = ASN1Integer.getInstance(pair.getObjectAt(0)).getPositiveValue();
        BigInteger s = ASN1Integer.getInstance(pair.getObjectAt(1)).getPositiveValue();
        BigInteger order = key.getParams().getOrder();
        if (s.compareTo(order.shiftRight(1)) > 0) {
            s = order.subtract(s);
        }
        return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded(ASN1Encoding.DER);
    }
}
