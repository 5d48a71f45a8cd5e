package kz.sailau.kiosk.checkin;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * Which finger the kiosk asks for on each capture (guided captures, issue 16). The voter's enrolled fingers are put
 * in the order of {@link #PREFERENCE} and asked for in turn: the first capture asks for the first of them, and after
 * every capture that fails, whether it was a miss or a poor image, the next capture asks for the next one, so that a
 * voter with one poor finger gets to offer another well before the clerk is called. With the usual two index
 * fingers and three captures that is right, left, right. Without a claimed voter (card-less identification) the
 * order runs over both index fingers.
 *
 * <p>The finger asked for only guides the voter: every capture is still compared with all of the voter's enrolled
 * templates, so a voter who offers another enrolled finger is not refused for it, and the verify threshold counts
 * all of them (decision 0040). A pure function of the enrolled fingers and the capture number, so the check-in
 * engine, the screens and the accuracy command ask for the same finger on the same try.
 */
public final class CapturePolicy {

    /**
     * The order fingers are asked for: index, middle and thumb fingers first, right before left on each; the ring
     * and little fingers last (smallest prints, least practised placement).
     */
    public static final List<FingerPosition> PREFERENCE = List.of(FingerPosition.RIGHT_INDEX,
            FingerPosition.LEFT_INDEX, FingerPosition.RIGHT_MIDDLE, FingerPosition.LEFT_MIDDLE,
            FingerPosition.RIGHT_THUMB, FingerPosition.LEFT_THUMB, FingerPosition.RIGHT_RING, FingerPosition.LEFT_RING,
            FingerPosition.RIGHT_LITTLE, FingerPosition.LEFT_LITTLE);

    private CapturePolicy() {
    }

    /**
     * The finger to ask for.
     *
     * @param enrolled the claimed voter's enrolled fingers; empty for card-less identification
     * @param capture  how many captures were already taken for this voter (0 for the first)
     * @return the finger
     * @throws IllegalArgumentException on a negative capture number
     */
    public static FingerPosition fingerFor(Set<FingerPosition> enrolled, int capture) {
        Objects.requireNonNull(enrolled, "enrolled");
        if (capture < 0) {
            throw new IllegalArgumentException("capture number must not be negative");
        }
        List<FingerPosition> order = order(enrolled);
        return order.get(capture % order.size());
    }

    /** The enrolled fingers in the order they are asked for (both index fingers when none are enrolled). */
    public static List<FingerPosition> order(Set<FingerPosition> enrolled) {
        Objects.requireNonNull(enrolled, "enrolled");
        List<FingerPosition> order = PREFERENCE.stream().filter(enrolled::contains).toList();
        return order.isEmpty() ? FingerPosition.INDEX_FINGERS : order;
    }
}
