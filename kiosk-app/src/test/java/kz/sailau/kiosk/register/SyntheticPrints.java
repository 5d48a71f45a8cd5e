package kz.sailau.kiosk.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Random;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.ImageFileFixtures;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * Synthetic fingerprint-like images for tests: ridges of period about 9 px (500 dpi) that follow a smooth
 * random orientation field and a random phase field, so that every seed gives a different set of
 * minutiae. Not a realistic print generator (that is sample-prints); good enough for SourceAFIS to extract
 * distinct templates.
 */
public final class SyntheticPrints {

    private SyntheticPrints() {
    }

    /** A 300x360 grayscale print for {@code seed}; {@code jitter} shifts it by a few pixels (a re-capture). */
    public static FingerImage print(long seed, int jitter) {
        int width = 300;
        int height = 360;
        Random random = new Random(seed);
        int waves = 6;
        double[] ax = new double[waves];
        double[] ay = new double[waves];
        double[] ph = new double[waves];
        double[] amp = new double[waves];
        for (int i = 0; i < waves; i++) {
            ax[i] = (random.nextDouble() - 0.5) * 0.05;
            ay[i] = (random.nextDouble() - 0.5) * 0.05;
            ph[i] = random.nextDouble() * 2 * Math.PI;
            amp[i] = 8 + random.nextDouble() * 10;
        }
        double baseAngle = random.nextDouble() * Math.PI;
        // Phase singularities: each is a ridge ending or bifurcation (a minutia) at a random place.
        int minutiae = 40;
        double[] mx = new double[minutiae];
        double[] my = new double[minutiae];
        int[] sign = new int[minutiae];
        for (int i = 0; i < minutiae; i++) {
            mx[i] = 40 + random.nextDouble() * (width - 80);
            my[i] = 40 + random.nextDouble() * (height - 80);
            sign[i] = random.nextBoolean() ? 1 : -1;
        }
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sx = x + jitter;
                double sy = y + jitter / 2.0;
                double dx = x - width / 2.0;
                double dy = y - height / 2.0;
                double inside = (dx * dx) / (130.0 * 130.0) + (dy * dy) / (165.0 * 165.0);
                int gray = 255;
                if (inside < 1) {
                    double phase = (sx * Math.cos(baseAngle) + sy * Math.sin(baseAngle)) * 2 * Math.PI / 9.0;
                    for (int i = 0; i < waves; i++) {
                        phase += amp[i] * Math.sin(ax[i] * sx + ay[i] * sy + ph[i]);
                    }
                    for (int i = 0; i < minutiae; i++) {
                        phase += sign[i] * Math.atan2(sy - my[i], sx - mx[i]);
                    }
                    gray = (int) Math.round(128 + 110 * Math.signum(Math.sin(phase)) * Math.min(1,
                            Math.abs(Math.sin(phase)) * 3));
                }
                pixels[y * width + x] = (byte) Math.max(0, Math.min(255, gray));
            }
        }
        return new FingerImage(width, height, pixels, 500);
    }

    /** Writes a grayscale PNG that states the image's resolution ({@code pHYs}). */
    public static void writePng(FingerImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ImageFileFixtures.png(image, OptionalInt.of(image.dpi())));
    }

    /** Writes both enrolment images of a voter, seeds {@code 2*seed} and {@code 2*seed+1}. */
    public static void writeEnrolment(Path prints, String voterKey, long seed) throws IOException {
        writePng(print(2 * seed, 0), prints.resolve(voterKey).resolve(FingerPosition.RIGHT_INDEX.fileName() + "_enrol.png"));
        writePng(print(2 * seed + 1, 0), prints.resolve(voterKey).resolve(FingerPosition.LEFT_INDEX.fileName() + "_enrol.png"));
    }
}
