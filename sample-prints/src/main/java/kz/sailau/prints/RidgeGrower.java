package kz.sailau.prints;

/**
 * Grows a ridge pattern the way SFinGe does (Cappelli, Maio and Maltoni, "Synthetic fingerprint-image
 * generation", ICPR 2000): starting from sparse random seeds, each iteration filters the image with a Gabor
 * filter tuned to the local ridge orientation and period and clips the result to [-1, 1]. Ridges spread from
 * the seeds along the orientation field; where two fronts meet out of phase, an ending or a bifurcation
 * appears, so minutiae arise naturally instead of being drawn.
 *
 * <p>Speed: most iterations run at half resolution with a 7 × 7 filter (where ridge fronts travel twice as
 * fast per pass), then the pattern is upsampled and sharpened by a few full-resolution passes with a 9 × 9
 * filter. Filters come from banks quantised in {@value #ORIENTATIONS} orientations and 15 periods; a pixel's
 * filter is looked up once. Every pixel of an iteration reads only the previous iteration, and pixels outside
 * the finger are skipped.
 */
final class RidgeGrower {

    static final int ORIENTATIONS = 36;
    static final int PERIODS = 15;
    /** Gain before clipping: above one pushes the pattern towards black and white. */
    static final float GAIN = 3.0f;
    /** Amplitude of the noise floor under the seeds. */
    static final double NOISE_FLOOR = 1e-4;

    /** Half resolution: periods 3.0 .. 6.5 px in steps of 0.25, radius 3, envelope 1.8 px along and 1.3 px across. */
    static final Bank COARSE = new Bank(3.0, 0.25, 3, 1.8, 1.3);
    /** Full resolution: periods 6.0 .. 13.0 px in steps of 0.5, radius 4, envelope 3.4 px along and 2.6 px across. */
    static final Bank FINE = new Bank(6.0, 0.5, 4, 3.4, 2.6);

    private RidgeGrower() {
    }

    /**
     * Sparse random seeds of ±1 at the given density (seeds per pixel), over a faint noise floor from which
     * ridges also grow, late, where no seed's front arrives.
     */
    static float[] seeds(int width, int height, SeededRandom random, double density) {
        float[] state = new float[width * height];
        for (int i = 0; i < state.length; i++) {
            state[i] = (float) random.uniform(-NOISE_FLOOR, NOISE_FLOOR);
        }
        int count = (int) (width * height * density);
        for (int s = 0; s < count; s++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            state[y * width + x] = random.chance(0.5) ? 1f : -1f;
        }
        return state;
    }

    /** Bilinear upsampling by two. */
    static float[] upsample(float[] half, int halfWidth, int halfHeight, int width, int height) {
        float[] full = new float[width * height];
        for (int y = 0; y < height; y++) {
            double hy = y / 2.0;
            int iy = Math.min((int) hy, halfHeight - 2);
            float fy = (float) (hy - iy);
            for (int x = 0; x < width; x++) {
                double hx = x / 2.0;
                int ix = Math.min((int) hx, halfWidth - 2);
                float fx = (float) (hx - ix);
                int i = iy * halfWidth + ix;
                float top = half[i] + (half[i + 1] - half[i]) * fx;
                float bottom = half[i + halfWidth] + (half[i + halfWidth + 1] - half[i + halfWidth]) * fx;
                full[y * width + x] = top + (bottom - top) * fy;
            }
        }
        return full;
    }

    /**
     * Filters {@code initial} {@code iterations} times.
     *
     * @param orientation ridge orientation per pixel, radians in [0, π)
     * @param period ridge period per pixel, pixels (of this resolution)
     * @param active pixels to compute; the others stay zero
     * @return the ridge map in [-1, 1]: positive is ridge
     */
    static float[] grow(int width, int height, double[] orientation, double[] period, boolean[] active,
                        Bank bank, float[] initial, int iterations) {
        int radius = bank.radius;
        int size = 2 * radius + 1;
        int padded = width + 2 * radius;
        int paddedHeight = height + 2 * radius;
        float[] current = new float[padded * paddedHeight];
        float[] next = new float[padded * paddedHeight];
        for (int y = 0; y < height; y++) {
            System.arraycopy(initial, y * width, current, (y + radius) * padded + radius, width);
        }
        int[] filterIndex = new int[width * height];
        for (int i = 0; i < width * height; i++) {
            int o = (int) StrictMath.round(orientation[i] / StrictMath.PI * ORIENTATIONS) % ORIENTATIONS;
            int p = (int) StrictMath.round((period[i] - bank.minPeriod) / bank.step);
            p = p < 0 ? 0 : (p >= PERIODS ? PERIODS - 1 : p);
            filterIndex[i] = o * PERIODS + p;
        }
        int[] offsets = new int[size * size];
        for (int ky = 0; ky < size; ky++) {
            for (int kx = 0; kx < size; kx++) {
                offsets[ky * size + kx] = (ky - radius) * padded + (kx - radius);
            }
        }
        for (int it = 0; it < iterations; it++) {
            for (int y = 0; y < height; y++) {
                int row = (y + radius) * padded + radius;
                for (int x = 0; x < width; x++) {
                    int pixel = y * width + x;
                    if (!active[pixel]) {
                        continue;
                    }
                    float[] kernel = bank.kernels[filterIndex[pixel]];
                    int centre = row + x;
                    float sum = 0;
                    for (int k = 0; k < kernel.length; k++) {
                        sum += kernel[k] * current[centre + offsets[k]];
                    }
                    float v = sum * GAIN;
                    next[centre] = v > 1f ? 1f : (v < -1f ? -1f : v);
                }
            }
            float[] swap = current;
            current = next;
            next = swap;
        }
        float[] result = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(current, (y + radius) * padded + radius, result, y * width, width);
        }
        return result;
    }

    /** A bank of zero-mean Gabor filters, one per quantised orientation and period. */
    static final class Bank {
        final double minPeriod;
        final double step;
        final int radius;
        final float[][] kernels;

        Bank(double minPeriod, double step, int radius, double sigmaAlong, double sigmaAcross) {
            this.minPeriod = minPeriod;
            this.step = step;
            this.radius = radius;
            int size = 2 * radius + 1;
            this.kernels = new float[ORIENTATIONS * PERIODS][];
            for (int o = 0; o < ORIENTATIONS; o++) {
                double theta = o * StrictMath.PI / ORIENTATIONS;
                double cos = StrictMath.cos(theta);
                double sin = StrictMath.sin(theta);
                for (int p = 0; p < PERIODS; p++) {
                    double period = minPeriod + p * step;
                    double[] k = new double[size * size];
                    double mean = 0;
                    for (int ky = -radius; ky <= radius; ky++) {
                        for (int kx = -radius; kx <= radius; kx++) {
                            double along = kx * cos + ky * sin;
                            double across = -kx * sin + ky * cos;
                            double envelope = StrictMath.exp(-along * along / (2 * sigmaAlong * sigmaAlong)
                                    - across * across / (2 * sigmaAcross * sigmaAcross));
                            double v = envelope * StrictMath.cos(2 * StrictMath.PI * across / period);
                            k[(ky + radius) * size + kx + radius] = v;
                            mean += v;
                        }
                    }
                    mean /= k.length;
                    double response = 0;
                    for (int ky = -radius; ky <= radius; ky++) {
                        for (int kx = -radius; kx <= radius; kx++) {
                            int i = (ky + radius) * size + kx + radius;
                            k[i] -= mean;
                            double across = -kx * sin + ky * cos;
                            response += k[i] * StrictMath.cos(2 * StrictMath.PI * across / period);
                        }
                    }
                    float[] kernel = new float[k.length];
                    for (int i = 0; i < k.length; i++) {
                        // Normalised so that a unit sinusoid of the tuned period and orientation keeps unit amplitude.
                        kernel[i] = (float) (k[i] / response);
                    }
                    kernels[o * PERIODS + p] = kernel;
                }
            }
        }
    }
}
