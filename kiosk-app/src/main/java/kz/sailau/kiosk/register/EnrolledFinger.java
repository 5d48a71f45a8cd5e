package kz.sailau.kiosk.register;

import java.util.Objects;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * One enrolment impression of one finger of a register record: its template, and the SHA-256 of the enrolment
 * image it was extracted from, so that when the extractor changes the authority can re-extract from the same
 * images and prove it used the same ones. A finger has 1 to {@link #MAX_IMPRESSIONS} impressions. Biometric data:
 * {@link #toString()} reveals only the position and impression number.
 *
 * @param position    which finger
 * @param impression  which enrolment impression of that finger, 1 to {@link #MAX_IMPRESSIONS}
 * @param template    the template (carries the extractor version)
 * @param imageSha256 hex SHA-256 of the enrolment image file, or empty when unknown
 */
public record EnrolledFinger(FingerPosition position, int impression, FingerTemplate template, String imageSha256) {

    /** The most enrolment impressions of one finger a register carries. */
    public static final int MAX_IMPRESSIONS = 4;

    /** @throws IllegalArgumentException on an impression number outside 1..{@link #MAX_IMPRESSIONS} */
    public EnrolledFinger {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(imageSha256, "imageSha256");
        if (impression < 1 || impression > MAX_IMPRESSIONS) {
            throw new IllegalArgumentException("impression must be 1.." + MAX_IMPRESSIONS + ", got " + impression);
        }
    }

    /** The name of this impression in reports and in the store: {@code right_index}, {@code right_index#2}. */
    public String key() {
        return key(position, impression);
    }

    /** The name of an impression: the finger's file name, and {@code #k} from the second impression on. */
    public static String key(FingerPosition position, int impression) {
        return impression == 1 ? position.fileName() : position.fileName() + "#" + impression;
    }

    /** The first (or only) impression of a finger. */
    public EnrolledFinger(FingerPosition position, FingerTemplate template, String imageSha256) {
        this(position, 1, template, imageSha256);
    }

    @Override
    public String toString() {
        return "EnrolledFinger[" + position + " #" + impression + "]";
    }
}
