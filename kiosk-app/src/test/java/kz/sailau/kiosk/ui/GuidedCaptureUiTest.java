package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.model.FingerPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The finger screen names and draws the finger the capture policy asks for, in every language, at 1280 × 800. */
@ExtendWith(ApplicationExtension.class)
class GuidedCaptureUiTest {

    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        scene = new Scene(new KioskView(model), 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void afterAPoorCaptureTheOtherFingerIsAskedForAndDrawn(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        awaitCaptures(0);
        assertEquals("Оң қолыңыздың сұқ саусағын сканерге қойыңыз", text("#finger-requested"));
        assertEquals(List.of("right_index"), highlighted());
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "20-guided-right-index-kk")).get(5, TimeUnit.SECONDS);
        assertSeenWhole("right index, Kazakh");

        fixtures.scanner.fingers.add(UiFixtures.capture(1, 150, ImageQuality.LOW_CONTRAST));
        awaitCaptures(1);
        assertEquals("Сол қолыңыздың сұқ саусағын сканерге қойыңыз", text("#finger-requested"));
        assertEquals(List.of("left_index"), highlighted());
        TouchTaps.tap(robot, "#language-russian");
        assertEquals("Приложите указательный палец левой руки к сканеру", text("#finger-requested"));
        TouchTaps.tap(robot, "#language-english");
        assertEquals("Place your left index finger on the scanner", text("#finger-requested"));
        assertEquals(List.of("left_index"), highlighted());
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "21-guided-left-index-en")).get(5, TimeUnit.SECONDS);
        assertSeenWhole("left index, English");
    }

    @Test
    void everyFingerHasItsSentenceInEveryLanguage() {
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            for (FingerPosition finger : FingerPosition.values()) {
                String key = KioskView.requestedFingerKey(finger);
                assertTrue(messages.has(key), language + " lacks " + key);
            }
        }
        assertFalse(Messages.of(Language.KAZAKH).get(KioskView.requestedFingerKey(FingerPosition.LEFT_LITTLE))
                .isBlank());
    }

    private void awaitCaptures(int captures) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingFinger f && f.captures() == captures
                && scene.lookup("#finger-requested") != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertSeenWhole(String where) throws Exception {
        assertEquals(List.of(), ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), true),
                where + " at 1280x800: what the voter sees");
    }

    private List<String> highlighted() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> scene.getRoot().lookupAll(".hand-finger-requested").stream()
                .map(Node::getId).map(id -> id.substring("hand-".length())).toList()).get(5, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }
}
