package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kz.sailau.kiosk.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import java.util.concurrent.CountDownLatch;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import kz.sailau.kiosk.ui.touch.KeyboardDock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every administrator screen as a person sees it, at the kiosk's 1280 × 800 and at 1024 × 768, in Kazakh, Russian
 * and English: locked (with a refusal and with the on-screen keyboard), unlocked, the devices unfolded with a
 * refusal, each confirmation step (close the day, exit, wipe with the passphrase again, end the test), the day
 * closed, the commission members with the numeric keypad, the pre-election test running. On each,
 * {@link ScreenChecks} finds no text cut, no control outside the window and no touch target under 60 px; a
 * screenshot of each goes to {@code target/screenshots/admin-WxH/}.
 */
@ExtendWith(ApplicationExtension.class)
class AdministratorScreensUiTest {

    private static final int[][] SIZES = {{1280, 800}, {1024, 768}};

    private final FakeAdministration actions = new FakeAdministration();
    private final LanguageViewModel language = new LanguageViewModel();
    private AdministratorViewModel model;
    private Region root;
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        actions.testStatus = new LogicAccuracyTesting.Status(true, false, 4, 2, 1, 1, 2);
        actions.loadSucceeds = false;
        model = new AdministratorViewModel(actions, ForkJoinPool.commonPool(), Platform::runLater,
                new ManualClock(Instant.parse("2026-12-06T03:00:00Z")), () -> { });
        root = KioskScreens.scrolling(new AdministratorView(model, language));
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyAdministratorScreenFitsAndShowsEveryTextWhole(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            resize(robot, size[0], size[1]);
            robot.interact(() -> {
                model.lock();
                model.unlock("wrong".toCharArray());
            });
            await(() -> model.messageProperty().get() != null
                    && model.messageProperty().get().kind() == AdminMessage.Kind.ERROR);
            check(robot, size, "01-locked-refused", problems);
            AdminTouch.press(robot, scene, "#admin-passphrase");
            await(this::keyboardShown);
            check(robot, size, "02-locked-keyboard", problems);

            robot.interact(() -> model.unlock(FakeAdministration.PASSPHRASE.toCharArray()));
            await(() -> model.unlockedProperty().get());
            check(robot, size, "03-unlocked", problems);
            robot.interact(() -> {
                model.register().get().file().chosenProperty().set(Path.of("/media/admin/USB/register-v2.srp"));
                model.register().get().load();
                model.devices().get().editingProperty().set(true);
            });
            await(() -> model.register().get().messageProperty().get() != null
                    && model.register().get().messageProperty().get().kind() == AdminMessage.Kind.ERROR);
            robot.interact(() -> model.devices().get().save(java.util.Map.of()));
            await(() -> !model.devices().get().problems().isEmpty());
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#devices-pane")));
            check(robot, size, "04-refused-package-devices-open", problems);
            robot.interact(() -> {
                model.devices().get().editingProperty().set(false);
                model.day().get().askCloseDay();
            });
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#admin-close-day")));
            check(robot, size, "05-confirm-close-day", problems);
            robot.interact(() -> model.askExit());
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#admin-leave")));
            check(robot, size, "06-confirm-exit", problems);
            robot.interact(() -> model.day().get().askCloseDay());
            robot.interact(() -> model.day().get().confirmCloseDay());
            await(() -> model.day().get().dayClosedProperty().get());
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#admin-day-message")));
            check(robot, size, "07-day-closed", problems);
            robot.interact(() -> model.day().get().askWipe());
            AdminTouch.press(robot, scene, "#confirm-wipe-passphrase");
            await(this::keyboardShown);
            check(robot, size, "08-confirm-wipe-keyboard", problems);

            robot.interact(() -> model.show(AdministratorViewModel.Pane.CLERKS));
            await(() -> model.clerks().get().entries().size() == 2);
            AdminTouch.press(robot, scene, "#clerks-pin");
            await(this::keyboardShown);
            check(robot, size, "09-clerks-keypad", problems);
            robot.interact(() -> model.show(AdministratorViewModel.Pane.LOGIC_ACCURACY));
            robot.interact(() -> model.logicAccuracy().get().askEnd());
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#la-counters")));
            check(robot, size, "10-test-running-confirm-end", problems);
            robot.interact(() -> {
                model.show(AdministratorViewModel.Pane.MAIN);
                actions.closed = false;
            });
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The on-screen keys never cover the administrator's letter fields (decision 0360): the unlock passphrase, a
     * device's port (a path), a commission member's login and the wipe's passphrase, each tapped as a person taps
     * it (the screen panned to it first) at both sizes in each language: with the keys up the field is whole, in
     * view and clear of them ({@link ScreenChecks#keysOverField}).
     */
    @Test
    void theKeysNeverCoverTheFieldTyped(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            resize(robot, size[0], size[1]);
            robot.interact(() -> model.lock());
            tapInEachLanguage(robot, size, "#admin-passphrase", problems);
            robot.interact(() -> model.unlock(FakeAdministration.PASSPHRASE.toCharArray()));
            await(() -> model.unlockedProperty().get());
            robot.interact(() -> model.devices().get().editingProperty().set(true));
            tapInEachLanguage(robot, size, "#devices-port-printer", problems);
            robot.interact(() -> {
                model.devices().get().editingProperty().set(false);
                model.show(AdministratorViewModel.Pane.CLERKS);
            });
            await(() -> model.clerks().get().entries().size() == 2);
            tapInEachLanguage(robot, size, "#clerks-login", problems);
            robot.interact(() -> {
                model.show(AdministratorViewModel.Pane.MAIN);
                model.day().get().askCloseDay();
                model.day().get().confirmCloseDay();
            });
            await(() -> model.day().get().dayClosedProperty().get());
            robot.interact(() -> model.day().get().askWipe());
            tapInEachLanguage(robot, size, "#confirm-wipe-passphrase", problems);
            robot.interact(() -> actions.closed = false);
        }
        assertEquals(List.of(), problems);
    }

    /**
     * A device's lists by touch alone (issue 15's staff touch pass, decision 0390): at both sizes the administrator
     * opens the port's list of detected ports from its arrow (a tap on the field brings the keys) and the speed's
     * list from the box, and taps a row. The arrow and every row are touch targets of at least 60 px: the rows were
     * 53 px and the arrow 40 px, in a popup window {@link ScreenChecks#problems} did not see.
     */
    @Test
    void theDeviceListsOpenAndChooseByTouch(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            resize(robot, size[0], size[1]);
            robot.interact(() -> {
                model.lock();
                model.unlock(FakeAdministration.PASSPHRASE.toCharArray());
            });
            await(() -> model.unlockedProperty().get());
            AdminTouch.tap(robot, scene, "#devices-edit");
            await(() -> scene.lookup("#devices-port-printer") != null);
            String where = size[0] + "x" + size[1] + " ";
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#devices-port-printer")));
            ScreenChecks.screenProblemsFromTest(scene, root, false).forEach(p -> problems.add(where + p));

            actions.portsRelease = new CountDownLatch(1);
            TouchTaps.tap(robot, "#devices-port-printer .arrow-button");
            await(() -> ((ComboBox<?>) scene.lookup("#devices-port-printer")).isShowing());
            // The ports come from a worker after the list opened (held here until it is open): the list opened
            // empty stayed a sliver without rows until it was opened again.
            actions.portsRelease.countDown();
            await(() -> rowAt("/dev/ttyUSB1") != null);
            assertTrue(!keyboardShown(), where + "the arrow opens the list and brings no keys");
            assertTrue(WaitForAsyncUtils.asyncFx(() -> listBelow(scene.lookup("#devices-port-printer")))
                    .get(10, TimeUnit.SECONDS), where + "the list opens at its combo box");
            WaitForAsyncUtils.asyncFx(() -> ScreenChecks.popupProblems(scene)).get(10, TimeUnit.SECONDS)
                    .forEach(p -> problems.add(where + "the ports' list: " + p));
            tapRow(robot, "/dev/ttyUSB1");
            assertEquals("/dev/ttyUSB1", ((ComboBox<?>) scene.lookup("#devices-port-printer")).getEditor().getText(),
                    "the port chosen by touch");

            TouchTaps.tap(robot, "#devices-baud-printer");
            await(() -> ((ComboBox<?>) scene.lookup("#devices-baud-printer")).isShowing());
            await(() -> rowAt("57600") != null);
            WaitForAsyncUtils.asyncFx(() -> ScreenChecks.popupProblems(scene)).get(10, TimeUnit.SECONDS)
                    .forEach(p -> problems.add(where + "the speeds' list: " + p));
            tapRow(robot, "57600");
            assertEquals(57600, ((ComboBox<?>) scene.lookup("#devices-baud-printer")).getValue(),
                    "the speed chosen by touch");
            robot.interact(() -> model.devices().get().editingProperty().set(false));
        }
        assertEquals(List.of(), problems);
    }

    /** Taps the row showing {@code text} in the popup list now open, through the popup's real scene. */
    private void tapRow(FxRobot robot, String text) throws Exception {
        Point2D at = rowAt(text);
        assertTrue(at != null, "a row " + text + " in the open list");
        robot.moveTo(at).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The open popup list lies against {@code combo}: its top at the combo box's bottom, or its bottom at its top. */
    private static boolean listBelow(Node combo) {
        Bounds at = combo.localToScreen(combo.getLayoutBounds());
        for (Window window : Window.getWindows()) {
            if (window instanceof PopupWindow && window.isShowing()) {
                return Math.abs(window.getY() - at.getMaxY()) < 12
                        || Math.abs(window.getY() + window.getHeight() - at.getMinY()) < 12;
            }
        }
        return false;
    }

    /** Where the row showing {@code text} of the popup list now open is on the screen, or null. */
    private static Point2D rowAt(String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof PopupWindow && window.isShowing() && window.getScene() != null) {
                    for (Node cell : window.getScene().getRoot().lookupAll(".list-cell")) {
                        if (cell instanceof ListCell<?> row && text.equals(row.getText())) {
                            Bounds b = row.localToScreen(row.getLayoutBounds());
                            return new Point2D(b.getCenterX(), b.getCenterY());
                        }
                    }
                }
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    /** In each language: taps the field {@code id}, checks it against the keys that came, and hides them. */
    private void tapInEachLanguage(FxRobot robot, int[] size, String id, List<String> problems) throws Exception {
        for (Language each : Language.values()) {
            robot.interact(() -> language.choose(each));
            AdminTouch.tap(robot, scene, id);
            await(this::keyboardShown);
            String where = id + " " + size[0] + "x" + size[1] + " " + each + ": ";
            ScreenChecks.keysOverFieldFromTest(scene).forEach(p -> problems.add(where + p));
            TouchTaps.tap(robot, "#key-hide");
            await(() -> !keyboardShown());
        }
    }

    /**
     * The check finds a cut text, a control outside the window, a small touch target, a cut prompt and a word broken
     * across lines (so a pass means something).
     */
    @Test
    void theCheckFindsWhatAPersonWouldNotSee(FxRobot robot) throws Exception {
        List<String> found = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Button small = new javafx.scene.control.Button("OK");
            small.setId("small");
            small.setMinSize(40, 40);
            small.setMaxSize(40, 40);
            javafx.scene.control.Label cut = new javafx.scene.control.Label("A sentence far too long for its label");
            cut.setId("cut");
            cut.setMaxWidth(80);
            javafx.scene.control.Button outside = new javafx.scene.control.Button("Outside");
            outside.setId("outside");
            outside.setMinSize(100, 64);
            outside.setLayoutX(1250);
            javafx.scene.layout.Pane pane = new javafx.scene.layout.Pane(outside);
            javafx.scene.control.TextField prompted = new javafx.scene.control.TextField();
            prompted.setId("prompted");
            prompted.setPromptText("Badge login (e.g. C01), never a name or IIN");
            prompted.setMinHeight(64);
            prompted.setMaxWidth(120);
            javafx.scene.control.Button broken = new javafx.scene.control.Button("Назад к администрированию");
            broken.setId("broken");
            broken.setWrapText(true);
            broken.setMinHeight(64);
            broken.setMaxWidth(160);
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(small, cut, pane, prompted, broken);
            scene.setRoot(box);
            List<String> problems = new ArrayList<>(ScreenChecks.problems(scene));
            problems.addAll(ScreenChecks.brokenWords(scene, box));
            scene.setRoot(root);
            return problems;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("Button#small") && p.contains("touch target")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("Label#cut") && p.contains("cut")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("Button#outside") && p.contains("outside the window")),
                found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("TextField#prompted") && p.contains("prompt cut")),
                found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("Button#broken") && p.contains("broken across lines")),
                found::toString);
    }

    private boolean keyboardShown() {
        return root instanceof KeyboardDock dock && dock.showingProperty().get();
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            scene.setRoot(new Group());
            scene = new Scene(root, width, height);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            // Sized by its scene, never explicitly: the next test class's scene sizes the shared stage again.
            stage.sizeToScene();
        });
    }

    /** In each language: the screen's problems, and its screenshot. */
    private void check(FxRobot robot, int[] size, String name, List<String> problems) throws Exception {
        ScreenChecks.checkEveryLanguage(robot, scene, language, "admin", size, name, problems);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
