package kz.sailau.kiosk.checkin;

/** The fixed list of reasons a clerk may give for authorising a check-in without a fingerprint match. */
public enum OverrideReason {
    /** Ridges worn (age, manual work): the sensor cannot read them. */
    WORN_FINGERPRINTS("checkin.override.wornFingerprints"),
    /** The enrolled fingers are injured, bandaged or missing. */
    INJURED_OR_MISSING_FINGER("checkin.override.injuredFinger"),
    /** The voter cannot place a finger unaided (disability). */
    DISABILITY("checkin.override.disability"),
    /** A close relative or twin matched better; the clerk checked the document and the photo. */
    RELATIVE_CONFUSION("checkin.override.relativeConfusion");

    private final String messageKey;

    OverrideReason(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Resource-bundle key of the reason's label. */
    public String messageKey() {
        return messageKey;
    }
}
