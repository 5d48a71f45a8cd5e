package kz.sailau.kiosk.app.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.ui.AdminTouch;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.ScreenChecks;

/**
 * The headless UI tests' demo kiosk, set up as {@code demo} does it: the demo data (DEMO keys, register build
 * and load) in {@code directory/demo-data}, the real drivers on the emulated devices, and the kiosk screens
 * at the kiosk's own 1280 × 800 beside the 480 px demo voter panel in one 1760 × 800 scene (as the demo places its
 * two windows on a screen with room for both, decision 0180).
 */
public final class DemoUi {

    /** The id of the kiosk screens in {@link #scene}: what the screen checks look at. */
    public static final String SCREENS_ID = "demo-kiosk-screens";

    private DemoUi() {
    }

    /** Creates the demo data under {@code directory} and starts the demo kiosk on it. */
    public static DemoKiosk start(Path directory, boolean realtime) throws Exception {
        CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(OutputStream.nullOutputStream()), System.err);
        DemoData data = DemoData.create(directory.resolve("demo-data"), environment, System.out);
        return DemoKiosk.start(data, KioskConfiguration.defaults(), Clock.systemUTC(), new SecureRandom(),
                Main.migrations(), new SourceAfisMatcher(), realtime);
    }

    /** The kiosk's own screen size in these tests. */
    public static final int KIOSK_WIDTH = 1280;
    /** The kiosk's own screen size in these tests. */
    public static final int KIOSK_HEIGHT = 800;
    private static final int PANEL_WIDTH = 480;

    /**
     * The kiosk screens (with the demo's administrator actions, id {@code demo-kiosk-screens}, fixed at
     * {@link #KIOSK_WIDTH} × {@link #KIOSK_HEIGHT}) and the demo voter panel beside them, styled.
     */
    public static Scene scene(DemoKiosk kiosk, CheckInScreenModel model) {
        KioskScreens screens = new KioskScreens(model, kiosk.administration(() -> { }), ForkJoinPool.commonPool(),
                Platform::runLater);
        screens.setId(SCREENS_ID);
        screens.setMinSize(KIOSK_WIDTH, KIOSK_HEIGHT);
        screens.setPrefSize(KIOSK_WIDTH, KIOSK_HEIGHT);
        screens.setMaxSize(KIOSK_WIDTH, KIOSK_HEIGHT);
        // In its scroll pane, as the demo's own panel window holds it: at 800 px its lower buttons are panned to.
        ScrollPane panel = DemoPanel.scrolling(new DemoPanel(kiosk, model));
        panel.setPrefWidth(PANEL_WIDTH);
        Scene scene = new Scene(new HBox(screens, panel), KIOSK_WIDTH + PANEL_WIDTH, KIOSK_HEIGHT);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        return scene;
    }

    /**
     * Saves the scene's screenshot {@code name} and adds the kiosk screens' {@link ScreenChecks#screenProblems}
     * (the actions in view too when {@code actionsInView}: the voter screens; the administrator's pan) to
     * {@code problems}, each as "{@code name: problem}". From a test's thread.
     */
    public static void screenshotAndCheck(Scene scene, String name, boolean actionsInView, List<String> problems)
            throws Exception {
        ScreenChecks.screenshotAndCheck(scene, scene.lookup("#" + SCREENS_ID), name, actionsInView, problems);
    }

    /**
     * Presses a control of the demo panel, panned into view first: at the kiosk's 800 px height the panel scrolls
     * (its finger buttons start below the fold).
     */
    public static void press(FxRobot robot, Scene scene, String id) throws Exception {
        AdminTouch.press(robot, scene, id);
    }

    /**
     * Unlocks the administrator screens, open on their passphrase screen, with the DEMO passphrase and waits for
     * the unlocked main screen: its message "Kiosk unlocked" shown (the message of an earlier visit stays hidden
     * while the screens are locked).
     */
    public static void unlockAdministrator(FxRobot robot, Scene scene) throws Exception {
        robot.clickOn("#admin-passphrase");
        robot.interact(() -> ((TextField) scene.lookup("#admin-passphrase")).setText(DemoData.PASSPHRASE));
        robot.clickOn("#admin-unlock");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> scene.lookup("#admin-message") instanceof Label l
                && "Kiosk unlocked".equals(l.getText()) && l.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits up to {@code seconds} until the label {@code id} reads as {@code expected} says, then lets the render
     * that set it finish; else fails with what it reads.
     */
    public static void awaitLabel(Scene scene, String id, Predicate<String> expected, int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> expected.test(label(scene, id)));
            // The condition is read off the FX thread: let the render that set the text finish.
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError(id + " never showed the expected text; it reads: "
                    + (scene.lookup(id) == null ? "(none)" : label(scene, id)), e);
        }
    }

    /** The text of the label {@code id}, or "" when there is none. */
    public static String label(Scene scene, String id) {
        Node node = scene.lookup(id);
        return node instanceof Label l ? l.getText() : "";
    }
}
