package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.PaperFormReference;
import kz.sailau.kiosk.checkin.PaperMarkEntry;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Paper marks on the clerk console (issue 17), by touch at 1280 × 800 and 1024 × 768: with the kiosk paused the clerk
 * types a marked voter's IIN and the PIN on the on-screen keypad and taps "enter the paper mark"; the console shows the
 * mark's reference, counts it on its own tile and empties the IIN field for the next; the same voter again is refused
 * as already checked in. Nothing is cut or outside the window in any language.
 */
@ExtendWith(ApplicationExtension.class)
class PaperMarkConsoleUiTest {

    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskScreens screens;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        screens = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(), Platform::runLater);
        screens.voterView().clerkConsole().suggestLogin(UiFixtures.CLERK.value());
        screens.voterView().toggleClerkConsole();
        stage.setScene(scene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void aClerkEntersPaperMarksByTouchAtBothKioskSizes(FxRobot robot) throws Exception {
        model.submitAsClerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(5, TimeUnit.SECONDS);
        ScreenStates.await(model, CheckInState.Paused.class::isInstance);
        List<String> problems = new ArrayList<>();
        int[][] sizes = {{1280, 800}, {1024, 768}};
        for (int i = 0; i < sizes.length; i++) {
            int[] size = sizes[i];
            robot.interact(() -> {
                stage.setScene(scene(size[0], size[1]));
                stage.sizeToScene();
            });
            WaitForAsyncUtils.waitForFxEvents();
            String reference = "P-000" + (i + 1);
            enterMark(robot, fixtures.voters.get(i).voter().iin().digits());
            ScreenStates.await(model, s -> s instanceof CheckInState.Paused p
                    && p.paperMark().equals(Optional.of(new PaperMarkEntry.Entered(
                    PaperFormReference.parse(reference)))));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(text("#clerk-paper-mark-outcome").contains(reference), text("#clerk-paper-mark-outcome"));
            assertEquals(String.valueOf(i + 1), text("#clerk-count-paper-marks"), "counted on its own tile");
            assertEquals("0", text("#clerk-count-checkins"), "a paper mark is not a check-in");
            assertEquals("", ((TextField) robot.lookup("#clerk-iin").query()).getText(), "ready for the next IIN");
            assertTrue(inside("#clerk-paper-mark") && inside("#clerk-resume") && inside("#clerk-pin"),
                    "the action, the PIN and Resume are on the screen at " + size[0] + "x" + size[1]);
            for (Language language : Language.values()) {
                robot.interact(() -> screens.voterView().clerkConsole().language().choose(language));
                WaitForAsyncUtils.waitForFxEvents();
                ClerkConsole console = screens.voterView().clerkConsole();
                WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(console.getScene(), console)).get(10,
                        TimeUnit.SECONDS).forEach(p -> problems.add(size[0] + "x" + size[1] + " " + language + ": " + p));
            }
        }
        assertEquals(List.of(), problems);

        // The first voter's mark again: refused, nothing more counted.
        robot.interact(() -> ((TextField) robot.lookup("#clerk-iin").query())
                .setText(fixtures.voters.get(0).voter().iin().digits()));
        robot.interact(() -> ((PasswordField) robot.lookup("#clerk-pin").query())
                .setText(UiFixtures.PIN));
        robot.clickOn("#clerk-paper-mark", Motion.DIRECT);
        ScreenStates.await(model, s -> s instanceof CheckInState.Paused p && p.paperMark().equals(
                Optional.of(PaperMarkEntry.NotEntered.refused(Refusal.ALREADY_CHECKED_IN))));
        WaitForAsyncUtils.waitForFxEvents();
        Messages english = Messages.of(Language.ENGLISH);
        assertEquals(english.get(Refusal.ALREADY_CHECKED_IN.messageKey()), text("#clerk-result"));
        assertTrue(text("#clerk-paper-mark-outcome").contains(english.get(Refusal.ALREADY_CHECKED_IN.nextStepKey())));
        assertEquals("2", text("#clerk-count-paper-marks"));
        assertEquals(2, fixtures.ledger.counters().paperMarks());
    }

    /** Types the IIN and the PIN on the on-screen keypad and taps the paper-mark action. */
    private static void enterMark(FxRobot robot, String iin) {
        robot.clickOn("#clerk-iin");
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = robot.lookup("#clerk-iin").query().getScene();
        assertTrue(scene.lookup("#key-7") != null, "the IIN field is in view and opens the keypad");
        assertEquals(List.of(), keysOverField(scene), "the IIN and the paper mark's action clear of the keypad");
        for (char c : iin.toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c), Motion.DIRECT);
        }
        robot.clickOn("#key-hide", Motion.DIRECT);
        robot.clickOn("#clerk-pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), keysOverField(scene), "the PIN and the paper mark's action clear of the keypad");
        for (char c : UiFixtures.PIN.toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c), Motion.DIRECT);
        }
        robot.clickOn("#key-hide", Motion.DIRECT);
        robot.clickOn("#clerk-paper-mark");
    }

    private static List<String> keysOverField(Scene scene) {
        try {
            return ScreenChecks.keysOverFieldFromTest(scene, "#clerk-actions");
        } catch (Exception e) {
            throw new AssertionError("cannot check the keys over the field: " + e.getMessage(), e);
        }
    }

    private Scene scene(int width, int height) {
        if (screens.getScene() != null) {
            screens.getScene().setRoot(new Group());
        }
        Scene scene = new Scene(screens, width, height);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        return scene;
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) stage.getScene().lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }

    private boolean inside(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = stage.getScene().lookup(id);
            Bounds b = node.localToScene(node.getBoundsInLocal());
            return b.getMinY() >= 0 && b.getMaxY() <= stage.getScene().getHeight()
                    && b.getMaxX() <= stage.getScene().getWidth();
        }).get(5, TimeUnit.SECONDS);
    }
}
