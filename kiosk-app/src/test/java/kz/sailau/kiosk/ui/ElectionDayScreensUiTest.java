package kz.sailau.kiosk.ui;

import static kz.sailau.kiosk.ui.TouchTaps.tap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.checkin.PrecinctNetworkStatus;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.mrz.MrzField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every voter screen and the clerk console over it as a person sees them, at the kiosk's 1280 × 800 and at
 * 1024 × 768, in Kazakh, Russian and English, with the console closed and open, and with the voter's large text
 * ({@link ElectionDayScreens} lists them; the top bar holds the administrator's button, as on the kiosk). On each, {@link ScreenChecks} finds no text cut, no control outside the window and no touch target under
 * 60 px, every voter button and every console control (in every state, the special-list form opened too) is in
 * view without scrolling ({@link ScreenChecks#actionsOutOfView}), the token's QR and code are in view in large text
 * too, no word is broken across lines, no console button beside another is of another height, and every notice ends
 * with a full stop; each is saved under {@code target/screenshots/screens-WxH/}, and
 * {@link ScreensDocumentTest} checks that docs/screens.md and docs/images/screens/ show exactly these.
 */
@ExtendWith(ApplicationExtension.class)
class ElectionDayScreensUiTest {

    private Stage stage;
    private Scene scene;
    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskView view;
    private final List<ClerkReason> chimes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        scene = new Scene(new Group(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        close();
    }

    @Test
    void everyVoterAndClerkScreenFitsInEverySizeAndLanguage(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        List<ElectionDayScreens.Screen> walked = new ArrayList<>(ElectionDayScreens.ALL);
        walked.addAll(NOT_IN_THE_DOCUMENT);
        for (ElectionDayScreens.Screen screen : walked) {
            open(robot, PRECINCT_SCREENS.contains(screen.name()));
            drive(robot, screen.name());
            // One trip to the FX thread per screen: sizes, text sizes, console and languages all change at once
            // there (each redraws the screen synchronously); a robot round trip per change was half this test's time.
            problems.addAll(WaitForAsyncUtils.asyncFx(() -> checkEverySize(screen)).get(120, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), problems);
        if (Boolean.getBoolean(ElectionDayScreens.UPDATE_PROPERTY)) {
            ElectionDayScreens.updateDocs();
        }
    }

    /**
     * On the FX thread: the current screen at each size, in normal and large text, with the console closed and open
     * (large text is the voter screen's alone: checked without the console), in each language.
     */
    private List<String> checkEverySize(ElectionDayScreens.Screen screen) {
        List<String> found = new ArrayList<>();
        for (int[] size : ElectionDayScreens.SIZES) {
            setScene(size[0], size[1]);
            for (boolean large : new boolean[] {false, true}) {
                for (boolean console : large ? new boolean[] {false} : new boolean[] {false, true}) {
                    if (console != view.clerkConsoleShowingProperty().get()) {
                        view.toggleClerkConsole();
                    }
                    if (large != model.largeTextProperty().get()) {
                        model.toggleLargeText();
                    }
                    found.addAll(checkEachLanguage(screen, size, console, large));
                }
            }
        }
        return found;
    }

    /**
     * On the FX thread: the problems of the current screen in each language; its screenshot too when the
     * document is being refreshed ({@code -Dscreens.update=true}: PNG encoding is most of the time this test would
     * take otherwise).
     */
    private List<String> checkEachLanguage(ElectionDayScreens.Screen screen, int[] size, boolean console,
                                           boolean large) {
        List<String> found = new ArrayList<>();
        for (Language language : Language.values()) {
            model.language().choose(language);
            view.clerkConsole().language().choose(language);
            settle();
            String file = ElectionDayScreens.file(screen.name(), console, language);
            String where = file + (large ? " large text" : "") + " " + size[0] + "x" + size[1] + ": ";
            ScreenChecks.problems(scene).forEach(problem -> found.add(where + problem));
            // The voter's actions, and every console control (decision 0305 checked only the cases a clerk decides;
            // 0315 every state), in view without scrolling.
            ScreenChecks.actionsOutOfView(scene, view.lookup("#voter-screen"))
                    .forEach(problem -> found.add(where + problem));
            // No word broken across two lines, on the voter screen and on the console over it.
            ScreenChecks.brokenWords(scene, scene.getRoot()).forEach(problem -> found.add(where + problem));
            // What the voter takes away (the token's QR and code) in view in every text size.
            ScreenChecks.keptInViewOutOfView(scene, view.lookup("#voter-screen"))
                    .forEach(problem -> found.add(where + "kept in view: " + problem));
            if (!large) {
                // In normal text, what the voter must read to act is in view too; large text may pan to it.
                ScreenChecks.noticesOutOfView(scene, view.lookup("#voter-screen"))
                        .forEach(problem -> found.add(where + "notice: " + problem));
            }
            if (console) {
                ScreenChecks.actionsOutOfView(scene, view.clerkConsole())
                        .forEach(problem -> found.add(where + "console: " + problem));
                ScreenChecks.raggedRows(view.clerkConsole()).forEach(problem -> found.add(where + problem));
            }
            noticesWithoutFullStop(scene.getRoot()).forEach(problem -> found.add(where + problem));
            if (!large && ElectionDayScreens.ALL.contains(screen)
                    && Boolean.getBoolean(ElectionDayScreens.UPDATE_PROPERTY)) {
                Screenshots.save(scene, ElectionDayScreens.directory(size) + "/" + file);
            }
            if (console && SPECIAL_LIST_FORM.contains(screen.name())) {
                found.addAll(specialListFormProblems(where));
            }
        }
        return found;
    }

    /**
     * On the FX thread: opens the console's special-list form as a tap on its button would, and returns what of it is
     * not in view without scrolling (every field, reason and its confirm button must be); closes it again.
     */
    private List<String> specialListFormProblems(String where) {
        List<String> found = new ArrayList<>();
        if (view.clerkConsole().lookup("#clerk-special-list-open") instanceof ButtonBase open) {
            open.fire();
        }
        for (String id : List.of("#clerk-iin", "#special-list-absentee_certificate", "#special-list-court_decision",
                "#clerk-document-number", "#clerk-special-list", "#clerk-id", "#clerk-pin")) {
            if (view.clerkConsole().lookup(id) == null) {
                found.add(where + "special list: " + id + " not shown once the form is open");
            }
        }
        ScreenChecks.actionsOutOfView(scene, view.clerkConsole())
                .forEach(problem -> found.add(where + "special list: " + problem));
        ScreenChecks.problems(scene, view.clerkConsole())
                .forEach(problem -> found.add(where + "special list: " + problem));
        ScreenChecks.raggedRows(view.clerkConsole())
                .forEach(problem -> found.add(where + "special list: " + problem));
        if (view.clerkConsole().lookup("#clerk-special-list-back") instanceof ButtonBase back) {
            back.fire();
        }
        return found;
    }

    /** The identity swap is told to the clerk only: the public screen says only that a clerk checks the document. */
    @Test
    void anIdentitySwapIsNotToldOnThePublicScreen(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "needs-clerk-document-check");
        for (Language language : Language.values()) {
            robot.interact(() -> model.language().choose(language));
            WaitForAsyncUtils.waitForFxEvents();
            String swap = Messages.of(language).get(ClerkReason.IDENTITY_SWAP.messageKey());
            List<String> shown = texts(view.lookup("#voter-screen"));
            assertFalse(shown.contains(swap), () -> language + ": the voter screen shows " + shown);
            assertTrue(shown.contains(Messages.of(language).get(ClerkReason.IDENTITY_SWAP.voterMessageKey()) + "."),
                    () -> language + ": " + shown);
        }
        assertEquals(List.of(ClerkReason.IDENTITY_SWAP), chimes, "the clerk is called with a sound once");
        assertTrue(view.lookup("#clerk-call-banner").isVisible(), "the banner is up while the kiosk calls");
    }

    /** A countdown counts down on the engine's clock; "more time" ends it; the call raises banner and sound. */
    @Test
    void theCountdownCountsAndTheVoterCanAskForMoreTimeOrCallAClerk(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "finger-countdown");
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        String before = text("#finger-countdown");
        assertTrue(before.endsWith("Back to the start in 14 s."), before);
        fixtures.clock.advance(Duration.ofSeconds(5));
        await(() -> text("#finger-countdown").endsWith("in 9 s."));
        // With large text on the small screen the text pans; the countdown and its buttons are pinned below it.
        resize(robot, 1024, 768);
        robot.interact(model::toggleLargeText);
        for (String id : List.of("#finger-countdown", "#finger-more-time", "#finger-call-clerk")) {
            assertTrue(WaitForAsyncUtils.asyncFx(() -> pinnedInView(id)).get(5, TimeUnit.SECONDS), id + " in view");
        }
        robot.interact(model::toggleLargeText);
        tap(robot, "#finger-more-time");
        await(() -> model.stateProperty().get() instanceof CheckInState.AwaitingFinger f
                && f.countdownUntil().isEmpty());
        assertTrue(robot.lookup("#finger-countdown").tryQuery().isEmpty(), "more time ends the countdown");
        assertFalse(view.lookup("#clerk-call-banner").isVisible());
        tap(robot, "#finger-call-clerk");
        await(() -> view.lookup("#clerk-call-banner").isVisible());
        assertEquals(List.of(ClerkReason.VOTER_REQUEST), chimes);
        assertEquals("A commission member is coming.", text("#clerk-called"));
    }

    /**
     * The cut-off screen in plain words with the call button; the console's network line follows the engine live;
     * the kiosk returns to the welcome screen by itself when the network is back.
     */
    @Test
    void aKioskCutOffFromThePrecinctNetworkSaysSoAndComesBackByItself(FxRobot robot) throws Exception {
        openOnThePrecinctNetworkWithTheConsoleInEnglish(robot);
        assertEquals("Polling station network: 3 of 3 machines in reach, leader: kiosk-2. In the majority: check-ins "
                + "are recorded.", text("#clerk-network"));
        fixtures.network = UiFixtures.CUT_OFF;
        model.tick().get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.CutOff.class::isInstance);
        await(() -> text("#clerk-network").startsWith("Polling station network: 1 of 3 machines in reach, leader: "
                + "none."));
        assertEquals("Polling station network: 1 of 3 machines in reach, leader: none. Cut off: this kiosk cannot "
                + "record check-ins.", text("#clerk-network"));
        assertTrue(view.clerkConsole().lookup("#clerk-network").getStyleClass().contains("console-alert"));
        assertEquals("This kiosk has lost the polling station network", text("#state-cut-off-title"));
        assertEquals("Please go to another kiosk or call a commission member.", text("#state-cut-off-detail"));
        assertEquals("Send voters to another kiosk; if every kiosk says so, start the paper procedure",
                Messages.of(Language.ENGLISH).get("clerk.next.cutOff"));
        assertTrue(text("#clerk-next-step").endsWith(Messages.of(Language.ENGLISH).get("clerk.next.cutOff")));
        assertEquals(Messages.of(Language.ENGLISH).get("clerk.kiosk.notNowCutOff"), text("#clerk-kiosk-hint"),
                "manual mode is greyed out: it would need the network too");
        tap(robot, "#state-cut-off-call-clerk");
        await(() -> view.lookup("#clerk-call-banner").isVisible());
        assertEquals(List.of(ClerkReason.VOTER_REQUEST), chimes);
        assertEquals(0, fixtures.ledger.counters().checkIns(), "nothing recorded");
        fixtures.network = UiFixtures.WITH_MAJORITY;
        model.tick().get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingCard.class::isInstance);
        await(() -> robot.lookup("#state-awaiting-card").tryQuery().isPresent());
        assertFalse(view.lookup("#clerk-call-banner").isVisible(), "the call ends with the cut-off screen");
        await(() -> text("#clerk-network").endsWith("In the majority: check-ins are recorded."));
    }

    /**
     * A kiosk whose register version the precinct refused: the voter is sent on as from a cut-off kiosk, and the
     * clerk's console says why (not a network fault).
     */
    @Test
    void aKioskOnAnotherRegisterVersionTellsTheClerkWhy(FxRobot robot) throws Exception {
        openOnThePrecinctNetworkWithTheConsoleInEnglish(robot);
        fixtures.network = UiFixtures.REGISTER_REFUSED;
        model.tick().get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.CutOff.class::isInstance);
        await(() -> text("#clerk-network").contains("Another register"));
        assertEquals("Polling station network: 3 of 3 machines in reach, leader: kiosk-2. Another register than the "
                + "polling station's (version or package): this kiosk checks nobody in; the administrator compares "
                + "them (register status).", text("#clerk-network"));
        assertTrue(view.clerkConsole().lookup("#clerk-network").getStyleClass().contains("console-alert"));
        assertEquals(0, fixtures.ledger.counters().checkIns(), "nothing recorded");
        assertThrows(IllegalArgumentException.class, () -> new PrecinctNetworkStatus(new NodeName("kiosk-1"), 3, 3,
                Optional.empty(), true, true), "refused and with the majority at once is not a state");
    }

    /** A kiosk of a precinct network on its welcome screen, the clerk console open, everything in English. */
    private void openOnThePrecinctNetworkWithTheConsoleInEnglish(FxRobot robot) throws Exception {
        open(robot, true);
        drive(robot, "precinct-welcome");
        robot.interact(() -> {
            view.toggleClerkConsole();
            view.clerkConsole().language().choose(Language.ENGLISH);
            model.language().choose(Language.ENGLISH);
        });
    }

    /** A standalone kiosk's console has no network line. */
    @Test
    void aStandaloneKioskShowsNoNetworkLine(FxRobot robot) throws Exception {
        open(robot);
        model.tick().get(5, TimeUnit.SECONDS);
        robot.interact(view::toggleClerkConsole);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#clerk-network").tryQuery().isEmpty());
        assertTrue(model.networkProperty().get().isEmpty());
    }

    /** Refusals are worded by who acts next: only a screen on which the voter acts can be dismissed. */
    @Test
    void aRefusalWhereTheClerkActsHasNoDismissButton(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "refused-not-identified");
        assertTrue(robot.lookup("#refusal-ok").tryQuery().isEmpty(), "no \"I understand\" on a wait for a clerk");
        assertTrue(robot.lookup("#refusal-call-clerk").tryQuery().isPresent());
        close();
        open(robot);
        drive(robot, "refused-other-precinct");
        assertTrue(robot.lookup("#refusal-ok").tryQuery().isPresent());
        assertEquals(Messages.of(Language.KAZAKH).get("refusal.next.ownPrecinct"), text("#refusal-instruction"));
    }

    /**
     * The token screen tells the voter that it clears itself, counting down on the engine's clock, in each language;
     * at zero the engine's tick clears it.
     */
    @Test
    void theTokenScreenCountsDownToClearingItself(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "token");
        long display = fixtures.policy.tokenDisplay().toSeconds();
        for (Language language : Language.values()) {
            robot.interact(() -> model.language().choose(language));
            assertEquals(Messages.of(language).get("token.clearsIn", display), text("#token-countdown"));
        }
        assertEquals("This screen clears itself in " + display + " s.", text("#token-countdown"));
        fixtures.clock.advance(Duration.ofSeconds(5));
        await(() -> text("#token-countdown").equals("This screen clears itself in " + (display - 5) + " s."));
        fixtures.clock.advance(Duration.ofSeconds(display - 5));
        model.tick().get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingCard.class::isInstance);
        await(() -> robot.lookup("#token-countdown").tryQuery().isEmpty());
        assertTrue(robot.lookup("#state-awaiting-card").tryQuery().isPresent(), "the code is off the screen");
    }

    /** Out of paper, the token screen does not tell the voter to take a receipt, and cannot be dismissed. */
    @Test
    void outOfPaperTheVoterIsNotToldToTakeAReceipt(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "token-out-of-paper");
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        List<String> shown = texts(view.lookup("#voter-screen"));
        assertFalse(shown.stream().anyMatch(t -> t.contains("Take your receipt")), shown::toString);
        assertTrue(robot.lookup("#token-done").tryQuery().isEmpty());
        assertTrue(robot.lookup("#token-countdown").tryQuery().isEmpty(), "it stays until a clerk acts: no countdown");
        assertEquals("The printer is out of paper. Your receipt did not print. Please stay here: a commission member "
                + "is coming.", text("#printer-problem"));
    }

    /**
     * Out of paper, the console names the case the voter waits for (not "nothing pending") and what to do, and its
     * alert says both as two sentences (it read "out of paper — Void the token", a capital after a dash), in each
     * language.
     */
    @Test
    void outOfPaperTheConsoleNamesTheCaseAndWhatToDo(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "token-out-of-paper");
        String problemKey = model.printerProblemProperty().get().orElseThrow();
        assertConsoleCase(robot, problemKey, "clerk.next.voidAndReprint", (m, language) ->
                assertEquals(KioskView.sentences(m.get(problemKey), m.get("clerk.next.voidAndReprint")),
                        text("#clerk-printer-alert"), language + ": the alert"));
        assertEquals("The printer is out of paper. Void the token and print a new one.", text("#clerk-printer-alert"));
    }

    /** A voter's call from the welcome screen is the console's case (it said "nothing pending" under the call). */
    @Test
    void aVotersCallIsTheConsolesCase(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "welcome-called");
        assertConsoleCase(robot, ClerkReason.VOTER_REQUEST.messageKey(), null, (m, language) -> { });
        submitAsClerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK));
        awaitState(CheckInState.Paused.class::isInstance);
        submitAsClerk(new CheckInEvent.ClerkResumes(UiFixtures.CLERK));
        awaitState(CheckInState.AwaitingCard.class::isInstance);
        await(() -> !model.clerkCalledProperty().get());
        assertEquals(Messages.of(Language.ENGLISH).get("clerk.nothingPending"), text("#clerk-current"),
                "once a clerk acted, nothing is pending");
    }

    /**
     * After the day is closed the console says so in the clerk's language and offers nothing but its language and
     * *Close the console* (decision 0415: the engine takes no action any more): no IIN, no pause, no manual mode, no
     * login or PIN, and not "nothing pending"; a tap on *Close the console* closes it. At 1024 × 768 too.
     */
    @Test
    void afterTheCloseTheConsoleSaysSoAndOffersOnlyToCloseIt(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "polls-closed");
        assertEquals(java.util.Set.of(), model.clerkActionsProperty().get(), "the engine offers no clerk action");
        for (int[] size : ElectionDayScreens.SIZES) {
            resize(robot, size[0], size[1]);
            if (!view.clerkConsoleShowingProperty().get()) {
                robot.interact(view::toggleClerkConsole);
            }
            for (Language language : Language.values()) {
                robot.interact(() -> view.clerkConsole().language().choose(language));
                Messages m = Messages.of(language);
                String where = language + " at " + size[0] + "x" + size[1] + ": ";
                assertEquals(m.get("clerk.dayClosed"), text("#clerk-current"), where + "the case");
                assertEquals(m.get("clerk.nextStep", m.get("clerk.next.dayClosed")), text("#clerk-next-step"),
                        where + "what to do");
                for (String gone : List.of("#clerk-enter-iin", "#clerk-iin", "#clerk-pause", "#clerk-start-fallback",
                        "#clerk-special-list-open", "#clerk-id", "#clerk-pin", "#clerk-kiosk-controls")) {
                    Node node = view.clerkConsole().lookup(gone);
                    assertTrue(node == null || !ClerkConsoleUiTest.visible(node), where + gone + " is not offered");
                }
                List<String> buttons = ClerkConsoleUiTest.all(view.clerkConsole(), ButtonBase.class).stream()
                        .filter(ClerkConsoleUiTest::visible).map(Node::getId)
                        .filter(id -> !id.startsWith("clerk-language-")).toList();
                assertEquals(List.of("clerk-console-close"), buttons, where + "only the close button besides the "
                        + "language bar");
                assertEquals(m.get("clerk.count.checkIns"), text("#clerk-count-checkins-caption"),
                        where + "the day's counters stay in view of the clerk");
                assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene))
                        .get(10, TimeUnit.SECONDS), where + "the screen checks");
            }
        }
        tap(robot, "#clerk-console-close");
        assertFalse(view.clerkConsoleShowingProperty().get(), "a tap on Close the console closes it");
    }

    /**
     * A refusal's heading on the console is in the clerk's words ("The voter is on another precinct's list") in each
     * language; the voter's screen keeps the voter's ("You are registered at another
     * polling station"), and the console's history lists the case in the clerk's words.
     */
    @Test
    void aRefusalOnTheConsoleIsInTheClerksWords(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "refused-other-precinct");
        robot.interact(view::toggleClerkConsole);
        for (Language language : Language.values()) {
            robot.interact(() -> view.clerkConsole().language().choose(language));
            Messages m = Messages.of(language);
            String heading = text("#clerk-current");
            // Voter 5 is on precinct 102's list, with no station in the redirection table: the heading alone (the
            // station line in the clerk's words is checked in AccessibilityUiTest).
            assertEquals(m.get("clerk.refusal.otherPrecinct"), heading, language + ": the clerk's heading");
            assertFalse(heading.contains(m.get(Refusal.OTHER_PRECINCT.messageKey())),
                    language + ": not the voter's words on the console");
            assertEquals(m.get("clerk.refusal.otherPrecinct"), text("#clerk-notice-0"),
                    language + ": the history in the clerk's words");
        }
        assertEquals(Messages.of(Language.KAZAKH).get(Refusal.OTHER_PRECINCT.messageKey()), text("#refusal-title"),
                "the voter's screen keeps the voter's words");
    }

    /**
     * Opens the console and, in each of its languages, asserts its case box: {@code whatKey}'s text and
     * {@code nextKey}'s as what to do (no such line when it is null); then {@code also} for that language.
     */
    private void assertConsoleCase(FxRobot robot, String whatKey, String nextKey,
                                   BiConsumer<Messages, Language> also) {
        robot.interact(view::toggleClerkConsole);
        for (Language language : Language.values()) {
            robot.interact(() -> view.clerkConsole().language().choose(language));
            Messages m = Messages.of(language);
            assertEquals(m.get(whatKey), text("#clerk-current"), language + ": the case");
            if (nextKey == null) {
                assertTrue(view.clerkConsole().lookup("#clerk-next-step") == null, language + ": no next step");
            } else {
                assertEquals(m.get("clerk.nextStep", m.get(nextKey)), text("#clerk-next-step"),
                        language + ": what to do");
            }
            also.accept(m, language);
        }
    }

    /** The console keeps the clerk's language across voters, and clears the IIN and the result per case. */
    @Test
    void theConsoleKeepsItsLanguageAndClearsEachCase(FxRobot robot) throws Exception {
        open(robot);
        drive(robot, "fallback");
        robot.interact(() -> {
            view.toggleClerkConsole();
            view.clerkConsole().language().choose(Language.RUSSIAN);
        });
        tap(robot, "#clerk-iin");
        robot.write("123");
        tap(robot, "#clerk-pin");
        robot.write(UiFixtures.PIN);
        tap(robot, "#clerk-enter-iin");
        await(() -> !text("#clerk-result").isEmpty());
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        assertEquals(Messages.of(Language.RUSSIAN).get("clerk.console.title"), text("#clerk-title"),
                "the console follows its own language, not the voter's");
        assertTrue(view.clerkConsole().lookup("#clerk-result").getStyleClass().contains("console-alert"));
        submitAsClerk(new CheckInEvent.ClerkEndsFallback(UiFixtures.CLERK));
        await(() -> model.stateProperty().get() instanceof CheckInState.AwaitingCard);
        assertEquals("", text("#clerk-iin"), "the last case's IIN is gone");
        assertEquals("", text("#clerk-result"), "the last case's result is gone");
        assertEquals(Language.RUSSIAN, view.clerkConsole().language().languageProperty().get());
        assertEquals(Language.KAZAKH, model.language().languageProperty().get(), "the voter screens start in Kazakh");
    }

    // ------------------------------------------------------------------ driving the engine to each screen

    private void drive(FxRobot robot, String name) throws Exception {
        switch (name) {
            case "welcome" -> { }
            case "welcome-called" -> {
                model.callClerk().get(5, TimeUnit.SECONDS);
                await(() -> model.clerkCalledProperty().get());
            }
            case "finger" -> card(1);
            case "finger-countdown" -> {
                card(1);
                fixtures.clock.advance(fixtures.policy.idleTimeout().minus(fixtures.policy.fingerCountdown())
                        .plusSeconds(1));
                model.tick().get(5, TimeUnit.SECONDS);
                awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.countdownUntil().isPresent());
            }
            case "finger-retry" -> {
                card(2);
                fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.LOW_CONTRAST));
                awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.captures() == 1);
            }
            case "token" -> {
                card(1);
                fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
                awaitState(s -> s instanceof CheckInState.TokenIssued t
                        && t.printout() instanceof CheckInState.Printout.Printed);
            }
            case "token-out-of-paper" -> {
                fixtures.printer.paperOut = true;
                card(1);
                fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
                awaitState(s -> s instanceof CheckInState.TokenIssued t
                        && t.printout() instanceof CheckInState.Printout.NotPrinted);
            }
            case "refused-other-precinct" -> {
                model.submitCard(fixtures.mrz(5)).get(5, TimeUnit.SECONDS);
                awaitState(s -> s instanceof CheckInState.Refused r && r.refusal() == Refusal.OTHER_PRECINCT);
            }
            case "refused-not-identified" -> {
                model.submit(new CheckInEvent.CardlessRequested()).get(5, TimeUnit.SECONDS);
                awaitState(CheckInState.AwaitingFinger.class::isInstance);
                failEveryTry(9);
                awaitState(s -> s instanceof CheckInState.Refused r && r.refusal() == Refusal.NOT_IDENTIFIED);
            }
            case "needs-clerk-finger" -> {
                card(2);
                failEveryTry(2);
                awaitState(s -> s instanceof CheckInState.NeedsClerk n
                        && n.reason() == ClerkReason.FINGER_NOT_RECOGNISED);
            }
            case "needs-clerk-document-check" -> {
                card(1);
                fixtures.scanner.fingers.add(UiFixtures.goodCapture(2));
                awaitState(s -> s instanceof CheckInState.NeedsClerk n && n.reason() == ClerkReason.IDENTITY_SWAP);
            }
            case "paused" -> {
                submitAsClerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK));
                awaitState(CheckInState.Paused.class::isInstance);
            }
            case "fallback" -> {
                submitAsClerk(new CheckInEvent.ClerkStartsFallback(UiFixtures.CLERK));
                awaitState(CheckInState.Fallback.class::isInstance);
            }
            case "welcome-card-unreadable" -> {
                model.submit(new CheckInEvent.CardUnreadable(MrzField.LAYOUT)).get(5, TimeUnit.SECONDS);
                awaitState(s -> s instanceof CheckInState.AwaitingCard a && a.hintKey().isPresent());
            }
            case "finger-scanner-fault" -> {
                card(1);
                model.submit(new CheckInEvent.ScannerFailed(new DeviceFault(DeviceFault.Device.SCANNER,
                        DeviceFault.Kind.NOT_FOUND, "scanner.error.disconnected"))).get(5, TimeUnit.SECONDS);
                await(() -> model.scannerProblemProperty().get().isPresent());
            }
            case "polls-closed" -> {
                model.closePolls();
                await(() -> model.pollsClosedProperty().get());
            }
            case "precinct-welcome" -> {
                model.tick().get(5, TimeUnit.SECONDS);
                await(() -> model.networkProperty().get().isPresent());
            }
            case "cut-off" -> {
                fixtures.network = UiFixtures.CUT_OFF;
                model.tick().get(5, TimeUnit.SECONDS);
                awaitState(CheckInState.CutOff.class::isInstance);
                await(() -> model.networkProperty().get().equals(Optional.of(UiFixtures.CUT_OFF)));
            }
            default -> throw new IllegalArgumentException("no way to drive the engine to " + name);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts a finger that scores too low for every try the policy allows. */
    private void failEveryTry(int identity) throws Exception {
        for (int i = 1; i <= fixtures.policy.maxCaptures(); i++) {
            int tries = i;
            fixtures.scanner.fingers.add(UiFixtures.capture(identity, 10, ImageQuality.GOOD));
            awaitState(s -> !(s instanceof CheckInState.AwaitingFinger || s instanceof CheckInState.Matching)
                    || s instanceof CheckInState.AwaitingFinger f && f.captures() == tries);
        }
    }

    private void card(int voter) throws Exception {
        model.submitCard(fixtures.mrz(voter)).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.AwaitingFinger.class::isInstance);
    }

    private void submitAsClerk(CheckInEvent.ClerkEvent event) throws Exception {
        model.submitAsClerk(event, UiFixtures.PIN.toCharArray()).get(5, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ plumbing

    /** Screens checked like the others but not shown in docs/screens.md. */
    private static final List<ElectionDayScreens.Screen> NOT_IN_THE_DOCUMENT = List.of(
            new ElectionDayScreens.Screen("welcome-card-unreadable", "The card could not be read: the hint"),
            new ElectionDayScreens.Screen("finger-scanner-fault", "The scanner failed: the notice, a clerk called"));

    /** The screens on which the console offers the special list (idle, and after a refusal it may follow). */
    private static final java.util.Set<String> SPECIAL_LIST_FORM = java.util.Set.of("welcome",
            "refused-other-precinct");

    /** The screens of a kiosk on a precinct network (the others are a standalone kiosk's). */
    private static final java.util.Set<String> PRECINCT_SCREENS = java.util.Set.of("precinct-welcome", "cut-off");

    private void open(FxRobot robot) {
        open(robot, false);
    }

    private void open(FxRobot robot, boolean precinct) {
        chimes.clear();
        fixtures = precinct ? UiFixtures.onPrecinctNetwork() : new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        robot.interact(() -> {
            view = new KioskView(model, () -> chimes.add(model.clerkCallProperty().get().orElseThrow().reason()));
            view.clerkConsole().suggestLogin(UiFixtures.CLERK.value());
            // As the kiosk shows it: the administrator's button shares the top bar.
            view.setAdministratorAccess(() -> { });
            setScene(scene.getWidth(), scene.getHeight());
        });
    }

    private void close() {
        if (model != null) {
            model.close();
            fixtures.close();
            model = null;
        }
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> setScene(width, height));
    }

    private void setScene(double width, double height) {
        scene.setRoot(new Group());
        scene = new Scene(view, width, height);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
    }

    /**
     * Lays the scene out until it stops changing, as the frames after a change would: a scroll pane's viewport, and
     * the screen's least height bound to it, take a second pass.
     */
    private void settle() {
        for (int pass = 0; pass < 3; pass++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
    }

    /** Notices (style class {@code hint}) that do not end a sentence. */
    private static List<String> noticesWithoutFullStop(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : root.lookupAll(".hint")) {
            if (node.isVisible() && node instanceof Labeled labeled && !labeled.getText().isEmpty()
                    && !KioskView.sentence(labeled.getText()).equals(labeled.getText())) {
                found.add(labeled.getClass().getSimpleName() + "#" + labeled.getId() + " \"" + labeled.getText()
                        + "\": a notice without its full stop");
            }
        }
        return found;
    }

    /** Whether the node {@code id} is in the voter screen's pinned action row, wholly inside the window. */
    private boolean pinnedInView(String id) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Node node = scene.lookup(id);
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        boolean pinned = false;
        for (Node n = node; n != null; n = n.getParent()) {
            pinned |= "voter-actions".equals(n.getId());
        }
        return pinned && bounds.getMinY() >= -0.5 && bounds.getMaxY() <= scene.getHeight() + 0.5
                && bounds.getMinX() >= -0.5 && bounds.getMaxX() <= scene.getWidth() + 0.5;
    }

    private static List<String> texts(Node root) {
        List<String> all = new ArrayList<>();
        if (root instanceof Labeled labeled && labeled.getText() != null) {
            all.add(labeled.getText());
        }
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> all.addAll(texts(child)));
        }
        return all;
    }

    private String text(String query) {
        Node node = scene.lookup(query);
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        return ((TextInputControl) node).getText();
    }

    private void awaitState(Predicate<CheckInState> wanted) throws Exception {
        await(() -> wanted.test(model.stateProperty().get()));
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
