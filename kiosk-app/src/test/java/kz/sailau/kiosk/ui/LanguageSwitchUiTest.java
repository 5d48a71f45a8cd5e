package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switches the language on every screen (voter screens in each state a voter meets, with the clerk console
 * open; the administrator screens locked, unlocked with the Devices pane open, and after close; the "polls
 * closed" screen) and checks that no text stays in the language before: every visible text is compared with
 * the other languages' bundle values ({@link LanguageChecks}).
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchUiTest {

    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskScreens screens;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        screens = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(), Platform::runLater);
        screens.voterView().toggleClerkConsole();
        KioskUiTest.clerkFollowsTheVoter(model, screens.voterView());
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
    void everyVoterScreenFollowsTheLanguage(FxRobot robot) throws Exception {
        List<String> stale = new ArrayList<>();
        switchAll(robot, "awaiting card", stale);
        model.submitCard(fixtures.mrz(2)).get(5, TimeUnit.SECONDS);
        fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.LOW_CONTRAST));
        awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.captures() == 1);
        switchAll(robot, "finger with quality hint", stale);
        fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.GOOD));
        awaitState(s -> s instanceof CheckInState.AwaitingFinger f && f.captures() == 2);
        fixtures.scanner.fingers.add(UiFixtures.capture(2, 10, ImageQuality.GOOD));
        awaitState(CheckInState.NeedsClerk.class::isInstance);
        switchAll(robot, "needs clerk", stale);
        model.submitAsClerk(new CheckInEvent.ClerkCancels(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(5, TimeUnit.SECONDS);

        fixtures.printer.paperOut = true;
        model.submitCard(fixtures.mrz(1)).get(5, TimeUnit.SECONDS);
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        awaitState(CheckInState.TokenIssued.class::isInstance);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#printer-problem") != null);
        switchAll(robot, "token issued, printer out of paper", stale);
        model.submit(new CheckInEvent.Acknowledged()).get(5, TimeUnit.SECONDS);

        model.submitCard(fixtures.mrz(5)).get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.Refused.class::isInstance);
        switchAll(robot, "refused", stale);
        model.submit(new CheckInEvent.Acknowledged()).get(5, TimeUnit.SECONDS);

        model.submitAsClerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.Paused.class::isInstance);
        switchAll(robot, "paused", stale);
        model.submitAsClerk(new CheckInEvent.ClerkResumes(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(5, TimeUnit.SECONDS);
        model.submitAsClerk(new CheckInEvent.ClerkStartsFallback(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(5, TimeUnit.SECONDS);
        awaitState(CheckInState.Fallback.class::isInstance);
        switchAll(robot, "manual mode", stale);
        assertEquals(List.of(), stale);
    }

    @Test
    void administratorScreensAndPollsClosedFollowTheLanguage(FxRobot robot) throws Exception {
        List<String> stale = new ArrayList<>();
        TouchTaps.tap(robot, "#open-administrator");
        AdministratorViewModel admin = screens.administratorView().model();
        robot.interact(() -> admin.unlock("wrong".toCharArray()));
        awaitLabel("#admin-lock-message", Messages.of(Language.KAZAKH).get("crypto.error.wrongPassphrase"));
        switchAll(robot, "administrator, locked, refusal shown", stale);
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        robot.interact(() -> admin.unlock(FakeAdministration.PASSPHRASE.toCharArray()));
        awaitLabel("#admin-message", "Kiosk unlocked");
        DevicesViewModel devices = admin.devices().orElseThrow();
        robot.interact(() -> {
            devices.editingProperty().set(true);
            devices.test(DeviceSettingsActions.Device.MRZ_READER,
                    new DeviceSettingsActions.PortSetting("/dev/sailau-mrz", 9_600));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !admin.work().isBusy());
        robot.interact(() -> devices.save(Map.of()));
        awaitLabel("#devices-message", "Not saved: correct the marked fields.");
        switchAll(robot, "administrator, devices open", stale);
        robot.interact(() -> devices.editingProperty().set(false));

        robot.interact(() -> model.language().choose(Language.ENGLISH));
        robot.interact(() -> admin.day().orElseThrow().askCloseDay());
        switchAll(robot, "administrator, close the day asked", stale);
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        robot.interact(() -> admin.day().orElseThrow().confirmCloseDay());
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#admin-day-message") instanceof Label l
                    && l.getText().startsWith("Day closed: 1 check-in;"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("day message: " + ((Label) scene.lookup("#admin-day-message")).getText(), e);
        }
        switchAll(robot, "administrator, day closed", stale);
        robot.interact(() -> admin.day().orElseThrow().askWipe());
        switchAll(robot, "administrator, wipe asked", stale);

        robot.interact(admin::back);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#state-polls-closed") != null);
        switchAll(robot, "polls closed", stale);
        assertEquals(List.of(), stale);
    }

    /** Switches through the three languages, each time collecting the texts left in another language. */
    private void switchAll(FxRobot robot, String screen, List<String> stale) throws Exception {
        for (Language language : List.of(Language.RUSSIAN, Language.ENGLISH, Language.KAZAKH)) {
            robot.interact(() -> model.language().choose(language));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> left = WaitForAsyncUtils.asyncFx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return LanguageChecks.staleTexts(scene.getRoot(), language);
            }).get(5, TimeUnit.SECONDS);
            left.forEach(text -> stale.add(screen + " in " + language + ": " + text));
            ScreenChecks.screenProblemsFromTest(scene, scene.getRoot(), false)
                    .forEach(problem -> stale.add(screen + " in " + language + " at 1280x800: " + problem));
        }
    }

    private void awaitState(Predicate<CheckInState> wanted) throws Exception {
        ScreenStates.await(model, wanted);
    }

    private void awaitLabel(String id, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                && expected.equals(l.getText()));
    }

    /** The checker itself finds a text left in another language (so an empty result means something). */
    @Test
    void theCheckFindsATextLeftInAnotherLanguage() throws Exception {
        List<String> stale = WaitForAsyncUtils.asyncFx(() -> {
            Label leftOver = new Label(Messages.of(Language.RUSSIAN).get("welcome.insertCard"));
            leftOver.setId("left-over");
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(leftOver);
            return LanguageChecks.staleTexts(box, Language.ENGLISH);
        }).get(5, TimeUnit.SECONDS);
        assertTrue(!stale.isEmpty() && stale.get(0).startsWith("left-over:"), stale.toString());
    }
}
