package kz.sailau.kiosk.ui;

import static kz.sailau.kiosk.ui.TouchTaps.tap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent;
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
 * clear) and its login on the Latin keys (small letters first: every field starts so), a text field in Kazakh,
 * Russian, Latin and symbols (shift for capitals, enter fires the field's action and hides the keys), and every
 * layout seen whole with keys of at least 60 px at 1024 × 768; and the keys never over the field typed, nor over the
 * console's actions, on every console field at both kiosk sizes in each language (decision 0360).
 */
@ExtendWith(ApplicationExtension.class)
class TouchKeyboardUiTest {

    private static final int[][] KIOSK_SIZES = {{1280, 800}, {1024, 768}};
    /** What every console field is typed for: the row of the action buttons, kept clear of the keys with it. */
    private static final String CONSOLE_ACTIONS = "#clerk-actions";
    /** The console's header (its close button and language), in view above the keys whatever is typed (0400). */
    private static final String CONSOLE_HEADER = "#clerk-header";
    /** The console's fields typed on the letter keys, which lie over the console (the others on the keypad beside). */
    private static final List<String> LETTER_FIELDS = List.of("#clerk-id", "#clerk-document-number");

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
        scene = new Scene(screens, 1280, 800);
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
        tap(robot, "#clerk-pin");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-5") != null);
        assertTrue(scene.lookup("#key-a") == null, "a PIN gets the numeric keypad, no letters");
        assertEquals(List.of(), ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), true),
                "the console with the keypad at 1280x800");
        assertTrue(WaitForAsyncUtils.asyncFx(this::keysBesideTheConsole).get(5, TimeUnit.SECONDS),
                "at 1280x800 the keypad lies beside the console: its login, PIN and actions stay uncovered");
        for (char c : "47021".toCharArray()) {
            tap(robot, "#" + TouchKeyboard.keyId(c));
        }
        tap(robot, "#key-backspace");
        tap(robot, "#key-3");
        PasswordField pin = (PasswordField) scene.lookup("#clerk-pin");
        assertEquals("47023", pin.getText());
        assertEquals("•••••▏", ((Label) scene.lookup("#keyboard-echo")).getText(), "the PIN is never echoed");
        tap(robot, "#key-clear");
        assertEquals("", pin.getText());

        tap(robot, "#clerk-id");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-q") != null);
        assertEquals("q", ((Button) scene.lookup("#key-q")).getText(), "a login starts in small letters");
        // The letter keys are too wide to lie beside the console: it pans up under its header, held in place, the
        // login clear of both (decisions 0360, 0400); what lies between is as it was, the actions back when they go.
        assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene, "#clerk-header"),
                "the login and the console's header clear of the letter keys at 1280x800");
        assertEquals(List.of(), keysProblems(), "the letter keys whole at 1280x800");
        for (char c : "clerk1".toCharArray()) {
            tap(robot, "#" + TouchKeyboard.keyId(c));
        }
        assertEquals("clerk1", ((TextField) scene.lookup("#clerk-id")).getText(),
                "the demo login is typed as written, without shift");
        assertTrue(scene.lookup("#key-layout-kazakh") == null, "a login offers Latin letters and digits only");
        tap(robot, "#key-shift");
        tap(robot, "#key-c");
        assertEquals("clerk1C", ((TextField) scene.lookup("#clerk-id")).getText(), "shift gives capitals");
        tap(robot, "#key-hide");
        assertTrue(scene.lookup("#key-q") == null, "hidden");

        // The special list's document number (free text) starts in small letters too, shift pressed before or not.
        tap(robot, "#clerk-id");
        tap(robot, "#key-shift");
        // The login's actions lie under the letter keys (only the header and the field fit above them, decision
        // 0400): the keys go first, and the buttons are in place again.
        tap(robot, "#key-hide");
        tap(robot, "#clerk-special-list-open");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#clerk-document-number") != null);
        assertTrue(scene.lookup("#key-q") == null, "the keys are put away");
        tap(robot, "#clerk-document-number");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-layout-kazakh") != null);
        assertEquals("q", ((Button) scene.lookup("#key-q")).getText(), "free text starts in small letters");
        assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene, "#clerk-header"),
                "the special list's document number and the console's header clear of the letter keys at 1280x800");
        assertEquals(List.of(), keysProblems(), "the letter keys whole over the special list at 1280x800");
        tap(robot, "#key-hide");
        assertEquals(List.of(), ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), true),
                "the special list back in place once the keys are put away");
    }

    /** The keys' own problems: every key whole, inside the window and of touch size. */
    private List<String> keysProblems() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene, scene.lookup("#touch-keyboard")))
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * Touch alone at 1024 × 768 in Kazakh (the voter screens' language at start, the longest strings after Russian)
     * and Russian: a voter with a card goes through the finger to the token and *Done*, all in Kazakh; the clerk
     * opens the console (in Kazakh) and adds a voter to the special list: the IIN on the keypad, the reason, the
     * document number on the letter keys (the numero sign and the nine Kazakh letters: the engine takes it), the
     * demo login as written (small letters, no shift) and the PIN; the next voter switches to Russian and the finger
     * fails; the clerk chooses a reason, types the PIN and overrides; then, the console in Russian, types a voter's
     * IIN on the keypad in manual mode and a paper mark's IIN while paused.
     * Every tap goes through the real screen at the node's place: a control hidden under another, or scrolled out of
     * view, would take the tap elsewhere and the walk would stop.
     */
    @Test
    void aVoterAndAClerkByTouchAloneAt1024x768InKazakhAndRussian(FxRobot robot) throws Exception {
        robot.interact(() -> scene = ScreenChecks.resize(stage, scene, screens, 1024, 768));
        tap(robot, "#clerk-console-close");
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        ScreenStates.await(model, CheckInState.AwaitingFinger.class);
        assertShown(robot, "#finger-title", Messages.of(Language.KAZAKH).get("finger.place"));
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        ScreenStates.await(model, CheckInState.TokenIssued.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#token-done") != null);
        assertShown(robot, "#token-title", Messages.of(Language.KAZAKH).get("token.title"));
        tap(robot, "#token-done");
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
        assertEquals(1, fixtures.ledger.counters().checkIns());

        // The special list by touch, the console in Kazakh: the form opens with every field and its button in view.
        tap(robot, "#open-clerk-console");
        tap(robot, "#clerk-special-list-open");
        typeByTouch(robot, "#clerk-iin", UiFixtures.iin(LocalDate.of(1985, 4, 4), 77).digits());
        tap(robot, "#special-list-absentee_certificate");
        tap(robot, "#clerk-document-number");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-layout-kazakh") != null);
        assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene),
                "the document number clear of the letter keys at 1024x768");
        // A document number as a Kazakh court or certificate writes it: the numero sign (the symbols' keys, where no
        // key had it: decision 0495), every Kazakh letter, capitals by shift, and the digits.
        List<String> keys = new ArrayList<>(List.of("#key-layout-symbols", "#" + TouchKeyboard.keyId('№'),
                "#key-space", "#key-layout-kazakh", "#key-shift"));
        for (char c : "әғқңөұүһі".toCharArray()) {
            keys.add("#" + TouchKeyboard.keyId(c));
        }
        keys.addAll(List.of("#key-shift", "#key-layout-symbols", "#" + TouchKeyboard.keyId('-'), "#key-4", "#key-5",
                "#key-6"));
        for (String key : keys) {
            tap(robot, key);
        }
        assertEquals("№ ӘҒҚҢӨҰҮҺІ-456", ((TextField) scene.lookup("#clerk-document-number")).getText());
        tap(robot, "#key-hide");
        typeByTouch(robot, "#clerk-id", UiFixtures.CLERK.value());
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        tokenByClerkThenDone(robot, "#clerk-special-list", CheckInMethod.SPECIAL_LIST);
        assertEquals(1, fixtures.ledger.counters().specialList());

        tap(robot, "#language-russian");
        fingerNotRecognised();
        tap(robot, "#open-clerk-console");
        assertShown(robot, "#clerk-title", Messages.of(Language.KAZAKH).get("clerk.console.title"));
        tap(robot, "#override-worn_fingerprints");
        assertTrue(((ToggleButton) scene.lookup("#override-worn_fingerprints")).isSelected(), "the reason is chosen");
        // The PIN on the keypad, and Override tapped with the keys still up: they lie beside the console.
        tap(robot, "#clerk-pin");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-clear") != null);
        tap(robot, "#key-clear");
        for (char c : UiFixtures.PIN.toCharArray()) {
            tap(robot, "#" + TouchKeyboard.keyId(c));
        }
        assertTrue(WaitForAsyncUtils.asyncFx(this::keysBesideTheConsole).get(5, TimeUnit.SECONDS),
                "at 1024x768 the keypad lies beside the console: Override is not under it");
        tokenByClerkThenDone(robot, "#clerk-override", CheckInMethod.CLERK_OVERRIDE);

        tap(robot, "#open-clerk-console");
        tap(robot, "#clerk-language-russian");
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        tap(robot, "#clerk-start-fallback");
        ScreenStates.await(model, CheckInState.Fallback.class);
        typeByTouch(robot, "#clerk-iin", fixtures.voters.get(3).voter().iin().digits());
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        tap(robot, "#clerk-enter-iin");
        CheckInState.TokenIssued manual = ScreenStates.await(model, CheckInState.TokenIssued.class);
        assertTrue(manual.fallback(), "checked in by the IIN typed on the keypad");
        assertEquals(4, fixtures.ledger.counters().checkIns());

        // A voter marked on the printed list during an outage: paused, the clerk types the IIN of the paper mark.
        tap(robot, "#clerk-console-close");
        tap(robot, "#token-done");
        ScreenStates.await(model, CheckInState.Fallback.class);
        tap(robot, "#open-clerk-console");
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        tap(robot, "#clerk-end-fallback");
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        tap(robot, "#clerk-pause");
        ScreenStates.await(model, CheckInState.Paused.class);
        typeByTouch(robot, "#clerk-iin", fixtures.voters.get(2).voter().iin().digits());
        typeByTouch(robot, "#clerk-pin", UiFixtures.PIN);
        tap(robot, "#clerk-paper-mark");
        ScreenStates.await(model, s -> s instanceof CheckInState.Paused p && p.paperMark().isPresent());
        assertEquals(1, fixtures.ledger.counters().paperMarks(), "the paper mark typed on the keypad is entered");
    }

    /** The label {@code id} shows {@code expected} (the walk's screens are in the language it expects). */
    /**
     * The clerk taps {@code action}, the token is issued by {@code method}; the clerk closes the console and the
     * voter taps Done: the kiosk waits for the next card.
     */
    private void tokenByClerkThenDone(FxRobot robot, String action, CheckInMethod method) throws Exception {
        tap(robot, action);
        assertEquals(method, ScreenStates.await(model, CheckInState.TokenIssued.class).method());
        tap(robot, "#clerk-console-close");
        tap(robot, "#token-done");
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
    }

    /** The on-screen keys and the clerk console do not overlap (the keys lie left of it). */
    private boolean keysBesideTheConsole() {
        Node keys = scene.lookup("#touch-keyboard");
        Node console = scene.lookup("#clerk-console");
        Bounds keysBounds = keys.localToScene(keys.getLayoutBounds());
        Bounds consoleBounds = console.localToScene(console.getLayoutBounds());
        return keysBounds.getMaxX() <= consoleBounds.getMinX() + 0.5;
    }

    private void assertShown(FxRobot robot, String id, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup(id) != null);
        assertEquals(expected, WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText())
                .get(5, TimeUnit.SECONDS));
    }

    /** Taps {@code field}, clears it, types {@code text} on the on-screen keys, and taps enter (it hides the keys). */
    private void typeByTouch(FxRobot robot, String field, String text) throws Exception {
        tap(robot, field);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-clear") != null
                && scene.lookup("#key-clear").isVisible() || scene.lookup("#key-backspace") != null
                && scene.lookup("#key-backspace").isVisible());
        assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene, "#clerk-actions"),
                field + " and the console's actions clear of the keys");
        // Clear what the field holds: the keypad's C, or backspace on the letter keys.
        if (scene.lookup("#key-clear") != null) {
            tap(robot, "#key-clear");
        }
        while (!((TextInputControl) scene.lookup(field)).getText().isEmpty()) {
            tap(robot, "#key-backspace");
        }
        for (char c : text.toCharArray()) {
            tap(robot, "#" + TouchKeyboard.keyId(c));
        }
        assertEquals(text, ((TextInputControl) scene.lookup(field)).getText(), field + " typed by touch");
        tap(robot, "#key-enter");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-enter") == null
                || !scene.lookup("#key-enter").isVisible());
    }

    /**
     * A tap on a button while the keys are shown: the keys stay while the finger is down (the screen does not grow
     * and move the button from under it) and go when it is lifted, and the button acts.
     */
    @Test
    void aButtonTappedWhileTheKeysAreShownActsAndTheKeysGoOnlyWhenTheFingerIsLifted(FxRobot robot) throws Exception {
        AtomicInteger fired = new AtomicInteger();
        TextField field = new TextField();
        field.setId("name-text");
        KeyboardDock.use(field, InputKind.TEXT);
        Button save = new Button("Save");
        save.setId("save");
        save.setOnAction(e -> fired.incrementAndGet());
        KeyboardDock dock = new KeyboardDock(new ScrollPane(new VBox(24, field, save)));
        robot.interact(() -> scene = ScreenChecks.resize(stage, scene, dock, 1024, 768));
        tap(robot, "#name-text");
        assertTrue(dock.showingProperty().get(), "a tap on the field shows the keys");
        robot.moveTo("#save").press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(save.isFocused(), "the press moved the focus to the button");
        assertTrue(dock.showingProperty().get(), "the keys stay while the finger is down");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fired.get(), "the button acts on the lift");
        assertFalse(dock.showingProperty().get(), "and the keys go after it");
    }

    @Test
    void kazakhRussianLatinAndSymbolsWithShiftAndEnter(FxRobot robot) throws Exception {
        AtomicInteger entered = new AtomicInteger();
        TextField field = new TextField();
        field.setId("free-text");
        KeyboardDock.use(field, InputKind.TEXT);
        field.setOnAction(e -> entered.incrementAndGet());
        KeyboardDock dock = new KeyboardDock(new VBox(field));
        robot.interact(() -> scene = ScreenChecks.resize(stage, scene, dock, 1024, 768));
        tap(robot, "#free-text");
        tap(robot, "#key-layout-kazakh");
        for (char c : "әіңғүұқөһ".toCharArray()) {
            tap(robot, "#" + TouchKeyboard.keyId(c));
        }
        tap(robot, "#key-shift");
        tap(robot, "#" + TouchKeyboard.keyId('ә'));
        tap(robot, "#key-shift");
        tap(robot, "#key-layout-russian");
        tap(robot, "#" + TouchKeyboard.keyId('ы'));
        tap(robot, "#key-layout-latin");
        tap(robot, "#key-q");
        tap(robot, "#key-layout-symbols");
        tap(robot, "#" + TouchKeyboard.keyId('@'));
        tap(robot, "#key-space");
        assertEquals("әіңғүұқөһӘыq@ ", field.getText());
        tap(robot, "#key-enter");
        assertEquals(1, entered.get(), "enter fires the field's action");
        assertFalse(dock.showingProperty().get(), "and hides the keys");
        TextField second = new TextField();
        second.setId("second-text");
        KeyboardDock.use(second, InputKind.TEXT);
        robot.interact(() -> ((VBox) dock.getCenter()).getChildren().add(second));
        tap(robot, "#free-text");
        tap(robot, "#key-layout-latin");
        tap(robot, "#key-shift");
        assertEquals("Q", ((Button) scene.lookup("#key-q")).getText());
        tap(robot, "#second-text");
        assertEquals("q", ((Button) scene.lookup("#key-q")).getText(), "shift stays with its field: a new one starts "
                + "in small letters");

        List<String> problems = new ArrayList<>();
        for (KeyboardLayout layout : KeyboardLayout.values()) {
            tap(robot, "#free-text");
            tap(robot, "#key-layout-" + layout.name().toLowerCase(java.util.Locale.ROOT));
            WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene)).get(10, TimeUnit.SECONDS)
                    .forEach(p -> problems.add(layout + ": " + p));
            if (Boolean.getBoolean(ElectionDayScreens.UPDATE_PROPERTY)) {
                WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "keyboard/" + layout.name().toLowerCase(
                        java.util.Locale.ROOT))).get(10, TimeUnit.SECONDS);
            }
        }
        PasswordField digits = new PasswordField();
        digits.setId("digits");
        KeyboardDock.use(digits, InputKind.DIGITS);
        robot.interact(() -> ((VBox) dock.getCenter()).getChildren().add(digits));
        tap(robot, "#digits");
        WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene)).get(10, TimeUnit.SECONDS)
                .forEach(p -> problems.add("keypad: " + p));
        if (Boolean.getBoolean(ElectionDayScreens.UPDATE_PROPERTY)) {
            // For review under target/screenshots/ (PNG encoding is most of this test's time otherwise).
            WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "keyboard/keypad")).get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), problems.stream().filter(p -> p.contains("#key") || p.contains("echo")).toList());
    }

    /**
     * The on-screen keys never cover what the clerk types (decision 0360): every field of the clerk console — login
     * and PIN in every kind of state, the IIN of manual mode and of a paper mark, the special-list form's IIN and
     * document number — tapped as a person taps it, at 1280 × 800 and 1024 × 768, with the console in Kazakh, Russian
     * and English. With the keys up, {@link ScreenChecks#keysOverField} finds the field and the console's header
     * (close button, language, alerts) whole, in view and clear of the keys, the field clear of the header. The letter
     * keys are too wide to lie beside the console, so this is the console panning up under its header held in place
     * (decision 0400); the keypad lies beside it, nothing moves, and the action buttons the field is typed for are in
     * view and clear of the keys too. Above the letter keys the header and the field leave the actions too little
     * room at both sizes: they come back with the keys' enter (decision 0400).
     */
    @Test
    void theKeysNeverCoverTheFieldTypedOnTheClerkConsole(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        checkFields(robot, "idle", List.of("#clerk-id", "#clerk-pin"), problems);

        tap(robot, "#clerk-special-list-open");
        checkFields(robot, "special list", List.of("#clerk-iin", "#clerk-document-number", "#clerk-id", "#clerk-pin"),
                problems);
        tap(robot, "#clerk-special-list-back");

        fingerNotRecognised();
        checkFields(robot, "finger not recognised", List.of("#clerk-id", "#clerk-pin"), problems);

        clerk(new CheckInEvent.ClerkCancels(UiFixtures.CLERK));
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
        clerk(new CheckInEvent.ClerkStartsFallback(UiFixtures.CLERK));
        ScreenStates.await(model, CheckInState.Fallback.class);
        checkFields(robot, "manual mode", List.of("#clerk-iin", "#clerk-id"), problems);

        clerk(new CheckInEvent.ClerkEndsFallback(UiFixtures.CLERK));
        ScreenStates.await(model, CheckInState.AwaitingCard.class);
        clerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK));
        ScreenStates.await(model, CheckInState.Paused.class);
        checkFields(robot, "paper mark", List.of("#clerk-iin", "#clerk-id"), problems);
        assertEquals(List.of(), problems);
    }

    /**
     * The check sees a field under the keys: a field laid at a fixed place low on a screen (a plain pane does not
     * move it when the dock shrinks the screen above the keys) is reported, so a pass means something.
     */
    /**
     * A card read while the clerk types the login: the console shows the new case (a refusal, its alert and the
     * special list) and its field moves down; the screen pans again so the login stays above the keys (issue 15's
     * touch pass found it under them, decision 0375).
     */
    @Test
    void theFieldStaysAboveTheKeysWhenACardChangesTheConsoleUnderIt(FxRobot robot) throws Exception {
        tap(robot, "#clerk-id");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-q") != null);
        assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene, CONSOLE_HEADER), "before the card");
        model.submitCard(fixtures.mrz(5)).get(5, TimeUnit.SECONDS);
        ScreenStates.await(model, CheckInState.Refused.class);
        WaitForAsyncUtils.waitForFxEvents();
        // The frame that shows the new case lays it out; the pan follows on the FX thread.
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(keysShown(), "the keys stay for the field that keeps the focus");
        assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene, CONSOLE_HEADER),
                "after the card: the login and the console's header clear of the keys");
    }

    /**
     * The clerk keeps the console's header while typing on the letter keys (decision 0400): with the keys up over the
     * console and the console panned up under them, its header (close button, language, the printer's alert) stays at
     * the top of the window, clear of the keys, over nothing the clerk types, and takes a tap: *Close the console*
     * closes it, with the keys. At both kiosk sizes, with the tallest header (a printer out of paper).
     */
    @Test
    void theConsoleHeaderStaysInViewAndTakesATapWhileTheLetterKeysAreUp(FxRobot robot) throws Exception {
        tokenNotPrinted();
        for (int[] size : KIOSK_SIZES) {
            robot.interact(() -> {
                scene = ScreenChecks.resize(stage, scene, screens, size[0], size[1]);
                if (!screens.voterView().clerkConsoleShowingProperty().get()) {
                    screens.voterView().toggleClerkConsole();
                }
            });
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#clerk-printer-alert") != null);
            tap(robot, "#clerk-id");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#key-q") != null);
            String where = size[0] + "x" + size[1] + ": ";
            assertTrue(WaitForAsyncUtils.asyncFx(() -> screens.voterView().getTranslateY() < 0).get(5,
                    TimeUnit.SECONDS), where + "the console is panned up above the letter keys");
            assertEquals(List.of(), ScreenChecks.keysOverFieldFromTest(scene, CONSOLE_HEADER, "#clerk-console-close",
                    "#clerk-printer-alert"), where + "the header, its close button and alert in view, over no field");
            Bounds header = WaitForAsyncUtils.asyncFx(() -> scene.lookup(CONSOLE_HEADER)
                    .localToScene(scene.lookup(CONSOLE_HEADER).getLayoutBounds())).get(5, TimeUnit.SECONDS);
            assertEquals(0, header.getMinY(), 0.5, where + "the header stays at the top of the window");
            tap(robot, "#clerk-console-close");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !keysShown());
            assertFalse(screens.voterView().clerkConsoleShowingProperty().get(), where + "the tap closed the console");
            assertEquals(0, screens.voterView().getTranslateY(), where + "the screen is back in its place");
        }
    }

    /**
     * Nothing shows cut across under the held header (decision 0430): with the letter keys up for the login, idle and
     * with a printer out of paper (the tallest header), at both kiosk sizes and in kk, ru and en, no button, field or
     * text of the panned console lies partly under the header and partly below its shadow (the bottom strip of the
     * *Enter IIN* row, of *Cancel*), nor a box's border line; the login stays clear of the keys and the header.
     */
    @Test
    void nothingShowsCutUnderTheHeldHeader(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        checkHeldHeaderEdge(robot, "idle", problems);
        tokenNotPrinted();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#clerk-printer-alert") != null);
        checkHeldHeaderEdge(robot, "out of paper", problems);
        assertEquals(List.of(), problems);
    }

    /** In each size and console language, taps the login, checks the held header's edge and the keys, hides them. */
    private void checkHeldHeaderEdge(FxRobot robot, String state, List<String> problems) throws Exception {
        for (int[] size : KIOSK_SIZES) {
            robot.interact(() -> scene = ScreenChecks.resize(stage, scene, screens, size[0], size[1]));
            for (Language language : Language.values()) {
                robot.interact(() -> screens.voterView().clerkConsole().language().choose(language));
                tap(robot, "#clerk-id");
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::keysShown);
                String where = state + " " + size[0] + "x" + size[1] + " " + language + ": ";
                assertTrue(WaitForAsyncUtils.asyncFx(() -> screens.voterView().getTranslateY() < 0).get(5,
                        TimeUnit.SECONDS), where + "the console is panned under its held header");
                ScreenChecks.keysOverFieldFromTest(scene, CONSOLE_HEADER).forEach(p -> problems.add(where + p));
                tap(robot, "#key-hide");
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !keysShown());
            }
        }
    }

    /** A long passphrase or text: the echo shows its end and the caret, whole, after an ellipsis (decision 0375). */
    @Test
    void theEchoShowsTheEndOfALongTextWithItsCaret(FxRobot robot) throws Exception {
        for (String field : List.of("#clerk-pin", "#clerk-id")) {
            tap(robot, field);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::keysShown);
            robot.interact(() -> ((TextInputControl) scene.lookup(field)).setText("abcdefgh".repeat(12) + "XYZ"));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene,
                    scene.lookup("#touch-keyboard"))).get(10, TimeUnit.SECONDS), field + ": the echo whole");
            String echo = ((Label) scene.lookup("#keyboard-echo")).getText();
            assertTrue(echo.startsWith("…") && echo.endsWith(field.equals("#clerk-pin") ? "••▏" : "XYZ▏"),
                    field + ": " + echo);
            tap(robot, "#key-hide");
        }
    }

    @Test
    void theCheckFindsAFieldUnderTheKeys(FxRobot robot) throws Exception {
        TextField low = new TextField();
        low.setId("low-field");
        low.setMinHeight(64);
        low.setLayoutX(100);
        low.setLayoutY(690);
        KeyboardDock.use(low, InputKind.TEXT);
        KeyboardDock dock = new KeyboardDock(new Pane(low));
        robot.interact(() -> scene = ScreenChecks.resize(stage, scene, dock, 1024, 768));
        tap(robot, "#low-field");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::keysShown);
        List<String> found = ScreenChecks.keysOverFieldFromTest(scene);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("TextField#low-field")
                && p.contains("under the on-screen keys")), found::toString);
    }

    /**
     * In each size and console language, taps each of {@code fields}, checks it against the keys that came, and
     * hides them again (the field keeps the focus, the next tap shows them anew).
     */
    private void checkFields(FxRobot robot, String state, List<String> fields, List<String> problems)
            throws Exception {
        for (int[] size : KIOSK_SIZES) {
            robot.interact(() -> scene = ScreenChecks.resize(stage, scene, screens, size[0], size[1]));
            for (Language language : Language.values()) {
                robot.interact(() -> screens.voterView().clerkConsole().language().choose(language));
                WaitForAsyncUtils.waitForFxEvents();
                for (String field : fields) {
                    tap(robot, field);
                    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::keysShown);
                    String where = state + " " + size[0] + "x" + size[1] + " " + language + " " + field + ": ";
                    String[] uncovered = LETTER_FIELDS.contains(field) ? new String[] {CONSOLE_HEADER}
                            : new String[] {CONSOLE_HEADER, CONSOLE_ACTIONS};
                    ScreenChecks.keysOverFieldFromTest(scene, uncovered).forEach(p -> problems.add(where + p));
                    tap(robot, "#key-hide");
                    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !keysShown());
                }
            }
        }
    }

    private boolean keysShown() {
        Node keys = scene.lookup("#touch-keyboard");
        return keys != null && keys.getScene() != null;
    }

    /** The printer out of paper, voter 1's card and finger: a token not printed, the console's tallest header. */
    private void tokenNotPrinted() throws Exception {
        fixtures.printer.paperOut = true;
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        ScreenStates.await(model, CheckInState.AwaitingFinger.class);
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        ScreenStates.await(model, s -> s instanceof CheckInState.TokenIssued t
                && t.printout() instanceof CheckInState.Printout.NotPrinted);
    }

    /** Voter 2's card, then a finger that matches no try: the kiosk waits for a clerk's decision. */
    private void fingerNotRecognised() throws Exception {
        model.submitCard(fixtures.mrz(2)).get(5, TimeUnit.SECONDS);
        for (int i = 1; i <= fixtures.policy.maxCaptures(); i++) {
            int tries = i;
            fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.GOOD));
            ScreenStates.await(model, s -> s instanceof CheckInState.NeedsClerk
                    || s instanceof CheckInState.AwaitingFinger f && f.captures() == tries);
        }
        ScreenStates.await(model, CheckInState.NeedsClerk.class);
    }

    private void clerk(CheckInEvent.ClerkEvent event) throws Exception {
        model.submitAsClerk(event, UiFixtures.PIN.toCharArray()).get(5, TimeUnit.SECONDS);
    }
}
