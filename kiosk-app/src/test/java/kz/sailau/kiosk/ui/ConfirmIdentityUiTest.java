package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.CheckInEvent;
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
 * A card-less voter with the longest name a register holds, found by fingerprint, confirmed by a commission member by
 * touch alone at 1280 × 800 and 1024 × 768, the console in kk, ru and en (its own language bar): the console names
 * the voter in full, patronymic too, and gives the birth date as the identity card prints it, day.month.year
 * (decision 0465); {@link ScreenChecks} finds nothing cut; the PIN is typed on the keypad, clear of *Confirm* and
 * *Cancel*; *Cancel* ends each case but the last, which *Confirm* checks in.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmIdentityUiTest {

    private static final String FULL_NAME = "Мұхамеджанова-Сейітқасымова Гүлнұр-Айгерім Нұрмұхамедқызы";
    private static final Map<Language, String> WHO = Map.of(
            Language.KAZAKH, "Сайлаушымен растаңыз: " + FULL_NAME + ", туған күні 20.05.1974",
            Language.RUSSIAN, "Подтвердите с избирателем: " + FULL_NAME + ", дата рождения 20.05.1974",
            Language.ENGLISH, "Confirm with the voter: " + FULL_NAME + ", born 20.05.1974");

    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskScreens view;
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixtures = UiFixtures.withLongestName();
        model = fixtures.model(new LanguageViewModel());
        // The kiosk's screens as it starts them: the keys docked over the voter side.
        view = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(), Platform::runLater);
        view.voterView().clerkConsole().suggestLogin(UiFixtures.CLERK.value());
        scene = ScreenChecks.resize(stage, new Scene(new Group()), view, 1280, 800);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void theLongestNameInFullAndTheBirthDateAsTheCardPrintsItConfirmedByTouch(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        TouchTaps.tap(robot, "#open-clerk-console");
        for (int[] size : ElectionDayScreens.SIZES) {
            robot.interact(() -> scene = ScreenChecks.resize(stage, scene, view, size[0], size[1]));
            for (Language each : Language.values()) {
                model.submit(new CheckInEvent.CardlessRequested()).get(5, TimeUnit.SECONDS);
                awaitState(CheckInState.AwaitingFinger.class::isInstance);
                fixtures.scanner.fingers.add(UiFixtures.goodCapture(4));
                awaitState(s -> s instanceof CheckInState.NeedsClerk n && n.reason() == ClerkReason.CONFIRM_IDENTITY);
                TouchTaps.tap(robot, "#clerk-language-" + each.name().toLowerCase(Locale.ROOT));
                String where = size[0] + "x" + size[1] + " " + each + ": ";
                assertEquals(WHO.get(each), WaitForAsyncUtils.asyncFx(() ->
                        ((Label) scene.lookup("#clerk-confirm-who")).getText()).get(10, TimeUnit.SECONDS), where);
                WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene)).get(10, TimeUnit.SECONDS)
                        .forEach(p -> problems.add(where + p));
                WaitForAsyncUtils.asyncFx(() -> ScreenChecks.brokenWords(scene, scene.getRoot()))
                        .get(10, TimeUnit.SECONDS).forEach(p -> problems.add(where + p));
                Screenshots.saveFromTest(scene, "confirm-identity-" + size[0] + "x" + size[1] + "/"
                        + each.locale().getLanguage());

                // The commission member confirms by touch: the PIN on the keypad, then Confirm.
                TouchTaps.tap(robot, "#clerk-pin");
                for (char digit : UiFixtures.PIN.toCharArray()) {
                    TouchTaps.tap(robot, "#" + TouchKeyboard.keyId(digit));
                }
                ScreenChecks.keysOverFieldFromTest(scene, "#clerk-confirm", "#clerk-cancel")
                        .forEach(p -> problems.add(where + p));
                boolean last = size == ElectionDayScreens.SIZES[1] && each == Language.ENGLISH;
                if (last) {
                    TouchTaps.tap(robot, "#clerk-confirm");
                    awaitState(CheckInState.TokenIssued.class::isInstance);
                } else {
                    // The same voter comes again in the next language: the case is cancelled, nothing recorded.
                    TouchTaps.tap(robot, "#clerk-cancel");
                    awaitState(CheckInState.AwaitingCard.class::isInstance);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(1, fixtures.ledger.counters().checkIns(), "confirmed once, by touch; the cancelled cases left no "
                + "check-in");
    }

    private void awaitState(Predicate<CheckInState> test) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> test.test(model.stateProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
