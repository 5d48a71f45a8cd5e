package kz.sailau.kiosk.accuracy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.checkin.MatchThreshold;
import kz.sailau.kiosk.register.EnrolmentQuality;

/**
 * The accuracy command's output: the summary text (per set, total, the thresholds, the measured impostor curve
 * against decision 0040's assumption, and the final {@code accuracy voters=… passed=… falseMatches=…
 * impostorComparisons=…} line), and in a report folder the scores ({@code scores.tsv}), a DET curve
 * ({@code det.png}), score histograms ({@code histograms.png}), the voters' captures ({@code voters.tsv}), the
 * enrolment quality report ({@code enrolment-quality.tsv}) and the summary ({@code summary.txt}). The plots are drawn
 * with Java 2D (decision 0143).
 */
public final class AccuracyReport {

    /** Thresholds at which the impostor curve is compared with decision 0040's assumption. */
    static final double[] CURVE_THRESHOLDS = {20, 25, 30, 35, 40, 45, 48, 51, 54, 57, 60};

    private final AccuracyResult result;
    private final double[] genuine;
    private final double[] impostor;

    /** @param result what was measured */
    public AccuracyReport(AccuracyResult result) {
        this.result = Objects.requireNonNull(result, "result");
        List<Double> genuineScores = new ArrayList<>();
        int impostorCount = 0;
        for (AccuracyResult.Capture c : result.captures()) {
            if (c.accepted()) {
                genuineScores.add(c.best(c.voter()));
                for (int v = 0; v < c.scores().length; v++) {
                    impostorCount += v == c.voter() ? 0 : c.scores()[v].length;
                }
            }
        }
        genuine = genuineScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        impostor = new double[impostorCount];
        int i = 0;
        for (AccuracyResult.Capture c : result.captures()) {
            for (int v = 0; v < c.scores().length; v++) {
                if (v != c.voter()) {
                    for (float score : c.scores()[v]) {
                        impostor[i++] = score;
                    }
                }
            }
        }
        Arrays.sort(impostor);
    }

    /** The summary lines; the last one is {@code accuracy voters=V passed=P falseMatches=F impostorComparisons=C}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        AccuracyRun.Request request = result.request();
        lines.add("enrolment impressions " + request.enrolImpressions() + ", live impressions "
                + request.liveImpressions() + ", " + request.captures() + " capture(s) per voter");
        for (Map.Entry<Double, Integer> t : result.votersByThreshold().entrySet()) {
            lines.add(String.format(Locale.ROOT, "verify threshold %.0f for %d voter(s)", t.getKey(), t.getValue()));
        }
        List<AccuracyResult.SetSummary> summaries = result.summaries();
        summaries.forEach(s -> lines.add(s.line()));
        StringBuilder curve = new StringBuilder("impostor comparisons at or above t, measured (decision 0040 assumes "
                + "1e-4 at 40, a decade per 10 points):");
        for (double t : CURVE_THRESHOLDS) {
            long above = countAtOrAbove(impostor, t);
            curve.append(String.format(Locale.ROOT, " %.0f: %d (%.1e, assumed %.1e);", t, above,
                    impostor.length == 0 ? 0.0 : (double) above / impostor.length, MatchThreshold.falseMatchRate(t)));
        }
        curve.setLength(curve.length() - 1);
        lines.add(curve.toString());
        if (!result.enrolmentQuality().isEmpty()) {
            lines.add(result.enrolmentQuality().size() + " enrolment impression(s) below quality "
                    + (int) EnrolmentQuality.DEFAULT_MINIMUM + " (enrolment-quality.tsv)");
        }
        AccuracyResult.SetSummary total = summaries.get(summaries.size() - 1);
        lines.add("accuracy voters=" + total.voters() + " passed=" + total.passed() + " falseMatches="
                + total.falseMatches() + " impostorComparisons=" + (total.impostorWithin() + total.impostorAcross()));
        return lines;
    }

    static long countAtOrAbove(double[] sorted, double threshold) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return sorted.length - low;
    }

    /**
     * Writes the report files into {@code folder} (created if missing; it must not hold files already). The command
     * writes into a staging folder and renames it into place, so that a failure leaves no half-written report.
     *
     * @throws IOException if a file cannot be written
     */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("summary.txt"), lines(), StandardCharsets.UTF_8);
        writeScores(folder.resolve("scores.tsv"));
        List<String> voters = new ArrayList<>();
        voters.add("voter\tthreshold\tpassed\tcaptures\tfailed_enrolments");
        for (AccuracyResult.VoterOutcome o : result.outcomes()) {
            voters.add(result.voterKeys().get(o.voter()) + "\t" + String.format(Locale.ROOT, "%.0f",
                    result.thresholds()[o.voter()]) + "\t" + o.passed() + "\t" + String.join(" ", o.tries()) + "\t"
                    + o.failedEnrolments());
        }
        Files.write(folder.resolve("voters.tsv"), voters, StandardCharsets.UTF_8);
        List<String> quality = new ArrayList<>();
        quality.add("line\tvoter\tfield\tquality\treason\tdetail");
        result.enrolmentQuality().forEach(f -> quality.add(f.toTsv()));
        Files.write(folder.resolve("enrolment-quality.tsv"), quality, StandardCharsets.UTF_8);
        // Encoded in memory and written as bytes: a full disk is then said as the operating system says it (ImageIO
        // writing to a file wraps it in its own exception, which named no reason).
        Files.write(folder.resolve("det.png"), png(det()));
        Files.write(folder.resolve("histograms.png"), png(histograms()));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }

    /** Every genuine and impostor template comparison, and every rejected live image. */
    private void writeScores(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("kind\tprobe\tclaimed\ttemplate\tscore\n");
            for (AccuracyResult.Capture c : result.captures()) {
                if (!c.accepted()) {
                    out.write("rejected\t" + c.label() + "\t-\t" + c.quality().name() + "\t-\n");
                    continue;
                }
                for (int v = 0; v < c.scores().length; v++) {
                    String kind = v == c.voter() ? "genuine\t" : "impostor\t";
                    List<String> labels = result.templateLabels().get(v);
                    for (int t = 0; t < c.scores()[v].length; t++) {
                        out.write(kind + c.label() + "\t" + result.voterKeys().get(v) + "\t" + labels.get(t) + "\t"
                                + String.format(Locale.ROOT, "%.2f", c.scores()[v][t]) + "\n");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ plots

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int TOP = 50;
    private static final int PLOT_WIDTH = WIDTH - LEFT - 40;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - 70;
    private static final Color GENUINE = new Color(40, 80, 200);
    private static final Color IMPOSTOR = new Color(200, 50, 50);

    /**
     * The DET curve on log-log axes: the share of accepted genuine captures whose best score is below t against the
     * share of impostor template comparisons at or above t, for every t; the kiosk's thresholds marked.
     */
    BufferedImage det() {
        BufferedImage image = canvas();
        Graphics2D g = image.createGraphics();
        setUp(g);
        g.drawString("DET: false non-match rate per capture (best of the claimed voter's templates)", LEFT, 22);
        g.drawString(String.format(Locale.ROOT, "against false match rate per impostor comparison; %d genuine "
                + "captures, %d impostor comparisons", genuine.length, impostor.length), LEFT, 38);
        double minFmr = impostor.length == 0 ? 1e-6 : Math.min(1e-4, 0.5 / impostor.length);
        double minFnmr = genuine.length == 0 ? 1e-3 : Math.min(1e-2, 0.5 / genuine.length);
        double xDecades = Math.ceil(-Math.log10(minFmr));
        double yDecades = Math.ceil(-Math.log10(minFnmr));
        g.setColor(Color.LIGHT_GRAY);
        for (int d = 0; d <= xDecades; d++) {
            int x = LEFT + (int) (PLOT_WIDTH * (xDecades - d) / xDecades);
            g.drawLine(x, TOP, x, TOP + PLOT_HEIGHT);
            g.setColor(Color.BLACK);
            g.drawString("1e-" + d, x - 14, TOP + PLOT_HEIGHT + 16);
            g.setColor(Color.LIGHT_GRAY);
        }
        for (int d = 0; d <= yDecades; d++) {
            int y = TOP + (int) (PLOT_HEIGHT * d / yDecades);
            g.drawLine(LEFT, y, LEFT + PLOT_WIDTH, y);
            g.setColor(Color.BLACK);
            g.drawString("1e-" + d, LEFT - 40, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        g.drawString("false match rate per comparison (FMR)", LEFT + PLOT_WIDTH / 2 - 110, HEIGHT - 30);
        g.drawString("FNMR", 10, TOP + PLOT_HEIGHT / 2);
        g.setColor(GENUINE);
        g.setStroke(new BasicStroke(2));
        int previousX = -1;
        int previousY = -1;
        for (double t = 0; t <= 300; t += 0.5) {
            double fmr = Math.max(minFmr, fraction(countAtOrAbove(impostor, t), impostor.length));
            double fnmr = Math.max(minFnmr, 1 - fraction(countAtOrAbove(genuine, t), genuine.length));
            int x = LEFT + (int) (PLOT_WIDTH * (xDecades + Math.log10(fmr)) / xDecades);
            int y = TOP + (int) (PLOT_HEIGHT * (-Math.log10(fnmr)) / yDecades);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
        g.setStroke(new BasicStroke(1));
        for (double t : new double[] {40, 48, 51, 54}) {
            double fmr = Math.max(minFmr, fraction(countAtOrAbove(impostor, t), impostor.length));
            double fnmr = Math.max(minFnmr, 1 - fraction(countAtOrAbove(genuine, t), genuine.length));
            int x = LEFT + (int) (PLOT_WIDTH * (xDecades + Math.log10(fmr)) / xDecades);
            int y = TOP + (int) (PLOT_HEIGHT * (-Math.log10(fnmr)) / yDecades);
            g.setColor(Color.BLACK);
            g.fillOval(x - 4, y - 4, 8, 8);
            g.drawString(String.format(Locale.ROOT, "t=%.0f", t), x + 6, y - 6);
        }
        g.drawString("rates at 0 are drawn at the bottom / left edge (below one in the number of trials)", LEFT,
                HEIGHT - 12);
        g.dispose();
        return image;
    }

    /** Genuine (best per capture) and impostor (per template comparison) scores, counts on a log scale. */
    BufferedImage histograms() {
        BufferedImage image = canvas();
        Graphics2D g = image.createGraphics();
        setUp(g);
        double maxScore = 200;
        int bins = 100;
        int[] genuineBins = bin(genuine, bins, maxScore);
        int[] impostorBins = bin(impostor, bins, maxScore);
        int maxCount = Math.max(1, Math.max(Arrays.stream(genuineBins).max().orElse(1),
                Arrays.stream(impostorBins).max().orElse(1)));
        double logMax = Math.log10(maxCount + 1);
        double barWidth = PLOT_WIDTH / (double) bins;
        g.drawString("Scores: impostor comparisons (red) and genuine captures, best of the claimed voter's templates "
                + "(blue)", LEFT, 22);
        g.drawString(String.format(Locale.ROOT, "counts on a log scale; scores of %d and more in the last bin; "
                + "%d genuine captures, %d impostor comparisons", (int) maxScore, genuine.length, impostor.length),
                LEFT, 38);
        drawBins(g, impostorBins, new Color(200, 50, 50, 160), barWidth, logMax);
        drawBins(g, genuineBins, new Color(40, 80, 200, 160), barWidth, logMax);
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
        g.drawLine(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
        for (int s = 0; s <= maxScore; s += 20) {
            int x = LEFT + (int) (s / maxScore * PLOT_WIDTH);
            g.drawLine(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 4);
            g.drawString(String.valueOf(s), x - 8, TOP + PLOT_HEIGHT + 18);
        }
        for (int d = 0; Math.pow(10, d) <= maxCount; d++) {
            int y = TOP + PLOT_HEIGHT - (int) (Math.log10(Math.pow(10, d) + 1) / logMax * PLOT_HEIGHT);
            g.drawString(String.valueOf((long) Math.pow(10, d)), LEFT - 50, y + 4);
        }
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        for (Double t : result.votersByThreshold().keySet()) {
            int x = LEFT + (int) (t / maxScore * PLOT_WIDTH);
            g.drawLine(x, TOP, x, TOP + PLOT_HEIGHT);
            g.drawString(String.format(Locale.ROOT, "t=%.0f", t), x + 3, TOP + 12);
        }
        g.setStroke(new BasicStroke(1));
        g.drawString("score", LEFT + PLOT_WIDTH / 2, HEIGHT - 30);
        g.dispose();
        return image;
    }

    private static BufferedImage canvas() {
        return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    private static void setUp(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static int[] bin(double[] scores, int bins, double maxScore) {
        int[] counts = new int[bins];
        for (double s : scores) {
            counts[Math.max(0, Math.min(bins - 1, (int) (s / maxScore * bins)))]++;
        }
        return counts;
    }

    private static void drawBins(Graphics2D g, int[] counts, Color color, double barWidth, double logMax) {
        g.setColor(color);
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                int h = (int) (Math.log10(counts[b] + 1) / logMax * PLOT_HEIGHT);
                g.fillRect(LEFT + (int) (b * barWidth), TOP + PLOT_HEIGHT - h, (int) Math.ceil(barWidth), h);
            }
        }
    }
}
