package kz.sailau.bench.biometric;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.prints.DemoSet;

/**
 * Real SourceAFIS templates for the benchmarks, from the committed synthetic demo set (no real person's prints):
 * the enrolment images of its 40 voters × 2 index fingers.
 */
public final class DemoTemplates {

    private DemoTemplates() {
    }

    /** The 80 enrolment templates, voter by voter, right index before left index. */
    public static List<FingerTemplate> enrolled(SourceAfisMatcher matcher) {
        List<FingerTemplate> enrolled = new ArrayList<>();
        for (int v = 1; v <= DemoSet.COUNT; v++) {
            for (FingerPosition position : FingerPosition.INDEX_FINGERS) {
                enrolled.add(matcher.extract(image(String.format("prints/V%04d/%s_enrol.png", v,
                        position.fileName()))));
            }
        }
        return enrolled;
    }

    /** One image of the demo set, as 8-bit gray at 500 dpi. */
    public static FingerImage image(String relative) {
        try (InputStream in = DemoSet.open(relative)) {
            return gray(ImageIO.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo image " + relative, e);
        }
    }

    /** An image as 8-bit gray at 500 dpi (the synthetic prints' resolution). */
    public static FingerImage gray(BufferedImage image) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(image, 0, 0, null);
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        return new FingerImage(image.getWidth(), image.getHeight(), pixels, 500);
    }
}
