package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.model.Iin;

/**
 * Work the state machine asks the outside world to do; {@link CheckInEngine} runs each effect through a
 * port and feeds its result back as an event.
 */
public sealed interface Effect {

    /** Find the register entry and ask the ledger whether it is already checked in → {@link CheckInEvent.VoterLookedUp}. @param iin the IIN */
    record LookUpVoter(Iin iin) implements Effect {
    }

    /**
     * Judge the capture, then match it 1:1 against the claimed voter and 1:N against the register →
     * {@link CheckInEvent.CaptureRejected} or {@link CheckInEvent.CaptureScored}.
     *
     * @param image   the live image
     * @param claimed the claimed voter
     */
    record ScoreCapture(FingerImage image, RegisteredVoter claimed) implements Effect {
    }

    /** Judge the capture and search the register 1:N → {@link CheckInEvent.CaptureRejected} or {@link CheckInEvent.Identified}. @param image the live image */
    record IdentifyCapture(FingerImage image) implements Effect {
    }

    /**
     * Record the check-in atomically, then issue a token → {@link CheckInEvent.CheckInRecorded},
     * {@link CheckInEvent.RecordRefusedAlreadyCheckedIn} or {@link CheckInEvent.TokenIssueFailed}.
     *
     * @param record the check-in
     */
    record RecordCheckIn(CheckInRecord record) implements Effect {
    }

    /**
     * Void the last token, count it, and issue a replacement → {@link CheckInEvent.TokenReplaced} or
     * {@link CheckInEvent.TokenIssueFailed}.
     *
     * @param token the token to void
     * @param clerk the clerk voiding it
     */
    record ReplaceToken(IssuedBallotToken token, ClerkId clerk) implements Effect {
    }

    /**
     * Append an audit event (no result event).
     *
     * @param event  the kind
     * @param detail a fixed code (an enum constant name), never personal data
     * @param clerk  the acting clerk, if any
     */
    record Audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) implements Effect {
        /** @throws NullPointerException on null */
        public Audit {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(clerk, "clerk");
        }
    }
}
