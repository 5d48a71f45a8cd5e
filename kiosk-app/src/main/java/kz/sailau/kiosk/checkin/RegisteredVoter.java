package kz.sailau.kiosk.checkin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Voter;

/**
 * A register entry with its enrolled fingers, as the check-in engine needs it. Personal and biometric
 * data: {@link #toString()} reveals nothing.
 *
 * @param voter   the register entry
 * @param fingers enrolled templates by finger (may be empty when the voter has no usable print)
 */
public record RegisteredVoter(Voter voter, Map<FingerPosition, FingerTemplate> fingers) {

    /** Copies the finger map. */
    public RegisteredVoter {
        Objects.requireNonNull(voter, "voter");
        fingers = Map.copyOf(Objects.requireNonNull(fingers, "fingers"));
    }

    /** The enrolled templates in a stable order. */
    public List<FingerTemplate> templates() {
        return fingers.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    @Override
    public String toString() {
        return "RegisteredVoter[***, " + fingers.size() + " fingers]";
    }
}
