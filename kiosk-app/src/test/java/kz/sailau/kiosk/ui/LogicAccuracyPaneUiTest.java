package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pre-election test pane: present from the first unlock (no "not in this version"), start with the proposed
 * package, the TEST counters, "End test and reset to zero" behind its confirmation step, and the pane absent on a
 * kiosk that does not offer the test.
 */
@ExtendWith(ApplicationExtension.class)
class LogicAccuracyPaneUiTest {

    private final FakeAdministration actions = new FakeAdministration();
    private AdministratorViewModel model;
    private Scene scene;

    private LanguageViewModel language;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        model = new AdministratorViewModel(actions, ForkJoinPool.commonPool(), Platform::runLater,
                java.time.Clock.systemUTC(), () -> { });
        scene = new Scene(KioskScreens.scrolling(new AdministratorView(model, language)), 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void startCountEndWithConfirmation(FxRobot robot) throws Exception {
        robot.interact(() -> model.unlock(FakeAdministration.PASSPHRASE.toCharArray()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.unlockedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        AdminTouch.press(robot, scene, "#admin-landa");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#la-pane").isVisible());
        AdminTouch.press(robot, scene, "#la-start");
        awaitText("#la-message", "TEST running on a test voter list of 4 voters. Check test voters in on the voter "
                + "screen, then end the test.");
        assertTrue(((Button) scene.lookup("#la-start")).isDisabled(), "no second start while running");
        assertEquals("TEST counters: check-ins 0, refusals 0, overrides 0, tokens issued 0",
                ((Label) scene.lookup("#la-counters")).getText());
        AdminTouch.press(robot, scene, "#la-end");
        assertTrue(scene.lookup("#confirm-end-test").isVisible(), "ending asks first");
        assertEquals(0, actions.testEnds.get());
        AdminTouch.press(robot, scene, "#confirm-end-test-yes");
        awaitText("#la-message", "Test ended: 0 check-ins, 0 refusals, 0 overrides, 0 tokens during the test; the "
                + "test data is wiped and the counters are back to zero.");
        assertEquals(1, actions.testEnds.get());
        assertFalse(scene.lookup("#confirm-end-test").isVisible());
    }

    /**
     * The pre-election test by touch alone at 1024 × 768, as an administrator on the kiosk runs it: the screens in
     * Kazakh, the passphrase on the on-screen keys, every tap where the screen shows the control after panning to it;
     * each step checked whole in Kazakh and Russian, and the end's question and the test's outcome in view where the
     * tap left the screen.
     */
    @Test
    void startAndEndByTouchAloneAt1024x768InKazakhAndRussian(FxRobot robot) throws Exception {
        robot.interact(() -> {
            scene = ScreenChecks.resize(stage, scene, scene.getRoot(), 1024, 768);
            language.choose(Language.KAZAKH);
        });
        List<Language> languages = List.of(Language.KAZAKH, Language.RUSSIAN);
        List<String> problems = new ArrayList<>();
        AdminTouch.typeByTouch(robot, scene, "#admin-passphrase", FakeAdministration.PASSPHRASE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.unlockedProperty().get());
        AdminTouch.tap(robot, scene, "#admin-landa");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#la-pane").isVisible());
        step(robot, "1-proposed", languages, problems);
        AdminTouch.tap(robot, scene, "#la-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Button) scene.lookup("#la-start")).isDisabled()
                && !((Label) scene.lookup("#la-message")).getText().isEmpty());
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#la-message"));
        step(robot, "2-running", languages, problems);
        AdminTouch.tap(robot, scene, "#la-end");
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#confirm-end-test"));
        step(robot, "3-confirm-end", languages, problems);
        assertEquals(0, actions.testEnds.get(), "the first tap only asks");
        AdminTouch.tap(robot, scene, "#confirm-end-test-yes");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> actions.testEnds.get() == 1
                && !scene.lookup("#confirm-end-test").isVisible());
        problems.addAll(ScreenChecks.notInViewFromTest(scene, "#la-message"));
        step(robot, "4-ended", languages, problems);
        AdminTouch.tap(robot, scene, "#la-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !scene.lookup("#la-pane").isVisible());
        assertEquals(List.of(), problems);
    }

    /** One step of the touch walk on the administrator screen, which pans: checked in each language. */
    private void step(FxRobot robot, String name, List<Language> languages, List<String> problems) throws Exception {
        ScreenChecks.checkStep(robot, scene, language, languages, "touch-landa-1024x768", name, false, problems);
    }

    @Test
    void noPaneWithoutTheCapability(FxRobot robot) throws Exception {
        FakeAdministration without = new FakeAdministration();
        without.logicAccuracy = false;
        Node view = WaitForAsyncUtils.asyncFx(() -> new AdministratorView(without, new LanguageViewModel(),
                Runnable::run, Runnable::run, () -> { })).get(10, TimeUnit.SECONDS);
        assertEquals(null, view.lookup("#admin-landa"), "no button for an absent capability");
        assertEquals(null, view.lookup("#la-pane"));
        assertTrue(view.lookup("#admin-clerks") != null);
    }

    private void awaitText(String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                    && expected.equals(l.getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " reads: " + ((Label) scene.lookup(id)).getText(), e);
        }
    }
}
