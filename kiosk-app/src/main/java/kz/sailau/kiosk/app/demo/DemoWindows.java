package kz.sailau.kiosk.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.sailau.kiosk.app.JavaFxToolkit;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.LanguageViewModel;

/**
 * Opens the kiosk window, sized to the screen it runs on, and the demo voter panel as its own window beside it or
 * over it ({@link #layout}), and waits until the kiosk window is closed.
 */
final class DemoWindows {

    private DemoWindows() {
    }

    /**
     * Starts the JavaFX toolkit, before the demo builds anything (decision 0489): without a display the demo says so
     * in one line on {@code err} and builds nothing.
     *
     * @return whether windows can be shown
     */
    static boolean startToolkit(PrintStream err) {
        try {
            JavaFxToolkit.start();
            return true;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            err.println("demo: cannot open a window here (" + e.getMessage() + "): run it with a display, or use "
                    + "'demo --check' for the headless end-to-end check [demo.error.noDisplay]");
            return false;
        }
    }

    /**
     * Shows the windows on the toolkit {@link #startToolkit} started; returns the exit code once the kiosk window is
     * closed.
     */
    static int show(DemoKiosk kiosk, PrintStream out) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<CheckInScreenModel> model = new AtomicReference<>();
        Platform.runLater(() -> {
            CheckInScreenModel screens = kiosk.model(new LanguageViewModel(), Platform::runLater);
            model.set(screens);
            kiosk.electionDay().startTicking(Duration.ofSeconds(1));
            Stage kioskStage = new Stage();
            kioskStage.setTitle("Sailau kiosk — DEMO");
            KioskScreens kioskScreens = new KioskScreens(screens, kiosk.administration(() ->
                    Platform.runLater(kioskStage::close)), ForkJoinPool.commonPool(), Platform::runLater);
            kioskScreens.voterView().clerkConsole().suggestLogin(DemoKiosk.CLERK.value());
            Layout layout = layout(Screen.getPrimary().getVisualBounds());
            kioskStage.setScene(styled(new Scene(kioskScreens, layout.kiosk().getWidth(),
                    layout.kiosk().getHeight())));
            kioskStage.setX(layout.kiosk().getMinX());
            kioskStage.setY(layout.kiosk().getMinY());
            kioskStage.setOnHidden(e -> closed.countDown());
            Stage panelStage = new Stage();
            panelStage.setTitle("Sailau — demo voter panel");
            panelStage.setScene(styled(new Scene(DemoPanel.scrolling(new DemoPanel(kiosk, screens)),
                    layout.panel().getWidth(), layout.panel().getHeight())));
            panelStage.setX(layout.panel().getMinX());
            panelStage.setY(layout.panel().getMinY());
            // Over the kiosk window when the screen has no room beside it: it must stay visible.
            panelStage.setAlwaysOnTop(layout.over());
            kioskStage.show();
            panelStage.show();
        });
        out.println("demo: kiosk window open; close it to stop the demo");
        closed.await();
        if (model.get() != null) {
            model.get().close();
        }
        Platform.exit();
        return 0;
    }

    /** The panel's width: its buttons and the receipt in one readable column. */
    static final double PANEL_WIDTH = 480;
    /** The kiosk's own screen: the kiosk window is never laid out smaller than this beside the panel. */
    static final double KIOSK_WIDTH = 1280;

    /**
     * Where the two windows go on a screen.
     *
     * @param kiosk the kiosk window's bounds
     * @param panel the demo panel's bounds
     * @param over  whether the panel lies over the kiosk window (no room beside it)
     */
    record Layout(Rectangle2D kiosk, Rectangle2D panel, boolean over) {
    }

    /**
     * The windows on a screen's visual bounds: the kiosk window takes the screen; the panel goes beside it when the
     * screen is wide enough for the kiosk's 1280 px and the panel, and over the kiosk window's right side
     * otherwise (on a 1280 × 800 or 1024 × 768 screen, as on the kiosk itself).
     */
    static Layout layout(Rectangle2D screen) {
        double panelHeight = screen.getHeight();
        if (screen.getWidth() >= KIOSK_WIDTH + PANEL_WIDTH) {
            double kioskWidth = screen.getWidth() - PANEL_WIDTH;
            return new Layout(new Rectangle2D(screen.getMinX(), screen.getMinY(), kioskWidth, screen.getHeight()),
                    new Rectangle2D(screen.getMinX() + kioskWidth, screen.getMinY(), PANEL_WIDTH, panelHeight), false);
        }
        double panelWidth = Math.min(PANEL_WIDTH, screen.getWidth() / 2);
        return new Layout(screen, new Rectangle2D(screen.getMaxX() - panelWidth, screen.getMinY(), panelWidth,
                panelHeight), true);
    }

    static Scene styled(Scene scene) {
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        return scene;
    }
}
