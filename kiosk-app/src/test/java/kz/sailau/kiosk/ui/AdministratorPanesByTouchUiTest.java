package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import kz.sailau.kiosk.testing.ManualClock;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The administrator's panes by touch alone at 1280 × 800 and 1024 × 768, as the outside testers try them: the
 * passphrase typed on the keys, each pane's button tapped where a finger pans to it (at the bottom of the screen), the
 * pane then shown from its title, no keys brought up by it, and back to the top of the main screen (decision 0466);
 * the turnout of a busy polling station (1 410 in its busiest hour), its count axis written as the language on screen
 * writes numbers, in steps of 1, 2 or 5 times a power of ten (decision 0467); the ballot desk's redeemed count typed
 * on the keypad, clear of the keys, and the closing tally printed with it by a tap, in kk, ru and en. The guarded
 * actions (close the day, wipe, exit) asked in each language, the question whole in view where the tap was, cancelled
 * and confirmed by taps, the wipe's passphrase typed on the keys and a wrong one refused in view; the devices pane
 * opened, a port list opened by a tap, and an invalid setting saved, its reason whole (touch pass 5).
 */
@ExtendWith(ApplicationExtension.class)
class AdministratorPanesByTouchUiTest {

    /** The printer of a busy polling station, whose day from 07:00 is seen after 15:00: 1 410 in its busiest hour. */
    private final RecordingReportPrinting printer = new RecordingReportPrinting(RecordingReportPrinting.wholeHours(
            ZonedDateTime.of(2026, 12, 6, 7, 0, 0, 0, ZoneId.of("Asia/Almaty")),
            120, 1410, 630, 580, 370, 440, 700, 520), false);
    private final LanguageViewModel language = new LanguageViewModel();
    private FakeAdministration actions;
    private AdministratorViewModel model;
    private Region root;
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        actions = new FakeAdministration();
        actions.reports = printer;
        model = new AdministratorViewModel(actions, ForkJoinPool.commonPool(), Platform::runLater,
                new ManualClock(Instant.parse("2026-12-06T10:20:00Z")), () -> { });
        root = KioskScreens.scrolling(new AdministratorView(model, language));
        scene = ScreenChecks.resize(stage, new Scene(new Group()), root, 1280, 800);
        stage.show();
    }

    @Test
    void eachPaneOpenedByTouchShowsItsTitleAndBackShowsTheTopOfTheMainScreen(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            unlockByTouch(robot, size);
            for (Language each : Language.values()) {
                robot.interact(() -> language.choose(each));
                for (String[] pane : new String[][] {{"#admin-landa", "#la-title", "#la-back"},
                        {"#admin-clerks", "#clerks-title", "#clerks-done"},
                        {"#admin-reports", "#reports-title", "#reports-back"}}) {
                    String where = size[0] + "x" + size[1] + " " + each + " " + pane[0] + ": ";
                    // A finger pans the main screen to the button (at its bottom) and taps it there.
                    AdminTouch.tap(robot, scene, pane[0]);
                    ScreenChecks.notInViewFromTest(scene, pane[1]).forEach(p -> problems.add(where + p));
                    if (keysShown()) {
                        problems.add(where + "the on-screen keys came up with the pane");
                    }
                    AdminTouch.tap(robot, scene, pane[2]);
                    ScreenChecks.notInViewFromTest(scene, "#admin-title")
                            .forEach(p -> problems.add(where + "back: " + p));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theTurnoutOfABusyStationAndTheClosingTallyByTouchInEveryLanguage(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            unlockByTouch(robot, size);
            AdminTouch.tap(robot, scene, "#admin-reports");
            await(() -> model.reports().orElseThrow().turnoutProperty().get().total() == 4770);
            robot.interact(() -> language.choose(Language.KAZAKH));
            assertEquals(List.of("0", "500", "1\u00a0000", "1\u00a0500"), countAxis(),
                    "the count axis in steps of 500, thousands as Kazakh writes them");
            robot.interact(() -> language.choose(Language.RUSSIAN));
            assertEquals(List.of("0", "500", "1\u00a0000", "1\u00a0500"), countAxis());
            robot.interact(() -> language.choose(Language.ENGLISH));
            assertEquals(List.of("0", "500", "1,000", "1,500"), countAxis());
            ScreenChecks.checkEveryLanguage(robot, scene, language, "admin-touch", size, "reports-busy", problems);

            // The ballot desk's count on the keypad: the field and Print the closing tally clear of the keys.
            robot.interact(() -> model.reports().orElseThrow().redeemedProperty().set(""));
            AdminTouch.tap(robot, scene, "#reports-redeemed");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::keysShown);
            for (char digit : "4712".toCharArray()) {
                TouchTaps.tap(robot, "#" + TouchKeyboard.keyId(digit));
            }
            ScreenChecks.keysOverFieldFromTest(scene).forEach(p -> problems.add(size[0] + " redeemed: " + p));
            TouchTaps.tap(robot, "#key-enter");
            robot.interact(() -> language.choose(Language.RUSSIAN));
            AdminTouch.tap(robot, scene, "#reports-print-closing");
            await(() -> model.reports().orElseThrow().messageProperty().get() != null);
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#reports-message")));
            ScreenChecks.checkEveryLanguage(robot, scene, language, "admin-touch", size, "reports-closing-printed",
                    problems);
            AdminTouch.tap(robot, scene, "#reports-back");
        }
        assertEquals(List.of(), problems);
        assertEquals(List.of("closing RUSSIAN OptionalLong[4712]", "closing RUSSIAN OptionalLong[4712]"),
                printer.printed,
                "the tally printed by a tap, in the language on screen, with the count typed on the keypad");
    }

    @Test
    void closeWipeAndExitAreCancelledAndConfirmedByTouchAtBothSizes(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        int closes = 0;
        for (int[] size : ElectionDayScreens.SIZES) {
            unlockByTouch(robot, size);
            // In each language as a tester walks it: the question asked where the tap was, whole, then cancelled.
            for (Language each : Language.values()) {
                robot.interact(() -> language.choose(each));
                for (String[] guarded : new String[][] {{"#admin-close-day", "close-day"}, {"#admin-exit", "exit"},
                        {"#admin-wipe", "wipe"}}) {
                    if (guarded[1].equals("wipe") && !actions.closed) {
                        continue;
                    }
                    String where = size[0] + "x" + size[1] + " " + each + " " + guarded[1] + ": ";
                    AdminTouch.tap(robot, scene, guarded[0]);
                    String box = "#confirm-" + guarded[1];
                    await(() -> shown(box));
                    ScreenChecks.notInViewFromTest(scene, box).forEach(p -> problems.add(where + p));
                    WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene)).get(10, TimeUnit.SECONDS)
                            .forEach(p -> problems.add(where + p));
                    Screenshots.saveFromTest(scene, "admin-guarded-" + size[0] + "x" + size[1] + "/confirm-"
                            + guarded[1] + "-" + each.locale().getLanguage());
                    AdminTouch.tap(robot, scene, box + "-cancel");
                    await(() -> !shown(box));
                }
            }
            if (!actions.closed) {
                AdminTouch.tap(robot, scene, "#admin-close-day");
                AdminTouch.tap(robot, scene, "#confirm-close-day-yes");
                await(() -> actions.closed && !model.work().busyProperty().get());
                closes++;
            }
            // The wipe: a wrong passphrase refused where it was typed, then cancelled, then wiped.
            AdminTouch.tap(robot, scene, "#admin-wipe");
            AdminTouch.typeByTouch(robot, scene, "#confirm-wipe-passphrase", "wrong");
            await(() -> !model.work().busyProperty().get());
            ScreenChecks.checkEveryLanguage(robot, scene, language, "admin-guarded", size, "wipe-refused", problems);
            ScreenChecks.notInViewFromTest(scene, "#admin-day-message")
                    .forEach(p -> problems.add(size[0] + " wipe refused: " + p));
            if (shown("#confirm-wipe")) {
                AdminTouch.tap(robot, scene, "#confirm-wipe-cancel");
                await(() -> !shown("#confirm-wipe"));
            }
            AdminTouch.tap(robot, scene, "#admin-wipe");
            AdminTouch.typeByTouch(robot, scene, "#confirm-wipe-passphrase", FakeAdministration.PASSPHRASE);
            await(() -> !model.work().busyProperty().get() && !shown("#confirm-wipe"));
        }
        assertEquals(List.of(), problems);
        assertEquals(1, closes, "the day closed once, by the tap on Yes");
        assertEquals(2, actions.wipes.get(), "wiped by touch at each size, never with the wrong passphrase");
    }

    @Test
    void theDevicesPaneByTouchShowsAPortListAndAnInvalidSettingsReasonWhole(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            unlockByTouch(robot, size);
            AdminTouch.tap(robot, scene, "#devices-edit");
            await(() -> shown("#devices-editor"));
            AdminTouch.tap(robot, scene, "#devices-port-printer .arrow-button");
            await(() -> robot.lookup(".combo-box-popup .list-cell").tryQuery().isPresent());
            WaitForAsyncUtils.asyncFx(() -> ScreenChecks.popupProblems(scene)).get(10, TimeUnit.SECONDS)
                    .forEach(p -> problems.add(size[0] + " port list: " + p));
            TouchTaps.tap(robot, ".combo-box-popup .list-cell");
            AdminTouch.tap(robot, scene, "#devices-save");
            await(() -> model.devices().orElseThrow().messageProperty().get() != null);
            ScreenChecks.notInViewFromTest(scene, "#devices-message")
                    .forEach(p -> problems.add(size[0] + " saved: " + p));
            ScreenChecks.checkEveryLanguage(robot, scene, language, "admin-guarded", size, "devices-invalid",
                    problems);
            AdminTouch.tap(robot, scene, "#devices-edit");
            await(() -> !shown("#devices-editor"));
        }
        assertEquals(List.of(), problems);
    }

    /** At {@code size}, the lock screen's passphrase typed on the on-screen keys, enter unlocking. */
    private void unlockByTouch(FxRobot robot, int[] size) throws Exception {
        robot.interact(() -> {
            model.lock();
            scene = ScreenChecks.resize(stage, scene, root, size[0], size[1]);
        });
        AdminTouch.typeByTouch(robot, scene, "#admin-passphrase", FakeAdministration.PASSPHRASE);
        await(() -> model.unlockedProperty().get());
    }

    private boolean shown(String id) {
        Node node = scene.lookup(id);
        return node != null && node.isVisible() && node.getScene() != null;
    }

    private boolean keysShown() {
        Node keys = scene.lookup("#touch-keyboard");
        return keys != null && keys.isVisible() && keys.getScene() != null;
    }

    /** The count axis's tick labels as drawn, from the bottom up. */
    private List<String> countAxis() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            @SuppressWarnings("unchecked")
            BarChart<String, Number> chart = (BarChart<String, Number>) scene.lookup("#reports-turnout-chart");
            return chart.getYAxis().getChildrenUnmodifiable().stream()
                    .filter(node -> node instanceof Text && node.isVisible())
                    .sorted(Comparator.comparingDouble(node -> -node.localToScene(node.getBoundsInLocal()).getMinY()))
                    .map(node -> ((Text) node).getText()).toList();
        }).get(10, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
