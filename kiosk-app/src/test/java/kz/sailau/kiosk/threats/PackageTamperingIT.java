package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.PackageFile;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterPackages;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: someone between the authority and the kiosk (a courier, the administrator, malware on the USB stick)
 * changes bytes of a register package ({@code .srp}). Every byte of the file is verified (decision 0131): a flip of
 * any byte, and any other change of each byte of the manifest signature, is refused; so are a changed letter in the CN of the certificate
 * carried inside the CMS SignedData, the other ECDSA signature {@code (r, n - s)} that verifies as well, and bytes
 * appended inside the signature section. Nothing is loaded, and the hash the kiosk records for a package it loads is
 * the {@code sha256sum} of the file it verified.
 */
class PackageTamperingIT {

    @TempDir
    Path root;
    ThreatWorld world;
    byte[] original;
    X509Certificate authority;
    KioskCredentials credentials;

    @BeforeEach
    void package_() throws Exception {
        world = ThreatWorld.create(root);
        original = Files.readAllBytes(world.registerPackage("v1.srp", 1, 1));
        authority = RegisterFixtures.authority().certificate();
        credentials = KioskDataDirectory.at(world.kiosk).unlock(RegisterFixtures.PASSPHRASE);
        RegisterPackages.open(original, credentials, authority);
    }

    @Test
    void everyByteFlippedIsRefused() {
        int refused = 0;
        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            assertRefusedByTheKiosk(tampered, "byte " + i + " of " + original.length);
            refused++;
        }
        assertEquals(original.length, refused);
    }

    @Test
    void everyByteOfTheManifestSignatureChangedOtherwiseIsRefused() {
        // The signature section is the part no hash covers: besides the low bit (above), its high bit and the whole
        // byte are changed at every position.
        PackageFile parts = PackageFile.parse(original);
        int start = 10 + 2 + 4 + parts.manifest().length + 4;
        assertEquals(parts.manifestSignature()[0], original[start], "signature section located");
        for (int i = start; i < start + parts.manifestSignature().length; i++) {
            for (int mask : new int[] {0x80, 0xFF}) {
                byte[] tampered = original.clone();
                tampered[i] ^= (byte) mask;
                assertRefusedByTheKiosk(tampered, "mask " + mask + " on signature byte " + (i - start));
            }
        }
    }

    @Test
    void aChangedLetterInTheCarriedCertificatesCommonNameIsRefused() throws Exception {
        byte[] tampered = original.clone();
        byte[] name = "Test authority (DEMO)".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(tampered, name);
        assertTrue(at > 0, "the carried certificate's CN is in the file");
        tampered[at] = 'B';
        assertRefusedByTheKiosk(tampered, "CN changed");
        ThreatWorld.Run load = load(Files.write(root.resolve("cn.srp"), tampered));
        assertEquals(1, load.exit(), load.err());
        assertTrue(load.err().startsWith("error [register.error.signature]"), load.err());
        ThreatWorld.Run inspect = ThreatWorld.run("register", "inspect", root.resolve("cn.srp").toString(),
                "--authority-cert", world.authorityCertificateFile.toString());
        assertTrue(inspect.exit() == 1 && inspect.err().startsWith("error [register.error.signature]"),
                inspect.err());
        assertNothingLoaded();
    }

    @Test
    void theOtherValidEcdsaSignatureIsRefused() throws Exception {
        PackageFile parts = PackageFile.parse(original);
        ContentInfo info = ContentInfo.getInstance(parts.manifestSignature());
        SignedData data = SignedData.getInstance(info.getContent());
        SignerInfo signer = SignerInfo.getInstance(data.getSignerInfos().getObjectAt(0));
        ASN1Sequence pair = ASN1Sequence.getInstance(signer.getEncryptedDigest().getOctets());
        BigInteger r = ASN1Integer.getInstance(pair.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(pair.getObjectAt(1)).getValue();
        BigInteger n = ((ECPublicKey) authority.getPublicKey()).getParams().getOrder();
        assertTrue(s.compareTo(n.shiftRight(1)) <= 0, "the authority writes the low s");
        byte[] highS = new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))})
                .getEncoded(ASN1Encoding.DER);
        SignerInfo malleated = new SignerInfo(signer.getSID(), signer.getDigestAlgorithm(),
                signer.getAuthenticatedAttributes(), signer.getDigestEncryptionAlgorithm(), new DEROctetString(highS),
                signer.getUnauthenticatedAttributes());
        SignedData other = new SignedData(data.getDigestAlgorithms(), data.getEncapContentInfo(),
                data.getCertificates(), data.getCRLs(), new DERSet(malleated));
        byte[] signature = new ContentInfo(info.getContentType(), other).getEncoded(ASN1Encoding.DER);
        java.security.Signature ecdsa = java.security.Signature.getInstance("SHA256withECDSA");
        ecdsa.initVerify(authority.getPublicKey());
        ecdsa.update(new DERSet(signer.getAuthenticatedAttributes().toArray()).getEncoded(ASN1Encoding.DER));
        assertTrue(ecdsa.verify(highS), "(r, n - s) is a valid signature too: only the canonical form tells");
        byte[] tampered = new PackageFile(parts.manifest(), signature, parts.envelope()).toBytes();
        assertRefusedByTheKiosk(tampered, "high s");
        assertEquals(1, load(Files.write(root.resolve("high-s.srp"), tampered)).exit());
        assertNothingLoaded();
    }

    @Test
    void bytesAppendedInsideTheSignatureSectionAreRefused() throws Exception {
        PackageFile parts = PackageFile.parse(original);
        byte[] longer = java.util.Arrays.copyOf(parts.manifestSignature(), parts.manifestSignature().length + 3);
        byte[] tampered = new PackageFile(parts.manifest(), longer, parts.envelope()).toBytes();
        assertRefusedByTheKiosk(tampered, "appended bytes");
        assertEquals(1, load(Files.write(root.resolve("appended.srp"), tampered)).exit());
        assertNothingLoaded();
    }

    @Test
    void theRecordedHashIsTheHashOfTheVerifiedFile() throws Exception {
        Path file = Files.write(root.resolve("good.srp"), original);
        assertEquals(0, load(file).exit());
        ThreatWorld.Run status = ThreatWorld.succeed("register", "status", "--data", world.kiosk.toString());
        assertTrue(status.out().contains("package sha256 " + ThreatWorld.sha256(original)), status.out());
    }

    private void assertRefusedByTheKiosk(byte[] tampered, String what) {
        try {
            RegisterPackages.open(tampered, credentials, authority);
            fail(what + ": a tampered package opened");
        } catch (RegisterException | KioskCryptoException expected) {
            // refused with a message key
        }
    }

    private ThreatWorld.Run load(Path file) {
        return ThreatWorld.run("register", "load", "--data", world.kiosk.toString(), "--package", file.toString(),
                "--passphrase-file", world.passphrase.toString());
    }

    private void assertNothingLoaded() {
        ThreatWorld.Run status = ThreatWorld.run("register", "status", "--data", world.kiosk.toString());
        assertTrue(status.exit() == 1 && status.err().startsWith("error [register.error.noneLoaded]"), status.err());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
