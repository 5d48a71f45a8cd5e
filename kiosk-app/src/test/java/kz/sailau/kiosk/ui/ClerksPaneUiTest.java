package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
        scene = new Scene(new AdministratorView(new RosterActions(), language, worker, Platform::runLater,
                () -> backToVoter = true), 1280, 960);
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
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        robot.clickOn("#admin-unlock");
        awaitText("#admin-message", "Kiosk unlocked");
        robot.clickOn("#admin-back");
        awaitText("#admin-message", "No commission member can log in: add one (Commission members) before opening the voter screens");
        assertFalse(backToVoter, "no voter screens without a clerk");

        robot.clickOn("#admin-clerks");
        awaitText("#clerks-message", "No commission members yet: the voter screens stay closed until one is added");
        robot.clickOn("#clerks-login").write("C01");
        robot.clickOn("#clerks-pin").write("123456");
        robot.clickOn("#clerks-pin-again").write("123456");
        robot.clickOn("#clerks-add");
        awaitText("#clerks-message", "A PIN must not be a run of digits (123456, 987654)");
        robot.clickOn("#clerks-pin").write("470213");
        robot.clickOn("#clerks-pin-again").write("470214");
        robot.clickOn("#clerks-add");
        awaitText("#clerks-message", "The two PINs differ");
        robot.clickOn("#clerks-pin").write("470213");
        robot.clickOn("#clerks-pin-again").write("470213");
        robot.clickOn("#clerks-add");
        awaitText("#clerks-message", "Commission member C01 added");
        robot.clickOn("#clerks-login").write("C02");
        robot.clickOn("#clerks-pin").write("907311");
        robot.clickOn("#clerks-pin-again").write("907311");
        robot.clickOn("#clerks-add");
        awaitText("#clerks-message", "Commission member C02 added");
        robot.clickOn("#clerks-login").write("c02");
        robot.clickOn("#clerks-pin").write("135792");
        robot.clickOn("#clerks-pin-again").write("135792");
        robot.clickOn("#clerks-add");
        awaitText("#clerks-message", "A clerk with this login already exists");
        robot.clickOn("#clerks-login").eraseText(3);
        // C02 types wrong PINs until locked, as at the clerk console.
        for (int i = 0; i < ClerkRoster.MAX_FAILED_ATTEMPTS; i++) {
            roster.check(new kz.sailau.kiosk.checkin.ClerkId("C02"), "111222".toCharArray());
        }
        robot.clickOn("#clerks-done");
        robot.clickOn("#admin-clerks");
        awaitList(List.of("C01 — active — wrong PINs in a row: 0", "C02 — LOCKED (set a new PIN) — wrong PINs in a row: 5"));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "41-admin-clerks-en")).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.asyncFx(() -> language.choose(Language.RUSSIAN)).get(10, TimeUnit.SECONDS);
        robot.clickOn("#clerks-list");
        robot.clickOn("C02 — ЗАБЛОКИРОВАН (задайте новый PIN) — неверных PIN подряд: 5");
        robot.clickOn("#clerks-pin").write("907311");
        robot.clickOn("#clerks-pin-again").write("907311");
        robot.clickOn("#clerks-reset");
        awaitText("#clerks-message", "Для C02 задан новый PIN, вход разблокирован");
        awaitList(List.of("C01 — активен — неверных PIN подряд: 0", "C02 — активен — неверных PIN подряд: 0"));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "41-admin-clerks-ru")).get(10, TimeUnit.SECONDS);

        robot.clickOn("#clerks-login").eraseText(3).write("C01");
        assertEquals("C01", robot.lookup("#clerks-login").queryAs(javafx.scene.control.TextField.class).getText());
        robot.clickOn("#clerks-remove");
        awaitText("#clerks-message", "Удалить C01 навсегда? Этот логин больше не будет выдан. Нажмите «Да, удалить».");
        assertEquals(ClerkState.ACTIVE, roster.list().get(0).state(), "not removed before the confirmation");
        robot.clickOn("#clerks-remove-confirm");
        awaitText("#clerks-message", "Член комиссии C01 удалён");
        awaitList(List.of("C01 — удалён — неверных PIN подряд: 0", "C02 — активен — неверных PIN подряд: 0"));
        assertTrue(roster.check(new kz.sailau.kiosk.checkin.ClerkId("C02"), "907311".toCharArray()).accepted());

        robot.clickOn("#clerks-done");
        robot.clickOn("#admin-back");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> backToVoter);
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
