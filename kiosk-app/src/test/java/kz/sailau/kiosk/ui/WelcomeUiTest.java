package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WelcomeUiTest {

    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new WelcomeView(new LanguageViewModel()), 1280, 800);
        scene.getStylesheets().add(WelcomeView.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void startsInKazakhAndSwitchesLanguageOnTouch(FxRobot robot) throws Exception {
        Label title = robot.lookup("#welcome-title").queryAs(Label.class);
        assertEquals("Қош келдіңіз!", title.getText());
        save("welcome-kk");

        robot.clickOn("#language-russian");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Добро пожаловать!", title.getText());
        save("welcome-ru");

        robot.clickOn("#language-english");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Welcome!", title.getText());
        Path shot = save("welcome-en");
        assertTrue(Files.size(shot) > 1000, "screenshot written");
    }

    /**
     * The screen checks see a message key shown raw: a label whose bundle lacks its key reads "!no.such.key!" (what
     * {@link Messages#get} gives), the welcome screen as drawn has none, so a pass of the screens' checks means it.
     */
    @Test
    void theScreenChecksFindAMessageKeyShownRaw(FxRobot robot) throws Exception {
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene).stream()
                .filter(p -> p.contains("shown raw")).toList()).get(10, TimeUnit.SECONDS), "the welcome screen");
        robot.interact(() -> ((Label) scene.lookup("#welcome-title"))
                .setText(Messages.of(Language.ENGLISH).get("no.such.key")));
        assertEquals(List.of("Label#welcome-title \"!no.such.key!\": a message key shown raw"),
                WaitForAsyncUtils.asyncFx(() -> ScreenChecks.problems(scene).stream()
                        .filter(p -> p.contains("shown raw")).toList()).get(10, TimeUnit.SECONDS));
    }

    private Path save(String name) throws Exception {
        AtomicReference<Path> file = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> file.set(Screenshots.save(scene, name))).get();
        return file.get();
    }
}
