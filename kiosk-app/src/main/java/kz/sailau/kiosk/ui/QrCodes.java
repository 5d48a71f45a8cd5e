package kz.sailau.kiosk.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import java.util.Objects;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Renders a QR code (ISO/IEC 18004, error correction M, 4-module quiet zone) as a JavaFX image with ZXing. */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * Draws the QR code of a text.
     *
     * @param text        the payload
     * @param modulePixels pixels per module (square), at least 1
     * @return black modules on white, including the quiet zone
     * @throws IllegalArgumentException if the text does not fit a QR code
     */
    public static WritableImage image(String text, int modulePixels) {
        Objects.requireNonNull(text, "text");
        if (modulePixels < 1) {
            throw new IllegalArgumentException("modulePixels must be at least 1");
        }
        BitMatrix matrix;
        try {
            // Quiet zone of 4 modules: ISO/IEC 18004:2015 section 9.1.
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
        int size = matrix.getWidth() * modulePixels;
        WritableImage image = new WritableImage(size, matrix.getHeight() * modulePixels);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                Color color = matrix.get(x, y) ? Color.BLACK : Color.WHITE;
                for (int dy = 0; dy < modulePixels; dy++) {
                    for (int dx = 0; dx < modulePixels; dx++) {
                        writer.setColor(x * modulePixels + dx, y * modulePixels + dy, color);
                    }
                }
            }
        }
        return image;
    }
}
