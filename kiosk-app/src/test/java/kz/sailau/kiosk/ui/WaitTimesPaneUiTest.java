package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.timeline.CheckInPhase;
import kz.sailau.kiosk.timeline.CheckInTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The administrator's "Wait times" section over a real check-in timeline: empty before any visit, then one row per
 * measured phase with its name in the chosen language, its count and its median and 95th percentile in milliseconds;
 * "Refresh" reads the timeline again.
 */
@ExtendWith(ApplicationExtension.class)
class WaitTimesPaneUiTest {

    private final AtomicLong ticks = new AtomicLong();
    private final CheckInTimeline timeline = new CheckInTimeline(ticks::get);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private Scene scene;
    private LanguageViewModel language;

    private final class TimedActions implements AdministratorActions {
        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public void exitKiosk() {
        }

        @Override
        public Optional<WaitTimes> waitTimes() {
            return Optional.of(timeline::table);
        }
    }

    @Start
    void start(Stage stage) {
        language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        scene = new Scene(new AdministratorView(new TimedActions(), language, worker, Platform::runLater, () -> { }),
                1280, 960);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
    }

    @Test
    void showsTheMeasuredPhasesInTheChosenLanguage(FxRobot robot) throws Exception {
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        robot.clickOn("#admin-unlock");
        awaitText("#wait-times-empty", "No check-in has been measured since the kiosk started.");
        assertFalse(scene.lookup("#wait-times-table").isVisible());

        for (int i = 1; i <= 20; i++) {
            timeline.record(CheckInPhase.EXTRACTION, Duration.ofMillis(40 + i));
            timeline.record(CheckInPhase.TOKEN_SIGNING, Duration.ofNanos(2_500_000));
            timeline.fingerPlaced();
            ticks.addAndGet(Duration.ofMillis(3_500).toNanos());
            timeline.tokenShown();
        }
        robot.clickOn("#wait-times-refresh");
        awaitText("#wait-times-extraction-name", "Fingerprint template extraction");
        awaitText("#wait-times-extraction-count", "20");
        awaitText("#wait-times-extraction-p50", "50");
        awaitText("#wait-times-extraction-p95", "59");
        awaitText("#wait-times-finger_to_token-name", "Finger on the scanner → token on the screen");
        awaitText("#wait-times-finger_to_token-p95", "3,500");
        awaitText("#wait-times-token_signing-p50", "2.5");
        assertTrue(scene.lookup("#wait-times-table").isVisible());
        assertFalse(scene.lookup("#wait-times-empty").isVisible());

        // Numbers as the language on screen writes them: a decimal comma, a no-break space between thousands.
        Platform.runLater(() -> language.choose(Language.KAZAKH));
        awaitText("#wait-times-extraction-name", "Саусақ ізі үлгісін құру");
        awaitText("#wait-times-finger_to_token-p95", "3\u00a0500");
        awaitText("#wait-times-token_signing-p50", "2,5");
        Platform.runLater(() -> language.choose(Language.RUSSIAN));
        awaitText("#wait-times-finger_to_token-p95", "3\u00a0500");
        awaitText("#wait-times-token_signing-p50", "2,5");
    }

    private void awaitText(String id, String expected) throws Exception {
        try {
            // Read on the FX thread: a language chosen redraws the table there while the test waits.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                Node node = scene.lookup(id);
                return node instanceof Label l && expected.equals(l.getText());
            }).get(5, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " never showed '" + expected + "'; it shows '"
                    + (scene.lookup(id) instanceof Label l ? l.getText() : "(nothing)") + "'", e);
        }
    }
}
