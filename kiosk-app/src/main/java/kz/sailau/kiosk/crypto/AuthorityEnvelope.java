package kz.sailau.kiosk.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;

/**
 * Encrypts a file to the election authority's certificate so that only the authority can read it (the
 * kiosk cannot read it back either): a CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM content encryption
 * (RFC 5084) and an ephemeral-static ECDH key agreement on the authority's P-256 key with the X9.63 SHA-256
 * KDF and AES-256 key wrap (RFC 5753 section 3.1, RFC 3394). Used for the end-of-day backup of the marked
 * register, which must never exist in plaintext outside the kiosk.
 */
public final class AuthorityEnvelope {

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private AuthorityEnvelope() {
    }

    /**
     * Encrypts {@code content} to the authority.
     *
     * @param authority the authority certificate (an EC P-256 key)
     * @return the DER AuthEnvelopedData
     */
    public static byte[] encrypt(byte[] content, X509Certificate authority, SecureRandom random) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(random, "random");
        try {
            if (!(authority.getPublicKey() instanceof ECPublicKey ecKey)) {
                throw new KioskCryptoException("crypto.error.certificateFormat", "authority key is not an EC key", null);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(ecKey.getParams(), random);
            KeyPair ephemeral = generator.generateKeyPair();
            CMSAuthEnvelopedDataGenerator envelope = new CMSAuthEnvelopedDataGenerator();
            envelope.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                    ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                    .addRecipient(authority).setProvider(PROVIDER).setSecureRandom(random));
            CMSAuthEnvelopedData data = envelope.generate(new CMSProcessableByteArray(content),
                    (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                            CMSAlgorithm.AES256_GCM).setProvider(PROVIDER).setSecureRandom(random).build());
            return data.getEncoded();
        } catch (GeneralSecurityException | CMSException | IOException e) {
            throw new KioskCryptoException("crypto.error.internal", "encryption to the authority failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts an envelope made by {@link #encrypt} with the authority's private key.
     *
     * @throws KioskCryptoException {@code audit.error.backupDamaged} if it is not addressed to this authority
     *                              or was altered
     */
    public static byte[] decrypt(byte[] envelope, AuthorityCredentials authority) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(authority, "authority");
        try {
            CMSAuthEnvelopedData data = new CMSAuthEnvelopedData(envelope);
            RecipientInformation recipient = data.getRecipientInfos()
                    .get(new JceKeyAgreeRecipientId(authority.certificate()));
            if (recipient == null) {
                throw new KioskCryptoException("audit.error.backupDamaged",
                        "the backup is not addressed to this authority", null);
            }
            return recipient.getContent(new JceKeyAgreeAuthEnvelopedRecipient(authority.privateKey())
                    .setProvider(PROVIDER));
        } catch (CMSException | RuntimeException e) {
            if (e instanceof KioskCryptoException k) {
                throw k;
            }
            throw new KioskCryptoException("audit.error.backupDamaged", "the backup cannot be decrypted (not "
                    + "addressed to this authority, or damaged)", e);
        }
    }
}
