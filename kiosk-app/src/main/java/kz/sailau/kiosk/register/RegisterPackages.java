package kz.sailau.kiosk.register;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kz.sailau.kiosk.crypto.AuthorityCredentials;
import kz.sailau.kiosk.crypto.Digests;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.PackageCrypto;

/**
 * Writes and reads register packages ({@code .srp}, layout in {@link PackageFile}): the authority signs a
 * public manifest and signs-then-encrypts the records to one kiosk, or once to every kiosk of the precinct; a kiosk checks the manifest signature
 * against its pinned authority certificate, checks the envelope hash, decrypts, checks the inner signature
 * and the records hash.
 */
public final class RegisterPackages {

    private static final ObjectMapper MANIFEST_JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Read one way only (decision 0445): as RecordsCodec.JSON.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private RegisterPackages() {
    }

    /**
     * A package read and verified by a kiosk.
     *
     * @param manifest      the verified manifest
     * @param contents      the decrypted, verified records
     * @param packageSha256 hex SHA-256 of the whole file
     */
    public record OpenedPackage(PackageManifest manifest, RegisterContents contents, String packageSha256) {
    }

    /**
     * Builds the package file for one kiosk.
     *
     * @param contents         the register
     * @param authority        the signing authority
     * @param kioskCertificate the kiosk's certificate, issued by that authority
     * @return the file bytes
     */
    public static byte[] write(RegisterContents contents, AuthorityCredentials authority,
                               X509Certificate kioskCertificate) {
        return write(contents, authority, List.of(kioskCertificate));
    }

    /**
     * Builds one package for the kiosks of the register's precinct (decision 0250): the records encrypted once, to
     * every certificate. Each certificate must be issued by the authority for key encipherment and name the
     * register's precinct, and no kiosk key may come twice; this is checked before anything is encrypted. With one
     * certificate the file is exactly a package for that kiosk ({@link #write(RegisterContents,
     * AuthorityCredentials, X509Certificate)}).
     *
     * @param kioskCertificates the precinct's kiosk certificates, at least one
     * @return the file bytes
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException {@code register.error.kioskCertificate},
     *                                                     {@code register.error.kioskPrecinct} or
     *                                                     {@code register.error.duplicateKiosk}
     */
    public static byte[] writeForPrecinct(RegisterContents contents, AuthorityCredentials authority,
                                          List<X509Certificate> kioskCertificates) {
        Objects.requireNonNull(contents, "contents");
        PackageCrypto.checkPrecinctKioskCertificates(kioskCertificates, authority.certificate(), contents.precinct());
        return write(contents, authority, kioskCertificates);
    }

    private static byte[] write(RegisterContents contents, AuthorityCredentials authority,
                                List<X509Certificate> kioskCertificates) {
        Objects.requireNonNull(contents, "contents");
        if (kioskCertificates.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one kiosk certificate");
        }
        byte[] records = RecordsCodec.encode(contents);
        byte[] envelope = PackageCrypto.signAndEncrypt(records, authority, kioskCertificates);
        List<String> keyIds = kioskCertificates.stream()
                .map(certificate -> HexFormat.of().formatHex(PackageCrypto.keyIdentifier(certificate))).toList();
        boolean several = keyIds.size() > 1;
        PackageManifest manifest = new PackageManifest(PackageManifest.FORMAT, PackageManifest.FORMAT_VERSION,
                contents.election().value(), contents.precinct().number(), contents.version(),
                contents.records().size(), contents.fingerCount(), contents.extractorVersion(),
                contents.created().toString(), Digests.sha256Hex(records), Digests.sha256Hex(envelope),
                several ? null : keyIds.get(0), contents.acceptedDuplicates().size(), templatesPerVoter(contents),
                contents.redirection().map(r -> Digests.sha256Hex(r.table().bytes())).orElse(null),
                contents.redirection().map(r -> r.table().entryCount()).orElse(null),
                contents.redirection().map(r -> r.table().stations().size()).orElse(null),
                several ? keyIds : null);
        byte[] manifestBytes;
        try {
            manifestBytes = MANIFEST_JSON.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new IllegalStateException("manifest encoding failed", e);
        }
        byte[] signature = PackageCrypto.signDetached(manifestBytes, authority);
        return new PackageFile(manifestBytes, signature, envelope,
                contents.redirection().map(r -> r.table().bytes()).orElse(new byte[0])).toBytes();
    }

    /**
     * Reads the manifest and checks its signature and the envelope hash, without decrypting anything.
     *
     * @throws RegisterException                              on a malformed or truncated file or manifest
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException    {@code register.error.signature} if not signed by
     *                                                        {@code pinnedAuthority}
     */
    public static PackageManifest inspect(byte[] file, X509Certificate pinnedAuthority) {
        return inspect(PackageFile.parse(file), pinnedAuthority);
    }

    private static PackageManifest inspect(PackageFile parts, X509Certificate pinnedAuthority) {
        PackageCrypto.verifyDetached(parts.manifest(), parts.manifestSignature(), pinnedAuthority);
        PackageManifest manifest = parseManifest(parts.manifest());
        if (!Digests.sha256Hex(parts.envelope()).equals(manifest.envelopeSha256())) {
            throw new RegisterException("register.error.damaged",
                    "encrypted records do not match the signed manifest hash", null);
        }
        boolean hasTable = parts.redirectTable().length > 0;
        if (hasTable != (manifest.redirectSha256() != null)
                || (hasTable && !Digests.sha256Hex(parts.redirectTable()).equals(manifest.redirectSha256()))) {
            throw new RegisterException("register.error.damaged",
                    "the redirection table does not match the signed manifest", null);
        }
        return manifest;
    }

    /**
     * Reads the manifest without checking any signature (to show what a file claims to be).
     *
     * @throws RegisterException on a malformed file
     */
    public static PackageManifest readUnverifiedManifest(byte[] file) {
        return parseManifest(PackageFile.parse(file).manifest());
    }

    /**
     * Fully opens a package on the kiosk.
     *
     * @throws RegisterException                           on a malformed, truncated or inconsistent package
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException on a bad signature or a package for another kiosk
     */
    public static OpenedPackage open(byte[] file, KioskCredentials kiosk, X509Certificate pinnedAuthority) {
        PackageFile parts = PackageFile.parse(file);
        PackageManifest manifest = inspect(parts, pinnedAuthority);
        byte[] records = PackageCrypto.decryptAndVerify(parts.envelope(), kiosk, pinnedAuthority);
        if (!Digests.sha256Hex(records).equals(manifest.recordsSha256())) {
            throw new RegisterException("register.error.damaged", "records do not match the manifest hash", null);
        }
        Optional<RedirectTable> table = parts.redirectTable().length == 0 ? Optional.empty()
                : Optional.of(RedirectTable.parse(parts.redirectTable()));
        if (table.isPresent() && (table.get().entryCount() != manifest.redirectEntries()
                || table.get().stations().size() != manifest.redirectStations())) {
            throw new RegisterException("register.error.damaged", "redirection table disagrees with the manifest",
                    null);
        }
        RegisterContents contents = RecordsCodec.decode(records, table);
        if (contents.records().size() != manifest.voterCount() || contents.fingerCount() != manifest.fingerCount()
                || (manifest.templatesPerVoter() != null
                        && !manifest.templatesPerVoter().equals(templatesPerVoter(contents)))
                || contents.version() != manifest.registerVersion()
                || contents.precinct().number() != manifest.precinct()
                || !contents.election().value().equals(manifest.election())) {
            throw new RegisterException("register.error.damaged", "records disagree with the manifest", null);
        }
        return new OpenedPackage(manifest, contents, Digests.sha256Hex(file));
    }

    /** Number of voters by number of enrolled templates, keys as decimal text in numeric order. */
    static SortedMap<String, Integer> templatesPerVoter(RegisterContents contents) {
        SortedMap<String, Integer> counts = new TreeMap<>(
                Comparator.comparingInt(Integer::parseInt));
        for (RegisterRecord record : contents.records()) {
            counts.merge(String.valueOf(record.fingers().size()), 1, Integer::sum);
        }
        return counts;
    }

    private static PackageManifest parseManifest(byte[] bytes) {
        try {
            PackageManifest manifest = MANIFEST_JSON.readValue(bytes, PackageManifest.class);
            if (manifest == null || !PackageManifest.FORMAT.equals(manifest.format())) {
                throw new RegisterException("register.error.malformed", "manifest has a wrong format tag", null);
            }
            if (manifest.formatVersion() != PackageManifest.FORMAT_VERSION) {
                throw new RegisterException("register.error.formatVersion", "package format version "
                        + manifest.formatVersion() + " is not supported (expected " + PackageManifest.FORMAT_VERSION
                        + ")", null);
            }
            if ((manifest.redirectSha256() != null) != (manifest.redirectEntries() != null)
                    || (manifest.redirectSha256() != null) != (manifest.redirectStations() != null)) {
                throw new RegisterException("register.error.malformed",
                        "manifest describes the redirection table only in part", null);
            }
            if ((manifest.kioskKeyId() == null) == (manifest.kioskKeyIds() == null)
                    || (manifest.kioskKeyIds() != null && (manifest.kioskKeyIds().size() < 2
                            || manifest.kioskKeyIds().stream().anyMatch(id -> id == null || id.isEmpty())
                            || manifest.kioskKeyIds().stream().distinct().count() != manifest.kioskKeyIds().size()))) {
                throw new RegisterException("register.error.malformed",
                        "manifest must name one kiosk key, or two or more different ones", null);
            }
            if (manifest.templatesPerVoter() != null) {
                for (Map.Entry<String, Integer> entry : manifest.templatesPerVoter().entrySet()) {
                    if (!entry.getKey().matches("[1-9][0-9]?") || entry.getValue() == null || entry.getValue() < 0) {
                        throw new RegisterException("register.error.malformed",
                                "manifest has a malformed templatesPerVoter entry", null);
                    }
                }
            }
            return manifest;
        } catch (IOException e) {
            throw new RegisterException("register.error.malformed",
                    "manifest cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The manifest as indented JSON text, for {@code register inspect}. */
    public static String manifestJson(PackageManifest manifest) {
        try {
            return MANIFEST_JSON.writeValueAsString(manifest);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
