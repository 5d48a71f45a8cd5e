package kz.sailau.kiosk.model;

import java.util.List;

/**
 * Which finger an enrolled template or a live capture belongs to: the ten finger positions of ISO/IEC 19794-2
 * (table "finger position codes", 1 right thumb … 10 left little finger), in that order.
 */
public enum FingerPosition {
    /** Right thumb, ISO/IEC 19794-2 position 1. */
    RIGHT_THUMB(1, "right_thumb"),
    /** Right index finger, ISO/IEC 19794-2 position 2. */
    RIGHT_INDEX(2, "right_index"),
    /** Right middle finger, ISO/IEC 19794-2 position 3. */
    RIGHT_MIDDLE(3, "right_middle"),
    /** Right ring finger, ISO/IEC 19794-2 position 4. */
    RIGHT_RING(4, "right_ring"),
    /** Right little finger, ISO/IEC 19794-2 position 5. */
    RIGHT_LITTLE(5, "right_little"),
    /** Left thumb, ISO/IEC 19794-2 position 6. */
    LEFT_THUMB(6, "left_thumb"),
    /** Left index finger, ISO/IEC 19794-2 position 7. */
    LEFT_INDEX(7, "left_index"),
    /** Left middle finger, ISO/IEC 19794-2 position 8. */
    LEFT_MIDDLE(8, "left_middle"),
    /** Left ring finger, ISO/IEC 19794-2 position 9. */
    LEFT_RING(9, "left_ring"),
    /** Left little finger, ISO/IEC 19794-2 position 10. */
    LEFT_LITTLE(10, "left_little");

    /** The fingers every register record enrols: both index fingers (docs/register.md). */
    public static final List<FingerPosition> INDEX_FINGERS = List.of(RIGHT_INDEX, LEFT_INDEX);

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

    /** The name used in file names of the prints, e.g. {@code right_index}. */
    public String fileName() {
        return fileName;
    }

    /** Whether this is a finger of the right hand. */
    public boolean rightHand() {
        return isoCode <= 5;
    }

    /** The same finger of the other hand. */
    public FingerPosition otherHand() {
        return values()[(ordinal() + 5) % 10];
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
