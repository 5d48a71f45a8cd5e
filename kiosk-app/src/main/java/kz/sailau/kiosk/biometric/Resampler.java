package kz.sailau.kiosk.biometric;

/**
 * Changes the resolution of a gray image with a separable triangle (tent) filter whose support widens with the
 * reduction factor: bilinear interpolation when enlarging, an anti-aliasing average over the source pixels a
 * target pixel covers when reducing (569 → 500 dpi merges about 1.14 source pixels into one). Pixel centres are
 * aligned ({@code source = (target + 0.5) · scale − 0.5}); the image border is extended by its edge pixels.
 * Plain arithmetic only, so the same image gives the same pixels on every machine.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Resamples {@code image} to {@code dpi}.
     *
     * @return the image itself when it already has that resolution
     */
    static FingerImage resample(FingerImage image, int dpi) {
        if (image.dpi() == dpi) {
            return image;
        }
        double scale = (double) image.dpi() / dpi;
        int width = Math.max(16, (int) Math.round(image.width() / scale));
        int height = Math.max(16, (int) Math.round(image.height() / scale));
        byte[] source = image.pixels();
        float[] rows = new float[width * image.height()];
        Weights horizontal = Weights.of(image.width(), width, scale);
        for (int y = 0; y < image.height(); y++) {
            int row = y * image.width();
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int k = horizontal.start[x]; k < horizontal.start[x + 1]; k++) {
                    sum += horizontal.weight[k] * (source[row + horizontal.index[k]] & 0xFF);
                }
                rows[y * width + x] = (float) sum;
            }
        }
        Weights vertical = Weights.of(image.height(), height, scale);
        byte[] target = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int k = vertical.start[y]; k < vertical.start[y + 1]; k++) {
                    sum += vertical.weight[k] * rows[vertical.index[k] * width + x];
                }
                target[y * width + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(sum)));
            }
        }
        return new FingerImage(width, height, target, dpi);
    }

    /** Normalised filter taps for every target position along one axis, in compressed rows. */
    private static final class Weights {
        final int[] start;
        final int[] index;
        final double[] weight;

        private Weights(int[] start, int[] index, double[] weight) {
            this.start = start;
            this.index = index;
            this.weight = weight;
        }

        static Weights of(int sourceSize, int targetSize, double scale) {
            double radius = Math.max(1.0, scale);
            int taps = (int) Math.ceil(2 * radius) + 1;
            int[] start = new int[targetSize + 1];
            int[] index = new int[targetSize * taps];
            double[] weight = new double[targetSize * taps];
            int n = 0;
            for (int t = 0; t < targetSize; t++) {
                start[t] = n;
                double centre = (t + 0.5) * scale - 0.5;
                int first = (int) Math.floor(centre - radius) + 1;
                int last = (int) Math.ceil(centre + radius) - 1;
                double total = 0;
                int from = n;
                for (int s = first; s <= last; s++) {
                    double w = 1 - Math.abs(s - centre) / radius;
                    if (w <= 0) {
                        continue;
                    }
                    index[n] = Math.max(0, Math.min(sourceSize - 1, s));
                    weight[n] = w;
                    total += w;
                    n++;
                }
                for (int k = from; k < n; k++) {
                    weight[k] /= total;
                }
            }
            start[targetSize] = n;
            return new Weights(start, index, weight);
        }
    }
}
