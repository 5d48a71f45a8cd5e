package kz.sailau.prints;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A picture of generated prints for the documentation: one master finger per class on the first row, then
 * the enrolment impression and several live impressions of one finger.
 */
public final class ContactSheet {

    private ContactSheet() {
    }

    /**
     * @param seed population seed
     * @param difficulty difficulty of the impressions shown
     * @param liveImpressions live impressions shown of the second row's finger
     */
    public static BufferedImage render(long seed, Difficulty difficulty, int liveImpressions) {
        FingerprintGenerator generator = new FingerprintGenerator(seed, difficulty);
        Map<FingerClass, MasterFinger> examples = new EnumMap<>(FingerClass.class);
        for (int i = 0; examples.size() < FingerClass.values().length && i < 2000; i++) {
            MasterFinger m = generator.master(i);
            examples.putIfAbsent(m.fingerClass(), m);
        }
        int cell = 300;
        int scaledHeight = cell * FingerprintGenerator.MASTER_HEIGHT / FingerprintGenerator.MASTER_WIDTH;
        MasterFinger finger = examples.get(FingerClass.LEFT_LOOP);
        List<BufferedImage> row2 = new ArrayList<>();
        row2.add(generator.impression(finger, 0, ImpressionSize.FULL));
        for (int k = 1; k <= liveImpressions; k++) {
            row2.add(generator.impression(finger, k, ImpressionSize.SENSOR));
        }
        int width = Math.max(cell * examples.size(), row2.stream().mapToInt(i -> i.getWidth() + 10).sum()) + 10;
        int height = 30 + scaledHeight + 40 + ImpressionSize.FULL.height() + 30;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int x = 5;
        for (Map.Entry<FingerClass, MasterFinger> e : examples.entrySet()) {
            g.drawString(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (master)", x + 5, 20);
            g.drawImage(e.getValue().toImage(), x, 28, cell - 10, scaledHeight - 10, null);
            x += cell;
        }
        int y = 30 + scaledHeight + 20;
        x = 5;
        for (int i = 0; i < row2.size(); i++) {
            g.drawString(i == 0 ? "enrolment 320×400" : "live " + i + " 256×288", x, y);
            g.drawImage(row2.get(i), x, y + 8, null);
            x += row2.get(i).getWidth() + 10;
        }
        g.dispose();
        return sheet;
    }
}
