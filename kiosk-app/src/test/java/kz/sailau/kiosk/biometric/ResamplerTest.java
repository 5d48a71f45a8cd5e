package kz.sailau.kiosk.biometric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** Vertical ridges of the given period in pixels. */
    private static FingerImage stripes(int width, int height, double period, int dpi) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) Math.round(128 + 100 * Math.sin(2 * Math.PI * x / period));
            }
        }
        return new FingerImage(width, height, pixels, dpi);
    }

    /** The mean period of the ridges along the middle row, from its upward crossings of mid-gray. */
    private static double period(FingerImage image) {
        int y = image.height() / 2;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int x = 1; x < image.width(); x++) {
            if (image.gray(x - 1, y) < 128 && image.gray(x, y) >= 128) {
                if (first < 0) {
                    first = x;
                }
                last = x;
                crossings++;
            }
        }
        return (double) (last - first) / (crossings - 1);
    }

    @Test
    void ridgesKeepTheirWidthInMillimetres() {
        // 0.46 mm ridge period: 10.24 px at 569 dpi (FVC2002 DB2's sensor), 9.0 px at the sensor's 500 dpi.
        FingerImage scanned = stripes(388, 374, 10.24, 569);
        FingerImage atSensor = scanned.atResolution(500);
        assertEquals(341, atSensor.width());
        assertEquals(329, atSensor.height());
        assertEquals(500, atSensor.dpi());
        assertEquals(9.0, period(atSensor), 0.1);
        FingerImage enlarged = stripes(300, 300, 8.0, 450).atResolution(500);
        assertEquals(333, enlarged.width());
        assertEquals(8.0 * 500 / 450, period(enlarged), 0.1);
    }

    @Test
    void reducingAveragesInsteadOfAliasing() {
        // Stripes of 2 px are finer than the 500-dpi grid can show after a 0.5 reduction: they must fade to gray,
        // not turn into false ridges.
        FingerImage fine = stripes(200, 40, 2.0, 1000).atResolution(500);
        for (int x = 2; x < fine.width() - 2; x++) {
            assertTrue(Math.abs(fine.gray(x, 10) - 128) <= 3, "pixel " + x + " is " + fine.gray(x, 10));
        }
    }

    @Test
    void aFlatImageStaysFlatAndTheSameResolutionIsTheSameImage() {
        FingerImage flat = new FingerImage(100, 100, new byte[100 * 100], 569);
        FingerImage resampled = flat.atResolution(500);
        for (byte b : resampled.pixels()) {
            assertEquals(0, b);
        }
        FingerImage image = stripes(64, 64, 9, 500);
        assertSame(image, image.atResolution(500));
        assertEquals(stripes(300, 300, 10.24, 569).atResolution(500),
                stripes(300, 300, 10.24, 569).atResolution(500), "deterministic");
        assertThrows(IllegalArgumentException.class, () -> image.atResolution(100));
    }
}
