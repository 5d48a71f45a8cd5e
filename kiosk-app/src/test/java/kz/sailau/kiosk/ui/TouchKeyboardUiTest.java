package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import kz.sailau.kiosk.ui.touch.InputKind;
import kz.sailau.kiosk.ui.touch.KeyboardDock;
import kz.sailau.kiosk.ui.touch.KeyboardLayout;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The on-screen keyboard and numeric keypad by touch alone: the clerk console's PIN on the keypad (backspace,
 * clear) and its login on the Latin keys (capitals first), a text field in Kazakh, Russian, Latin and symbols
 * (shift for capitals, enter fires the field's action and hides the keys), and every layout seen whole with
 * keys of at least 60 px at 1024 × 768.
 */
@ExtendWith(ApplicationExtension.class)
class TouchKeyboardUiTest {

    private CheckInScreenModel model;
    private UiFixtures fixtures;
    private KioskScreens screens;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        screens = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(), Platform::runLater);
        screens.voterView().toggleClerkConsole();
        scene = new Scene(screens, 1600, 1000);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void theClerkTypesPinAndLoginByTouch(FxRobot robot) throws Exception {
        robot.clickOn("#clerk-pin");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-5") != null);
        assertTrue(scene.lookup("#key-a") == null, "a PIN gets the numeric keypad, no letters");
        for (char c : "47021".toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c));
        }
        robot.clickOn("#key-backspace");
        robot.clickOn("#key-3");
        PasswordField pin = (PasswordField) scene.lookup("#clerk-pin");
        assertEquals("47023", pin.getText());
        assertEquals("•••••▏", ((Label) scene.lookup("#keyboard-echo")).getText(), "the PIN is never echoed");
        robot.clickOn("#key-clear");
        assertEquals("", pin.getText());

        robot.clickOn("#clerk-id");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-q") != null);
        for (char c : "c01".toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c));
        }
        assertEquals("C01", ((TextField) scene.lookup("#clerk-id")).getText(), "a login starts in capitals");
        assertTrue(scene.lookup("#key-layout-kazakh") == null, "a login offers Latin letters and digits only");
        robot.clickOn("#key-hide");
        assertTrue(scene.lookup("#key-q") == null, "hidden");
    }

    @Test
    void kazakhRussianLatinAndSymbolsWithShiftAndEnter(FxRobot robot) throws Exception {
        AtomicInteger entered = new AtomicInteger();
        TextField field = new TextField();
        field.setId("free-text");
        KeyboardDock.use(field, InputKind.TEXT);
        field.setOnAction(e -> entered.incrementAndGet());
        KeyboardDock dock = new KeyboardDock(new VBox(field));
        robot.interact(() -> {
            scene.setRoot(new javafx.scene.Group());
            scene = new Scene(dock, 1024, 768);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.sizeToScene();
        });
        robot.clickOn("#free-text");
        robot.clickOn("#key-layout-kazakh");
        for (char c : "әіңғүұқөһ".toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c));
        }
        robot.clickOn("#key-shift");
        robot.clickOn("#" + TouchKeyboard.keyId('ә'));
        robot.clickOn("#key-shift");
        robot.clickOn("#key-layout-russian");
        robot.clickOn("#" + TouchKeyboard.keyId('ы'));
        robot.clickOn("#key-layout-latin");
        robot.clickOn("#key-q");
        robot.clickOn("#key-layout-symbols");
        robot.clickOn("#" + TouchKeyboard.keyId('@'));
        robot.clickOn("#key-space");
        assertEquals("әіңғүұқөһӘыq@ ", field.getText());
        robot.clickOn("#key-enter");
        assertEquals(1, entered.get(), "enter fires the field's action");
        assertFalse(dock.showingProperty().get(), "and hides the keys");

        List<String> problems = new ArrayList<>();
        for (KeyboardLayout layout : KeyboardLayout.values()) {
            robot.clickOn("#free-text");
            robot.clickOn("#key-layout-" + layout.name().toLowerCase(java.util.Locale.ROOT));
            WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene)).get(10, TimeUnit.SECONDS)
                    .forEach(p -> problems.add(layout + ": " + p));
            WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "keyboard/" + layout.name().toLowerCase(
                    java.util.Locale.ROOT))).get(10, TimeUnit.SECONDS);
        }
        PasswordField digits = new PasswordField();
        digits.setId("digits");
        KeyboardDock.use(digits, InputKind.DIGITS);
        robot.interact(() -> ((VBox) dock.getCenter()).getChildren().add(digits));
        robot.clickOn("#digits");
        WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene)).get(10, TimeUnit.SECONDS)
                .forEach(p -> problems.add("keypad: " + p));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "keyboard/keypad")).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), problems.stream().filter(p -> p.contains("#key") || p.contains("echo")).toList());
    }
}
