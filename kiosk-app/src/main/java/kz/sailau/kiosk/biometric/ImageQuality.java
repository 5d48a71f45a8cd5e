package kz.sailau.kiosk.biometric;

/**
 * The verdict on a live image before matching, with the hint the voter sees before the next try.
 */
public enum ImageQuality {
    /** Good enough to match. */
    GOOD("finger.quality.good"),
    /** Nothing on the glass. */
    NO_FINGER("finger.quality.noFinger"),
    /** Too little of the finger touches the glass: press flat, centre the finger. */
    SMALL_CONTACT("finger.quality.smallContact"),
    /** Ridges too faint (dry finger) or smeared (wet finger). */
    LOW_CONTRAST("finger.quality.lowContrast");

    private final String messageKey;

    ImageQuality(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Resource-bundle key of the hint shown to the voter. */
    public String messageKey() {
        return messageKey;
    }
}
