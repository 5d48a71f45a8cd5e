package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A day bundle reads one way only (session H57, decision 0445). Its counts are compared with the counts recomputed
 * from its log; read leniently, {@code "tokensIssued": 0.9} or {@code "0"} passed as 0 and a second document after
 * the bundle was never read, while an observer's own tool (jq reads every document; Python refuses the file) sees
 * other values in the same signed bytes.
 */
class DayBundleReadOneWayTest {

    private static String honest() {
        return new String(FuzzSeeds.valid(AuditBundleFuzzTest.class, "verifiesAnyBundleFile").get(0),
                StandardCharsets.UTF_8);
    }

    @Test
    void theHonestBundleStillReads() {
        assertEquals(101, DayBundle.parse(honest().getBytes(StandardCharsets.UTF_8)).bundle().precinct());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"second document", "trailing word", "count as fraction", "count as text",
            "count as exponent", "count as true", "precinct as text", "precinct as fraction", "version as text",
            "head sequence as text", "stated check-ins as fraction", "count of 23 digits"})
    void aBundleReadAnotherWayIsRefused(String variant) {
        String honest = honest();
        String hostile = switch (variant) {
            case "second document" -> honest + "{\"counts\": {\"tokensIssued\": 7}}";
            case "trailing word" -> honest + "\nx";
            case "count as fraction" -> honest.replace("\"tokensIssued\": 0,", "\"tokensIssued\": 0.9,");
            case "count as text" -> honest.replace("\"tokensIssued\": 0,", "\"tokensIssued\": \"0\",");
            case "count as exponent" -> honest.replace("\"tokensIssued\": 0,", "\"tokensIssued\": 0e0,");
            case "count as true" -> honest.replace("\"byFingerprint\": 0,", "\"byFingerprint\": false,");
            case "precinct as text" -> honest.replace("\"precinct\": 101,", "\"precinct\": \"101\",");
            case "precinct as fraction" -> honest.replace("\"precinct\": 101,", "\"precinct\": 101.4,");
            case "version as text" -> honest.replace("\"version\": 3,", "\"version\": \"3\",");
            case "head sequence as text" -> honest.replaceFirst("(\"auditHead\": \\{\\s*\"sequence\": )(\\d+)",
                    "$1\"$2\"");
            case "count of 23 digits" -> honest.replace("\"tokensIssued\": 0,",
                    "\"tokensIssued\": 18446744073709551616000,");
            default -> honest.replace("\"checkIns\": 0,", "\"checkIns\": 0.5,");
        };
        assertTrue(!hostile.equals(honest), "the variant changed nothing: " + variant);
        BundleFormatException refused = assertThrows(BundleFormatException.class,
                () -> DayBundle.parse(hostile.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
    }
}
