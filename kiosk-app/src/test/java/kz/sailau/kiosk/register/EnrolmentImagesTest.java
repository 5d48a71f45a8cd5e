package kz.sailau.kiosk.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import kz.sailau.kiosk.model.FingerPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentImagesTest {

    @TempDir
    Path prints;

    @Test
    void theMostSpecificStatedResolutionWins() throws Exception {
        EnrolmentImages images = new EnrolmentImages(prints);
        Files.createDirectories(prints.resolve("A"));
        Files.createDirectories(prints.resolve("B"));
        assertEquals(OptionalInt.empty(), images.toldDpi("A"));
        Files.writeString(prints.resolve("dpi"), "512\n");
        Files.writeString(prints.resolve("B").resolve("dpi"), "569");
        EnrolmentImages again = new EnrolmentImages(prints);
        assertEquals(OptionalInt.of(512), again.toldDpi("A"), "the prints folder's");
        assertEquals(OptionalInt.of(569), again.toldDpi("B"), "the voter's own folder first");
        Files.writeString(prints.resolve("B").resolve("dpi"), "1".repeat(100));
        RegisterException tooLong = assertThrows(RegisterException.class, () -> again.toldDpi("B"));
        assertEquals("register.error.dpiFile", tooLong.messageKey());
    }

    @Test
    void listsImpressionsInFingerAndImpressionOrder() throws Exception {
        Path folder = Files.createDirectories(prints.resolve("V"));
        for (String name : List.of("left_index_enrol.bmp", "right_index_enrol_2.TIF", "right_index_enrol.png",
                "right_thumb_enrol.png", "left_index_live_1.png", "notes.txt", "dpi")) {
            Files.write(folder.resolve(name), new byte[] {0});
        }
        EnrolmentImages.Listing listing = new EnrolmentImages(prints).list("V");
        assertEquals(List.of(), listing.problems());
        assertEquals(List.of("right_thumb", "right_index", "right_index#2", "left_index"),
                listing.files().stream().map(EnrolmentImages.ImageFile::field).toList());
        assertEquals(FingerPosition.RIGHT_THUMB, listing.files().get(0).position());
        EnrolmentImages.Listing nobody = new EnrolmentImages(prints).list("NOBODY");
        assertEquals(List.of(new EnrolmentImages.Problem("left_index", "enrolment image is missing"),
                new EnrolmentImages.Problem("right_index", "enrolment image is missing")), nobody.problems());
    }
}
