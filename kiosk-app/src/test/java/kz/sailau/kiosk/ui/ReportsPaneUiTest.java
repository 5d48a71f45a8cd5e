package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import kz.sailau.kiosk.report.Turnout;
import kz.sailau.kiosk.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Reports and turnout" pane as the administrator sees it, at 1280 × 800 and 1024 × 768, in Kazakh, Russian and
 * English: the turnout chart of whole hours with its total, the print buttons, a refused redeemed count, a printed
 * closing tally. {@link ScreenChecks} finds no cut text, no control outside the window, no small touch target; a
 * screenshot of each goes to {@code target/screenshots/reports-WxH/}.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsPaneUiTest {

    private static final int[][] SIZES = {{1280, 800}, {1024, 768}};
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** A day from 07:00 to 15:00 at the polling station, seen at 15:20: eight whole hours. */
    private static final long[] COUNTS = {12, 41, 63, 58, 37, 44, 70, 52};

    /** The pane's printer: the opening report refused (check-ins counted), the others recorded. */
    private final RecordingReportPrinting printer = new RecordingReportPrinting(turnout(), true);
    private final LanguageViewModel language = new LanguageViewModel();
    private AdministratorViewModel model;
    private Region root;
    private Stage stage;
    private Scene scene;

    private static Turnout turnout() {
        return RecordingReportPrinting.wholeHours(ZonedDateTime.of(2026, 11, 20, 7, 0, 0, 0, ALMATY), COUNTS);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FakeAdministration actions = new FakeAdministration();
        actions.reports = printer;
        model = new AdministratorViewModel(actions, ForkJoinPool.commonPool(), Platform::runLater,
                new ManualClock(java.time.Instant.parse("2026-11-20T10:20:00Z")), () -> { });
        root = KioskScreens.scrolling(new AdministratorView(model, language));
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theTurnoutChartAndThePrintButtonsFitEveryScreenInEveryLanguage(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> model.unlock(FakeAdministration.PASSPHRASE.toCharArray()));
        await(() -> model.unlockedProperty().get());
        assertTrue(scene.lookup("#admin-reports").isVisible(), "the main screen offers the reports pane");
        ReportsViewModel reports = model.reports().orElseThrow();
        robot.interact(() -> model.show(AdministratorViewModel.Pane.REPORTS));
        await(() -> reports.turnoutProperty().get().total() == 377);

        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = (BarChart<String, Number>) scene.lookup("#reports-turnout-chart");
        List<XYChart.Data<String, Number>> bars = chart.getData().get(0).getData();
        assertEquals(COUNTS.length, bars.size());
        assertEquals("07:00", bars.get(0).getXValue());
        assertEquals(70L, bars.get(6).getYValue());
        for (int[] size : SIZES) {
            resize(robot, size[0], size[1]);
            robot.interact(() -> reports.clear());
            check(robot, size, "01-turnout", problems);
            assertEquals("Checked in by 15:00: 377 (whole hours only)",
                    ((Label) scene.lookup("#reports-turnout-total")).getText());
            robot.interact(() -> {
                reports.redeemedProperty().set("12a");
                reports.printClosing(language.messages());
            });
            await(() -> reports.messageProperty().get() != null);
            assertEquals("report.error.redeemed", reports.messageProperty().get().key());
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#reports-message")));
            check(robot, size, "02-redeemed-refused", problems);
            robot.interact(() -> reports.printOpening(language.messages()));
            await(() -> reports.messageProperty().get() != null
                    && "report.error.notZero".equals(reports.messageProperty().get().key()));
            robot.interact(() -> {
                reports.redeemedProperty().set("350");
                reports.printClosing(language.messages());
            });
            await(() -> reports.messageProperty().get() != null
                    && "reports.printed".equals(reports.messageProperty().get().key()));
            robot.interact(() -> AdminTouch.reveal(scene.lookup("#reports-message")));
            check(robot, size, "03-closing-printed", problems);
        }
        assertEquals(List.of(), problems);
        assertEquals(List.of("closing ENGLISH OptionalLong[350]", "closing ENGLISH OptionalLong[350]"), printer.printed,
                "the refused count printed nothing; the closing tally went to the printer in the language on screen");
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            scene.setRoot(new Group());
            scene = new Scene(root, width, height);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.sizeToScene();
        });
    }

    /** In each language: the screen's problems and its screenshot; ends in English. */
    private void check(FxRobot robot, int[] size, String name, List<String> problems) throws Exception {
        ScreenChecks.checkEveryLanguage(robot, scene, language, "reports", size, name, problems);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
