package kz.sailau.kiosk.accuracy;

import java.util.Objects;
import kz.sailau.fingerprint.Capture;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.PrintMeasures;

/**
 * What the kiosk's scanner would deliver for a finger scanned by another sensor: the image at the sensor's 500 dpi,
 * a 256 × 288 window of it (the R30x's image, user manual UpImage) centred on the finger, and the sixteen gray levels
 * of the 4-bit upload ({@link SensorImage#quantise}). The window is centred on the centre of the clear ridges
 * ({@link PrintMeasures#ridgeCentreX()}, each ridged block weighted by its clarity, decision 0380: as a voter centres
 * the pad of a finger on the glass) but never moved past the image's edges, so a finger that was off the glass in
 * the original stays partly off; where the window reaches beyond a small image, the glass shows white.
 */
public final class SensorView {

    private static final int WHITE = 255;

    private SensorView() {
    }

    /**
     * The sensor's view of an image.
     *
     * @param image any resolution; it is resampled to 500 dpi first
     * @return a {@value Capture#SENSOR_WIDTH} × {@value Capture#SENSOR_HEIGHT} image at 500 dpi, 16 gray levels
     */
    public static FingerImage of(FingerImage image) {
        Objects.requireNonNull(image, "image");
        FingerImage at500 = image.atResolution(Capture.SENSOR_DPI);
        int width = Capture.SENSOR_WIDTH;
        int height = Capture.SENSOR_HEIGHT;
        PrintMeasures measures = PrintMeasures.of(at500);
        int left = window(measures.ridgeCentreX(), width, at500.width());
        int top = window(measures.ridgeCentreY(), height, at500.height());
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int sy = top + y;
            for (int x = 0; x < width; x++) {
                int sx = left + x;
                int gray = sx >= 0 && sx < at500.width() && sy >= 0 && sy < at500.height() ? at500.gray(sx, sy) : WHITE;
                pixels[y * width + x] = (byte) Capture.fourBitGray(gray);
            }
        }
        return new FingerImage(width, height, pixels, Capture.SENSOR_DPI);
    }

    /** The first column (or row) of a window of {@code size} centred on {@code centre}, kept inside the image. */
    private static int window(double centre, int size, int extent) {
        if (extent <= size) {
            return Math.floorDiv(extent - size, 2); // the whole image, centred, with white around it
        }
        int start = (int) Math.round(centre - size / 2.0);
        return Math.max(0, Math.min(extent - size, start));
    }

}
