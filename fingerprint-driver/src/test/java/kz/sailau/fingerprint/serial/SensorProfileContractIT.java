package kz.sailau.fingerprint.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.MalformedPacketException;
import kz.sailau.fingerprint.SensorErrorException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.fingerprint.SensorProfile;
import kz.sailau.fingerprint.TestImages;
import kz.sailau.fingerprint.emulator.ReplyDelays;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.emulator.SensorImageFitter;
import kz.sailau.fingerprint.protocol.Instruction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real driver against the emulator of every model in the catalogue, over pseudo-terminals: each model's
 * geometry arrives pixel-exact, a GenImg that takes the manual's full "image acquiring time" is waited for, the line
 * is raised to the fastest speed the model accepts (on the R503 through SoftRst), and a wrong profile is named.
 */
class SensorProfileContractIT {

    private ScannerEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static Stream<SensorProfile> profiles() {
        return SensorProfile.catalogue().stream();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void capturesEachGeometryPixelExactWhenGenImgTakesTheDatasheetMaximum(SensorProfile profile) throws Exception {
        BufferedImage finger = TestImages.ridges(320, 320, 3);
        emulator = ScannerEmulator.builder().profile(profile)
                .replyDelays(ReplyDelays.only(Instruction.GEN_IMG.code(), profile.imageCaptureMax())).start();
        emulator.presentFinger(finger);
        long[] total = new long[1];
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(emulator.devicePath(), 57_600, profile))) {
            SensorParameters parameters = scanner.open();
            assertEquals(profile.systemIdentifier(), parameters.systemIdentifier());
            assertEquals(profile.librarySize(), parameters.librarySize());
            Capture capture = scanner.capture((received, all) -> total[0] = all, Duration.ofSeconds(5));
            assertEquals(profile.imageWidth(), capture.width());
            assertEquals(profile.imageHeight(), capture.height());
            assertEquals(profile.dpi(), capture.dpi());
            assertArrayEquals(SensorImageFitter.fit(finger, profile), capture.pixels());
        }
        assertEquals(profile.packedImageBytes(), total[0]);
        assertEquals(1, emulator.generateImageCommands(), "the slow GenImg was waited for, not repeated");
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void raisesTheLineToTheFastestSpeedTheModelAccepts(SensorProfile profile) throws Exception {
        int fastest = Collections.max(profile.baudRates());
        emulator = ScannerEmulator.builder().profile(profile).start();
        emulator.presentFinger(TestImages.ridges(256, 288, 5));
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(emulator.devicePath(), 57_600, profile).withTargetBaudRate(fastest))) {
            assertEquals(fastest, scanner.open().baudRate());
            assertEquals(fastest, scanner.lineBaudRate());
            assertEquals(profile.imageWidth(), scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(5)).width());
        }
        assertEquals(fastest, emulator.baudRate());
    }

    /** The slowest model answering every instruction at its manual's limit (GenImg 1.0 s, others 0.3 s). */
    @Test
    void theZfm20AtEveryDatasheetMaximumStillCaptures() throws Exception {
        emulator = ScannerEmulator.builder().profile(SensorProfile.ZFM_20)
                .replyDelays(ReplyDelays.DATASHEET_MAXIMUM).start();
        emulator.presentFinger(TestImages.ridges(256, 288, 6));
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(emulator.devicePath(), 57_600, SensorProfile.ZFM_20))) {
            assertEquals(256, scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(5)).width());
        }
        assertEquals(1, emulator.generateImageCommands());
        // The driver may hold the last byte before the emulator's thread has counted the upload.
        assertTrue(emulator.awaitUploadsCompleted(1, Duration.ofSeconds(5)), "the emulator counted the upload");
        assertEquals(1, emulator.uploadsCompleted());
    }

    @Test
    void aSpeedTheModelRefusesIsRejectedBeforeAnythingIsSent() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SerialScannerSettings.of(java.nio.file.Path.of("/dev/null"), 57_600, SensorProfile.R305)
                        .withTargetBaudRate(115_200));
        assertTrue(refused.getMessage().contains("57600"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SerialScannerSettings.of(java.nio.file.Path.of("/dev/null"), 28_800, SensorProfile.R503));
    }

    @Test
    void aZfmProfileOnAnR503IsAMalformedImageNamingTheSizes() throws Exception {
        emulator = ScannerEmulator.builder().profile(SensorProfile.R503).start();
        emulator.presentFinger(TestImages.ridges(256, 288, 7));
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(emulator.devicePath(), 57_600, SensorProfile.ZFM_20))) {
            MalformedPacketException wrong = assertThrows(MalformedPacketException.class,
                    () -> scanner.capture(CaptureProgress.NONE, Duration.ofSeconds(5)));
            assertTrue(wrong.getMessage().contains("18432 of 36864"), wrong.getMessage());
        }
    }

    @Test
    void aModelThatReportsAnotherImageSizeThanItsProfileIsRefusedAtOpen() throws Exception {
        SensorProfile smaller = new SensorProfile("r503-small", "R503 (160 x 160 variant)", "test",
                160, 160, 508, List.of(1, 2, 4, 6, 12), 0, 200, Duration.ofMillis(200), Duration.ofMillis(500),
                Duration.ofMillis(2000), Duration.ofMillis(300), true, true,
                SensorProfile.R503.extraInstructions(), 0xFC);
        emulator = ScannerEmulator.builder().profile(smaller).start();
        try (SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(emulator.devicePath(), 57_600, SensorProfile.R503))) {
            SensorErrorException wrong = assertThrows(SensorErrorException.class, scanner::open);
            assertTrue(wrong.getMessage().contains("160x160") && wrong.getMessage().contains("192x192"),
                    wrong.getMessage());
        }
    }
}
