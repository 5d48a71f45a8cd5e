package kz.sailau.kiosk.checkin;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Voter;

/**
 * A register entry with its enrolled fingers, as the check-in engine needs it. Personal and biometric
 * data: {@link #toString()} reveals nothing.
 *
 * @param voter   the register entry
 * @param fingers enrolled templates by finger, one per enrolment impression (may be empty when the voter has no
 *                usable print)
 * @param priorVote how the voter already voted before election day (early, absentee certificate), if so
 */
public record RegisteredVoter(Voter voter, Map<FingerPosition, List<FingerTemplate>> fingers,
                              Optional<PriorVote> priorVote) {

    /** A voter who has not voted before election day. */
    public RegisteredVoter(Voter voter, Map<FingerPosition, List<FingerTemplate>> fingers) {
        this(voter, fingers, Optional.empty());
    }

    /** Copies the finger map. */
    public RegisteredVoter {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(fingers, "fingers");
        Objects.requireNonNull(priorVote, "priorVote");
        Map<FingerPosition, List<FingerTemplate>> copy = new EnumMap<>(FingerPosition.class);
        fingers.forEach((position, templates) -> {
            if (!templates.isEmpty()) {
                copy.put(position, List.copyOf(templates));
            }
        });
        fingers = Collections.unmodifiableMap(copy);
    }

    /** The enrolled templates of all fingers in a stable order (finger, then impression). */
    public List<FingerTemplate> templates() {
        return fingers.values().stream().flatMap(List::stream).toList();
    }

    /** The number of enrolled templates: the comparisons one capture costs (decision 0040). */
    public int templateCount() {
        return fingers.values().stream().mapToInt(List::size).sum();
    }

    /** The fingers with at least one template. */
    public Set<FingerPosition> enrolledFingers() {
        return fingers.keySet();
    }

    @Override
    public String toString() {
        return "RegisteredVoter[***, " + fingers.size() + " fingers]";
    }
}
