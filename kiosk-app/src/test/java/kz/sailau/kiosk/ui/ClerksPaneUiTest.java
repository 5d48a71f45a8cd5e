package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.clerk.ClerkEntry;
import kz.sailau.kiosk.clerk.ClerkException;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.clerk.ClerkState;
import kz.sailau.kiosk.crypto.Argon2idParameters;
import kz.sailau.kiosk.crypto.StoreKeys;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Clerks pane of the administrator screen over a real roster (SQLite file, TEST-only Argon2id cost): the
 * voter screens stay closed while the roster is empty; a weak PIN and two different PINs are refused with their
 * messages; add, new PIN and remove (asked twice) work and the list shows each clerk's state.
 */
@ExtendWith(ApplicationExtension.class)
class ClerksPaneUiTest {

    @TempDir
    static Path dir;
    private Scene scene;
    private final List<String> problems = new ArrayList<>();
    private LanguageViewModel language;
    private KioskDatabase database;
    private ClerkRoster roster;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private volatile boolean backToVoter;

    /** The administrator's actions over a real roster; the TEST passphrase unlocks. */
    private final class RosterActions implements AdministratorActions {
        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public void exitKiosk() {
        }

        @Override
        public Optional<ClerkRosterActions> clerkRoster() {
            return Optional.of(new ClerkRosterActions() {
                @Override
                public List<ClerkEntry> clerks() {
                    return roster.list();
                }

                @Override
                public void addClerk(String login, char[] pin) throws AdministratorException {
                    try {
                        roster.add(ClerkRoster.login(login), pin);
                    } catch (ClerkException e) {
                        throw new AdministratorException(e.messageKey(), e.getMessage());
                    }
                }

                @Override
                public void resetClerkPin(String login, char[] pin) throws AdministratorException {
                    try {
                        roster.resetPin(ClerkRoster.login(login), pin);
                    } catch (ClerkException e) {
                        throw new AdministratorException(e.messageKey(), e.getMessage());
                    }
                }

                @Override
                public void removeClerk(String login) throws AdministratorException {
                    try {
                        roster.remove(ClerkRoster.login(login));
                    } catch (ClerkException e) {
                        throw new AdministratorException(e.messageKey(), e.getMessage());
                    }
                }
            });
        }

        @Override
        public Optional<String> voterScreensBlocked() {
            return roster.activeClerks() == 0 ? Optional.of("admin.error.noClerks") : Optional.empty();
        }
    }

    @Start
    void start(Stage stage) {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        database = KioskDatabase.open(dir.resolve("clerks-ui.db"), Main.migrations());
        roster = new ClerkRoster(database, new StoreKeys(master), new SecureRandom(), Argon2idParameters.TEST_ONLY,
                AuditRecorder.unsigned(), Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC));
        language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        scene = new Scene(KioskScreens.scrolling(new AdministratorView(new RosterActions(), language, worker,
                Platform::runLater, () -> backToVoter = true)), 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        database.close();
    }

    @Test
    void addResetAndRemoveClerksAndKeepTheVoterScreensClosedWithoutOne(FxRobot robot) throws Exception {
        type(robot, "#admin-passphrase", "TEST passphrase");
        press(robot, "#admin-unlock");
        awaitText("#admin-message", "Kiosk unlocked");
        press(robot, "#admin-back");
        awaitText("#admin-message", "No commission member can log in: add one (Commission members) before opening the voter screens");
        assertFalse(backToVoter, "no voter screens without a clerk");

        press(robot, "#admin-clerks");
        awaitText("#clerks-message", "No commission members yet: the voter screens stay closed until one is added");
        type(robot, "#clerks-login", "C01");
        type(robot, "#clerks-pin", "123456");
        type(robot, "#clerks-pin-again", "123456");
        press(robot, "#clerks-add");
        awaitText("#clerks-message", "A PIN must not be a run of digits (123456, 987654)");
        type(robot, "#clerks-pin", "470213");
        type(robot, "#clerks-pin-again", "470214");
        press(robot, "#clerks-add");
        awaitText("#clerks-message", "The two PINs differ");
        type(robot, "#clerks-pin", "470213");
        type(robot, "#clerks-pin-again", "470213");
        press(robot, "#clerks-add");
        awaitText("#clerks-message", "Commission member C01 added");
        type(robot, "#clerks-login", "C02");
        type(robot, "#clerks-pin", "907311");
        type(robot, "#clerks-pin-again", "907311");
        press(robot, "#clerks-add");
        awaitText("#clerks-message", "Commission member C02 added");
        type(robot, "#clerks-login", "c02");
        type(robot, "#clerks-pin", "135792");
        type(robot, "#clerks-pin-again", "135792");
        press(robot, "#clerks-add");
        awaitText("#clerks-message", "A commission member with this login already exists");
        type(robot, "#clerks-login", "");
        // C02 types wrong PINs until locked, as at the clerk console.
        for (int i = 0; i < ClerkRoster.MAX_FAILED_ATTEMPTS; i++) {
            roster.check(new kz.sailau.kiosk.checkin.ClerkId("C02"), "111222".toCharArray());
        }
        press(robot, "#clerks-done");
        press(robot, "#admin-clerks");
        awaitList(List.of("C01 — active — wrong PINs in a row: 0", "C02 — LOCKED (set a new PIN) — wrong PINs in a row: 5"));
        screenshot("41-admin-clerks-en");

        WaitForAsyncUtils.asyncFx(() -> language.choose(Language.RUSSIAN)).get(10, TimeUnit.SECONDS);
        press(robot, "#clerks-list");
        TouchTaps.tap(robot, "C02 — ЗАБЛОКИРОВАН (задайте новый PIN) — неверных PIN подряд: 5");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "C02".equals(
                ((javafx.scene.control.TextInputControl) scene.lookup("#clerks-login")).getText()));
        type(robot, "#clerks-pin", "907311");
        type(robot, "#clerks-pin-again", "907311");
        press(robot, "#clerks-reset");
        awaitText("#clerks-message", "Для C02 задан новый PIN, вход разблокирован");
        awaitList(List.of("C01 — активен — неверных PIN подряд: 0", "C02 — активен — неверных PIN подряд: 0"));
        screenshot("41-admin-clerks-ru");

        type(robot, "#clerks-login", "C01");
        assertEquals("C01", robot.lookup("#clerks-login").queryAs(javafx.scene.control.TextField.class).getText());
        press(robot, "#clerks-remove");
        awaitText("#clerks-message", "Удалить C01 навсегда? Этот логин больше не будет выдан. Нажмите «Да, удалить».");
        assertEquals(ClerkState.ACTIVE, roster.list().get(0).state(), "not removed before the confirmation");
        press(robot, "#clerks-remove-confirm");
        awaitText("#clerks-message", "Член комиссии C01 удалён");
        awaitList(List.of("C01 — удалён — неверных PIN подряд: 0", "C02 — активен — неверных PIN подряд: 0"));
        assertTrue(roster.check(new kz.sailau.kiosk.checkin.ClerkId("C02"), "907311".toCharArray()).accepted());

        press(robot, "#clerks-done");
        press(robot, "#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> backToVoter);
        assertEquals(List.of(), problems, "the screenshots' screens whole at 1280 × 800");
    }

    /** The screenshot {@code name}, and the screen checks at the kiosk's 1280 × 800 (the pane pans by touch). */
    private void screenshot(String name) throws Exception {
        ScreenChecks.screenshotAndCheck(scene, scene.getRoot(), name, false, problems);
    }

    private void press(FxRobot robot, String id) throws Exception {
        AdminTouch.press(robot, scene, id);
    }

    /**
     * Taps the field {@code id} (the on-screen keys come up) and puts {@code text} in it; the keys stay up, and the
     * next button is tapped with them shown (they go only when that finger is lifted, so the button stays put).
     */
    private void type(FxRobot robot, String id, String text) throws Exception {
        press(robot, id);
        robot.interact(() -> ((javafx.scene.control.TextInputControl) scene.lookup(id)).setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lets queued roster work and the FX updates it posts finish before the robot looks again. */
    private void settle() throws Exception {
        for (int i = 0; i < 2; i++) {
            worker.submit(() -> { }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void waitOrExplain(List<String> expected, java.util.function.Supplier<String> shown) {
        // Diagnostic only: fails with what the list shows when it never shows the expected lines.
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.get().contains(expected.get(0)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the list never showed " + expected + "; it shows " + shown.get(), e);
        }
    }

    private void awaitText(String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                    && expected.equals(l.getText()));
            settle();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " never showed '" + expected + "'; it shows '"
                    + (scene.lookup(id) instanceof Label l ? l.getText() : "(nothing)") + "'", e);
        }
    }

    @SuppressWarnings("unchecked")
    private void awaitList(List<String> expected) throws Exception {
        waitOrExplain(expected, () -> {
            ListView<ClerkEntry> list = (ListView<ClerkEntry>) scene.lookup("#clerks-list");
            return list == null ? "(no list)" : list.lookupAll(".list-cell").stream()
                    .map(node -> String.valueOf(((javafx.scene.control.ListCell<ClerkEntry>) node).getText())).toList()
                    .toString();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            ListView<ClerkEntry> list = (ListView<ClerkEntry>) scene.lookup("#clerks-list");
            if (list == null || list.getItems().size() != expected.size()) {
                return false;
            }
            List<String> shown = list.lookupAll(".list-cell").stream()
                    .map(node -> ((javafx.scene.control.ListCell<ClerkEntry>) node).getText())
                    .filter(text -> text != null && !text.isEmpty()).toList();
            // The list's measuring cell may repeat a line: compare the distinct lines shown.
            return new java.util.HashSet<>(shown).equals(new java.util.HashSet<>(expected));
        });
    }
}
