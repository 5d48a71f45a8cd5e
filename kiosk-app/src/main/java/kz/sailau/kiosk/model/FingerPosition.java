package kz.sailau.kiosk.model;

/** Which finger an enrolled template or a live capture belongs to (ISO/IEC 19794-2 finger positions). */
public enum FingerPosition {
    /** Right index finger, ISO/IEC 19794-2 position 2. */
    RIGHT_INDEX(2, "right_index"),
    /** Left index finger, ISO/IEC 19794-2 position 7. */
    LEFT_INDEX(7, "left_index");

    private final int isoCode;
    private final String fileName;

    FingerPosition(int isoCode, String fileName) {
        this.isoCode = isoCode;
        this.fileName = fileName;
    }

    /** The finger position code of ISO/IEC 19794-2. */
    public int isoCode() {
        return isoCode;
    }

    /** The name used in file names of the sample prints, e.g. {@code right_index}. */
    public String fileName() {
        return fileName;
    }

    /** The position for a file-name token such as {@code left_index}. */
    public static FingerPosition fromFileName(String name) {
        for (FingerPosition p : values()) {
            if (p.fileName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown finger position: " + name);
    }
}
