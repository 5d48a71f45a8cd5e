package kz.sailau.kiosk.checkin;

import java.util.Objects;
import kz.sailau.kiosk.model.Iin;

/**
 * A mark made on the printed voter list during an outage, as the clerk enters it at a paused kiosk: being checked and
 * recorded, recorded with its paper form reference, or not recorded and why. Shown on the clerk's console with the
 * paused state ({@link CheckInState.Paused#paperMark()}); no {@code toString} reveals the voter.
 */
public sealed interface PaperMarkEntry {

    /**
     * The mark is being checked against the register and recorded.
     *
     * @param iin   the voter's IIN as the clerk typed it
     * @param clerk the clerk entering it
     */
    record Pending(Iin iin, ClerkId clerk) implements PaperMarkEntry {
        /** @throws NullPointerException on null */
        public Pending {
            Objects.requireNonNull(iin, "iin");
            Objects.requireNonNull(clerk, "clerk");
        }

        @Override
        public String toString() {
            return "Pending[***, " + clerk + "]";
        }
    }

    /**
     * The mark is recorded: the voter counts as having voted at every kiosk this ledger reaches.
     *
     * @param reference the reference the clerk writes beside the mark on the paper list ({@code P-nnnn})
     */
    record Entered(PaperFormReference reference) implements PaperMarkEntry {
        /** @throws NullPointerException on null */
        public Entered {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * Nothing was recorded.
     *
     * @param messageKey  what happened, for the clerk
     * @param nextStepKey what the clerk does next
     */
    record NotEntered(String messageKey, String nextStepKey) implements PaperMarkEntry {
        /** The message keys of the kiosk cut off from the majority of its precinct network. */
        public static final NotEntered CUT_OFF = new NotEntered("screen.cutOff", "clerk.next.cutOff");

        /** @throws NullPointerException on null */
        public NotEntered {
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(nextStepKey, "nextStepKey");
        }

        /** Refused for the voter's own reason (not in the register, already checked in ...). */
        public static NotEntered refused(Refusal refusal) {
            return new NotEntered(refusal.messageKey(), refusal.nextStepKey());
        }
    }
}
