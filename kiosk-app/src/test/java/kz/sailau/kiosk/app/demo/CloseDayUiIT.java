package kz.sailau.kiosk.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import kz.sailau.kiosk.audit.BundleVerifier;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.ui.AdminTouch;
import kz.sailau.kiosk.ui.AdministratorView;
import kz.sailau.kiosk.ui.AdministratorViewModel;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.Language;
import kz.sailau.kiosk.ui.LanguageViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the day from the administrator screen on the real demo kiosk (DEMO keys, register, SQLite ledger
 * with signed chain heads, emulated devices): one voter is checked in with the mouse, the administrator
 * unlocks and closes the day, the bundle file exists and {@link BundleVerifier} accepts it against the DEMO
 * authority, the voter screen shows "polls closed", and the wipe runs only after a confirmation.
 */
@ExtendWith(ApplicationExtension.class)
class CloseDayUiIT {

    @RegisterExtension
    static final DemoKioskFixture demo = new DemoKioskFixture("sailau-close-day-ui", false);

    private CheckInScreenModel model;
    private LanguageViewModel language;
    private Scene scene;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        model = demo.kiosk().model(language, Platform::runLater);
        scene = demo.show(stage, model);
    }

    @Test
    void closeTheDayThenPollsClosedThenWipe(FxRobot robot) throws Exception {
        DemoUi.press(robot, scene, "#demo-card");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingFinger);
        DemoUi.press(robot, scene, "#demo-right-finger");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.TokenIssued);
        model.submit(new kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingCard);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> language.choose(Language.ENGLISH)); // the screens go back to Kazakh after each voter

        AdminTouch.openAdministrator(robot, scene);
        DemoUi.unlockAdministrator(robot, scene);
        assertTrue(robot.lookup("#admin-wipe").queryAs(Button.class).isDisabled(), "no wipe while the day is open");
        Path bundle = demo.directory().resolve("usb").resolve("day-bundle.json");
        Files.createDirectories(bundle.getParent());
        AdministratorViewModel admin = ((AdministratorView) scene.lookup("#administrator-view")).model();
        assertEquals(KioskDataDirectory.at(demo.kiosk().data().kioskDirectory()).path().resolve("day-bundle.json"),
                admin.day().orElseThrow().bundle().chosen().orElseThrow(),
                "the default bundle path is in the data directory");
        robot.interact(() -> admin.day().orElseThrow().bundle().chosenProperty().set(bundle));
        AdminTouch.press(robot, scene, "#admin-close-day");
        AdminTouch.press(robot, scene, "#confirm-close-day-yes");
        awaitMessage(text -> text.startsWith("Day closed: 1 check-in; 1 token issued, 0 tokens voided; "
                + "reconciliation balanced. Bundle: " + bundle));
        screenshot("23-admin-day-closed-en");

        assertTrue(Files.isRegularFile(bundle), "bundle written");
        byte[] json = Files.readAllBytes(bundle);
        byte[] signature = Files.readAllBytes(Path.of(bundle + ".p7s"));
        BundleVerifier.Result result = BundleVerifier.verify(json, signature, Pem.readCertificate(Files.readAllBytes(
                demo.kiosk().data().directory().resolve("authority").resolve("authority.crt.pem"))), OptionalLong.empty());
        assertTrue(result.passed(), () -> "bundle verify: " + result.checks());
        String text = new String(json, StandardCharsets.UTF_8);
        for (String event : new String[] {"KIOSK_STARTED", "STORE_UNLOCKED", "REGISTER_LOADED", "CHAIN_HEAD_SIGNED",
                "CHECK_IN_BY_FINGERPRINT", "DAY_CLOSED"}) {
            assertTrue(text.contains(event), "the bundle's log holds " + event);
        }
        assertFalse(robot.lookup("#admin-wipe").queryAs(Button.class).isDisabled(), "wipe enabled after close");

        AdminTouch.press(robot, scene, "#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#state-polls-closed") != null);
        Label title = (Label) scene.lookup("#state-polls-closed-title");
        assertEquals("The election day is closed: no more check-ins", title.getText());
        screenshot("24-polls-closed-en");
        robot.interact(() -> language.choose(Language.RUSSIAN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#state-polls-closed-title")
                instanceof Label l && l.getText().equals("День выборов закрыт: регистрация невозможна"));
        screenshot("24-polls-closed-ru");
        robot.interact(() -> language.choose(Language.ENGLISH));

        AdminTouch.openAdministrator(robot, scene);
        DemoUi.unlockAdministrator(robot, scene);
        wipe(robot);
        awaitMessage(message -> message.startsWith("Wiped: ")
                && message.endsWith(", 1 check-in mark; WIPE_DONE signed in the audit log"));
        screenshot("25-admin-wiped-en");
        wipe(robot);
        awaitMessage("This kiosk has already been wiped"::equals);
        model.close();
        assertEquals(List.of(), problems, "every screen whole at 1280 × 800");
    }

    /** "Wipe biometric data", the passphrase again, "Yes, wipe now". */
    private void wipe(FxRobot robot) throws Exception {
        AdminTouch.press(robot, scene, "#admin-wipe");
        robot.interact(() -> ((TextField) scene.lookup("#confirm-wipe-passphrase")).setText(DemoData.PASSPHRASE));
        AdminTouch.press(robot, scene, "#confirm-wipe-yes");
    }

    /** Waits for the end-of-day message that {@code expected} accepts. */
    private void awaitMessage(Predicate<String> expected) throws Exception {
        DemoUi.awaitLabel(scene, "#admin-day-message", expected, 60);
    }

    /** The screenshot {@code name}, and the screen checks at the kiosk's size (actions in view on a voter screen). */
    private void screenshot(String name) throws Exception {
        DemoUi.screenshotAndCheck(scene, name, !name.contains("admin"), problems);
    }
}
