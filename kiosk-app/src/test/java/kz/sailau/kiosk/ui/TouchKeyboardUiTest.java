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
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInState;
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

    /**
     * Touch alone at 1024 × 768 in Russian (the longest strings on these screens): a voter with a card goes through to
     * the token and *Done*; the next voter's finger fails, the clerk opens the console, chooses a reason, types the
     * login and the PIN on the on-screen keys and overrides; then, in manual mode, types a voter's IIN on the keypad.
     * Every tap goes through the real screen at the node's place: a control hidden under another, or scrolled out of
     * view, would take the tap elsewhere and the walk would stop.
     */
    @Test
    void aVoterAndAClerkByTouchAloneAt1024x768InRussian(FxRobot robot) throws Exception {
        robot.interact(() -> {
            scene.setRoot(new javafx.scene.Group());
            scene = new Scene(screens, 1024, 768);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.sizeToScene();
        });
        robot.clickOn("#clerk-console-close");
        robot.clickOn("#language-russian");
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        ScreenStates.await(model, CheckInState.AwaitingFinger.class);
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        ScreenStates.await(model, CheckInState.TokenIssued.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#token-done") != null);
        robot.clickOn("#token-done");
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
        assertEquals(1, fixtures.ledger.counters().checkIns());

        robot.clickOn("#language-russian");
        model.submitCard(fixtures.mrz(2)).get(5, TimeUnit.SECONDS);
        for (int i = 1; i <= fixtures.policy.maxCaptures(); i++) {
            int tries = i;
            fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.GOOD));
            ScreenStates.await(model, s -> s instanceof CheckInState.NeedsClerk
                    || s instanceof CheckInState.AwaitingFinger f && f.captures() == tries);
        }
        ScreenStates.await(model, CheckInState.NeedsClerk.class);
        robot.clickOn("#open-clerk-console");
        robot.clickOn("#clerk-language-russian");
        robot.clickOn("#override-worn_fingerprints");
        assertTrue(((ToggleButton) scene.lookup("#override-worn_fingerprints")).isSelected(), "the reason is chosen");
        // A login starts in capitals: this clerk's is in small letters, so shift first.
        typeByTouch(robot, "#clerk-id", "#key-shift", UiFixtures.CLERK.value());
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        robot.clickOn("#clerk-override");
        CheckInState.TokenIssued overridden = ScreenStates.await(model, CheckInState.TokenIssued.class);
        assertEquals(CheckInMethod.CLERK_OVERRIDE, overridden.method());
        robot.clickOn("#clerk-console-close");
        robot.clickOn("#token-done");
        ScreenStates.await(model, CheckInState.AwaitingCard.class);

        robot.clickOn("#open-clerk-console");
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        robot.clickOn("#clerk-start-fallback");
        ScreenStates.await(model, CheckInState.Fallback.class);
        typeByTouch(robot, "#clerk-iin", fixtures.voters.get(3).voter().iin().digits());
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        robot.clickOn("#clerk-enter-iin");
        CheckInState.TokenIssued manual = ScreenStates.await(model, CheckInState.TokenIssued.class);
        assertTrue(manual.fallback(), "checked in by the IIN typed on the keypad");
        assertEquals(3, fixtures.ledger.counters().checkIns());

        // A voter marked on the printed list during an outage: paused, the clerk types the IIN of the paper mark.
        robot.clickOn("#clerk-console-close");
        robot.clickOn("#token-done");
        ScreenStates.await(model, CheckInState.Fallback.class);
        robot.clickOn("#open-clerk-console");
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        robot.clickOn("#clerk-end-fallback");
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        robot.clickOn("#clerk-pause");
        ScreenStates.await(model, CheckInState.Paused.class);
        typeByTouch(robot, "#clerk-iin", fixtures.voters.get(2).voter().iin().digits());
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        robot.clickOn("#clerk-paper-mark");
        ScreenStates.await(model, s -> s instanceof CheckInState.Paused p && p.paperMark().isPresent());
        assertEquals(1, fixtures.ledger.counters().paperMarks(), "the paper mark typed on the keypad is entered");
    }

    /** Taps {@code field}, clears it, types {@code text} on the on-screen keys, and taps enter (it hides the keys). */
    private void typeByTouch(FxRobot robot, String field, String text) throws Exception {
        typeByTouch(robot, field, "#key-clear", text);
    }

    /** Taps {@code field}, then the key {@code first}, types {@code text} on the on-screen keys, and taps enter. */
    private void typeByTouch(FxRobot robot, String field, String first, String text) throws Exception {
        robot.clickOn(field);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup(first) != null
                && scene.lookup(first).isVisible());
        robot.clickOn(first);
        for (char c : text.toCharArray()) {
            robot.clickOn("#" + TouchKeyboard.keyId(c));
        }
        assertEquals(text, ((TextInputControl) scene.lookup(field)).getText(), field + " typed by touch");
        robot.clickOn("#key-enter");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-enter") == null
                || !scene.lookup("#key-enter").isVisible());
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
