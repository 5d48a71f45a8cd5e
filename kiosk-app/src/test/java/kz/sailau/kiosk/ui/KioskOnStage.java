package kz.sailau.kiosk.ui;

import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The kiosk's screens on a test's stage at one kiosk size, over fresh {@link UiFixtures} (the real engine, a manual
 * clock), the console's login suggested: what a touch walk opens for each size and closes after it.
 */
final class KioskOnStage {

    private final Stage stage;
    private Scene scene;
    private UiFixtures fixtures;
    private CheckInScreenModel model;
    private KioskScreens screens;

    /** Shows {@code stage} with an empty scene, as a test's {@code @Start} does. */
    KioskOnStage(Stage stage) {
        this.stage = stage;
        stage.setScene(scene = new Scene(new Group()));
        stage.show();
    }

    /** Closes what is open, then shows the kiosk's screens over {@code fresh} at {@code size} (width, height). */
    void open(FxRobot robot, UiFixtures fresh, int[] size) {
        close();
        fixtures = fresh;
        model = fresh.model(new LanguageViewModel());
        robot.interact(() -> {
            screens = new KioskScreens(model, new FakeAdministration(), ForkJoinPool.commonPool(),
                    Platform::runLater);
            screens.voterView().clerkConsole().suggestLogin(UiFixtures.CLERK.value());
            scene = ScreenChecks.resize(stage, scene, screens, size[0], size[1]);
        });
    }

    /** Stops the engine and its devices of the last {@link #open}, if any. */
    void close() {
        if (model != null) {
            model.close();
            fixtures.close();
            model = null;
        }
    }

    Scene scene() {
        return scene;
    }

    UiFixtures fixtures() {
        return fixtures;
    }

    CheckInScreenModel model() {
        return model;
    }

    KioskScreens screens() {
        return screens;
    }
}
