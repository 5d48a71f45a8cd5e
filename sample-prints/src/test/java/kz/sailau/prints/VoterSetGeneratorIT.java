package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a small set to disk and reads it back as another module would. */
class VoterSetGeneratorIT {

    @TempDir
    Path dir;

    @Test
    void writesSeveralEnrolmentImpressionsPerFingerWhenAskedTo() throws IOException {
        VoterSetFiles files = new VoterSetGenerator(5, 207, Difficulty.NORMAL).withEnrolImpressions(3)
                .withoutSensorNoise().write(dir, 1);
        Path voter = files.prints().resolve("V0001");
        for (String finger : VoterSetGenerator.FINGERS) {
            byte[] first = Files.readAllBytes(voter.resolve(finger + "_enrol.png"));
            byte[] second = Files.readAllBytes(voter.resolve(finger + "_enrol_2.png"));
            byte[] third = Files.readAllBytes(voter.resolve(finger + "_enrol_3.png"));
            assertNotEquals(java.util.Arrays.hashCode(first), java.util.Arrays.hashCode(second));
            assertNotEquals(java.util.Arrays.hashCode(second), java.util.Arrays.hashCode(third));
            assertEquals(320, ImageIO.read(voter.resolve(finger + "_enrol_3.png").toFile()).getWidth(), "full size");
            assertTrue(Files.notExists(voter.resolve(finger + "_enrol_4.png")));
        }
        VoterSetFiles plain = new VoterSetGenerator(5, 207, Difficulty.NORMAL).withoutSensorNoise()
                .write(dir.resolve("plain"), 1);
        assertArrayEquals(Files.readAllBytes(plain.prints().resolve("V0001/right_index_enrol.png")),
                Files.readAllBytes(voter.resolve("right_index_enrol.png")), "the first impression is the same");
        assertTrue(Files.notExists(plain.prints().resolve("V0001/right_index_enrol_2.png")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VoterSetGenerator(5, 207, Difficulty.NORMAL).withEnrolImpressions(5));
    }

    @Test
    void writesTheContractFiles() throws IOException {
        VoterSetGenerator generator = new VoterSetGenerator(5, 207, Difficulty.NORMAL);
        VoterSetFiles files = generator.write(dir, 3);

        List<String> voters = Files.readAllLines(files.voters(), StandardCharsets.UTF_8);
        assertEquals(VoterSetGenerator.VOTERS_HEADER, voters.get(0));
        assertEquals(4, voters.size());
        assertTrue(Files.readString(files.voters()).contains("\r\n"), "RFC 4180 line ends");
        assertTrue(voters.get(1).startsWith("V0001,"));
        assertTrue(voters.get(1).endsWith(",207"));

        List<String> documents = Files.readAllLines(files.documents(), StandardCharsets.UTF_8);
        assertEquals(VoterSetGenerator.DOCUMENTS_HEADER, documents.get(0));
        assertTrue(documents.get(1).matches("V0001,\\d{9},\\d{4}-\\d{2}-\\d{2}"));
        assertEquals("2026-12-05", documents.get(3).split(",")[2], "voter 3's card expires the day before");

        for (String key : List.of("V0001", "V0003", "V0004", "V0011")) {
            for (String finger : VoterSetGenerator.FINGERS) {
                BufferedImage enrol = ImageIO.read(files.prints().resolve(key).resolve(finger + "_enrol.png").toFile());
                assertEquals(320, enrol.getWidth());
                assertEquals(400, enrol.getHeight());
                for (int k = 1; k <= 3; k++) {
                    BufferedImage live = ImageIO.read(files.prints().resolve(key).resolve(finger + "_live_" + k + ".png").toFile());
                    assertEquals(256, live.getWidth());
                    assertEquals(288, live.getHeight());
                }
            }
        }

        List<String[]> bad = Files.readAllLines(files.badVoters()).stream().skip(1).map(l -> l.split(",", -1)).toList();
        assertEquals(VoterSetGenerator.BAD_ROWS, bad.size());
        // Line numbers count the header as line 1, so bad.get(0) is line 2.
        String line2Iin = bad.get(0)[1];
        String line4Iin = bad.get(2)[1];
        assertNotEquals(SyntheticIin.controlDigit(line4Iin.substring(0, 11)), line4Iin.charAt(11) - '0');
        assertEquals(line2Iin, bad.get(3)[1], "line 5 repeats line 2's IIN");
        assertEquals(bad.get(1)[2] + bad.get(1)[3] + bad.get(1)[4] + bad.get(1)[5],
                bad.get(4)[2] + bad.get(4)[3] + bad.get(4)[4] + bad.get(4)[5], "line 6 is line 3's person");
        assertNotEquals(bad.get(1)[1], bad.get(4)[1]);
        assertEquals("", bad.get(6)[2], "line 8 has no surname");
        assertEquals("208", bad.get(7)[7], "line 9 is of another precinct");
        List<String> expected = Files.readAllLines(files.badVotersExpected());
        assertEquals(List.of("line\tfield\treason", "4\tiin\tbad-control-digit", "5\tiin\tduplicate-iin",
                "6\tiin\tsame-name-and-birth-date", "7\tprints\tsame-fingerprints", "8\tsurname\tempty-name",
                "9\tprecinct\twrong-precinct"), expected);

        // Line 7's prints are other touches of line 2's fingers, so they match them; line 3's do not.
        Path prints = files.prints();
        String line2 = bad.get(0)[0];
        String line3 = bad.get(1)[0];
        String line7 = bad.get(5)[0];
        double same = score(prints.resolve(line2).resolve("right_index_enrol.png"), prints.resolve(line7).resolve("right_index_live_1.png"));
        double other = score(prints.resolve(line3).resolve("right_index_enrol.png"), prints.resolve(line7).resolve("right_index_live_1.png"));
        assertTrue(same >= QualityReport.THRESHOLD, "same finger scored " + same);
        assertTrue(other < QualityReport.THRESHOLD, "other finger scored " + other);

        // Byte-identical when written again.
        Path again = dir.resolve("again");
        generator.write(again, 3);
        assertArrayEquals(Files.readAllBytes(files.voters()), Files.readAllBytes(again.resolve("voters.csv")));
        assertArrayEquals(Files.readAllBytes(prints.resolve("V0002").resolve("left_index_live_2.png")),
                Files.readAllBytes(again.resolve("prints").resolve("V0002").resolve("left_index_live_2.png")));
    }

    private static double score(Path a, Path b) throws IOException {
        return new com.machinezoo.sourceafis.FingerprintMatcher(template(a)).match(template(b));
    }

    private static com.machinezoo.sourceafis.FingerprintTemplate template(Path png) throws IOException {
        return new com.machinezoo.sourceafis.FingerprintTemplate(new com.machinezoo.sourceafis.FingerprintImage(
                Files.readAllBytes(png), new com.machinezoo.sourceafis.FingerprintImageOptions().dpi(500)));
    }
}
