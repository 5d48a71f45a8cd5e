package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Start
    void start(Stage stage) {
        LanguageViewModel language = new LanguageViewModel();
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
