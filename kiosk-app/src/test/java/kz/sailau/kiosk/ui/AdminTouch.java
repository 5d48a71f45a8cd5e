package kz.sailau.kiosk.ui;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presses a control of the administrator screens as a person would: the screens pan by touch, so the control is
 * first brought into the scroll pane's view, then tapped. Shared by the UI tests of the administrator screens.
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
