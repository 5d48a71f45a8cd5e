package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
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

    /** Accepts the TEST passphrase; closes the day at once; offers device settings that save nothing. */
    private static final class FakeActions implements AdministratorActions {
        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public String loadRegister(Path packageFile, DoubleConsumer progress) throws AdministratorException {
            throw new AdministratorException("register.error.signature", "not used");
        }

        @Override
        public List<String> deviceSettings() {
            return List.of();
        }

        @Override
        public Optional<DeviceSettingsActions> deviceSettingsActions() {
            return Optional.of(new DeviceSettingsActions() {
                @Override
                public Map<Device, PortSetting> current() {
                    return DeviceSettingsActions.ordered(Map.of(Device.SCANNER, new PortSetting("/dev/a", 57_600),
                            Device.MRZ_READER, new PortSetting("/dev/b", 9_600),
                            Device.PRINTER, new PortSetting("/dev/c", 19_200)));
                }

                @Override
                public List<Integer> baudRates(Device device) {
                    return List.of(9_600, 19_200, 57_600);
                }

                @Override
                public List<String> presentPorts() {
                    return List.of();
                }

                @Override
                public String test(Device device, PortSetting setting) {
                    return "admin.devices.test.portOpens";
                }

                @Override
                public String save(Map<Device, PortSetting> settings) throws InvalidSettingsException {
                    throw new InvalidSettingsException(List.of(new FieldProblem(Device.PRINTER, Field.PORT,
                            "admin.devices.error.portShared")));
                }

                @Override
                public String appliesKey() {
                    return "admin.devices.appliesRestart";
                }
            });
        }

        @Override
        public boolean closeDayAvailable() {
            return true;
        }

        @Override
        public DayClosed closeDay(Path bundle) {
            return new DayClosed(bundle, 12, 13, 1, true);
        }

        @Override
        public boolean logicAndAccuracyAvailable() {
            return false;
        }

        @Override
        public void exitKiosk() {
        }
    }

    @Start
    void start(Stage stage) {
        fixtures = new UiFixtures();
        model = fixtures.model(new LanguageViewModel());
        screens = new KioskScreens(model, new FakeActions(), ForkJoinPool.commonPool(), Platform::runLater);
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
        robot.clickOn("#open-administrator");
        robot.clickOn("#admin-passphrase").write("wrong");
        robot.clickOn("#admin-unlock");
        awaitLabel("#admin-message", Messages.of(Language.KAZAKH).get("crypto.error.wrongPassphrase"));
        switchAll(robot, "administrator, locked, refusal shown", stale);
        robot.interact(() -> model.language().choose(Language.ENGLISH));
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        robot.clickOn("#admin-unlock");
        awaitLabel("#admin-message", "Kiosk unlocked");
        robot.clickOn("#devices-edit");
        robot.clickOn("#devices-test-mrzReader");
        robot.clickOn("#devices-save");
        awaitLabel("#devices-message", "Not saved: correct the marked fields.");
        switchAll(robot, "administrator, devices open", stale);
        robot.clickOn("#devices-edit"); // fold the pane again: the screen's lower buttons are below it

        robot.interact(() -> model.language().choose(Language.ENGLISH));
        robot.clickOn("#admin-close-day");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#admin-message") instanceof Label l
                && l.getText().startsWith("Day closed: 12 check-ins"));
        switchAll(robot, "administrator, day closed", stale);

        robot.clickOn("#admin-back");
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
        }
    }

    private void awaitState(Predicate<CheckInState> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            model.settled().get(5, TimeUnit.SECONDS);
            CheckInState now = WaitForAsyncUtils.asyncFx(() -> model.stateProperty().get()).get(5, TimeUnit.SECONDS);
            if (wanted.test(now)) {
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("state not reached");
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
