package kz.sailau.prints;

import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures how generated prints behave for the SourceAFIS matcher: genuine scores (every pair of impressions
 * of one finger) and impostor scores (the enrolment impression of each finger against the first live
 * impression of every other finger). Impression 0 of a finger is full-size, the others sensor-sized, as in a
 * voter set.
 */
public final class QualityReport {

    /** SourceAFIS's recommended decision threshold, documented as about 0.01 % FMR on real prints. */
    public static final double THRESHOLD = 40;

    private QualityReport() {
    }

    /**
     * Scores of one measured population.
     *
     * @param difficulty the difficulty measured
     * @param fingers number of fingers
     * @param impressions impressions per finger
     * @param genuine sorted genuine scores
     * @param impostor sorted impostor scores
     * @param generationSeconds wall time spent generating the images
     * @param images number of images generated
     */
    public record Result(Difficulty difficulty, int fingers, int impressions, double[] genuine, double[] impostor,
                         double generationSeconds, int images) {

        /** @throws NullPointerException if an array is null */
        public Result {
            Objects.requireNonNull(difficulty, "difficulty");
            genuine = genuine.clone();
            impostor = impostor.clone();
            Arrays.sort(genuine);
            Arrays.sort(impostor);
        }

        /** Share of genuine pairs scoring below the threshold. */
        public double falseNonMatchRate(double threshold) {
            return (double) Arrays.stream(genuine).filter(s -> s < threshold).count() / genuine.length;
        }

        /** Share of impostor pairs scoring at or above the threshold. */
        public double falseMatchRate(double threshold) {
            return (double) Arrays.stream(impostor).filter(s -> s >= threshold).count() / impostor.length;
        }

        /** Number of impostor pairs at or above the threshold. */
        public long falseMatches(double threshold) {
            return Arrays.stream(impostor).filter(s -> s >= threshold).count();
        }

        /** Number of genuine pairs below the threshold. */
        public long falseNonMatches(double threshold) {
            return Arrays.stream(genuine).filter(s -> s < threshold).count();
        }

        /** Images generated per second of wall time. */
        public double imagesPerSecond() {
            return images / generationSeconds;
        }

        @Override
        public double[] genuine() {
            return genuine.clone();
        }

        @Override
        public double[] impostor() {
            return impostor.clone();
        }
    }

    /**
     * Generates {@code fingers} × {@code impressions} images and scores them, on all processors.
     *
     * @throws IllegalArgumentException if fingers &lt; 2 or impressions &lt; 2
     */
    public static Result measure(long seed, Difficulty difficulty, int fingers, int impressions) {
        if (fingers < 2 || impressions < 2) {
            throw new IllegalArgumentException("need at least 2 fingers and 2 impressions");
        }
        FingerprintGenerator generator = new FingerprintGenerator(seed, difficulty);
        long start = System.nanoTime();
        List<MasterFinger> masters = generator.masters(0, fingers);
        List<BufferedImage> images = Parallel.map(fingers * impressions, i -> generator.impression(
                masters.get(i / impressions), i % impressions,
                i % impressions == 0 ? ImpressionSize.FULL : ImpressionSize.SENSOR));
        double seconds = (System.nanoTime() - start) / 1e9;
        List<FingerprintTemplate> templates = Parallel.map(images.size(), i -> template(images.get(i)));
        int genuinePerFinger = impressions * (impressions - 1) / 2;
        List<double[]> scores = Parallel.map(fingers, f -> {
            double[] row = new double[genuinePerFinger + fingers - 1];
            int n = 0;
            for (int i = 0; i < impressions; i++) {
                FingerprintMatcher matcher = new FingerprintMatcher(templates.get(f * impressions + i));
                for (int j = i + 1; j < impressions; j++) {
                    row[n++] = matcher.match(templates.get(f * impressions + j));
                }
                if (i == 0) {
                    for (int other = 0; other < fingers; other++) {
                        if (other != f) {
                            row[genuinePerFinger + (other < f ? other : other - 1)] =
                                    matcher.match(templates.get(other * impressions + 1));
                        }
                    }
                }
            }
            return row;
        });
        double[] genuine = new double[fingers * genuinePerFinger];
        double[] impostor = new double[fingers * (fingers - 1)];
        for (int f = 0; f < fingers; f++) {
            double[] row = scores.get(f);
            System.arraycopy(row, 0, genuine, f * genuinePerFinger, genuinePerFinger);
            System.arraycopy(row, genuinePerFinger, impostor, f * (fingers - 1), fingers - 1);
        }
        return new Result(difficulty, fingers, impressions, genuine, impostor, seconds, images.size());
    }

    static FingerprintTemplate template(BufferedImage image) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return new FingerprintTemplate(new FingerprintImage(image.getWidth(), image.getHeight(), pixels,
                new FingerprintImageOptions().dpi(FingerprintGenerator.DPI)));
    }

    /** A Markdown table: one row per result. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| difficulty | fingers × impressions | genuine pairs | impostor pairs | FNMR @40 | FMR @40 "
                + "| median genuine | highest impostor | images/s |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            double[] g = r.genuine;
            out.append(String.format(Locale.ROOT, "| %s | %d × %d | %d | %d | %.2f %% (%d) | %.4f %% (%d) | %.0f | %.1f | %.1f |%n",
                    r.difficulty().name().toLowerCase(Locale.ROOT), r.fingers(), r.impressions(), g.length,
                    r.impostor.length, 100 * r.falseNonMatchRate(THRESHOLD), r.falseNonMatches(THRESHOLD),
                    100 * r.falseMatchRate(THRESHOLD), r.falseMatches(THRESHOLD), g[g.length / 2],
                    r.impostor[r.impostor.length - 1], r.imagesPerSecond()));
        }
        return out.toString();
    }

    /** Score histograms, impostor and genuine per difficulty, on a logarithmic count axis. */
    public static BufferedImage histogram(List<Result> results) {
        int width = 900;
        int panel = 220;
        int height = 40 + panel * results.size();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double maxScore = 300;
        int bins = 75;
        int left = 60;
        int plotWidth = width - left - 20;
        g.setColor(Color.BLACK);
        g.drawString("SourceAFIS scores of generated prints: impostor (red), genuine (blue); threshold 40 dashed;"
                + " counts on a log scale", left, 22);
        for (int p = 0; p < results.size(); p++) {
            Result r = results.get(p);
            int top = 40 + p * panel;
            int bottom = top + panel - 40;
            int[] impostorBins = bin(r.impostor, bins, maxScore);
            int[] genuineBins = bin(r.genuine, bins, maxScore);
            int maxCount = Math.max(Arrays.stream(impostorBins).max().orElse(1), Arrays.stream(genuineBins).max().orElse(1));
            double logMax = StrictMath.log10(maxCount + 1);
            double barWidth = plotWidth / (double) bins;
            drawBins(g, impostorBins, new Color(220, 60, 60, 170), left, bottom, barWidth, panel - 50, logMax);
            drawBins(g, genuineBins, new Color(50, 90, 220, 170), left, bottom, barWidth, panel - 50, logMax);
            g.setColor(Color.BLACK);
            g.drawLine(left, bottom, left + plotWidth, bottom);
            g.drawLine(left, bottom, left, top + 5);
            for (int s = 0; s <= maxScore; s += 50) {
                int x = left + (int) (s / maxScore * plotWidth);
                g.drawLine(x, bottom, x, bottom + 4);
                g.drawString(String.valueOf(s), x - 8, bottom + 16);
            }
            g.drawString(String.format(Locale.ROOT, "%s: FNMR %.2f %%, FMR %.4f %%", r.difficulty().name().toLowerCase(Locale.ROOT),
                    100 * r.falseNonMatchRate(THRESHOLD), 100 * r.falseMatchRate(THRESHOLD)), left + 10, top + 14);
            g.drawString("≥" + (int) maxScore + " in last bin", left + plotWidth - 110, top + 14);
            int tx = left + (int) (THRESHOLD / maxScore * plotWidth);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
            g.drawLine(tx, top + 20, tx, bottom);
            g.setStroke(new BasicStroke(1));
        }
        g.dispose();
        return image;
    }

    private static int[] bin(double[] scores, int bins, double maxScore) {
        int[] counts = new int[bins];
        for (double s : scores) {
            int b = (int) (s / maxScore * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return counts;
    }

    private static void drawBins(Graphics2D g, int[] counts, Color color, int left, int bottom, double barWidth,
                                 int plotHeight, double logMax) {
        g.setColor(color);
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            int h = (int) (StrictMath.log10(counts[b] + 1) / logMax * plotHeight);
            g.fillRect(left + (int) (b * barWidth), bottom - h, (int) StrictMath.ceil(barWidth), h);
        }
    }
}
