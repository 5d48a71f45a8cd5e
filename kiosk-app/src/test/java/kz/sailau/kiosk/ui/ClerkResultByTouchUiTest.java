package kz.sailau.kiosk.ui;

import static kz.sailau.kiosk.ui.TouchTaps.tap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.PaperMarkEntry;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzField;
import kz.sailau.kiosk.ui.touch.TouchKeyboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's answer to a clerk's action as the clerk guide's exception flows meet it, by touch alone at 1280 × 800
 * (console in Kazakh) and 1024 × 768 (in Russian), checked in all three languages: a card unreadable twice, the clerk
 * types the IIN of a voter already checked in on the keypad, and the console says so in red (it said "Done" in green
 * beside "The voter is already checked in"); paused, a paper mark entered, then a wrong PIN for *Resume* says "PIN not
 * accepted" in red (it said "Done", and the clerk took the next paper mark as entered). Nothing cut on the way
 * ({@link ScreenChecks}), the keypad clear of the IIN and its action.
 */
@ExtendWith(ApplicationExtension.class)
class ClerkResultByTouchUiTest {

    /** A polling station whose address is as long as a real one may be, in each language (under the table's 200). */
    private static final PollingStation LONGEST_STATION = new PollingStation(new PrecinctId(102),
            "Алматы облысы, Еңбекшіқазақ ауданы, Есік қаласы, Абай көшесі 150/1, Ыбырай Алтынсарин атындағы №14 жалпы "
                    + "білім беретін мектеп-гимназия, акт залы, бірінші қабат, бас кіреберіс",
            "Алматинская область, Енбекшиказахский район, город Есик, улица Абая 150/1, общеобразовательная "
                    + "школа-гимназия №14 имени Ыбырая Алтынсарина, актовый зал, первый этаж, главный вход",
            "Almaty Region, Enbekshikazakh District, Yesik, Abai Street 150/1, Ybyrai Altynsarin Secondary "
                    + "School-Gymnasium No. 14, assembly hall, ground floor, main entrance");

    private Stage stage;
    private Scene scene;
    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskScreens screens;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(scene = new Scene(new Group()));
        stage.show();
    }

    @AfterEach
    void stop() {
        close();
    }

    @Test
    void aRefusalAndAWrongPinAreToldInRedNeverDone(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        Language[] consoleLanguages = {Language.KAZAKH, Language.RUSSIAN};
        for (int i = 0; i < ElectionDayScreens.SIZES.length; i++) {
            int[] size = ElectionDayScreens.SIZES[i];
            Language language = consoleLanguages[i];
            String where = size[0] + "x" + size[1] + " ";
            open(robot, size);
            String checkedIn = fixtures.voters.get(0).voter().iin().digits();
            model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
            fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
            ScreenStates.await(model, CheckInState.TokenIssued.class);
            tap(robot, "#token-done");
            ScreenStates.await(model, CheckInState.AwaitingCard.class);

            // The card cannot be read twice: the clerk types the IIN from the document, and that voter already voted.
            tap(robot, "#open-clerk-console");
            tap(robot, "#clerk-language-" + language.name().toLowerCase(Locale.ROOT));
            for (int tries = 0; tries < 2; tries++) {
                model.submit(new CheckInEvent.CardUnreadable(MrzField.LAYOUT)).get(5, TimeUnit.SECONDS);
            }
            ScreenStates.await(model, s -> s instanceof CheckInState.NeedsClerk n
                    && n.reason() == ClerkReason.CARD_UNREADABLE);
            typeOnKeypad(robot, "#clerk-iin", checkedIn, where, problems);
            typeOnKeypad(robot, "#clerk-pin", UiFixtures.PIN);
            tap(robot, "#clerk-enter-iin");
            ScreenStates.await(model, s -> s instanceof CheckInState.Refused r
                    && r.refusal() == Refusal.ALREADY_CHECKED_IN);
            assertResult(language, RefusalWording.clerkHeadingKey(Refusal.ALREADY_CHECKED_IN), "console-alert");
            checkEveryLanguage(language, where + "already checked in ", problems);
            typeOnKeypad(robot, "#clerk-pin", UiFixtures.PIN);
            tap(robot, "#clerk-cancel");
            ScreenStates.await(model, CheckInState.AwaitingCard.class);
            assertResult(language, "clerk.result.done", "console-done");

            // Paused: a paper mark entered, then a wrong PIN for Resume.
            typeOnKeypad(robot, "#clerk-pin", UiFixtures.PIN);
            tap(robot, "#clerk-pause");
            ScreenStates.await(model, CheckInState.Paused.class);
            typeOnKeypad(robot, "#clerk-iin", fixtures.voters.get(1).voter().iin().digits());
            typeOnKeypad(robot, "#clerk-pin", UiFixtures.PIN);
            tap(robot, "#clerk-paper-mark");
            ScreenStates.await(model, s -> s instanceof CheckInState.Paused p
                    && p.paperMark().orElse(null) instanceof PaperMarkEntry.Entered);
            assertResult(language, "clerk.result.done", "console-done");
            typeOnKeypad(robot, "#clerk-pin", "9999");
            tap(robot, "#clerk-resume");
            ScreenStates.await(model, s -> s instanceof CheckInState.Paused p && p.paperMark().isEmpty());
            assertResult(language, CheckInMachine.CLERK_PIN_REJECTED_KEY, "console-alert");
            checkEveryLanguage(language, where + "wrong PIN while paused ", problems);
            typeOnKeypad(robot, "#clerk-pin", UiFixtures.PIN);
            tap(robot, "#clerk-resume");
            ScreenStates.await(model, CheckInState.AwaitingCard.class);
            assertResult(language, "clerk.result.done", "console-done");
            assertEquals(1, fixtures.ledger.counters().checkIns(), where + "one check-in");
            assertEquals(1, fixtures.ledger.counters().paperMarks(), where + "one paper mark");
            close();
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The redirection text as long as the authority's table lets it be ({@link PollingStation#MAX_ADDRESS_LENGTH}):
     * a voter of another precinct reads their polling station whole, and so does the clerk on the console, at both
     * sizes, the voter screen and the console each in the three languages.
     */
    @Test
    void theLongestRedirectionIsReadWhole(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            open(robot, size);
            Voter outsider = new Voter(UiFixtures.iin(LocalDate.of(1985, 4, 4), 77), "Басқа", "Сайлаушы", "",
                    LocalDate.of(1985, 4, 4), new PrecinctId(102));
            fixtures.elsewhere.put(outsider.iin(), LONGEST_STATION);
            model.submitCard(UiFixtures.mrzOf(outsider)).get(5, TimeUnit.SECONDS);
            ScreenStates.await(model, s -> s instanceof CheckInState.Refused r
                    && r.refusal() == Refusal.OTHER_PRECINCT);
            String where = size[0] + "x" + size[1] + " other precinct ";
            for (Language voter : Language.values()) {
                tap(robot, "#language-" + voter.name().toLowerCase(Locale.ROOT));
                problems.addAll(prefixed(where + voter + ": ", ScreenChecks.screenProblemsFromTest(scene,
                        scene.getRoot(), true)));
            }
            tap(robot, "#open-clerk-console");
            checkEveryLanguage(Language.KAZAKH, where + "console ", problems);
            close();
        }
        assertEquals(List.of(), problems);
    }

    /** Taps {@code field}, types {@code digits} on the keypad and puts the keys away. */
    private void typeOnKeypad(FxRobot robot, String field, String digits) throws Exception {
        typeOnKeypad(robot, field, digits, "", new ArrayList<>());
    }

    /**
     * Taps {@code field}, types {@code digits} on the keypad, adds to {@code problems} whatever the keys cover of the
     * field and the console's actions, and puts the keys away.
     */
    private void typeOnKeypad(FxRobot robot, String field, String digits, String where, List<String> problems)
            throws Exception {
        tap(robot, field);
        assertTrue(robot.lookup("#key-clear").tryQuery().isPresent(), field + " opens the keypad");
        tap(robot, "#key-clear");
        for (char c : digits.toCharArray()) {
            tap(robot, "#" + TouchKeyboard.keyId(c));
        }
        problems.addAll(prefixed(where + field + " on the keypad: ",
                ScreenChecks.keysOverFieldFromTest(scene, "#clerk-actions")));
        tap(robot, "#key-hide");
    }

    /** The console's result line says {@code key} in {@code language}, styled {@code style} only. */
    private void assertResult(Language language, String key, String style) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label result = (Label) scene.lookup("#clerk-result");
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> List.of(result.getText(), String.valueOf(
                result.getStyleClass().stream().filter(c -> c.startsWith("console-")).toList())))
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of(Messages.of(language).get(key), "[" + style + "]"), shown);
    }

    /** The scene's {@link ScreenChecks} in each console language, then back to {@code language}. */
    private void checkEveryLanguage(Language language, String where, List<String> problems) throws Exception {
        ClerkConsole console = screens.voterView().clerkConsole();
        for (Language each : Language.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.language().choose(each)).get(5, TimeUnit.SECONDS);
            problems.addAll(prefixed(where + each + ": ", WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene))
                    .get(10, TimeUnit.SECONDS)));
        }
        WaitForAsyncUtils.asyncFx(() -> console.language().choose(language)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> prefixed(String prefix, List<String> found) {
        return found.stream().map(p -> prefix + p).toList();
    }

    private void open(FxRobot robot, int[] size) {
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        robot.interact(() -> {
            screens = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(),
                    Platform::runLater);
            screens.voterView().clerkConsole().suggestLogin(UiFixtures.CLERK.value());
            scene = ScreenChecks.resize(stage, scene, screens, size[0], size[1]);
        });
    }

    private void close() {
        if (model != null) {
            model.close();
            fixtures.close();
            model = null;
        }
    }
}
