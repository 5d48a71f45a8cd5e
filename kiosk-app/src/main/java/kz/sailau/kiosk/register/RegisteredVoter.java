package kz.sailau.kiosk.register;

import java.util.Map;
import java.util.Objects;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * A voter as held by the kiosk store: its internal row id (stable across register versions for the same
 * IIN, never shown), personal data, and enrolled templates. {@link #toString()} reveals only the row id.
 *
 * @param rowId     internal id of the voter row
 * @param voter     personal data
 * @param sex       sex as recorded
 * @param templates enrolled templates by finger
 */
public record RegisteredVoter(long rowId, Voter voter, Sex sex, Map<FingerPosition, FingerTemplate> templates) {

    /** @throws NullPointerException on a null field */
    public RegisteredVoter {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(sex, "sex");
        templates = Map.copyOf(templates);
    }

    @Override
    public String toString() {
        return "RegisteredVoter[row " + rowId + ", " + templates.size() + " fingers]";
    }
}
