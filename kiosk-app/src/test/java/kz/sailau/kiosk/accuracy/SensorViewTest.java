package kz.sailau.kiosk.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.PrintMeasures;
import org.junit.jupiter.api.Test;

class SensorViewTest {

    /** A white image with a disc of ridges (period 9 px at 500 dpi) of the given radius centred at (cx, cy). */
    private static FingerImage disc(int width, int height, int cx, int cy, int radius, int dpi) {
        byte[] pixels = new byte[width * height];
        double period = 9.0 * dpi / 500;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inside = Math.hypot(x - cx, y - cy) <= radius;
                int gray = inside ? (int) Math.round(128 + 100 * Math.sin(2 * Math.PI * x / period)) : 250;
                pixels[y * width + x] = (byte) gray;
            }
        }
        return new FingerImage(width, height, pixels, dpi);
    }

    @Test
    void deliversTheSensorsImageInSixteenGrayLevels() {
        FingerImage view = SensorView.of(disc(400, 420, 200, 210, 150, 500));
        assertEquals(256, view.width());
        assertEquals(288, view.height());
        assertEquals(500, view.dpi());
        for (byte b : view.pixels()) {
            assertEquals(0, (b & 0xFF) % 17, "every pixel is a 4-bit level times 17");
        }
    }

    @Test
    void centresTheWindowOnTheFingerButNotPastTheImageEdge() {
        // A finger off to the right of a large image: the window moves to it.
        PrintMeasures right = PrintMeasures.of(SensorView.of(disc(700, 600, 480, 300, 120, 500)));
        assertEquals(128, right.ridgeCentreX(), 10);
        assertEquals(144, right.ridgeCentreY(), 10);
        // A finger at the very edge of the image: the window stops at the edge, the finger stays off-centre.
        PrintMeasures edge = PrintMeasures.of(SensorView.of(disc(700, 600, 660, 300, 120, 500)));
        assertTrue(edge.ridgeCentreX() > 180, "stays on the right: " + edge.ridgeCentreX());
    }

    @Test
    void centresOnTheClearRidgesNotOnContrastWithoutRidgeFlow() {
        // Ridges on the left of a large image, a wide patch of speckle (a dirty platen, a sensor's frame) on the
        // right: counted block for block the speckle would pull the window half off the finger (decision 0380).
        FingerImage image = withSpeckle(disc(700, 600, 200, 300, 120, 500), 450, 100, 690, 500);
        PrintMeasures whole = PrintMeasures.of(image);
        assertTrue(whole.ridgeCentreX() < 300, "centre stays near the ridges: " + whole.ridgeCentreX());
        PrintMeasures view = PrintMeasures.of(SensorView.of(image));
        assertTrue(view.ridgeClarity() > 0.6, "the window shows the finger, not the speckle: " + view);
    }

    /** The image with uniform random gray levels (no ridge flow, high contrast) in the given rectangle. */
    private static FingerImage withSpeckle(FingerImage image, int left, int top, int right, int bottom) {
        byte[] pixels = image.pixels();
        Random random = new Random(16);
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                pixels[y * image.width() + x] = (byte) (40 + random.nextInt(176));
            }
        }
        return new FingerImage(image.width(), image.height(), pixels, image.dpi());
    }

    @Test
    void bringsOtherResolutionsToFiveHundredDpiAndPadsSmallImagesWithWhiteGlass() {
        FingerImage at569 = disc(388, 374, 194, 187, 150, 569);
        FingerImage view = SensorView.of(at569);
        PrintMeasures measures = PrintMeasures.of(view);
        assertEquals(256 * 288, view.pixels().length);
        assertTrue(measures.contactAreaMm2() > 150, "the finger fills most of the window: " + measures);
        FingerImage small = SensorView.of(disc(200, 240, 100, 120, 90, 500));
        assertEquals(255, small.gray(0, 0), "beyond a small image the glass is white");
        assertEquals(255, small.gray(255, 287));
        assertEquals(128, PrintMeasures.of(small).ridgeCentreX(), 8);
    }
}
