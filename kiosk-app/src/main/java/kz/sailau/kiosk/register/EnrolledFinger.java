package kz.sailau.kiosk.register;

import java.util.Objects;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * One enrolled finger of a register record: its template, and the SHA-256 of the enrolment image it was
 * extracted from, so that when the extractor changes the authority can re-extract from the same images
 * and prove it used the same ones. Biometric data: {@link #toString()} reveals only the position.
 *
 * @param position    which finger
 * @param template    the template (carries the extractor version)
 * @param imageSha256 hex SHA-256 of the enrolment PNG file, or empty when unknown
 */
public record EnrolledFinger(FingerPosition position, FingerTemplate template, String imageSha256) {

    /** @throws NullPointerException on a null field */
    public EnrolledFinger {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(imageSha256, "imageSha256");
    }

    @Override
    public String toString() {
        return "EnrolledFinger[" + position + "]";
    }
}
