package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kz.sailau.kiosk.FuzzSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of what a kiosk reads from a register package file (a USB stick): the
 * container ({@link PackageFile}), the manifest JSON (also alone, in a well-formed container) ({@link PackageManifest}, via
 * {@link RegisterPackages#readUnverifiedManifest}), the decrypted records document ({@link RecordsCodec}) and
 * the {@code voters.csv} the register builder reads ({@link VoterCsvReader}).
 *
 * <p>Oracles: the readers refuse only with {@link RegisterException} carrying a {@code register.error.*} key
 * (the CSV reader never throws: it reports row problems); what is accepted round-trips (container bytes,
 * records re-encode to the same document); CSV rows have exactly the eight columns. Seeds:
 * {@code src/test/resources/kz/sailau/kiosk/register/RegisterPackageFuzzTestInputs/<method>/}.
 */
class RegisterPackageFuzzTest {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsPackageFileOrRefuses(byte[] file) {
        PackageFile parts;
        try {
            parts = PackageFile.parse(file);
        } catch (RegisterException refused) {
            assertRegisterKey(refused);
            return;
        }
        assertArrayEquals(file, parts.toBytes(), "the container does not round-trip");
        try {
            PackageManifest manifest = RegisterPackages.readUnverifiedManifest(file);
            assertEquals(PackageManifest.FORMAT, manifest.format());
            assertEquals(PackageManifest.FORMAT_VERSION, manifest.formatVersion());
            assertNotNull(RegisterPackages.manifestJson(manifest));
        } catch (RegisterException refused) {
            assertRegisterKey(refused);
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsManifestOrRefuses(byte[] manifest) {
        // The manifest JSON alone, in a well-formed container, so that mutations are not lost to its lengths.
        byte[] file = new PackageFile(manifest, new byte[0], new byte[0]).toBytes();
        try {
            PackageManifest read = RegisterPackages.readUnverifiedManifest(file);
            assertEquals(PackageManifest.FORMAT, read.format());
            assertEquals(PackageManifest.FORMAT_VERSION, read.formatVersion());
            assertNotNull(RegisterPackages.manifestJson(read));
        } catch (RegisterException refused) {
            assertRegisterKey(refused);
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodesRecordsOrRefuses(byte[] document) {
        RegisterContents contents;
        try {
            contents = RecordsCodec.decode(document);
        } catch (RegisterException refused) {
            assertRegisterKey(refused);
            return;
        }
        byte[] encoded = RecordsCodec.encode(contents);
        assertArrayEquals(encoded, RecordsCodec.encode(RecordsCodec.decode(encoded)),
                "accepted records do not round-trip");
        assertEquals(contents.records().size(), RecordsCodec.decode(encoded).records().size());
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsAnyVotersCsv(byte[] file) {
        VoterCsvReader.CsvContent content = VoterCsvReader.parse(file);
        int previousLine = 1;
        for (VoterCsvReader.CsvRow row : content.rows()) {
            assertEquals(VoterCsvReader.COLUMNS.size(), row.values().size());
            assertTrue(row.line() > previousLine, "row lines must increase");
            previousLine = row.line();
        }
        for (RowProblem problem : content.problems()) {
            assertTrue(problem.line() >= 1);
            assertFalse(TWELVE_DIGITS.matcher(problem.reason()).find(), "a row problem may quote an IIN");
        }
    }

    private static void assertRegisterKey(RegisterException refused) {
        assertTrue(refused.messageKey().startsWith("register.error."), refused.messageKey());
    }

    @Test
    void validSeedsAreAccepted() {
        for (byte[] seed : FuzzSeeds.valid(getClass(), "readsPackageFileOrRefuses")) {
            assertEquals(1, RegisterPackages.readUnverifiedManifest(seed).voterCount());
        }
        for (byte[] seed : FuzzSeeds.valid(getClass(), "readsManifestOrRefuses")) {
            PackageFile file = new PackageFile(seed, new byte[0], new byte[0]);
            assertEquals(1, RegisterPackages.readUnverifiedManifest(file.toBytes()).voterCount());
        }
        for (byte[] seed : FuzzSeeds.valid(getClass(), "decodesRecordsOrRefuses")) {
            assertEquals(2, RecordsCodec.decode(seed).records().size());
        }
        for (byte[] seed : FuzzSeeds.valid(getClass(), "readsAnyVotersCsv")) {
            VoterCsvReader.CsvContent content = VoterCsvReader.parse(seed);
            assertEquals(List.of(), content.problems());
            assertEquals(3, content.rows().size());
        }
    }
}
