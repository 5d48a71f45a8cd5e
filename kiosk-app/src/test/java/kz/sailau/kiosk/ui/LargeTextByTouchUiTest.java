package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.CheckInState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Large, high-contrast text switched by touch (issue 19), as the outside testers try it at 1280 × 800 and
 * 1024 × 768 in kk, ru and en: the voter taps the language, then Large text, on the finger screen; the control is a
 * touch target, labelled in the screen's language and shown switched on; the screen stays whole; a clerk with the
 * console open over that switch switches it from the console's actions (decision 0476); a second tap switches it
 * off.
 */
@ExtendWith(ApplicationExtension.class)
class LargeTextByTouchUiTest {

    private Stage stage;
    private Scene scene;
    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Group(), 1280, 800));
        stage.show();
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        view = new KioskView(model);
        view.clerkConsole().suggestLogin(UiFixtures.CLERK.value());
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void aVoterAndAClerkSwitchLargeTextByTouchInEverySizeAndLanguage(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.stateProperty().get() instanceof CheckInState.AwaitingFinger);
        List<String> problems = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            robot.interact(() -> scene = ScreenChecks.resize(stage, stage.getScene(), view, size[0], size[1]));
            for (Language each : Language.values()) {
                String where = size[0] + "x" + size[1] + " " + each + ": ";
                TouchTaps.tap(robot, "#language-" + each.name().toLowerCase(Locale.ROOT));
                TouchTaps.tap(robot, "#access-large-text");
                problems.addAll(control(where, true));
                ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), false)
                        .forEach(p -> problems.add(where + "large text: " + p));
                TouchTaps.tap(robot, "#access-large-text");
                problems.addAll(control(where + "off: ", false));
                // The clerk, with the console open over the voter's switch, switches it from the console, beside the
                // help (decision 0476), in the console's own language.
                TouchTaps.tap(robot, "#open-clerk-console");
                TouchTaps.tap(robot, "#clerk-language-" + each.name().toLowerCase(Locale.ROOT));
                TouchTaps.tap(robot, "#clerk-large-text");
                problems.addAll(control(where + "console: ", true));
                problems.addAll(consoleSwitch(where, each, true));
                ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), false)
                        .forEach(p -> problems.add(where + "console, large text: " + p));
                TouchTaps.tap(robot, "#clerk-large-text");
                problems.addAll(control(where + "console, off: ", false));
                problems.addAll(consoleSwitch(where, each, false));
                TouchTaps.tap(robot, "#clerk-console-close");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** What is wrong with the console's switch: shown {@code on} or not, its size, its label in {@code language}. */
    private List<String> consoleSwitch(String where, Language language, boolean on) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            ToggleButton toggle = (ToggleButton) scene.lookup("#clerk-large-text");
            if (toggle.isSelected() != on) {
                found.add(where + "the console's switch not shown " + (on ? "on" : "off"));
            }
            Bounds b = toggle.localToScene(toggle.getLayoutBounds());
            if (b.getWidth() < 48 || b.getHeight() < 48) {
                found.add(where + "the console's switch is " + Math.round(b.getWidth()) + "x"
                        + Math.round(b.getHeight()));
            }
            String label = Messages.of(language).get("clerk.largeText");
            if (!toggle.getText().equals(label)) {
                found.add(where + "the console's switch labelled '" + toggle.getText() + "', not '" + label + "'");
            }
            return found;
        }).get(10, TimeUnit.SECONDS);
    }

    /** What is wrong with the Large text control: switched {@code on} or not, its size, its label. */
    private List<String> control(String where, boolean on) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            ToggleButton toggle = (ToggleButton) scene.lookup("#access-large-text");
            if (model.largeTextProperty().get() != on || toggle.isSelected() != on
                    || view.getStyleClass().contains("large-text") != on) {
                found.add(where + "large text not switched " + (on ? "on" : "off") + " by the tap");
            }
            Bounds b = toggle.localToScene(toggle.getLayoutBounds());
            if (b.getWidth() < 48 || b.getHeight() < 48) {
                found.add(where + "the control is " + Math.round(b.getWidth()) + "x" + Math.round(b.getHeight()));
            }
            String label = model.language().messages().get("access.largeText");
            if (!toggle.getText().equals(label)) {
                found.add(where + "labelled '" + toggle.getText() + "', not '" + label + "'");
            }
            return found;
        }).get(10, TimeUnit.SECONDS);
    }
}
