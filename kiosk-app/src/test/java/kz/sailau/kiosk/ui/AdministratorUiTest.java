package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The administrator screens: a wrong passphrase is refused, a bad package shows the register's refusal. */
@ExtendWith(ApplicationExtension.class)
class AdministratorUiTest {

    private Scene scene;
    private volatile boolean backToVoter;

    /** Accepts the TEST passphrase; refuses every package as not signed by the authority. */
    private static final class FakeActions implements AdministratorActions {
        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public String loadRegister(Path packageFile, DoubleConsumer progress) throws AdministratorException {
            progress.accept(0.25);
            throw new AdministratorException("register.error.signature", "bad signature (test)");
        }

        @Override
        public List<String> deviceSettings() {
            return List.of("scanner /dev/sailau-scanner @ 57600", "MRZ /dev/sailau-mrz @ 9600",
                    "printer /dev/sailau-printer @ 19200");
        }

        @Override
        public boolean closeDayAvailable() {
            return false;
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
        LanguageViewModel language = new LanguageViewModel();
        language.choose(Language.RUSSIAN);
        scene = new Scene(new AdministratorView(new FakeActions(), language, ForkJoinPool.commonPool(),
                Platform::runLater, () -> backToVoter = true), 1600, 1000);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void wrongPassphraseThenBadPackageShowTheirRefusals(FxRobot robot) throws Exception {
        robot.clickOn("#admin-passphrase").write("wrong one");
        robot.clickOn("#admin-unlock");
        awaitMessage("Неверная парольная фраза");
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        robot.clickOn("#admin-unlock");
        awaitMessage("Киоск разблокирован");

        robot.clickOn("#admin-package").write("/media/usb/register-v2.srp");
        robot.clickOn("#admin-load");
        awaitMessage("Подпись пакета не является подписью ЦИК");
        assertTrue(robot.lookup("#admin-close-day").queryAs(Button.class).isDisabled(),
                "close the day is disabled while the end-of-day export is missing");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene, "15-admin-bad-package-ru")).get(10, TimeUnit.SECONDS);

        robot.clickOn("#admin-back");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> backToVoter);
        assertEquals(1, robot.lookup("#admin-passphrase").queryAll().size(), "locked again after leaving");
    }

    private void awaitMessage(String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#admin-message") instanceof Label l
                && expected.equals(l.getText()));
    }
}
