package kz.sailau.kiosk.register;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.PriorVote;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * One voter of a register package: personal data, sex as recorded, and the enrolment impressions of its
 * fingers. {@link #toString()} reveals nothing.
 *
 * @param voter   the voter
 * @param sex     sex as recorded in the register
 * @param fingers   enrolment impressions, at most one per position and impression number
 * @param priorVote how the voter already voted before election day (early, absentee certificate), if so
 */
public record RegisterRecord(Voter voter, Sex sex, List<EnrolledFinger> fingers, Optional<PriorVote> priorVote) {

    /** A record of a voter who has not voted before election day. */
    public RegisterRecord(Voter voter, Sex sex, List<EnrolledFinger> fingers) {
        this(voter, sex, fingers, Optional.empty());
    }

    /** The same record marked with a prior vote. */
    public RegisterRecord withPriorVote(PriorVote vote) {
        return new RegisterRecord(voter, sex, fingers, Optional.of(vote));
    }

    /** @throws IllegalArgumentException when an impression of a finger occurs twice */
    public RegisterRecord {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(priorVote, "priorVote");
        fingers = List.copyOf(fingers);
        if (fingers.stream().map(f -> f.position().ordinal() * 100 + f.impression()).distinct().count()
                != fingers.size()) {
            throw new IllegalArgumentException("an impression of a finger occurs twice in one record");
        }
    }

    /** The distinct finger positions enrolled, in {@link FingerPosition} order. */
    public Set<FingerPosition> positions() {
        Set<FingerPosition> positions = EnumSet.noneOf(FingerPosition.class);
        fingers.forEach(f -> positions.add(f.position()));
        return positions;
    }

    @Override
    public String toString() {
        return "RegisterRecord[***, " + fingers.size() + " templates]";
    }
}
