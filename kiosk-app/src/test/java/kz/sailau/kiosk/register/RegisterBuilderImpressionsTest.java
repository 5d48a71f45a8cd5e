package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageFileFixtures;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.model.FingerPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several enrolment impressions and fingers per voter, true resolution, and the enrolment quality report. */
class RegisterBuilderImpressionsTest {

    static final SourceAfisMatcher MATCHER = new SourceAfisMatcher();
    static final String HEADER_WITH_DPI = VoterCsvReader.HEADER + ",dpi";

    @TempDir
    Path temp;

    private Path prints() {
        return temp.resolve("prints");
    }

    private RegisterBuilder.Report build(String csv, double minimumQuality) throws Exception {
        Path voters = temp.resolve("voters.csv");
        Files.writeString(voters, csv);
        return new RegisterBuilder(MATCHER, RegisterFixtures.CLOCK).build(new RegisterBuilder.Request(voters, prints(),
                RegisterFixtures.ELECTION, RegisterFixtures.PRECINCT, 1, List.of(), DuplicateDetector.DEFAULT_THRESHOLD,
                minimumQuality), (stage, done, total) -> assertTrue(done <= total));
    }

    private static String row(String key, int serial, String dpi) {
        LocalDate birth = LocalDate.of(1960 + serial, 5, 6);
        return key + "," + RegisterFixtures.iin(birth, true, serial).digits() + ",Бекова" + serial + ",Айжан,," + birth
                + ",M,101" + (dpi == null ? "" : "," + dpi) + "\n";
    }

    private void write(String voter, String file, byte[] bytes) throws Exception {
        Path path = prints().resolve(voter).resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    /** A print scanned at another resolution: the 500-dpi print resampled, as another sensor would see it. */
    private static FingerImage scannedAt(long seed, int dpi) {
        return SyntheticPrints.print(seed, 0).atResolution(dpi);
    }

    @Test
    void enrolsEveryImpressionOfEveryFingerAtTheSensorResolution() throws Exception {
        OptionalInt stated = OptionalInt.of(500);
        write("V0", "right_index_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(10, 0), stated));
        write("V0", "right_index_enrol_2.png", ImageFileFixtures.png(SyntheticPrints.print(10, 4), stated));
        write("V0", "left_index_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(11, 0), stated));
        write("V0", "left_middle_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(12, 0), stated));
        write("V0", "right_index_live_1.png", new byte[] {1, 2, 3}); // not an enrolment image: ignored
        // V1: TIFFs without a resolution, from a 569-dpi sensor, stated in the row.
        write("V1", "right_index_enrol.tif", ImageFileFixtures.tiff(scannedAt(20, 569), OptionalInt.empty()));
        write("V1", "left_index_enrol.tif", ImageFileFixtures.tiff(scannedAt(21, 569), OptionalInt.empty()));
        // V2: BMPs without a resolution, from a 1000-dpi scanner, stated in a dpi file beside them.
        write("V2", "right_index_enrol.bmp", ImageFileFixtures.bmp(scannedAt(30, 1000), OptionalInt.empty()));
        write("V2", "left_index_enrol.bmp", ImageFileFixtures.bmp(scannedAt(31, 1000), OptionalInt.empty()));
        Files.writeString(prints().resolve("V2").resolve("dpi"), "1000\n");

        RegisterBuilder.Report report = build(HEADER_WITH_DPI + "\n" + row("V0", 1, "") + row("V1", 2, "569")
                + row("V2", 3, ""), EnrolmentQuality.DEFAULT_MINIMUM);

        assertEquals(List.of(), report.problems());
        RegisterContents contents = report.contents().orElseThrow();
        RegisterRecord v0 = contents.records().get(0);
        assertEquals(List.of("RIGHT_INDEX#1", "RIGHT_INDEX#2", "LEFT_INDEX#1", "LEFT_MIDDLE#1"),
                v0.fingers().stream().map(f -> f.position() + "#" + f.impression()).toList());
        assertEquals(8, contents.fingerCount());
        // The 569- and 1000-dpi scans were brought to 500 dpi: they match the 500-dpi original of the same finger;
        // taking the 1000-dpi scan at face value (as if it were 500 dpi, the ridges twice as wide) does not.
        double from569 = MATCHER.prepare(MATCHER.extract(SyntheticPrints.print(20, 0)))
                .score(contents.records().get(1).fingers().get(0).template());
        assertTrue(from569 > 100, "569 dpi TIFF " + from569);
        FingerTemplate original = MATCHER.extract(SyntheticPrints.print(31, 0));
        double from1000 = MATCHER.prepare(original).score(contents.records().get(2).fingers().get(1).template());
        FingerImage scanned = scannedAt(31, 1000);
        double faceValue = MATCHER.prepare(original).score(MATCHER.extract(
                new FingerImage(scanned.width(), scanned.height(), scanned.pixels(), 500)));
        assertTrue(from1000 > 100 && faceValue < 40, "1000 dpi BMP " + from1000 + ", at face value " + faceValue);
        assertEquals(new java.util.TreeMap<>(java.util.Map.of("2", 2, "4", 1)),
                RegisterPackages.templatesPerVoter(contents));
    }

    @Test
    void refusesImagesWhoseResolutionOrNameIsWrong() throws Exception {
        FingerImage print = SyntheticPrints.print(40, 0);
        byte[] stated500 = ImageFileFixtures.png(print, OptionalInt.of(500));
        byte[] unstated = ImageFileFixtures.png(print, OptionalInt.empty());
        write("A", "right_index_enrol.png", unstated);                       // line 2: no resolution anywhere
        write("A", "left_index_enrol.png", stated500);
        write("B", "right_index_enrol.png", stated500);                      // line 3: states 500, row says 569
        write("B", "left_index_enrol.png", stated500);
        write("C", "right_index_enrol.png", stated500);                      // line 4: dpi cell is not a number
        write("C", "left_index_enrol.png", stated500);
        write("D", "right_index_enrol.png", stated500);                      // line 5: dpi file is not a number
        write("D", "left_index_enrol.png", stated500);
        Files.writeString(prints().resolve("D").resolve("dpi"), "five hundred");
        write("E", "right_index_enrol.png", stated500);                      // line 6: naming problems
        write("E", "right_index_enrol.tif", ImageFileFixtures.tiff(print, OptionalInt.of(500)));
        write("E", "right_index_enrol_5.png", stated500);
        write("E", "rigth_index_enrol.png", stated500);
        write("E", "left_index_enrol_3.png", stated500);
        write("F", "right_index_enrol.png", stated500);                      // line 7: not an image
        write("F", "left_index_enrol.png", "not an image".getBytes());
        String csv = HEADER_WITH_DPI + "\n" + row("A", 1, "") + row("B", 2, "569") + row("C", 3, "fine")
                + row("D", 4, "") + row("E", 5, "") + row("F", 6, "");

        RegisterBuilder.Report report = build(csv, EnrolmentQuality.DEFAULT_MINIMUM);

        assertFalse(report.contents().isPresent());
        assertEquals(List.of(
                "2\tright_index\tthe image states no resolution; give it in the row's dpi column or a dpi file beside it",
                "3\tright_index\tthe image states 500 dpi but 569 dpi is given for it",
                "3\tleft_index\tthe image states 500 dpi but 569 dpi is given for it",
                "4\tdpi\tdpi must be one number from 250 to 2000",
                "5\tdpi\tdpi file must hold one number from 250 to 2000",
                "6\t-\tunknown finger in an enrolment file name",
                "6\tleft_index\tfirst enrolment image (left_index_enrol) is missing",
                "6\tleft_index#3\timpression 2 is missing",
                "6\tright_index\timpression 1 is given by two files",
                "6\tright_index\timpression must be 1..4",
                "7\tleft_index\timage cannot be decoded as PNG, TIFF or BMP: the file is not an image (its first "
                        + "bytes are of no image format)"),
                report.problems().stream().map(RowProblem::toTsv).toList());
    }

    @Test
    void findsTheSamePersonThroughAnyImpression() throws Exception {
        OptionalInt stated = OptionalInt.of(500);
        for (String key : List.of("E", "F")) {
            long seed = key.equals("E") ? 60 : 70;
            write(key, "right_index_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(seed, 0), stated));
            write(key, "left_index_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(seed + 1, 0), stated));
        }
        write("E", "left_index_enrol_2.png", ImageFileFixtures.png(SyntheticPrints.print(61, 3), stated));
        // F's second right-index impression is E's left index again.
        write("F", "right_index_enrol_2.png", ImageFileFixtures.png(SyntheticPrints.print(61, 6), stated));
        RegisterBuilder.Report report = build(VoterCsvReader.HEADER + "\n" + row("E", 7, null).replace(",,", ",,")
                + row("F", 8, null), EnrolmentQuality.DEFAULT_MINIMUM);
        assertEquals(List.of("finger:E+F"), report.unaccepted().stream().map(DuplicateCase::id).toList());
        String evidence = report.unaccepted().get(0).evidence();
        assertTrue(evidence.contains("right_index#2 of line 3") || evidence.contains("matches right_index#2 of line 3"),
                evidence);
        // Both impressions of the duplicate finger come out as too close to another voter.
        List<String> close = report.quality().stream()
                .filter(f -> f.reason() == EnrolmentQuality.Reason.TOO_CLOSE).map(f -> f.line() + " " + f.field())
                .toList();
        assertTrue(close.contains("3 right_index#2"), close.toString());
    }

    @Test
    void ranksTheImpressionsLikelyToFailWorstFirst() throws Exception {
        OptionalInt stated = OptionalInt.of(500);
        write("G", "right_index_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(80, 0), stated));
        write("G", "left_index_enrol.png", ImageFileFixtures.png(SyntheticPrints.print(81, 0), stated));
        write("S", "right_index_enrol.png", ImageFileFixtures.png(keepDisc(SyntheticPrints.print(90, 0), 45), stated));
        write("S", "left_index_enrol.png", ImageFileFixtures.png(keepDisc(SyntheticPrints.print(91, 0), 70), stated));
        String csv = VoterCsvReader.HEADER + "\n" + row("G", 9, null) + row("S", 10, null);

        RegisterBuilder.Report report = build(csv, EnrolmentQuality.DEFAULT_MINIMUM);

        assertTrue(report.contents().isPresent(), "the quality report never blocks the build");
        List<EnrolmentQuality.Finding> findings = report.quality();
        assertEquals(List.of("3 S right_index", "3 S left_index"),
                findings.stream().map(f -> f.line() + " " + f.voterKey() + " " + f.field()).toList(),
                findings.stream().map(EnrolmentQuality.Finding::toTsv).toList().toString());
        assertEquals(0, findings.get(0).quality(), "23 mm² is past the useless 40 mm²");
        assertTrue(findings.stream().allMatch(f -> f.reason() == EnrolmentQuality.Reason.TOO_SMALL
                || f.reason() == EnrolmentQuality.Reason.TOO_FEW_MINUTIAE), findings.toString());
        assertTrue(findings.get(0).toTsv().startsWith("3\tS\tright_index\t"), findings.get(0).toTsv());
        assertEquals(List.of(), build(csv, 0).quality(), "minimum 0 reports nothing");
    }

    /** Keeps only a disc of the given radius around the centre (a small contact area); the rest is glass. */
    static FingerImage keepDisc(FingerImage image, int radius) {
        byte[] pixels = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (Math.hypot(x - image.width() / 2.0, y - image.height() / 2.0) > radius) {
                    pixels[y * image.width() + x] = (byte) 255;
                }
            }
        }
        return new FingerImage(image.width(), image.height(), pixels, image.dpi());
    }
}
