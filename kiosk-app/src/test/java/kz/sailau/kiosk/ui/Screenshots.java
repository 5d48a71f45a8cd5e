package kz.sailau.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves scene snapshots under {@code target/screenshots/} for review and for docs/screens.md. Every snapshot a test
 * takes goes through {@link #withoutPersonalData}: what identifies a voter (the nodes of style class
 * {@link ClerkConsole#PERSONAL_DATA}: name and birth date to confirm, IIN, document number) is painted over as a grey
 * box, so that no committed screenshot keeps it, not even a synthetic one.
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
     * The scene's snapshot with the shown part of every {@link ClerkConsole#PERSONAL_DATA} node painted over in grey on
     * the snapshot's pixels (the scene itself is not touched; the tests run with effects off, decision 0532). Call on
     * the FX thread.
     */
    public static WritableImage withoutPersonalData(Scene scene) {
        WritableImage snapshot = scene.snapshot(null);
        PixelWriter pixels = snapshot.getPixelWriter();
        int width = (int) snapshot.getWidth();
        int height = (int) snapshot.getHeight();
        for (Node node : scene.getRoot().lookupAll("." + ClerkConsole.PERSONAL_DATA)) {
            Bounds shown = shownBounds(node);
            if (shown == null) {
                continue;
            }
            int fromX = Math.max(0, (int) Math.floor(shown.getMinX()));
            int toX = Math.min(width, (int) Math.ceil(shown.getMaxX()));
            int fromY = Math.max(0, (int) Math.floor(shown.getMinY()));
            int toY = Math.min(height, (int) Math.ceil(shown.getMaxY()));
            for (int y = fromY; y < toY; y++) {
                for (int x = fromX; x < toX; x++) {
                    pixels.setColor(x, y, MASK);
                }
            }
        }
        return snapshot;
    }

    /** The grey of a masked node. */
    static final Color MASK = Color.DARKGRAY;

    /**
     * The part of {@code node} the scene draws, in scene coordinates: its layout bounds cut by every clip on the way
     * up (a scroll pane's viewport); {@code null} when it or an ancestor is hidden or the clips leave nothing.
     */
    static Bounds shownBounds(Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible() || at.getOpacity() == 0) {
                return null;
            }
            if (at.getClip() != null) {
                Bounds clip = at.localToScene(at.getClip().getBoundsInParent());
                double minX = Math.max(bounds.getMinX(), clip.getMinX());
                double minY = Math.max(bounds.getMinY(), clip.getMinY());
                double maxX = Math.min(bounds.getMaxX(), clip.getMaxX());
                double maxY = Math.min(bounds.getMaxY(), clip.getMaxY());
                if (maxX <= minX || maxY <= minY) {
                    return null;
                }
                bounds = new BoundingBox(minX, minY, maxX - minX, maxY - minY);
            }
        }
        return bounds;
    }
}
