package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import kz.sailau.kiosk.ui.touch.KeyboardDock;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The administrator screens by touch alone at 1280 × 800: the passphrase typed on the on-screen keyboard (a
 * wrong one refused, enter unlocks), a register package chosen from a USB stick's list (no path typed) and
 * refused twice with the progress bar back at zero, the message styled as an error, the scroll position and the
 * focus kept after an action, and the lock screen showing no old message after going back.
 */
@ExtendWith(ApplicationExtension.class)
class AdministratorUiTest {

    @TempDir
    static Path media;

    private final FakeAdministration actions = new FakeAdministration();
    private Scene scene;
    private KeyboardDock dock;
    private AdministratorView view;
    private Stage stage;
    private volatile boolean backToVoter;

    @Start
    void start(Stage stage) throws Exception {
        Path stick = Files.createDirectories(media.resolve("USB-ADMIN"));
        Files.writeString(stick.resolve("register-v2.srp"), "not a real package");
        actions.media = new RemovableMedia(List.of(media + "/*"));
        LanguageViewModel language = new LanguageViewModel();
        language.choose(Language.RUSSIAN);
        this.stage = stage;
        view = new AdministratorView(actions, language, ForkJoinPool.commonPool(), Platform::runLater,
                () -> backToVoter = true);
        dock = (KeyboardDock) KioskScreens.scrolling(view);
        scene = new Scene(dock, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /**
     * The second's tick (countdowns, the precinct pane's poll of its node) runs only while the window is shown: a
     * closed window whose node has shut down polls nothing and logs no failed reads.
     */
    @Test
    void theSecondsTickStopsWhenTheWindowIsClosedAndRunsAgainWhenItIsShown() throws Exception {
        assertTrue(WaitForAsyncUtils.asyncFx(view::ticking).get(10, TimeUnit.SECONDS), "ticking while shown");
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        assertFalse(WaitForAsyncUtils.asyncFx(view::ticking).get(10, TimeUnit.SECONDS),
                "no tick once the window is closed");
        WaitForAsyncUtils.asyncFx(stage::show).get(10, TimeUnit.SECONDS);
        assertTrue(WaitForAsyncUtils.asyncFx(view::ticking).get(10, TimeUnit.SECONDS), "ticking again when shown");
    }

    @Test
    void byTouchAloneWrongPassphraseThenUnlockThenAPackageFromTheStick(FxRobot robot) throws Exception {
        robot.clickOn("#admin-passphrase");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dock.showingProperty().get());
        type(robot, "wrong");
        robot.clickOn("#key-enter");
        awaitMessage("#admin-lock-message", "Неверная парольная фраза");
        assertTrue(scene.lookup("#admin-lock-message").getStyleClass().contains("message-error"));

        robot.clickOn("#admin-passphrase");
        robot.clickOn("#key-shift");
        type(robot, "TEST");
        robot.clickOn("#key-shift");
        robot.clickOn("#key-space");
        type(robot, "passphrase");
        assertEquals("•".repeat(15) + "▏", ((Label) robot.lookup("#keyboard-echo").query()).getText(),
                "the echo shows dots for a password");
        robot.clickOn("#key-enter");
        awaitMessage("#admin-message", "Киоск разблокирован");
        assertTrue(scene.lookup("#admin-message").getStyleClass().contains("message-success"));
        assertFalse(dock.showingProperty().get(), "enter hides the keyboard");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !scene.lookup("#admin-working").isVisible());
        assertFalse(scene.lookup("#admin-progress").isVisible(), "no full bar at rest: nothing was loaded yet");

        @SuppressWarnings("unchecked")
        ListView<Path> packages = (ListView<Path>) scene.lookup("#admin-package-list");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> packages.getItems().size() == 1);
        String file = media.resolve("USB-ADMIN").resolve("register-v2.srp").toString();
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> cell
                && AdminControls.wrappablePath(Path.of(file)).equals(cell.getText())).queryAs(Node.class));
        assertEquals(Path.of(file), packages.getSelectionModel().getSelectedItem());
        ScrollPane scroll = (ScrollPane) scene.lookup("#administrator-scroll");
        robot.interact(() -> scroll.setVvalue(0.2));
        double before = scroll.getVvalue();
        for (int attempt = 0; attempt < 2; attempt++) {
            robot.clickOn("#admin-load");
            awaitMessage("#admin-register-message", "Подпись пакета не является подписью ЦИК");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !scene.lookup("#admin-working").isVisible());
            assertEquals(0, ((javafx.scene.control.ProgressBar) scene.lookup("#admin-progress")).getProgress(),
                    "the bar ends at zero after a refusal, never stuck at 25 %");
        }
        assertTrue(scene.lookup("#admin-register-message").getStyleClass().contains("message-error"));
        Node load = scene.lookup("#admin-load");
        assertEquals(load, scene.getFocusOwner(), "the focus stays on the button pressed");
        assertEquals(before, scroll.getVvalue(), 0.02, "the page does not jump to the top");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "15-admin-bad-package-ru")).get(10, TimeUnit.SECONDS);

        robot.interact(() -> scroll.setVvalue(1));
        robot.clickOn("#admin-back");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> backToVoter);
        assertTrue(scene.lookup("#admin-passphrase").isVisible(), "locked again after leaving");
        assertFalse(scene.lookup("#admin-lock-message").isVisible(), "the lock screen shows no old message");
        assertEquals("", ((PasswordField) scene.lookup("#admin-passphrase")).getText());
        assertNull(scene.lookup("#key-enter"), "no keyboard left open");
    }

    private void type(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c));
        }
    }

    private void awaitMessage(String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                    && l.isVisible() && expected.equals(l.getText()));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " never read \"" + expected + "\"; it reads: "
                    + ((Label) scene.lookup(id)).getText(), e);
        }
    }
}
