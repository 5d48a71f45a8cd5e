package kz.sailau.prints;

/** The size of an impression image at 500 dpi. */
public enum ImpressionSize {
    /** A full-size print for enrolment: 320 × 400 pixels (16 × 20 mm). */
    FULL(320, 400),
    /** What an R30x optical sensor delivers: 256 × 288 pixels (R30x datasheet, "image size"). */
    SENSOR(256, 288);

    private final int width;
    private final int height;

    ImpressionSize(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }
}
