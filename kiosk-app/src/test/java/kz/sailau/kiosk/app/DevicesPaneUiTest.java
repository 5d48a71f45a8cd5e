package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.ui.AdministratorActions;
import kz.sailau.kiosk.ui.AdministratorView;
import kz.sailau.kiosk.ui.DeviceSettingsActions;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.Language;
import kz.sailau.kiosk.ui.LanguageViewModel;
import kz.sailau.kiosk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import kz.sailau.kiosk.ui.AdminTouch;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.ScreenChecks;

/**
 * The administrator's Devices pane over a real {@link KioskDeviceSettings} and a temporary {@code kiosk.json}
 * (the probe is a stand-in that answers like a healthy scanner): test a device, type a bad port and read its
 * message, switch the language, fix it, save, and read the file back.
 */
@ExtendWith(ApplicationExtension.class)
class DevicesPaneUiTest {

    @TempDir
    static Path directory;

    private Scene scene;
    private final List<String> problems = new ArrayList<>();
    private Path file;
    private LanguageViewModel language;
    private final List<AuditEvent> audited = new ArrayList<>();

    /** Accepts the TEST passphrase; offers the device settings. */
    private final class FakeActions implements AdministratorActions {
        private final DeviceSettingsActions devices;

        FakeActions(DeviceSettingsActions devices) {
            this.devices = devices;
        }

        @Override
        public void unlock(char[] passphrase) throws AdministratorException {
            if (!new String(passphrase).equals("TEST passphrase")) {
                throw new AdministratorException("crypto.error.wrongPassphrase", "wrong (test)");
            }
        }

        @Override
        public Optional<DeviceSettingsActions> deviceSettingsActions() {
            return Optional.of(devices);
        }

        @Override
        public void exitKiosk() {
        }
    }

    @Start
    void start(Stage stage) {
        file = directory.resolve("kiosk-" + System.nanoTime() + ".json");
        try {
            Files.writeString(file, """
                    {
                      "precinct": 101,
                      "scanner":   { "port": "/dev/sailau-scanner", "baud": 57600 },
                      "mrzReader": { "port": "/dev/sailau-mrz",     "baud": 9600 },
                      "printer":   { "port": "/dev/sailau-printer", "baud": 19200 },
                      "fullScreen": true
                    }
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KioskDeviceSettings devices = new KioskDeviceSettings(file, KioskConfiguration.read(file),
                (device, setting) -> device == DeviceSettingsActions.Device.SCANNER
                        ? "admin.devices.test.scannerOk" : "device.error.notFound",
                () -> List.of("/dev/sailau-scanner", "/dev/ttyUSB0", "/dev/ttyUSB1"), audited::add,
                "admin.devices.appliesRestart");
        language = new LanguageViewModel();
        language.choose(Language.ENGLISH);
        scene = new Scene(KioskScreens.scrolling(new AdministratorView(new FakeActions(devices), language,
                ForkJoinPool.commonPool(), Platform::runLater, () -> { })), 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void editABadValueSeeItsMessageThenSaveAndReadBack(FxRobot robot) throws Exception {
        robot.clickOn("#admin-passphrase").write("TEST passphrase");
        press(robot, "#admin-unlock");
        awaitLabel("#admin-message", "Kiosk unlocked");
        assertEquals("Fingerprint scanner: /dev/sailau-scanner, 57600 baud\nIdentity card reader: /dev/sailau-mrz, "
                + "9600 baud\nReceipt printer: /dev/sailau-printer, 19200 baud", label("#devices-summary"));
        press(robot, "#devices-edit");
        awaitLabel("#devices-applies", Messages.of(Language.ENGLISH).get("admin.devices.appliesRestart"));

        press(robot, "#devices-test-scanner");
        awaitLabel("#devices-status-scanner", "The scanner answered the handshake.");
        press(robot, "#devices-test-printer");
        awaitLabel("#devices-status-printer", Messages.of(Language.ENGLISH).get("device.error.notFound"));

        ComboBox<?> port = robot.lookup("#devices-port-scanner").queryAs(ComboBox.class);
        robot.interact(() -> port.getEditor().clear());
        robot.clickOn(port.getEditor()).write("dev/ttyUSB1");
        press(robot, "#devices-save");
        awaitLabel("#devices-status-scanner", "The port must be a full path starting with /, e.g. /dev/ttyUSB0.");
        awaitLabel("#devices-message", "Not saved: correct the marked fields.");
        assertTrue(port.getStyleClass().contains("field-error"), "the bad field is marked");
        assertTrue(Files.readString(file).contains("\"/dev/sailau-scanner\""), "nothing written");
        save("30-admin-devices-refused-en");

        press(robot, "#language-russian");
        awaitLabel("#devices-status-scanner", Messages.of(Language.RUSSIAN).get("admin.devices.error.portNotAbsolute"));
        awaitLabel("#devices-message", Messages.of(Language.RUSSIAN).get("admin.devices.error.fields"));

        robot.interact(() -> port.getEditor().clear());
        robot.clickOn(port.getEditor()).write("/dev/ttyUSB1");
        @SuppressWarnings("unchecked")
        ComboBox<Integer> baud = robot.lookup("#devices-baud-scanner").queryAs(ComboBox.class);
        assertEquals(KioskConfiguration.SCANNER_BAUD_RATES, baud.getItems(), "only the scanner's speeds are offered");
        @SuppressWarnings("unchecked")
        ComboBox<String> model = robot.lookup("#devices-profile-scanner").queryAs(ComboBox.class);
        assertEquals(kz.sailau.fingerprint.SensorProfile.ids(), model.getItems(), "the tested models are offered");
        robot.interact(() -> model.setValue("r305"));
        assertEquals(kz.sailau.fingerprint.SensorProfile.R305.baudRates(), baud.getItems(),
                "an R305 is offered only its own speeds");
        robot.interact(() -> model.setValue("zfm-20"));
        robot.interact(() -> baud.setValue(115_200));
        press(robot, "#devices-save");
        awaitLabel("#devices-message", "Сохранено в файл настроек.");
        awaitLabel("#devices-status-scanner", "");
        assertTrue(!port.getStyleClass().contains("field-error"), "the mark is cleared");
        save("31-admin-devices-saved-ru");

        KioskConfiguration reread = KioskConfiguration.read(file);
        assertEquals(new KioskConfiguration.SerialPortSetting("/dev/ttyUSB1", 115_200), reread.scanner());
        assertEquals(new KioskConfiguration.SerialPortSetting("/dev/sailau-mrz", 9_600), reread.mrzReader());
        assertTrue(reread.fullScreen(), "other keys kept");
        assertEquals(1, audited.size());
        assertEquals(AuditEventType.DEVICES_CONFIGURED, audited.get(0).type());

        press(robot, "#devices-edit");
        awaitLabel("#devices-summary", "Сканер отпечатков пальцев: /dev/ttyUSB1, 115200 бод\n"
                + "Считыватель удостоверений личности: /dev/sailau-mrz, 9600 бод\n"
                + "Принтер талонов: /dev/sailau-printer, 19200 бод");
        assertEquals(List.of(), problems, "the screenshots' screens whole at 1280 × 800");
    }

    private String label(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }

    private void awaitLabel(String id, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup(id) instanceof Label l
                    && expected.equals(l.getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected " + id + " to read \"" + expected + "\" but it reads \""
                    + label(id) + "\"", e);
        }
    }

    /** The screenshot {@code name}, and the screen checks at the kiosk's 1280 × 800 (the pane pans by touch). */
    private void save(String name) throws Exception {
        ScreenChecks.screenshotAndCheck(scene, scene.getRoot(), name, false, problems);
    }

    private void press(FxRobot robot, String id) throws Exception {
        AdminTouch.press(robot, scene, id);
    }
}
