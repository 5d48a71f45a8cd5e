package kz.sailau.kiosk.devices.printer;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders a line of receipt text as a 1-bit image, for printers whose code tables lack some of its letters (the
 * Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І on most). The font is the DejaVu Sans Condensed Bold that the package ships
 * ({@code DejaVuSansCondensed-Bold.ttf}, Bitstream Vera licence, see the file beside it), so the image is the same
 * on every kiosk. Words are wrapped to the printer's line width; each row is centred. Pure: no printer involved.
 */
public final class RasterText {

    /** Font size in dots of a normal line: 24 dots high, like the printer's 12 × 24 font A. */
    public static final int NORMAL_SIZE = 24;
    /** Font size of a double-height heading. */
    public static final int LARGE_SIZE = 44;
    private static final Font FONT = load();

    private RasterText() {
    }

    private static Font load() {
        try (InputStream in = RasterText.class.getResourceAsStream("DejaVuSansCondensed-Bold.ttf")) {
            if (in == null) {
                throw new IllegalStateException("DejaVuSansCondensed-Bold.ttf missing from the package");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the shipped font cannot be read", e);
        }
    }

    /**
     * Renders a text.
     *
     * @param text  the text, one line (wrapped at spaces if too wide)
     * @param size  the font size in dots, e.g. {@link #NORMAL_SIZE}
     * @param width the printer's dots per line (a multiple of 8)
     * @return a {@link BufferedImage#TYPE_BYTE_BINARY} image {@code width} dots wide, black text on white
     */
    public static BufferedImage render(String text, int size, int width) {
        Objects.requireNonNull(text, "text");
        Font font = FONT.deriveFont(Font.PLAIN, (float) size);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D probe = scratch.createGraphics();
        FontMetrics metrics = probe.getFontMetrics(font);
        probe.dispose();
        List<String> rows = wrap(text, metrics, width);
        int rowHeight = metrics.getAscent() + metrics.getDescent();
        BufferedImage image = new BufferedImage(width, rowHeight * rows.size(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(font);
        for (int i = 0; i < rows.size(); i++) {
            int x = Math.max(0, (width - metrics.stringWidth(rows.get(i))) / 2);
            g.drawString(rows.get(i), x, i * rowHeight + metrics.getAscent());
        }
        g.dispose();
        return image;
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = row.isEmpty() ? word : row + " " + word;
            if (metrics.stringWidth(candidate) <= width || row.isEmpty()) {
                row.setLength(0);
                row.append(candidate);
            } else {
                rows.add(row.toString());
                row.setLength(0);
                row.append(word);
            }
        }
        rows.add(row.toString());
        return rows;
    }

    /**
     * Packs an image into the data of {@code GS v 0}: rows top to bottom, 8 dots per byte, the leftmost dot in the
     * most significant bit, 1 for a printed (black) dot (ESC/POS reference, GS v 0).
     *
     * @param image an image whose width is a multiple of 8
     * @return {@code width / 8 × height} bytes
     */
    public static byte[] pack(BufferedImage image) {
        int widthBytes = image.getWidth() / 8;
        byte[] data = new byte[widthBytes * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
                    data[y * widthBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return data;
    }
}
