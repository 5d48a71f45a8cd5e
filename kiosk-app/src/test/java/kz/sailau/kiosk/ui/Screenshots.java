package kz.sailau.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.effect.ColorInput;
import javafx.scene.effect.Effect;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves scene snapshots under {@code target/screenshots/} for review and for docs/screens.md. Every snapshot a test
 * takes goes through {@link #withoutPersonalData}: what identifies a voter (the nodes of style class
 * {@link ClerkConsole#PERSONAL_DATA}: name and birth date to confirm, IIN, document number) is drawn as a grey box,
 * so that no committed screenshot keeps it, not even a synthetic one.
 */
public final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Snapshots the scene (call on the FX thread) and writes {@code target/screenshots/NAME.png}. */
    public static Path save(Scene scene, String name) {
        WritableImage snapshot = withoutPersonalData(scene);
        // Into an RGB image when the snapshot is opaque (a scene's fill makes it so): left to itself SwingFXUtils gives
        // premultiplied ARGB, which the PNG writer un-premultiplies pixel by pixel, two thirds of a screenshot's time.
        BufferedImage image = SwingFXUtils.fromFXImage(snapshot, new BufferedImage((int) snapshot.getWidth(),
                (int) snapshot.getHeight(), BufferedImage.TYPE_INT_RGB));
        try {
            Path file = DIRECTORY.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + name, e);
        }
    }

    /** As {@link #save}, from a test's thread: after the pending FX events, on the FX thread. */
    public static Path saveFromTest(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> save(scene, name)).get(10, TimeUnit.SECONDS);
    }

    /**
     * The scene's snapshot with every {@link ClerkConsole#PERSONAL_DATA} node drawn as a grey box of its size; the
     * nodes are as before afterwards. Call on the FX thread.
     */
    public static WritableImage withoutPersonalData(Scene scene) {
        List<Node> marked = new ArrayList<>(scene.getRoot().lookupAll("." + ClerkConsole.PERSONAL_DATA));
        List<Effect> effects = new ArrayList<>();
        for (Node node : marked) {
            effects.add(node.getEffect());
            Bounds bounds = node.getLayoutBounds();
            node.setEffect(new ColorInput(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                    Color.DARKGRAY));
        }
        try {
            return scene.snapshot(null);
        } finally {
            for (int i = 0; i < marked.size(); i++) {
                marked.get(i).setEffect(effects.get(i));
            }
        }
    }
}
