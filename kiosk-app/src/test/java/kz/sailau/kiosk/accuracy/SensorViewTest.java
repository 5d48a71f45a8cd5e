package kz.sailau.kiosk.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
