package kz.sailau.kiosk.ui;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presses a control of the administrator screens as a person would: the screens pan by touch, so the control is
 * first brought into the scroll pane's view, then tapped; a field typed by touch is checked clear of the keys
 * ({@link ScreenChecks#keysOverField}). Shared by the UI tests of the administrator screens.
 */
public final class AdminTouch {

    private AdminTouch() {
    }

    /** Waits until {@code id} is shown and enabled, scrolls it into view and clicks it. */
    public static void press(FxRobot robot, Scene scene, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Node node = scene.lookup(id);
            return node != null && node.isVisible() && !node.isDisabled() && node.getScene() != null;
        });
        Node node = scene.lookup(id);
        robot.interact(() -> reveal(node));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }

    /**
     * A touch user's tap on {@code id}: once it is shown and enabled, pans its screen so that it is in view (as a
     * finger drags the screen) and taps it there, straight through the real scene ({@link TouchTaps}).
     */
    public static void tap(FxRobot robot, Scene scene, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Node node = scene.lookup(id);
            return node != null && node.isVisible() && !node.isDisabled() && node.getScene() != null;
        });
        robot.interact(() -> reveal(scene.lookup(id)));
        TouchTaps.tap(robot, id);
    }

    /**
     * Opens the administrator screens from the voter screen with a tap on its Administrator button, once the voter
     * screen has laid out its first state; a tap that lands while the top bar still moves is given again, as a
     * person would, and the passphrase field must then be there.
     */
    public static void openAdministrator(FxRobot robot, Scene scene) throws Exception {
        for (int tap = 0; tap < 2 && !shown(scene, "#admin-passphrase"); tap++) {
            tap(robot, scene, "#open-administrator");
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(scene, "#admin-passphrase"));
            } catch (TimeoutException e) {
                // the second tap, below
            }
        }
        if (!shown(scene, "#admin-passphrase")) {
            throw new AssertionError("two taps on the Administrator button did not open the passphrase screen");
        }
    }

    private static boolean shown(Scene scene, String id) {
        Node node = scene.lookup(id);
        return node != null && node.isVisible() && node.getScene() != null;
    }

    /**
     * Taps the field {@code id}, types {@code text} on the on-screen letter keys (shift before a capital, and again
     * after it: every field starts in small letters) and taps enter, which submits the field as its own button does.
     */
    public static void typeByTouch(FxRobot robot, Scene scene, String id, String text) throws Exception {
        tap(robot, scene, id);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-enter") != null
                && scene.lookup("#key-enter").isVisible());
        List<String> covered = ScreenChecks.keysOverFieldFromTest(scene);
        if (!covered.isEmpty()) {
            throw new AssertionError(id + " typed under the on-screen keys: " + covered);
        }
        for (char c : text.toCharArray()) {
            boolean capital = Character.isUpperCase(c);
            if (capital) {
                TouchTaps.tap(robot, "#key-shift");
            }
            TouchTaps.tap(robot, c == ' ' ? "#key-space" : "#" + TouchKeyboard.keyId(c));
            if (capital) {
                TouchTaps.tap(robot, "#key-shift");
            }
        }
        TouchTaps.tap(robot, "#key-enter");
    }

    /** Scrolls the nearest scroll pane so that {@code node} is near the top of its view (call on the FX thread). */
    public static void reveal(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll && scroll.getContent() != null) {
                Bounds b = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double scrollable = scroll.getContent().getBoundsInLocal().getHeight()
                        - scroll.getViewportBounds().getHeight();
                if (scrollable > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 100) / scrollable)));
                }
                return;
            }
        }
    }
}
