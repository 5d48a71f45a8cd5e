package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The signed manifest and the records document read one way only (session H57, decision 0445): a second document
 * or a word after the first, a fraction, an exponent or a text where a whole number belongs are refused, so that the
 * kiosk never acts on a value that another reader of the same signed bytes would read differently (JSON's own
 * rules, a Python or JavaScript reader: {@code 101.9} is not 101, {@code {…}{…}} is not one document).
 */
class RegisterJsonReadOneWayTest {

    private static String records() {
        return new String(FuzzSeeds.valid(RegisterPackageFuzzTest.class, "decodesRecordsOrRefuses").get(0),
                StandardCharsets.UTF_8);
    }

    private static String manifest() {
        return new String(FuzzSeeds.valid(RegisterPackageFuzzTest.class, "readsManifestOrRefuses").get(0),
                StandardCharsets.UTF_8);
    }

    private static PackageManifest readManifest(String json) {
        PackageFile file = new PackageFile(json.getBytes(StandardCharsets.UTF_8), new byte[0], new byte[0]);
        return RegisterPackages.readUnverifiedManifest(file.toBytes());
    }

    @Test
    void theHonestDocumentsStillRead() {
        assertEquals(2, RecordsCodec.decode(records().getBytes(StandardCharsets.UTF_8)).records().size());
        assertEquals(3, readManifest(manifest()).registerVersion());
    }

    @ParameterizedTest(name = "records {0}")
    @ValueSource(strings = {"second document", "trailing word", "fraction", "exponent", "number as text"})
    void recordsReadAnotherWayAreRefused(String variant) {
        String honest = records();
        String hostile = switch (variant) {
            case "second document" -> honest + "{\"format\":\"sailau-register-records-1\"}";
            case "trailing word" -> honest + " x";
            case "fraction" -> honest.replace("\"registerVersion\":3,", "\"registerVersion\":3.9,");
            case "exponent" -> honest.replace("\"registerVersion\":3,", "\"registerVersion\":3e0,");
            default -> honest.replace("\"registerVersion\":3,", "\"registerVersion\":\"3\",");
        };
        assertTrue(!hostile.equals(honest), "the variant changed nothing: " + variant);
        RegisterException refused = assertThrows(RegisterException.class,
                () -> RecordsCodec.decode(hostile.getBytes(StandardCharsets.UTF_8)));
        assertEquals("register.error.malformed", refused.messageKey());
    }

    @ParameterizedTest(name = "manifest {0}")
    @ValueSource(strings = {"second document", "trailing word", "fraction", "exponent", "number as text"})
    void manifestsReadAnotherWayAreRefused(String variant) {
        String honest = manifest();
        String hostile = switch (variant) {
            case "second document" -> honest + "{\"registerVersion\" : 9}";
            case "trailing word" -> honest + " x";
            case "fraction" -> honest.replace("\"registerVersion\" : 3,", "\"registerVersion\" : 3.9,");
            case "exponent" -> honest.replace("\"registerVersion\" : 3,", "\"registerVersion\" : 3e0,");
            default -> honest.replace("\"registerVersion\" : 3,", "\"registerVersion\" : \"3\",");
        };
        assertTrue(!hostile.equals(honest), "the variant changed nothing: " + variant);
        RegisterException refused = assertThrows(RegisterException.class, () -> readManifest(hostile));
        assertTrue(List.of("register.error.malformed").contains(refused.messageKey()), refused.messageKey());
    }

    /** A name longer than {@code register build} writes is refused on reading too (decision 0460's padding). */
    @Test
    void aNameLongerThanTheBuilderWritesIsRefused() {
        String honest = records();
        Matcher surname = Pattern.compile("\"surname\":\"[^\"]*\"").matcher(honest);
        assertTrue(surname.find(), "the seed has a surname");
        String longest = honest.substring(0, surname.start()) + "\"surname\":\"" + "Ә".repeat(100) + "\""
                + honest.substring(surname.end());
        assertEquals(2, RecordsCodec.decode(longest.getBytes(StandardCharsets.UTF_8)).records().size(),
                "100 UTF-16 units, the builder's limit, read");
        String longer = longest.replace("Ә".repeat(100), "Ә".repeat(101));
        RegisterException refused = assertThrows(RegisterException.class,
                () -> RecordsCodec.decode(longer.getBytes(StandardCharsets.UTF_8)));
        assertEquals("register.error.malformed", refused.messageKey());
        assertTrue(!refused.getMessage().contains("Ә"), "the name is not quoted");
    }
}
