package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.PackageCrypto;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest of a precinct package (decision 0250) names its kiosks in {@code kioskKeyIds}, a kiosk's own package
 * its kiosk in {@code kioskKeyId}: a signed manifest that names both, neither, one kiosk in the list or one kiosk
 * twice is malformed; and {@link RegisterPackages#writeForPrecinct} checks every certificate before it encrypts.
 */
class PrecinctPackageManifestTest {

    @TempDir
    Path temp;

    private static String manifestOf(byte[] file) {
        return new String(PackageFile.parse(file).manifest(), StandardCharsets.UTF_8);
    }

    /** The package with its manifest text replaced and signed again by the authority (a signed but wrong manifest). */
    private static byte[] resigned(byte[] file, String from, String to) {
        PackageFile parts = PackageFile.parse(file);
        String text = new String(parts.manifest(), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), text);
        byte[] manifest = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        return new PackageFile(manifest, PackageCrypto.signDetached(manifest, RegisterFixtures.authority()),
                parts.envelope(), parts.redirectTable()).toBytes();
    }

    @Test
    void aManifestNamingItsKiosksAmbiguouslyIsMalformed() throws Exception {
        X509Certificate certificate = RegisterFixtures.initKiosk(temp.resolve("kiosk"), RegisterFixtures.PRECINCT);
        byte[] own = RegisterPackages.writeForPrecinct(RegisterFixtures.contents(2, 1, 3), RegisterFixtures.authority(),
                List.of(certificate));
        String keyId = RegisterPackages.readUnverifiedManifest(own).kioskKeyId();
        String line = "\"kioskKeyId\" : \"" + keyId + "\",";
        assertTrue(manifestOf(own).contains(line), manifestOf(own));
        assertFalse(manifestOf(own).contains("kioskKeyIds"), "one kiosk: the manifest is what it always was");
        for (String wrong : List.of(
                line + " \"kioskKeyIds\" : [ \"" + keyId + "\", \"00ff\" ],",
                "\"kioskKeyIds\" : [ \"" + keyId + "\" ],",
                "\"kioskKeyIds\" : [ \"" + keyId + "\", \"" + keyId + "\" ],",
                "\"kioskKeyIds\" : [ \"" + keyId + "\", \"\" ],",
                "")) {
            byte[] file = resigned(own, line, wrong);
            RegisterException e = assertThrows(RegisterException.class,
                    () -> RegisterPackages.inspect(file, RegisterFixtures.authority().certificate()), wrong);
            assertEquals("register.error.malformed", e.messageKey(), wrong);
        }
        byte[] listed = resigned(own, line, "\"kioskKeyIds\" : [ \"" + keyId + "\", \"00ff\" ],");
        PackageManifest manifest = RegisterPackages.inspect(listed, RegisterFixtures.authority().certificate());
        assertEquals(List.of(keyId, "00ff"), manifest.recipients());
        assertTrue(manifest.forSeveralKiosks());
    }

    @Test
    void everyCertificateIsCheckedBeforeAnythingIsEncrypted() throws Exception {
        X509Certificate kiosk = RegisterFixtures.initKiosk(temp.resolve("kiosk"), RegisterFixtures.PRECINCT);
        X509Certificate sameKey = RegisterFixtures.initKiosk(temp.resolve("copy"), RegisterFixtures.PRECINCT);
        X509Certificate otherPrecinct = RegisterFixtures.initKiosk(temp.resolve("p102"), new PrecinctId(102));
        RegisterContents contents = RegisterFixtures.contents(2, 1, 3);
        assertEquals("register.error.kioskPrecinct", assertThrows(KioskCryptoException.class,
                () -> RegisterPackages.writeForPrecinct(contents, RegisterFixtures.authority(),
                        List.of(kiosk, otherPrecinct))).messageKey());
        assertEquals("register.error.duplicateKiosk", assertThrows(KioskCryptoException.class,
                () -> RegisterPackages.writeForPrecinct(contents, RegisterFixtures.authority(),
                        List.of(kiosk, sameKey))).messageKey());
        assertEquals("register.error.kioskCertificate", assertThrows(KioskCryptoException.class,
                () -> RegisterPackages.writeForPrecinct(contents, RegisterFixtures.authority(),
                        List.of(kiosk, RegisterFixtures.authority().certificate()))).messageKey());
    }
}
