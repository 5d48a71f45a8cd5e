package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Close the day from the administrator screen over the UI fixtures' engine: "Close the day" first asks (the
 * consequence stated), "Yes" closes with the "working" indicator while the held close runs, the counts and the
 * bundle are shown, and the voter screen then shows "polls closed". The wipe asks too and takes the passphrase
 * again; a question left open does not survive going back and coming again. The real close and wipe are driven
 * by {@code CloseDayUiIT}.
 */
@ExtendWith(ApplicationExtension.class)
class CloseDayUiTest {

    private final FakeAdministration actions = new FakeAdministration();
    private Scene scene;
    private CheckInScreenModel model;
    private UiFixtures fixtures;
    private LanguageViewModel language;
    private Stage stage;
    private KioskScreens screens;

    @Start
    void start(Stage stage) {
        actions.closeRelease = new CountDownLatch(1);
        fixtures = new UiFixtures();
        this.stage = stage;
        language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        model = fixtures.model(language);
        screens = new KioskScreens(model, actions, ForkJoinPool.commonPool(), Platform::runLater);
        scene = new Scene(screens, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void closeAsksThenShowsCountsThenPollsClosedThenWipeWithThePassphraseAgain(FxRobot robot) throws Exception {
        AdminTouch.openAdministrator(robot, scene);
        unlock(robot);
        assertTrue(robot.lookup("#admin-wipe").queryAs(Button.class).isDisabled(), "no wipe before close");
        assertTrue(scene.lookup("#admin-close-day").getStyleClass().contains("danger"),
                "close the day is set apart from the pre-election test");
        assertFalse(scene.lookup("#admin-landa").getStyleClass().contains("danger"));

        press(robot, "#admin-close-day");
        assertTrue(scene.lookup("#confirm-close-day").isVisible(), "the first tap asks");
        assertTrue(((Label) scene.lookup("#confirm-close-day-text")).getText().startsWith(
                "Closing the day ends check-ins on this kiosk for good"));
        assertEquals(0, actions.closes.get());
        press(robot, "#confirm-close-day-yes");
        awaitMessage("#admin-day-message", "Closing the day and writing the signed bundle…");
        assertTrue(robot.lookup("#admin-working").queryAs(ProgressIndicator.class).isVisible(), "working shown");
        actions.closeRelease.countDown();
        awaitMessage("#admin-day-message", "Day closed: 1 check-in; 1 token issued, 0 tokens voided; reconciliation "
                + "balanced. Bundle: " + Path.of("/var/lib/sailau/day-bundle.json"));
        assertTrue(scene.lookup("#admin-day-message").getStyleClass().contains("message-success"));
        assertFalse(robot.lookup("#admin-working").queryAs(ProgressIndicator.class).isVisible(), "working hidden");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "23-admin-day-closed-fake-en")).get(10,
                TimeUnit.SECONDS);

        press(robot, "#admin-wipe");
        assertTrue(scene.lookup("#confirm-wipe-passphrase").isVisible(), "the wipe asks for the passphrase again");
        press(robot, "#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#state-polls-closed") != null);
        assertEquals("The election day is closed: no more check-ins",
                ((Label) scene.lookup("#state-polls-closed-title")).getText());
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "24-polls-closed-fake-en")).get(10, TimeUnit.SECONDS);

        AdminTouch.openAdministrator(robot, scene);
        unlock(robot);
        assertFalse(scene.lookup("#confirm-wipe").isVisible(), "the wipe question did not stay armed");
        press(robot, "#admin-wipe");
        robot.clickOn("#confirm-wipe-passphrase");
        robot.interact(() -> ((PasswordField) scene.lookup("#confirm-wipe-passphrase")).setText(
                FakeAdministration.PASSPHRASE));
        press(robot, "#confirm-wipe-yes");
        awaitMessage("#admin-day-message", "Wiped: 40 voters, 80 fingerprint templates, 12 check-in marks; "
                + "WIPE_DONE signed in the audit log");
        assertEquals(1, actions.wipes.get());
        model.close();
        fixtures.close();
    }

    /**
     * The day closed and wiped by touch alone at 1024 × 768, as an administrator on the kiosk does: the screens in
     * Kazakh (the kiosk's first language), the passphrase typed on the on-screen keys, every tap where the screen
     * shows the control after panning to it; each step checked whole in Kazakh and Russian, and the question each
     * guarded action asks, and the message it leaves, in view where the tap left the screen.
     */
    @Test
    void closeAndWipeByTouchAloneAt1024x768InKazakhAndRussian(FxRobot robot) throws Exception {
        actions.closeRelease.countDown();
        robot.interact(() -> {
            scene = ScreenChecks.resize(stage, scene, screens, 1024, 768);
            language.choose(Language.KAZAKH);
        });
        List<Language> languages = List.of(Language.KAZAKH, Language.RUSSIAN);
        List<String> problems = new ArrayList<>();
        AdminTouch.tap(robot, scene, "#open-administrator");
        AdminTouch.typeByTouch(robot, scene, "#admin-passphrase", FakeAdministration.PASSPHRASE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#admin-close-day") != null
                && scene.lookup("#admin-close-day").isVisible());
        step(robot, "1-unlocked", languages, problems);

        AdminTouch.tap(robot, scene, "#admin-close-day");
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#confirm-close-day"));
        step(robot, "2-confirm-close-day", languages, problems);
        assertEquals(0, actions.closes.get(), "the first tap only asks");
        AdminTouch.tap(robot, scene, "#confirm-close-day-yes");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> actions.closes.get() == 1
                && scene.lookup("#admin-day-message").getStyleClass().contains("message-success"));
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#admin-day-message"));
        step(robot, "3-day-closed", languages, problems);

        AdminTouch.tap(robot, scene, "#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#state-polls-closed") != null);
        WaitForAsyncUtils.waitForFxEvents();
        ScreenChecks.checkStep(robot, scene, language, languages, "touch-close-1024x768", "4-polls-closed", true,
                problems);

        AdminTouch.tap(robot, scene, "#open-administrator");
        AdminTouch.typeByTouch(robot, scene, "#admin-passphrase", FakeAdministration.PASSPHRASE);
        AdminTouch.tap(robot, scene, "#admin-wipe");
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#confirm-wipe"));
        step(robot, "5-confirm-wipe", languages, problems);
        assertEquals(0, actions.wipes.get(), "the first tap only asks");
        // Enter on the passphrase's keys confirms, as "Yes, wipe now" does.
        AdminTouch.typeByTouch(robot, scene, "#confirm-wipe-passphrase", FakeAdministration.PASSPHRASE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> actions.wipes.get() == 1
                && scene.lookup("#admin-day-message").getStyleClass().contains("message-success"));
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#admin-day-message"));
        step(robot, "6-wiped", languages, problems);
        assertEquals(List.of(), problems);
        model.close();
        fixtures.close();
    }

    /** One step of the touch walk on the administrator screen, which pans: checked in each language. */
    private void step(FxRobot robot, String name, List<Language> languages, List<String> problems) throws Exception {
        ScreenChecks.checkStep(robot, scene, language, languages, "touch-close-1024x768", name, false, problems);
    }

    private void unlock(FxRobot robot) throws Exception {
        robot.clickOn("#admin-passphrase");
        robot.interact(() -> ((PasswordField) scene.lookup("#admin-passphrase")).setText(FakeAdministration.PASSPHRASE));
        robot.interact(() -> ((PasswordField) scene.lookup("#admin-passphrase")).fireEvent(
                new javafx.event.ActionEvent()));
        awaitMessage("#admin-message", "Kiosk unlocked");
    }

    private void press(FxRobot robot, String id) throws Exception {
        AdminTouch.press(robot, scene, id);
    }

    private void awaitMessage(String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                    && expected.equals(l.getText()));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            Label l = (Label) scene.lookup(id);
            throw new AssertionError("expected \"" + expected + "\" but " + id + " reads: "
                    + (l == null ? "(none)" : l.getText()), e);
        }
    }
}
