package kz.sailau.kiosk.app.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.app.Main;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.KioskView;

/**
 * The headless UI tests' demo kiosk, set up as {@code demo} does it: the demo data (DEMO keys, register build
 * and load) in {@code directory/demo-data}, the real drivers on the emulated devices, and the kiosk screens
 * beside the demo voter panel in one 1900 × 1000 scene.
 */
public final class DemoUi {

    private DemoUi() {
    }

    /** Creates the demo data under {@code directory} and starts the demo kiosk on it. */
    public static DemoKiosk start(Path directory, boolean realtime) throws Exception {
        CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(OutputStream.nullOutputStream()), System.err);
        DemoData data = DemoData.create(directory.resolve("demo-data"), environment, System.out);
        return DemoKiosk.start(data, KioskConfiguration.defaults(), Clock.systemUTC(), new SecureRandom(),
                Main.migrations(), new SourceAfisMatcher(), realtime);
    }

    /** The kiosk screens (with the demo's administrator actions) and the demo voter panel, styled. */
    public static Scene scene(DemoKiosk kiosk, CheckInScreenModel model) {
        KioskScreens screens = new KioskScreens(model, kiosk.administration(() -> { }), ForkJoinPool.commonPool(),
                Platform::runLater);
        screens.setPrefSize(1340, 1000);
        DemoPanel panel = new DemoPanel(kiosk, model);
        panel.setPrefWidth(560);
        Scene scene = new Scene(new HBox(screens, panel), 1900, 1000);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        return scene;
    }
}
