package kz.sailau.kiosk.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.LanguageViewModel;

/** Opens the kiosk window and the demo voter panel, and waits until the kiosk window is closed. */
final class DemoWindows {

    private DemoWindows() {
    }

    /** Shows the windows; returns the exit code once the kiosk window is closed. */
    static int show(DemoKiosk kiosk, PrintStream out) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<CheckInScreenModel> model = new AtomicReference<>();
        try {
            Platform.startup(() -> {
                CheckInScreenModel screens = kiosk.model(new LanguageViewModel(), Platform::runLater);
                model.set(screens);
                kiosk.electionDay().startTicking(Duration.ofSeconds(1));
                Stage kioskStage = new Stage();
                kioskStage.setTitle("Sailau kiosk — DEMO");
                KioskScreens kioskScreens = new KioskScreens(screens, kiosk.administration(() ->
                        Platform.runLater(kioskStage::close)), ForkJoinPool.commonPool(), Platform::runLater);
                kioskScreens.voterView().clerkConsole().suggestLogin(DemoKiosk.CLERK.value());
                kioskStage.setScene(styled(new Scene(kioskScreens, 1440, 900)));
                kioskStage.setOnHidden(e -> closed.countDown());
                Stage panelStage = new Stage();
                panelStage.setTitle("Sailau — demo voter panel");
                panelStage.setScene(styled(new Scene(new DemoPanel(kiosk, screens), 560, 900)));
                kioskStage.show();
                panelStage.setX(kioskStage.getX() + kioskStage.getWidth() + 8);
                panelStage.show();
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            out.println("demo: cannot open a window here (" + e.getMessage() + "). Run with a display, or use "
                    + "'demo --check' for the headless end-to-end check.");
            return 1;
        }
        out.println("demo: kiosk window open; close it to stop the demo");
        closed.await();
        if (model.get() != null) {
            model.get().close();
        }
        Platform.exit();
        return 0;
    }

    static Scene styled(Scene scene) {
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        return scene;
    }
}
