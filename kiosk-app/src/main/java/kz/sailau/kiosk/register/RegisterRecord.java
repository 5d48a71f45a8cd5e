package kz.sailau.kiosk.register;

import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.model.Sex;
import kz.sailau.kiosk.model.Voter;

/**
 * One voter of a register package: personal data, sex as recorded, and the enrolled fingers.
 * {@link #toString()} reveals nothing.
 *
 * @param voter   the voter
 * @param sex     sex as recorded in the register
 * @param fingers enrolled fingers, at most one per position
 */
public record RegisterRecord(Voter voter, Sex sex, List<EnrolledFinger> fingers) {

    /** @throws IllegalArgumentException when a finger position occurs twice */
    public RegisterRecord {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(sex, "sex");
        fingers = List.copyOf(fingers);
        if (fingers.stream().map(EnrolledFinger::position).distinct().count() != fingers.size()) {
            throw new IllegalArgumentException("a finger position occurs twice in one record");
        }
    }

    @Override
    public String toString() {
        return "RegisterRecord[***, " + fingers.size() + " fingers]";
    }
}
