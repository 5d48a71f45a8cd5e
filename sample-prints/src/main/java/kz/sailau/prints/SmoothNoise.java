package kz.sailau.prints;

/**
 * Smooth value noise: random values on a coarse grid, interpolated with a smoothstep, giving a field in
 * about [-1, 1] that varies over {@code cellSize} pixels. Deterministic for a given random source.
 */
final class SmoothNoise {

    private final double cellSize;
    private final int gridWidth;
    private final int gridHeight;
    private final double[] grid;

    SmoothNoise(SeededRandom random, int width, int height, double cellSize) {
        this.cellSize = cellSize;
        this.gridWidth = (int) (width / cellSize) + 3;
        this.gridHeight = (int) (height / cellSize) + 3;
        this.grid = new double[gridWidth * gridHeight];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.uniform(-1, 1);
        }
    }

    double at(double x, double y) {
        double gx = x / cellSize + 1;
        double gy = y / cellSize + 1;
        int ix = clamp((int) StrictMath.floor(gx), 0, gridWidth - 2);
        int iy = clamp((int) StrictMath.floor(gy), 0, gridHeight - 2);
        double fx = smooth(clamp01(gx - ix));
        double fy = smooth(clamp01(gy - iy));
        double a = grid[iy * gridWidth + ix];
        double b = grid[iy * gridWidth + ix + 1];
        double c = grid[(iy + 1) * gridWidth + ix];
        double d = grid[(iy + 1) * gridWidth + ix + 1];
        double top = a + (b - a) * fx;
        double bottom = c + (d - c) * fx;
        return top + (bottom - top) * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    private static int clamp(int v, int low, int high) {
        return v < low ? low : (v > high ? high : v);
    }
}
