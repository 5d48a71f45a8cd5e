package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
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
 * The pre-election test pane against scripted actions: a start refused because the polls are open shows the
 * clear message; a started test shows its counters; ending needs a confirmation and then shows zero.
 */
@ExtendWith(ApplicationExtension.class)
class LogicAccuracyPaneUiTest {

    private Scene scene;
    private final ScriptedActions actions = new ScriptedActions();

    /** Refuses the first start as "polls open", accepts the second; counts one test check-in. */
    private static final class ScriptedActions implements AdministratorActions {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger ends = new AtomicInteger();
        volatile LogicAccuracyStatus status = LogicAccuracyStatus.IDLE;

        @Override
        public void unlock(char[] passphrase) {
        }

        @Override
        public String loadRegister(Path packageFile, DoubleConsumer progress) {
            return "";
        }

        @Override
        public List<String> deviceSettings() {
            return List.of();
        }

        @Override
        public boolean closeDayAvailable() {
            return true;
        }

        @Override
        public boolean logicAndAccuracyAvailable() {
            return true;
        }

        @Override
        public LogicAccuracyStatus logicAccuracyStatus() {
            return status;
        }

        @Override
        public LogicAccuracyStatus startLogicAccuracyTest(Path testPackage, DoubleConsumer progress)
                throws AdministratorException {
            if (starts.incrementAndGet() == 1) {
                throw new AdministratorException("la.error.pollsOpen", "a real check-in exists (test)");
            }
            progress.accept(1);
            status = new LogicAccuracyStatus(true, false, 4, 0, 0, 0, 0);
            return status;
        }

        @Override
        public LogicAccuracyStatus endLogicAccuracyTest() {
            ends.incrementAndGet();
            status = LogicAccuracyStatus.IDLE;
            return new LogicAccuracyStatus(false, false, 4, 2, 1, 1, 2);
        }

        @Override
        public void exitKiosk() {
        }
    }

    @Start
    void start(Stage stage) {
        LanguageViewModel language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        scene = new Scene(new LogicAccuracyPane(actions, language, ForkJoinPool.commonPool(), Platform::runLater),
                1200, 600);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void refusedWhilePollsOpenThenStartCountEndWithConfirmation(FxRobot robot) throws Exception {
        robot.clickOn("#la-start");
        awaitMessage("The pre-election test is not possible: the polls are open (a voter has already been "
                + "checked in)");
        assertTrue(button("#la-end").isDisabled(), "nothing to end");

        robot.clickOn("#la-start");
        awaitMessage("TEST running on a test voter list of 4 voters. Check test voters in on the voter screen, then "
                + "end the test.");
        assertTrue(button("#la-start").isDisabled(), "one test at a time");
        actions.status = new AdministratorActions.LogicAccuracyStatus(true, false, 4, 2, 1, 1, 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#la-counters")
                .equals("TEST counters: check-ins 2, refusals 1, overrides 1, tokens issued 2"));

        robot.clickOn("#la-end");
        awaitMessage("This ends the test, wipes the test voter list and its check-ins, and sets the counters back to "
                + "zero. Press \"Yes, end the test and reset to zero\" to confirm.");
        assertEquals(0, actions.ends.get(), "nothing ends before the confirmation");
        robot.clickOn("#la-end-confirm");
        awaitMessage("Test ended: 2 check-ins, 1 refusals, 1 overrides, 2 tokens during the test; the test data is "
                + "wiped and the counters are back to zero.");
        assertEquals(1, actions.ends.get());
        assertEquals("TEST counters: check-ins 0, refusals 0, overrides 0, tokens issued 0", label("#la-counters"));
        assertFalse(button("#la-start").isDisabled(), "a new test can start");
    }

    private Button button(String id) {
        return (Button) scene.lookup(id);
    }

    private String label(String id) {
        Node node = scene.lookup(id);
        return node instanceof Label l ? l.getText() : "";
    }

    private void awaitMessage(String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(label("#la-message")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("message reads: " + label("#la-message"), e);
        }
    }
}
