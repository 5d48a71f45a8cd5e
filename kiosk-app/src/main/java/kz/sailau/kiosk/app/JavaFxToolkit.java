package kz.sailau.kiosk.app;

import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit for the kiosk's and the demo's windows, before anything else is built (decision 0489).
 *
 * <p>The executable jar carries JavaFX on the class path, where OpenJFX warns on every start "Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module …'" (two lines of JUL on the error stream, before the
 * kiosk's own; session H66). Every screen test and the packaged image run the toolkit this way, so that one record
 * is dropped; every other record of the {@code javafx} logger, and of its children (CSS, controls), still shows.
 */
public final class JavaFxToolkit {

    /** Held so that its filter is not collected with it. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    static {
        JAVAFX.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    private JavaFxToolkit() {
    }

    /**
     * Starts the toolkit with nothing to run yet; windows are then built with {@link Platform#runLater}.
     *
     * @throws UnsupportedOperationException when there is no display (as {@link Platform#startup})
     * @throws IllegalStateException         when the toolkit was started already
     */
    public static void start() {
        Platform.startup(() -> {
        });
    }
}
