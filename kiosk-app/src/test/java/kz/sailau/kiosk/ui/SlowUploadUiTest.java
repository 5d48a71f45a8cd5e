package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.checkin.CheckInState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread never waits for the scanner: with the real driver and the emulator uploading at true serial
 * speed (seconds per image), the progress bar moves through many intermediate values and a language switch
 * touched during the upload takes effect while the upload is still running.
 */
@ExtendWith(ApplicationExtension.class)
class SlowUploadUiTest {

    private UiFixtures fixtures;
    private ScannerEmulator emulator;
    private SerialFingerprintScanner scanner;
    private CheckInScreenModel model;
    private Scene scene;
    private final List<Double> progressSeenOnFxThread = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        emulator = ScannerEmulator.builder().realtime(true).start();
        scanner = new SerialFingerprintScanner(SerialScannerSettings.of(emulator.devicePath(),
                ScannerEmulator.DEFAULT_BAUD_RATE).withTargetBaudRate(115_200));
        fixtures = new UiFixtures(scanner);
        model = fixtures.model(new LanguageViewModel());
        model.uploadProgressProperty().addListener((obs, old, now) -> {
            assertTrue(Platform.isFxApplicationThread(), "progress changes only on the FX thread");
            progressSeenOnFxThread.add(now.doubleValue());
        });
        scene = new Scene(new KioskView(model), 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
        scanner.close();
        emulator.close();
    }

    @Test
    void fxThreadStaysResponsiveDuringARealTimeImageUpload(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(1)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingFinger);
        int uploadsBefore = emulator.uploadsCompleted();
        emulator.presentFinger(new BufferedImage(256, 288, BufferedImage.TYPE_BYTE_GRAY));

        // Wait until the upload is visibly under way on the FX thread, then touch the language bar.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> progressSeenOnFxThread.stream()
                .anyMatch(p -> p > 0.05 && p < 0.5));
        TouchTaps.tap(robot, "#language-english");
        String title = WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup("#finger-title")).getText())
                .get(5, TimeUnit.SECONDS);
        boolean stillUploading = emulator.uploadsCompleted() == uploadsBefore;
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "14-upload-progress-en")).get(10, TimeUnit.SECONDS);
        List<String> seen = ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), true);
        assertEquals("Place your finger on the scanner", title);
        assertTrue(stillUploading, "the language switch took effect while the image was still being uploaded");
        assertEquals(List.of(), seen, "the finger screen during the upload at 1280x800");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> emulator.uploadsCompleted() > uploadsBefore);
        emulator.liftFinger();
        long intermediate = progressSeenOnFxThread.stream().filter(p -> p > 0 && p < 1).distinct().count();
        assertTrue(intermediate >= 10, "the progress bar moved through " + intermediate + " intermediate values");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !(model.stateProperty().get()
                instanceof CheckInState.Matching) && model.stateProperty().get() != null);
    }
}
