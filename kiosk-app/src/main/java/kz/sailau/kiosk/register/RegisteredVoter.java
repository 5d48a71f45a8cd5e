package kz.sailau.kiosk.register;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * A voter as held by the kiosk store: its internal row id (stable across register versions for the same
 * IIN, never shown), personal data, and enrolled templates. {@link #toString()} reveals only the row id.
 *
 * @param rowId     internal id of the voter row
 * @param voter     personal data
 * @param sex       sex as recorded
 * @param templates enrolled templates by finger, one per enrolment impression in impression order
 * @param priorVote how the voter already voted before election day, if so
 */
public record RegisteredVoter(long rowId, Voter voter, Sex sex, Map<FingerPosition, List<FingerTemplate>> templates,
                              Optional<PriorVote> priorVote) {

    /** A voter who has not voted before election day. */
    public RegisteredVoter(long rowId, Voter voter, Sex sex, Map<FingerPosition, List<FingerTemplate>> templates) {
        this(rowId, voter, sex, templates, Optional.empty());
    }

    /** @throws NullPointerException on a null field */
    public RegisteredVoter {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(priorVote, "priorVote");
        Map<FingerPosition, List<FingerTemplate>> copy = new EnumMap<>(FingerPosition.class);
        templates.forEach((position, list) -> copy.put(position, List.copyOf(list)));
        templates = Collections.unmodifiableMap(copy);
    }

    /** The number of enrolled templates over all fingers. */
    public int templateCount() {
        return templates.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "RegisteredVoter[row " + rowId + ", " + templates.size() + " fingers, " + templateCount()
                + " templates]";
    }
}
