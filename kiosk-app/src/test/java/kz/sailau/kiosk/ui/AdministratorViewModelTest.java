package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import kz.sailau.kiosk.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator screens as state, without a screen (direct executors, a manual clock): capabilities present
 * or absent, the guarded actions (ask, state the consequence, expire, never stay armed), the wipe's second
 * passphrase, messages by kind cleared on lock, progress that always ends.
 */
class AdministratorViewModelTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T03:00:00Z"));
    private final FakeAdministration actions = new FakeAdministration();
    private final AtomicInteger backs = new AtomicInteger();

    private AdministratorViewModel model() {
        return new AdministratorViewModel(actions, Runnable::run, Runnable::run, clock, backs::incrementAndGet);
    }

    private AdministratorViewModel unlocked() {
        AdministratorViewModel model = model();
        model.unlock(FakeAdministration.PASSPHRASE.toCharArray());
        assertTrue(model.unlockedProperty().get());
        return model;
    }

    @Test
    void anAbsentCapabilityHasNoPane() {
        actions.logicAccuracy = false;
        actions.dayClosing = false;
        AdministratorViewModel model = model();
        assertTrue(model.logicAccuracy().isEmpty() && model.day().isEmpty());
        assertTrue(model.register().isPresent() && model.clerks().isPresent() && model.devices().isPresent());
        model.unlock(FakeAdministration.PASSPHRASE.toCharArray());
        model.show(AdministratorViewModel.Pane.LOGIC_ACCURACY);
        assertEquals(AdministratorViewModel.Pane.MAIN, model.paneProperty().get(), "no pane for an absent capability");
    }

    @Test
    void aWrongPassphraseIsAnErrorAndTheRightOneASuccessAndThePassphraseIsCleared() {
        AdministratorViewModel model = model();
        char[] wrong = "wrong".toCharArray();
        model.unlock(wrong);
        assertEquals(AdminMessage.error("crypto.error.wrongPassphrase"), model.messageProperty().get());
        assertEquals("\0\0\0\0\0", new String(wrong), "the passphrase array is cleared");
        assertFalse(model.unlockedProperty().get());
        model.unlock(new char[0]);
        assertEquals(AdminMessage.error("admin.error.noPassphrase"), model.messageProperty().get());
        model.unlock(FakeAdministration.PASSPHRASE.toCharArray());
        assertEquals(AdminMessage.success("admin.unlocked"), model.messageProperty().get());
    }

    @Test
    void lockingClearsEveryMessageAndDisarms() {
        AdministratorViewModel model = unlocked();
        model.register().get().load();
        model.register().get().file().chosenProperty().set(Path.of("/media/usb/r.srp"));
        model.register().get().load();
        model.day().get().askCloseDay();
        assertEquals(Confirmation.Guarded.CLOSE_DAY, model.confirmation().pendingProperty().get());
        model.back();
        assertEquals(1, backs.get());
        assertFalse(model.unlockedProperty().get());
        assertNull(model.messageProperty().get(), "the lock screen shows no old message");
        assertNull(model.register().get().messageProperty().get());
        assertNull(model.confirmation().pendingProperty().get(), "nothing stays armed after going back");
        model.unlock(FakeAdministration.PASSPHRASE.toCharArray());
        model.day().get().confirmCloseDay();
        assertEquals(0, actions.closes.get(), "a confirm after locking and unlocking does nothing");
        assertEquals(AdminMessage.warning("admin.confirm.expired"), model.day().get().messageProperty().get());
    }

    @Test
    void closeTheDayAsksStatesItsConsequenceAndActsOnlyOnYes() {
        AdministratorViewModel model = unlocked();
        DayViewModel day = model.day().get();
        day.askCloseDay();
        assertEquals(0, actions.closes.get(), "nothing closed by the first tap");
        assertEquals(30, model.confirmation().secondsLeftProperty().get());
        assertTrue(Messages.of(Language.ENGLISH).get(Confirmation.Guarded.CLOSE_DAY.consequenceKey(), 30)
                .startsWith("Closing the day ends check-ins on this kiosk for good"));
        day.confirmCloseDay();
        assertEquals(1, actions.closes.get());
        assertTrue(day.dayClosedProperty().get());
        AdminMessage closed = day.messageProperty().get();
        assertEquals(AdminMessage.Kind.SUCCESS, closed.kind());
        assertEquals("Day closed: 1 check-in; 1 token issued, 0 tokens voided; reconciliation balanced. Bundle: "
                + Path.of("/var/lib/sailau/day-bundle.json"), closed.text(Messages.of(Language.ENGLISH)));
        assertTrue(closed.text(Messages.of(Language.RUSSIAN)).startsWith("День закрыт: 1 регистрация; выдан 1 талон, "
                + "аннулировано 0 талонов; сверка: сходится."), closed.text(Messages.of(Language.RUSSIAN)));
        day.confirmCloseDay();
        assertEquals(1, actions.closes.get(), "a second yes needs a new question");
    }

    @Test
    void aQuestionExpiresWithTheClock() {
        AdministratorViewModel model = unlocked();
        model.askExit();
        clock.advance(Duration.ofSeconds(12));
        model.tick();
        assertEquals(18, model.confirmation().secondsLeftProperty().get());
        clock.advance(Duration.ofSeconds(18));
        model.tick();
        assertNull(model.confirmation().pendingProperty().get(), "expired after the window");
        model.confirmExit();
        assertEquals(0, actions.exits.get());
        assertEquals(AdminMessage.warning("admin.confirm.expired"), model.messageProperty().get());
        model.askExit();
        model.confirmExit();
        assertEquals(1, actions.exits.get());
    }

    @Test
    void navigationAndAnotherQuestionDisarm() {
        AdministratorViewModel model = unlocked();
        model.day().get().askCloseDay();
        model.show(AdministratorViewModel.Pane.CLERKS);
        assertNull(model.confirmation().pendingProperty().get(), "opening a pane disarms");
        model.show(AdministratorViewModel.Pane.MAIN);
        model.day().get().askCloseDay();
        model.askExit();
        model.day().get().confirmCloseDay();
        assertEquals(0, actions.closes.get(), "only the last question is armed");
        model.askExit();
        model.cancelQuestion();
        model.confirmExit();
        assertEquals(0, actions.exits.get(), "cancel disarms");
    }

    @Test
    void theWipeTakesThePassphraseAgain() {
        actions.closed = true;
        AdministratorViewModel model = unlocked();
        DayViewModel day = model.day().get();
        assertTrue(day.dayClosedProperty().get(), "the day's state is read at the unlock");
        day.askWipe();
        char[] wrong = "not it".toCharArray();
        day.confirmWipe(wrong);
        assertEquals(0, actions.wipes.get());
        assertEquals(AdminMessage.error("admin.error.passphrase"), day.messageProperty().get());
        assertEquals("\0".repeat(6), new String(wrong), "the typed passphrase is cleared");
        day.confirmWipe(FakeAdministration.PASSPHRASE.toCharArray());
        assertEquals(0, actions.wipes.get(), "a failed attempt disarms: the right passphrase needs a new question");
        day.askWipe();
        day.confirmWipe(FakeAdministration.PASSPHRASE.toCharArray());
        assertEquals(1, actions.wipes.get());
        assertEquals("Wiped: 40 voters, 80 fingerprint templates, 12 check-in marks; WIPE_DONE signed in the audit log",
                day.messageProperty().get().text(Messages.of(Language.ENGLISH)));
    }

    @Test
    void endingTheTestIsGuardedToo() {
        actions.testStatus = new LogicAccuracyTesting.Status(true, false, 4, 1, 0, 0, 1);
        AdministratorViewModel model = unlocked();
        model.show(AdministratorViewModel.Pane.LOGIC_ACCURACY);
        LogicAccuracyViewModel test = model.logicAccuracy().get();
        assertTrue(test.statusProperty().get().running());
        test.askEnd();
        model.show(AdministratorViewModel.Pane.MAIN);
        test.confirmEnd();
        assertEquals(0, actions.testEnds.get(), "leaving the pane disarmed the question");
        model.show(AdministratorViewModel.Pane.LOGIC_ACCURACY);
        test.askEnd();
        test.confirmEnd();
        assertEquals(1, actions.testEnds.get());
        assertEquals("Test ended: 1 check-in, 0 refusals, 0 overrides, 1 token during the test; the test data is "
                + "wiped and the counters are back to zero.", test.messageProperty().get().text(Messages.of(Language.ENGLISH)));
    }

    @Test
    void progressAlwaysEndsEvenWhenTheSameRegisterIsRefusedAgain() {
        AdministratorViewModel model = unlocked();
        RegisterViewModel register = model.register().get();
        register.file().chosenProperty().set(Path.of("/media/usb/register-v2.srp"));
        for (int attempt = 0; attempt < 2; attempt++) {
            register.load();
            assertFalse(model.work().isBusy(), "the refused load ended");
            assertEquals(0, model.work().progressProperty().get(), "the bar does not stay at 25 %");
            assertEquals(AdminMessage.error("register.error.signature"), register.messageProperty().get());
        }
        actions.loadSucceeds = true;
        register.load();
        assertEquals(1, model.work().progressProperty().get());
        assertEquals("Loaded: election DEMO-2026, precinct 101, version 2, 1 voter",
                register.messageProperty().get().text(Messages.of(Language.ENGLISH)));
    }

    @Test
    void backIsRefusedWhileNoClerkCouldActAndOfferedLockedOnlyWhenAskedFor() {
        AdministratorViewModel model = unlocked();
        actions.voterScreensBlocked = java.util.Optional.of("admin.error.noClerks");
        model.back();
        assertEquals(0, backs.get());
        assertEquals(AdminMessage.error("admin.error.noClerks"), model.messageProperty().get());
        AdministratorViewModel start = model();
        start.backWhileLockedProperty().set(false);
        start.back();
        assertEquals(0, backs.get(), "the production start screen has no voter screen behind it");
    }

    @Test
    void filesAreChosenFromTheRemovableMedia(@TempDir Path media) throws Exception {
        Path stick = Files.createDirectories(media.resolve("admin").resolve("USB-1"));
        Files.createDirectories(stick.resolve("lists"));
        Files.writeString(stick.resolve("lists").resolve("register-v2.SRP"), "x");
        Files.writeString(stick.resolve("notes.txt"), "x");
        Files.createDirectories(stick.resolve(".hidden"));
        Files.writeString(stick.resolve(".hidden").resolve("old.srp"), "x");
        actions.media = new RemovableMedia(List.of(media + "/*", media + "/*/*"));
        AdministratorViewModel model = unlocked();
        assertEquals(List.of(stick), actions.media.media(), "a per-user folder is not a medium itself");
        assertEquals(List.of(stick.resolve("lists").resolve("register-v2.SRP")),
                model.register().get().file().choices(), "only package files, none hidden");
        assertEquals(List.of(Path.of("/var/lib/sailau/day-bundle.json"), stick.resolve("day-bundle.json")),
                model.day().get().bundle().choices(), "the data directory first, then each medium");
    }
}
