package kz.sailau.kiosk.app.la;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.app.demo.DemoKioskFixture;
import kz.sailau.kiosk.app.demo.DemoUi;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.token.Ed25519TokenVerifier;
import kz.sailau.kiosk.token.TokenCheck;
import kz.sailau.kiosk.token.TokenRefusal;
import kz.sailau.kiosk.ui.AdminTouch;
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
 * The pre-election logic-and-accuracy test from the administrator screen of the real demo kiosk (DEMO keys,
 * register, SQLite ledger, emulated devices): the administrator starts the test (the demo's test package is
 * built by the DEMO authority on first use), the voter screen shows the TEST banner, a test voter is checked in
 * with the mouse through the real flow (card, finger, QR token, printed receipt), the token is refused by a
 * ballot desk as a TEST token, the administrator sees the TEST counters, ends the test with a confirmation and
 * sees zero; the banner is gone, the real counters and audit log hold no check-in, and the test store is wiped.
 */
@ExtendWith(ApplicationExtension.class)
class LogicAccuracyUiIT {

    @RegisterExtension
    static final DemoKioskFixture demo = new DemoKioskFixture("sailau-la-ui", false);

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
    void startCheckInATestVoterEndAndSeeZero(FxRobot robot) throws Exception {
        Path data = demo.kiosk().data().kioskDirectory();
        assertFalse(bannerShown(), "no TEST banner before the test");
        AdminTouch.openAdministrator(robot, scene);
        DemoUi.unlockAdministrator(robot, scene);
        press(robot, "#admin-landa");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#la-start") != null);
        assertEquals(demo.kiosk().data().directory().resolve(DemoData.LA_TEST_PACKAGE),
                ((javafx.scene.control.ListView<?>) scene.lookup("#la-package-list")).getSelectionModel()
                        .getSelectedItem(), "the demo's test package is proposed and chosen");
        press(robot, "#la-start");
        awaitLabel("#la-message", text -> text.startsWith("TEST running on a test voter list of "
                + DemoData.LA_TEST_VOTERS + " voters"), 180);
        assertTrue(Files.exists(data.resolve(LogicAccuracyStore.DATABASE_FILE)), "the separate test store exists");
        assertEquals("TEST counters: check-ins 0, refusals 0, overrides 0, tokens issued 0", label("#la-counters"));

        press(robot, "#la-back");
        press(robot, "#admin-close-day");
        press(robot, "#confirm-close-day-yes");
        awaitLabel("#admin-day-message", text -> text.startsWith("A pre-election test is running: end it first"), 20);
        assertFalse(Files.exists(demo.kiosk().data().kioskDirectory().resolve("day-bundle.json")), "the day stays open");
        press(robot, "#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::bannerShown);
        assertEquals("TEST — pre-election test, not the election: nothing is counted", label("#test-banner"));
        screenshot("la-2-test-banner-en");
        robot.interact(() -> language.choose(Language.KAZAKH));
        robot.clickOn("#open-clerk-console");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#test-banner").startsWith("СЫНАҚ"));
        assertTrue(bannerShown(), "the banner stays above the clerk console");
        screenshot("la-2-test-banner-clerk-kk");
        robot.clickOn("#open-clerk-console");
        robot.interact(() -> language.choose(Language.ENGLISH));

        // A test voter (the first demo voter is in the test register) through the real flow.
        DemoUi.press(robot, scene, "#demo-card");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingFinger);
        DemoUi.press(robot, scene, "#demo-right-finger");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.TokenIssued);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> language.choose(Language.RUSSIAN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#test-banner").startsWith("ТЕСТ"));
        screenshot("la-3-test-token-ru");
        assertTrue(bannerShown(), "the banner stays on every screen of the test");
        String qr = ((CheckInState.TokenIssued) model.stateProperty().get()).token().qrPayload();
        TokenCheck desk = new TokenCheck(new ElectionId(DemoData.ELECTION), new PrecinctId(DemoData.PRECINCT),
                new Ed25519TokenVerifier(demo.kiosk().tokenPublicKey()), demo.kiosk().typedCodeKey()::mac);
        assertEquals(Optional.of(TokenRefusal.TEST_TOKEN), desk.check(qr).refusal(),
                "the ballot desk refuses the test token");
        assertEquals(1, model.countersProperty().get().checkIns(), "the screens count the test check-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.lastReceiptProperty().get().isPresent());
        assertEquals("TEST TOKEN - NOT A BALLOT TOKEN", model.lastReceiptProperty().get().get().heading(),
                "the printed receipt says TEST");
        model.submit(new CheckInEvent.Acknowledged()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingCard);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> language.choose(Language.ENGLISH));

        AdminTouch.openAdministrator(robot, scene);
        DemoUi.unlockAdministrator(robot, scene);
        press(robot, "#admin-landa");
        awaitLabel("#la-counters", "TEST counters: check-ins 1, refusals 0, overrides 0, tokens issued 1"::equals, 20);
        screenshot("la-1-admin-test-running-en");
        press(robot, "#la-end");
        awaitLabel("#confirm-end-test-text", text -> text.startsWith("Ending the test wipes the test voter list"), 10);
        assertTrue(Files.exists(data.resolve(LogicAccuracyStore.DATABASE_FILE)), "nothing ended before the confirmation");
        press(robot, "#confirm-end-test-yes");
        awaitLabel("#la-message", text -> text.startsWith("Test ended: 1 check-in, 0 refusals, 0 overrides, 1 token "
                + "during the test"), 30);
        assertEquals("TEST counters: check-ins 0, refusals 0, overrides 0, tokens issued 0", label("#la-counters"));
        screenshot("la-4-admin-test-ended-en");
        robot.interact(() -> language.choose(Language.KAZAKH));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#la-message").startsWith("Сынақ аяқталды"));
        screenshot("la-4-admin-test-ended-kk");
        robot.interact(() -> language.choose(Language.ENGLISH));
        for (Path file : LogicAccuracyStore.files(data)) {
            assertFalse(Files.exists(file), file.getFileName() + " is wiped");
        }

        press(robot, "#la-back");
        press(robot, "#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bannerShown());
        assertEquals(Counters.ZERO, model.countersProperty().get(), "the real counters are zero");
        try (KioskDatabase database = KioskDatabase.open(KioskDataDirectory.at(data).databaseFile(),
                Main.migrations(), StoreOptions.DEFAULT, Clock.systemUTC())) {
            List<AuditEventType> types = database.read(AuditLog::readAll).stream().map(e -> e.event().type()).toList();
            assertTrue(types.contains(AuditEventType.LA_TEST_STARTED) && types.contains(AuditEventType.LA_TEST_ENDED),
                    types.toString());
            assertTrue(types.stream().noneMatch(t -> t.name().startsWith("CHECK_IN") || t == AuditEventType.TOKEN_ISSUED),
                    "the real log holds no check-in: " + types);
        }
        model.close();
        assertEquals(List.of(), problems, "every screen whole at 1280 × 800");
    }

    private boolean bannerShown() {
        Node banner = scene.lookup("#test-banner");
        return banner != null && banner.isVisible();
    }

    private String label(String id) {
        return DemoUi.label(scene, id);
    }

    /** Clicks a button once it is shown and enabled, scrolled into view (the screens pan by touch). */
    private void press(FxRobot robot, String id) throws Exception {
        kz.sailau.kiosk.ui.AdminTouch.press(robot, scene, id);
    }

    private void awaitLabel(String id, Predicate<String> expected, int seconds) throws Exception {
        DemoUi.awaitLabel(scene, id, expected, seconds);
    }

    /** The screenshot {@code name}, and the screen checks at the kiosk's size (actions in view on a voter screen). */
    private void screenshot(String name) throws Exception {
        DemoUi.screenshotAndCheck(scene, name, !name.contains("admin"), problems);
    }
}
