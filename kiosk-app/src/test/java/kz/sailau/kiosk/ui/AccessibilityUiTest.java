package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19 on the screens, headless: a voter of another precinct reads where to vote (and so does the clerk), the
 * clerk adds them to the special list with the absentee certificate's number, and the voter switches on large,
 * high-contrast text, which ends with them. Screenshots for docs/screens.md.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityUiTest {

    private static final PollingStation SCHOOL_14 = new PollingStation(new PrecinctId(102),
            "№14 мектеп, Абай көшесі 5", "Школа №14, ул. Абая 5", "School 14, Abai Street 5");

    private UiFixtures fixtures;
    private LanguageViewModel language;
    private CheckInScreenModel model;
    private KioskView view;
    private Scene scene;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        fixtures = new UiFixtures();
        fixtures.elsewhere.put(UiFixtures.OUTSIDER.iin(), SCHOOL_14);
        language = new LanguageViewModel();
        model = fixtures.model(language);
        view = new KioskView(model);
        view.clerkConsole().suggestLogin(UiFixtures.CLERK.value());
        scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
        assertEquals(List.of(), problems, "every screenshot's screen whole at 1280 × 800");
    }

    @Test
    void aVoterOfAnotherPrecinctReadsWhereToVoteAndIsAddedToTheSpecialList(FxRobot robot) throws Exception {
        model.submitCard(UiFixtures.mrzOf(UiFixtures.OUTSIDER)).get(5, TimeUnit.SECONDS);
        CheckInState.Refused refused = (CheckInState.Refused) awaitState(CheckInState.Refused.class::isInstance);
        assertEquals(Refusal.OTHER_PRECINCT, refused.refusal());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Сіздің сайлау учаскеңіз № 102, №14 мектеп, Абай көшесі 5", text("#refusal-station"));
        save("access-1-other-precinct-station-kk");
        WaitForAsyncUtils.asyncFx(() -> language.choose(Language.RUSSIAN)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ваш избирательный участок № 102, Школа №14, ул. Абая 5", text("#refusal-station"));
        WaitForAsyncUtils.asyncFx(() -> language.choose(Language.ENGLISH)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Your polling station is No. 102, School 14, Abai Street 5", text("#refusal-station"));

        robot.clickOn("#open-clerk-console");
        WaitForAsyncUtils.waitForFxEvents();
        // The console keeps the clerk's own language (Kazakh here), whatever the voter chose.
        // In the clerk's words (decision 0416): "the voter's polling station", not "your".
        assertEquals("Сайлаушы басқа сайлау учаскесінің тізімінде\n"
                + "Сайлаушының сайлау учаскесі № 102, №14 мектеп, Абай көшесі 5", text("#clerk-current"),
                "the clerk reads the same station, in the console's language and words");
        // The special list is a form of its own: once opened, every field and its button are in view to tap.
        robot.clickOn("#clerk-special-list-open");
        robot.clickOn("#clerk-iin").write(UiFixtures.OUTSIDER.iin().digits());
        robot.clickOn("#special-list-absentee_certificate");
        robot.clickOn("#clerk-document-number").write("AB 0456789");
        // A wrong PIN first: refused, and the form keeps what was typed (decision 0531).
        robot.clickOn("#clerk-pin").write("9999");
        robot.clickOn("#clerk-special-list");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text("#clerk-result").isEmpty());
        assertEquals("AB 0456789", field("#clerk-document-number"), "a wrong PIN keeps the document's number");
        assertEquals(UiFixtures.OUTSIDER.iin().digits(), field("#clerk-iin"), "a wrong PIN keeps the IIN");
        assertEquals(0, fixtures.ledger.counters().specialList());
        robot.clickOn("#clerk-pin").write(UiFixtures.PIN);
        save("access-2-special-list-clerk-en");
        robot.clickOn("#clerk-special-list");
        CheckInState.TokenIssued issued = (CheckInState.TokenIssued) awaitState(
                CheckInState.TokenIssued.class::isInstance);
        assertEquals(CheckInMethod.SPECIAL_LIST, issued.method());
        assertEquals(1, fixtures.ledger.counters().specialList());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> scene.lookup("#clerk-document-number") == null)
                .get(5, TimeUnit.SECONDS), "the special list's inputs go with the case");
    }

    @Test
    void largeHighContrastTextIsSwitchedOnAndEndsWithTheVoter(FxRobot robot) throws Exception {
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingFinger.class::isInstance);
        robot.clickOn("#access-large-text");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getStyleClass().contains("large-text"));
        assertTrue(model.largeTextProperty().get());
        save("access-3-large-text-kk");
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        awaitState(CheckInState.TokenIssued.class::isInstance);
        model.submit(new kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged()).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingCard.class::isInstance);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.getStyleClass().contains("large-text"), "the next voter sees normal text");
    }

    private CheckInState awaitState(Predicate<CheckInState> wanted) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            model.settled().get(5, TimeUnit.SECONDS);
            return wanted.test(WaitForAsyncUtils.asyncFx(() -> model.stateProperty().get()).get(5, TimeUnit.SECONDS));
        });
        return WaitForAsyncUtils.asyncFx(() -> model.stateProperty().get()).get(5, TimeUnit.SECONDS);
    }

    /** The screenshot {@code name}, and the screen checks at the kiosk's 1280 × 800 (every action in view). */
    private void save(String name) throws Exception {
        ScreenChecks.screenshotAndCheck(scene, scene.getRoot(), name, true, problems);
    }

    private String field(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((TextInputControl) scene.lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }
}
