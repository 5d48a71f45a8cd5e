package kz.sailau.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves scene snapshots under {@code target/screenshots/} for review and for docs/screens.md. */
final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Snapshots the scene (call on the FX thread) and writes {@code target/screenshots/NAME.png}. */
    static Path save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            Path file = DIRECTORY.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + name, e);
        }
    }
}
