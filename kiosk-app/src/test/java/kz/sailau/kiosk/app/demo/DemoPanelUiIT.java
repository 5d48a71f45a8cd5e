package kz.sailau.kiosk.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.LanguageViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo with a mouse: the whole demo setup (DEMO keys, register build and load), the real drivers on the
 * emulated scanner (real-time upload), MRZ reader and printer, the kiosk screens and the demo voter panel.
 * Clicking "Insert card" and "Right finger" checks the voter in by SourceAFIS matching; the panel then shows
 * the receipt the printer emulator parsed, carrying the token shown on screen.
 */
@ExtendWith(ApplicationExtension.class)
class DemoPanelUiIT {

    @RegisterExtension
    static final DemoKioskFixture demo = new DemoKioskFixture("sailau-demo-ui", true);

    private CheckInScreenModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model = demo.kiosk().model(new LanguageViewModel(), Platform::runLater);
        scene = demo.show(stage, model);
    }

    @Test
    void aVoterIsCheckedInWithTheMouse(FxRobot robot) throws Exception {
        DemoUi.press(robot, scene, "#demo-card");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.AwaitingFinger);
        DemoUi.press(robot, scene, "#demo-right-finger");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.stateProperty().get()
                instanceof CheckInState.TokenIssued);
        CheckInState.TokenIssued issued = (CheckInState.TokenIssued) model.stateProperty().get();
        assertEquals(CheckInMethod.FINGERPRINT, issued.method());
        TextArea receipt = robot.lookup("#demo-receipt").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> receipt.getText().contains(issued.token().qrPayload()));
        assertTrue(receipt.getText().contains(issued.token().humanCode()), receipt.getText());
        List<String> problems = new ArrayList<>();
        DemoUi.screenshotAndCheck(scene, "19-demo-token-and-receipt-kk", true, problems);
        model.close();
        assertEquals(List.of(), problems, "the token screen whole at 1280 × 800");
    }
}
