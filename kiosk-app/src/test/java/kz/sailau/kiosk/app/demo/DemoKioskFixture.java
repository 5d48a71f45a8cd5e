package kz.sailau.kiosk.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo kiosk of one UI test class, as {@link DemoUi#start} makes it: registered with
 * {@code @RegisterExtension} on a static field, it is made in a fresh temporary directory before the class's tests
 * and closed after them. Each test's {@code @Start} shows it with {@link #show}.
 */
public final class DemoKioskFixture implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private final boolean realtime;
    private Path directory;
    private DemoKiosk kiosk;

    /**
     * @param prefix   the start of the temporary directory's name
     * @param realtime whether the scanner emulator paces its upload at its baud rate
     */
    public DemoKioskFixture(String prefix, boolean realtime) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.realtime = realtime;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory(prefix);
        kiosk = DemoUi.start(directory, realtime);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    /** The running demo kiosk. */
    public DemoKiosk kiosk() {
        return Objects.requireNonNull(kiosk, "the demo kiosk is made before the class's tests");
    }

    /** The temporary directory the demo data is in ({@code demo-data} below it). */
    public Path directory() {
        return Objects.requireNonNull(directory, "the demo kiosk is made before the class's tests");
    }

    /** Shows {@link DemoUi#scene} of the kiosk for {@code model} on {@code stage} and returns it. */
    public Scene show(Stage stage, CheckInScreenModel model) {
        Scene scene = DemoUi.scene(kiosk(), model);
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
