package kz.sailau.kiosk.ui;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.robot.MouseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tap as a finger gives it: the pointer goes straight to the middle of the node {@code query} names, presses and
 * releases there, through the real scene, so a control hidden under another or scrolled out of view takes no tap.
 * Unlike {@link FxRobot#clickOn(String, MouseButton...)} the pointer does not glide there in up to 200 steps (a
 * finger does not either), and the robot waits for the FX thread once per tap rather than after every step: a
 * touch walk of some 200 taps took over a minute that way.
 */
final class TouchTaps {

    private TouchTaps() {
    }

    /** Taps the middle of the node {@code query} finds, then waits until the FX thread has handled the tap. */
    static void tap(FxRobot robot, String query) {
        Point2D at;
        try {
            // Where the next frame shows the node: laid out first (a finger comes after a frame; a robot may not).
            at = WaitForAsyncUtils.asyncFx(() -> {
                robot.listTargetWindows().forEach(window -> {
                    if (window.getScene() != null) {
                        window.getScene().getRoot().applyCss();
                        window.getScene().getRoot().layout();
                    }
                });
                return robot.point(query).query();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot tap " + query + ": " + e.getMessage(), e);
        }
        MouseRobot mouse = robot.robotContext().getMouseRobot();
        mouse.moveNoWait(at);
        mouse.pressNoWait(MouseButton.PRIMARY);
        mouse.releaseNoWait(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
