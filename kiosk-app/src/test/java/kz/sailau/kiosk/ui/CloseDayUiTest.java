package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Close the day from the administrator screen over the UI fixtures' engine: the "working" indicator shows while
 * the (held) close runs, the counts and bundle path are shown, the voter screen then shows "polls closed"
 * (never a fault), and the wipe needs a confirmation. The real close and wipe are driven by {@code CloseDayUiIT}.
 */
@ExtendWith(ApplicationExtension.class)
class CloseDayUiTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger wipes = new AtomicInteger();
    private Scene scene;
    private CheckInScreenModel model;

    /** Accepts the TEST passphrase; closing waits for the test's release; the wipe is counted. */
    private final class FakeActions implements AdministratorActions {
        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public String loadRegister(Path packageFile, DoubleConsumer progress) throws AdministratorException {
            throw new AdministratorException("register.error.signature", "not used");
        }

        @Override
        public List<String> deviceSettings() {
            return List.of("scanner /dev/sailau-scanner @ 57600");
        }

        @Override
        public boolean closeDayAvailable() {
            return true;
        }

        @Override
        public Path defaultBundlePath() {
            return Path.of("/var/lib/sailau/day-bundle.json");
        }

        @Override
        public DayClosed closeDay(Path bundle) {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DayClosed(bundle, 12, 13, 1, true);
        }

        @Override
        public String wipe() {
            wipes.incrementAndGet();
            return "40 / 80 / 12";
        }

        @Override
        public boolean logicAndAccuracyAvailable() {
            return false;
        }

        @Override
        public void exitKiosk() {
        }
    }

    private UiFixtures fixtures;

    @Start
    void start(Stage stage) {
        fixtures = new UiFixtures();
        LanguageViewModel language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        model = fixtures.model(language);
        KioskScreens screens = new KioskScreens(model, new FakeActions(), ForkJoinPool.commonPool(),
                Platform::runLater);
        scene = new Scene(screens, 1600, 1000);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void closeShowsCountsThenPollsClosedThenWipeAfterConfirmation(FxRobot robot) throws Exception {
        robot.clickOn("#open-administrator");
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        robot.clickOn("#admin-unlock");
        awaitMessage("Kiosk unlocked");
        assertTrue(robot.lookup("#admin-wipe").queryAs(Button.class).isDisabled(), "no wipe before close");
        assertEquals("/var/lib/sailau/day-bundle.json", robot.lookup("#admin-bundle-path")
                .queryAs(javafx.scene.control.TextField.class).getText());

        robot.clickOn("#admin-close-day");
        awaitMessage("Closing the day and writing the signed bundle…");
        assertTrue(robot.lookup("#admin-working").queryAs(ProgressIndicator.class).isVisible(), "working shown");
        assertTrue(robot.lookup("#admin-close-day").queryAs(Button.class).isDisabled(), "no second close meanwhile");
        release.countDown();
        awaitMessage("Day closed: 12 check-ins, tokens issued 13, voided 1; reconciliation balanced. Bundle: "
                + Path.of("/var/lib/sailau/day-bundle.json"));
        assertFalse(robot.lookup("#admin-working").queryAs(ProgressIndicator.class).isVisible(), "working hidden");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "23-admin-day-closed-fake-en")).get(10,
                TimeUnit.SECONDS);

        robot.clickOn("#admin-wipe");
        awaitMessage("This deletes every fingerprint template and all personal data for good. Press \"Yes, wipe "
                + "now\" to confirm.");
        assertEquals(0, wipes.get(), "nothing wiped before the confirmation");
        robot.clickOn("#admin-wipe-confirm");
        awaitMessage("Wiped (voters / templates / check-in marks): 40 / 80 / 12; WIPE_DONE signed in the audit log");
        assertEquals(1, wipes.get());

        robot.clickOn("#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#state-polls-closed") != null);
        assertEquals("The election day is closed: no more check-ins",
                ((Label) scene.lookup("#state-polls-closed-title")).getText());
        assertTrue(scene.lookup("#welcome-no-card") == null, "no check-in buttons after close");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "24-polls-closed-fake-en")).get(10, TimeUnit.SECONDS);
        model.close();
        fixtures.close();
    }

    private void awaitMessage(String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#admin-message") instanceof Label l
                    && expected.equals(l.getText()));
            // The condition is read off the FX thread: let the render that set the message finish.
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            Label l = (Label) scene.lookup("#admin-message");
            throw new AssertionError("expected \"" + expected + "\" but the message reads: "
                    + (l == null ? "(none)" : l.getText()), e);
        }
    }
}
