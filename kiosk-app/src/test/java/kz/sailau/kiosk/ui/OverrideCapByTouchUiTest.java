package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A commission member overrides by touch alone (a reason tapped, the PIN on the keypad, *Override*) at 1280 × 800
 * and 1024 × 768 until the override cap ({@code OverrideCap.DEFAULT}: two on a kiosk with few check-ins) refuses the
 * third: the two done say "Done" in green (the console starts in Kazakh); the refused one says why in red in each console language, never "Done"
 * (it did beside "Override limit reached"), and {@link ScreenChecks} finds nothing cut.
 */
@ExtendWith(ApplicationExtension.class)
class OverrideCapByTouchUiTest {

    private KioskOnStage kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskOnStage(stage);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void anOverridePastTheCapIsRefusedInRedNotDone(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            kiosk.open(robot, UiFixtures.withMoreVoters(3), size);
            openConsole(robot);
            for (int voter = 6; voter <= 8; voter++) {
                kiosk.model().submitCard(kiosk.fixtures().mrz(voter)).get(5, TimeUnit.SECONDS);
                for (int tries = 1; tries <= kiosk.fixtures().policy.maxCaptures(); tries++) {
                    kiosk.fixtures().scanner.fingers.add(UiFixtures.capture(voter, 10, ImageQuality.GOOD));
                    int done = tries;
                    awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.captures() == done
                            || s instanceof CheckInState.NeedsClerk);
                }
                awaitState(s -> s instanceof CheckInState.NeedsClerk n
                        && n.reason() == ClerkReason.FINGER_NOT_RECOGNISED);
                TouchTaps.tap(robot, "#override-worn_fingerprints");
                TouchTaps.tap(robot, "#clerk-pin");
                for (char digit : UiFixtures.PIN.toCharArray()) {
                    TouchTaps.tap(robot, "#" + TouchKeyboard.keyId(digit));
                }
                TouchTaps.tap(robot, "#clerk-override");
                if (voter < 8) {
                    awaitState(CheckInState.TokenIssued.class::isInstance);
                    awaitResult(Messages.of(Language.KAZAKH).get("clerk.result.done"), "console-done");
                    TouchTaps.tap(robot, "#token-done");
                    awaitState(CheckInState.AwaitingCard.class::isInstance);
                }
            }
            awaitState(s -> s instanceof CheckInState.NeedsClerk n && n.reason() == ClerkReason.OVERRIDE_CAP_REACHED);
            for (Language each : Language.values()) {
                TouchTaps.tap(robot, "#clerk-language-" + each.name().toLowerCase(Locale.ROOT));
                awaitResult(Messages.of(each).get(ClerkReason.OVERRIDE_CAP_REACHED.messageKey()), "console-alert");
                String where = size[0] + "x" + size[1] + " " + each + ": ";
                WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(kiosk.scene())).get(10, TimeUnit.SECONDS)
                        .forEach(p -> problems.add(where + p));
                Screenshots.saveFromTest(kiosk.scene(), "override-cap-" + size[0] + "x" + size[1] + "/"
                        + each.locale().getLanguage());
            }
            assertEquals(2, kiosk.fixtures().ledger.counters().overrides(), "two overrides done, the third refused");
            kiosk.close();
        }
        assertEquals(List.of(), problems);
    }

    /** Waits until the console's result line says {@code text} in the style {@code style} (and not the other). */
    private void awaitResult(String text, String style) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            Label result = (Label) kiosk.scene().lookup("#clerk-result");
            return text.equals(result.getText()) && result.getStyleClass().contains(style);
        }).get(5, TimeUnit.SECONDS));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> ((Label) kiosk.scene().lookup("#clerk-result")).getStyleClass()
                .stream().filter(c -> c.equals("console-done") || c.equals("console-alert")).count() == 1)
                .get(5, TimeUnit.SECONDS), "the result is either done or an alert");
    }

    /** Taps the commission member's button once the voter screen shows its first state; the console opens. */
    private void openConsole(FxRobot robot) throws Exception {
        awaitState(CheckInState.AwaitingCard.class::isInstance);
        TouchTaps.tap(robot, "#open-clerk-console");
        assertTrue(kiosk.screens().voterView().clerkConsoleShowingProperty().get(), "a tap opens the console");
    }

    private void awaitState(Predicate<CheckInState> wanted) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wanted.test(kiosk.model().stateProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
