package kz.sailau.prints;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Renders one impression of a master finger as a sensor would see it (after SFinGe, Cappelli, Maio and
 * Maltoni, 2002): the finger is placed with a random offset and rotation, the skin is distorted elastically
 * (little in the middle of the contact area, more towards its edge, after Cappelli, Maio and Maltoni, "Modelling
 * plastic distortion in fingerprint images", ICAPR 2001), only part of it touches, pressure changes the ridge
 * thickness, dryness breaks ridges, and the sensor adds blur and noise.
 */
final class ImpressionRenderer {

    /** Step of the coarse geometry grid, pixels. */
    private static final int GRID = 8;
    private static final double EDGE = 0.25;

    private ImpressionRenderer() {
    }

    static BufferedImage render(MasterFinger master, ImpressionSize size, Difficulty difficulty, SeededRandom random,
                                boolean sensorNoise) {
        return render(master, size, difficulty, random, sensorNoise, Condition.NONE, null, FingerprintGenerator.DPI);
    }

    /**
     * Renders an impression under a condition, as a sensor of the given resolution sees it.
     *
     * @param condition       what goes wrong with this touch; {@link Condition#NONE} draws nothing extra
     * @param conditionRandom the condition's own random numbers (so that the difficulty's draws stay the same)
     * @param dpi             the sensor's resolution: the image has {@code size × dpi / 500} pixels and the finger is
     *                        sampled as finely; 500 gives exactly the images of earlier versions
     */
    static BufferedImage render(MasterFinger master, ImpressionSize size, Difficulty difficulty, SeededRandom random,
                                boolean sensorNoise, Condition condition, SeededRandom conditionRandom, int dpi) {
        double scale = dpi / (double) FingerprintGenerator.DPI;
        int width = dpi == FingerprintGenerator.DPI ? size.width() : (int) StrictMath.round(size.width() * scale);
        int height = dpi == FingerprintGenerator.DPI ? size.height() : (int) StrictMath.round(size.height() * scale);
        int mw = master.width();
        int mh = master.height();
        double maxRotation = StrictMath.toRadians(difficulty.maxRotationDegrees);
        double rotation = random.uniform(-maxRotation, maxRotation);
        double cos = StrictMath.cos(rotation);
        double sin = StrictMath.sin(rotation);
        double anchorX;
        double anchorY;
        if (size == ImpressionSize.SENSOR) {
            anchorX = master.referenceX();
            anchorY = master.referenceY();
        } else {
            anchorX = mw / 2.0;
            anchorY = mh / 2.0 + 10;
        }
        double placeX = anchorX + clamp(random.nextGaussian(), -2.2, 2.2) * difficulty.placementSigma;
        double placeY = anchorY + clamp(random.nextGaussian(), -2.2, 2.2) * difficulty.placementSigma;
        if (condition == Condition.ROTATED) {
            double turn = StrictMath.toRadians(conditionRandom.uniform(25, 40));
            rotation = conditionRandom.chance(0.5) ? turn : -turn;
            cos = StrictMath.cos(rotation);
            sin = StrictMath.sin(rotation);
        } else if (condition == Condition.DISPLACED) {
            double direction = conditionRandom.uniform(0, 2 * StrictMath.PI);
            double distance = conditionRandom.uniform(70, 110);
            placeX += StrictMath.cos(direction) * distance;
            placeY += StrictMath.sin(direction) * distance;
        }

        // Elastic distortion: a smooth random displacement that grows away from the contact centre.
        SmoothNoise distortX = new SmoothNoise(random, mw, mh, 90);
        SmoothNoise distortY = new SmoothNoise(random, mw, mh, 90);
        double distortion = difficulty.distortionPixels * random.uniform(0.5, 1.0);
        double shear = random.uniform(-1, 1) * difficulty.distortionPixels * 0.5;
        double stretch = random.uniform(-1, 1) * difficulty.distortionPixels * 0.5;

        // Partial contact: an ellipse around the contact centre, shrunk and shifted, with a ragged edge.
        double contactLoss = random.uniform(difficulty.minContactLoss, difficulty.maxContactLoss);
        if (condition == Condition.PARTIAL) {
            contactLoss = conditionRandom.uniform(0.45, 0.60);
        }
        double contactRadiusX = 150 * (1 - contactLoss);
        double contactRadiusY = 200 * (1 - contactLoss);
        double shiftAngle = random.uniform(0, 2 * StrictMath.PI);
        double contactX = placeX + StrictMath.cos(shiftAngle) * 160 * contactLoss;
        double contactY = placeY + StrictMath.sin(shiftAngle) * 200 * contactLoss;
        SmoothNoise edge = new SmoothNoise(random, mw, mh, 25);

        // Pressure moves the ink threshold (thicker or thinner ridges); dryness punches holes in ridges.
        double threshold = random.uniform(-0.25, 0.3);
        double dryness = random.uniform(difficulty.minDryness, difficulty.maxDryness);
        if (condition == Condition.DRY) {
            dryness = conditionRandom.uniform(0.42, 0.52);
        } else if (condition == Condition.WET) {
            threshold = conditionRandom.uniform(-0.75, -0.6);
        }
        SmoothNoise dryBlobs = new SmoothNoise(random, mw, mh, 60);
        SmoothNoise drySpeckle = new SmoothNoise(random, mw, mh, 4);
        double background = random.uniform(228, 248);
        double contrast = random.uniform(150, 195);
        if (condition == Condition.DRY) {
            contrast *= 0.7;
        }
        double noise = difficulty.noiseSigma;

        float[] ridges = master.ridges();
        float[] mask = master.mask();
        // The geometry is smooth, so it is computed on a coarse grid and interpolated per pixel.
        int gw = width / GRID + 2;
        int gh = height / GRID + 2;
        double[] gridX = new double[gw * gh];
        double[] gridY = new double[gw * gh];
        double[] gridContact = new double[gw * gh];
        double[] gridDry = new double[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                double qx = (gx * GRID - width / 2.0) / scale;
                double qy = (gy * GRID - height / 2.0) / scale;
                double px = placeX + cos * qx - sin * qy;
                double py = placeY + sin * qx + cos * qy;
                double dx = (px - contactX) / 150.0;
                double dy = (py - contactY) / 200.0;
                double reach = dx * dx + dy * dy;
                double grow = reach > 1.5 ? 1.5 : reach;
                double sx = px + grow * (distortion * distortX.at(px, py) + shear * dy + stretch * dx);
                double sy = py + grow * (distortion * distortY.at(px, py) + shear * dx - stretch * dy);
                double ex = (sx - contactX) / contactRadiusX;
                double ey = (sy - contactY) / contactRadiusY;
                int g = gy * gw + gx;
                gridX[g] = sx;
                gridY[g] = sy;
                gridContact[g] = (1 - (ex * ex + ey * ey) + EDGE * edge.at(sx, sy)) / 0.12;
                gridDry[g] = dryBlobs.at(sx, sy) * 0.6;
            }
        }
        double dryLimit = 1 - 2.2 * dryness;
        double[] ink = new double[width * height];
        for (int v = 0; v < height; v++) {
            int gy = v / GRID;
            double fy = (v - gy * GRID) / (double) GRID;
            for (int u = 0; u < width; u++) {
                int gx = u / GRID;
                double fx = (u - gx * GRID) / (double) GRID;
                int g = gy * gw + gx;
                double px = bilinear(gridX, g, gw, fx, fy);
                double py = bilinear(gridY, g, gw, fx, fy);
                double skin = sample(mask, mw, mh, px, py);
                if (skin <= 0) {
                    continue;
                }
                double contact = clamp(bilinear(gridContact, g, gw, fx, fy), 0, 1) * skin;
                if (contact <= 0) {
                    continue;
                }
                double r = sample(ridges, mw, mh, px, py);
                double level = clamp((r - threshold) / 0.9 + 0.5, 0, 1);
                double hole = drySpeckle.at(px, py) * 0.6 + bilinear(gridDry, g, gw, fx, fy);
                if (hole > dryLimit) {
                    level *= clamp(1 - (hole - dryLimit) * 4, 0, 1);
                }
                ink[v * width + u] = level * contact;
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                // A 3×3 binomial blur: the optics of the sensor.
                double sum = 0;
                double weight = 0;
                for (int j = -1; j <= 1; j++) {
                    int y = v + j;
                    if (y < 0 || y >= height) {
                        continue;
                    }
                    for (int i = -1; i <= 1; i++) {
                        int x = u + i;
                        if (x < 0 || x >= width) {
                            continue;
                        }
                        double w = (i == 0 ? 2 : 1) * (j == 0 ? 2 : 1);
                        sum += w * ink[y * width + x];
                        weight += w;
                    }
                }
                double grey = background - contrast * (sum / weight) + (sensorNoise ? noise * approximateGaussian(random) : 0);
                pixels[v * width + u] = (byte) (int) clamp(StrictMath.rint(grey), 0, 255);
            }
        }
        return image;
    }

    private static double bilinear(double[] grid, int index, int gridWidth, double fx, double fy) {
        double top = grid[index] + (grid[index + 1] - grid[index]) * fx;
        double bottom = grid[index + gridWidth] + (grid[index + gridWidth + 1] - grid[index + gridWidth]) * fx;
        return top + (bottom - top) * fy;
    }

    /** Sum of four uniforms, scaled to unit variance: close enough to Gaussian for sensor noise, and fast. */
    private static double approximateGaussian(SeededRandom random) {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2) * 1.7320508075688772;
    }

    /** Bilinear sample of a master-sized map; zero outside. */
    private static double sample(float[] map, int width, int height, double x, double y) {
        if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1) {
            return 0;
        }
        int ix = (int) x;
        int iy = (int) y;
        double fx = x - ix;
        double fy = y - iy;
        int i = iy * width + ix;
        double top = map[i] + (map[i + 1] - map[i]) * fx;
        double bottom = map[i + width] + (map[i + width + 1] - map[i + width]) * fx;
        return top + (bottom - top) * fy;
    }

    private static double clamp(double v, double low, double high) {
        return v < low ? low : (v > high ? high : v);
    }
}
