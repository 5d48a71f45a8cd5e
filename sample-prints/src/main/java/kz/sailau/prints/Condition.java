package kz.sailau.prints;

/**
 * What can go wrong with one live touch beyond the {@link Difficulty} of the whole set: the harder cases that
 * make voters fail at a real kiosk (issue 16). A condition replaces one parameter of the impression with a value
 * outside the difficulty's range; {@link #NONE} renders exactly what the difficulty alone renders.
 */
public enum Condition {
    /** The difficulty alone. */
    NONE,
    /** Only a small part of the finger touches: contact area shrunk by 45-60 % and shifted. */
    PARTIAL,
    /** The finger is turned 25-40 degrees. */
    ROTATED,
    /** Dry skin: ridges broken up (dryness 0.42-0.52, beyond the hard difficulty) and faint (contrast × 0.7). */
    DRY,
    /** Wet skin or hard pressure: ridges so thick that valleys close up. */
    WET,
    /** The finger is placed 70-110 pixels (3.5-5.5 mm) off the sensor's centre, partly off the window. */
    DISPLACED;

    /** The conditions other than {@link #NONE}, in order. */
    public static final java.util.List<Condition> HARD_CASES = java.util.List.of(PARTIAL, ROTATED, DRY, WET, DISPLACED);
}
