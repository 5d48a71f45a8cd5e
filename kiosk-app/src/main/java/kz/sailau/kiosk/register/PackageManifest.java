package kz.sailau.kiosk.register;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;

/**
 * The public, signed description of a register package (JSON, readable without the kiosk key): no
 * personal data, only what the administrator and the kiosk need to decide whether to load it.
 *
 * @param format           always {@link #FORMAT}
 * @param formatVersion    always {@link #FORMAT_VERSION}
 * @param election         election id
 * @param precinct         precinct number
 * @param registerVersion  register version (must grow)
 * @param voterCount       number of voter records
 * @param fingerCount      number of enrolled templates (one per enrolment impression of a finger)
 * @param extractorVersion template extractor, e.g. {@code sourceafis-3.18.1}
 * @param created          ISO-8601 instant of the build
 * @param recordsSha256    hex SHA-256 of the plaintext records document
 * @param envelopeSha256   hex SHA-256 of the encrypted envelope as stored in the file
 * @param kioskKeyId       hex subject key identifier of the kiosk the package is encrypted to; absent in a
 *                         precinct package
 * @param acceptedDuplicateCount number of duplicates accepted with reasons
 * @param templatesPerVoter number of voters by their number of enrolled templates (e.g. {@code {"4": 40}}), from
 *                          which the kiosk's verify threshold follows (decision 0040); absent in packages built
 *                          before several impressions per finger
 * @param redirectSha256   hex SHA-256 of the redirection table section (decision 0210); absent without one
 * @param redirectEntries  number of IINs in the redirection table; absent without one
 * @param redirectStations number of polling stations the redirection table names; absent without one
 * @param kioskKeyIds      a precinct package (decision 0250): the hex subject key identifiers of the two or more
 *                         kiosks it is encrypted to, in their recipients' order; absent in a package for one kiosk
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonPropertyOrder({"format", "formatVersion", "election", "precinct", "registerVersion", "voterCount", "fingerCount",
        "extractorVersion", "created", "recordsSha256", "envelopeSha256", "kioskKeyId", "acceptedDuplicateCount",
        "templatesPerVoter", "redirectSha256", "redirectEntries", "redirectStations", "kioskKeyIds"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageManifest(String format, int formatVersion, String election, int precinct, long registerVersion,
                              int voterCount, int fingerCount, String extractorVersion, String created,
                              String recordsSha256, String envelopeSha256, String kioskKeyId,
                              int acceptedDuplicateCount, SortedMap<String, Integer> templatesPerVoter,
                              String redirectSha256, Integer redirectEntries, Integer redirectStations,
                              List<String> kioskKeyIds) {

    /** The format tag. */
    public static final String FORMAT = "sailau-register-package";
    /** The only format version this software reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The kiosk keys the package is encrypted to: the one {@link #kioskKeyId} of a kiosk's own package, or the
     * {@link #kioskKeyIds} of a precinct package.
     */
    public List<String> recipients() {
        return kioskKeyIds != null ? kioskKeyIds : kioskKeyId != null ? List.of(kioskKeyId) : List.of();
    }

    /** Whether this is a precinct package, encrypted to several kiosks (decision 0250). */
    public boolean forSeveralKiosks() {
        return kioskKeyIds != null;
    }
}
