package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.model.Iin;

/**
 * Work the state machine asks the outside world to do. {@link CheckInEngine} runs each effect through a port
 * ({@link #accept(Visitor)}: one method per effect, so a new effect the engine does not run does not compile)
 * and feeds its result back as an event. {@link DeviceEffect}s are started on the kiosk's devices and answer
 * later, from the device's own thread.
 */
public sealed interface Effect {

    /**
     * One method per effect.
     *
     * @param <R> the result, e.g. the event an effect's port answers with
     */
    interface Visitor<R> {
        /** @param e the effect @return the result */
        R lookUpVoter(LookUpVoter e);

        /** @param e the effect @return the result */
        R scoreCapture(ScoreCapture e);

        /** @param e the effect @return the result */
        R identifyCapture(IdentifyCapture e);

        /** @param e the effect @return the result */
        R recordCheckIn(RecordCheckIn e);

        /** @param e the effect @return the result */
        R replaceToken(ReplaceToken e);

        /** @param e the effect @return the result */
        R recordPaperMark(RecordPaperMark e);

        /** @param e the effect @return the result */
        R audit(Audit e);

        /** @param e the effect @return the result */
        R signalClerk(SignalClerk e);

        /** @param e the effect @return the result */
        R clearClerkSignal(ClearClerkSignal e);

        /** @param e the effect @return the result */
        R device(DeviceEffect e);
    }

    /** Calls the visitor's method for this effect. */
    <R> R accept(Visitor<R> visitor);

    /**
     * An effect on a device, run by the {@link DeviceEffects} port without waiting: the scanner runs exactly
     * while the machine waits for a finger, and a receipt is printed for every token shown.
     */
    sealed interface DeviceEffect extends Effect {
        @Override
        default <R> R accept(Visitor<R> visitor) {
            return visitor.device(this);
        }
    }

    /** Find the register entry and ask the ledger whether it is already checked in → {@link CheckInEvent.VoterLookedUp}. @param iin the IIN */
    record LookUpVoter(Iin iin) implements Effect {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.lookUpVoter(this);
        }
    }

    /**
     * Judge the capture, then match it 1:1 against the claimed voter and 1:N against the register →
     * {@link CheckInEvent.CaptureRejected} or {@link CheckInEvent.CaptureScored}.
     *
     * @param image   the live image
     * @param claimed the claimed voter
     */
    record ScoreCapture(FingerImage image, RegisteredVoter claimed) implements Effect {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scoreCapture(this);
        }
    }

    /** Judge the capture and search the register 1:N → {@link CheckInEvent.CaptureRejected} or {@link CheckInEvent.Identified}. @param image the live image */
    record IdentifyCapture(FingerImage image) implements Effect {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.identifyCapture(this);
        }
    }

    /**
     * Record the check-in atomically, then issue a token → {@link CheckInEvent.CheckInRecorded},
     * {@link CheckInEvent.RecordRefusedAlreadyCheckedIn} or {@link CheckInEvent.TokenIssueFailed}.
     *
     * @param record the check-in
     */
    record RecordCheckIn(CheckInRecord record) implements Effect {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recordCheckIn(this);
        }
    }

    /**
     * Record a mark made on the printed voter list (the voter counts as having voted; no token) →
     * {@link CheckInEvent.PaperMarkRecorded}, {@link CheckInEvent.RecordRefusedAlreadyCheckedIn} or
     * {@link CheckInEvent.NetworkCutOff}.
     *
     * @param iin   the voter's IIN
     * @param clerk the clerk entering the mark
     */
    record RecordPaperMark(Iin iin, ClerkId clerk) implements Effect {
        /** @throws NullPointerException on null */
        public RecordPaperMark {
            Objects.requireNonNull(iin, "iin");
            Objects.requireNonNull(clerk, "clerk");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recordPaperMark(this);
        }
    }

    /**
     * Void the last token, count it, and issue a replacement → {@link CheckInEvent.TokenReplaced} or
     * {@link CheckInEvent.TokenIssueFailed}.
     *
     * @param token the token to void
     * @param clerk the clerk voiding it
     */
    record ReplaceToken(IssuedBallotToken token, ClerkId clerk) implements Effect {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.replaceToken(this);
        }
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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.audit(this);
        }
    }

    /**
     * Raise the clerk-call signal ({@link ClerkCall}; no result event): a screen shows a banner and sounds.
     *
     * @param reason why a clerk is needed
     * @param fault  the device fault behind it, if any
     */
    record SignalClerk(ClerkReason reason, Optional<DeviceFault> fault) implements Effect {
        /** @throws NullPointerException on null */
        public SignalClerk {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(fault, "fault");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.signalClerk(this);
        }
    }

    /** Lower the clerk-call signal: a clerk acted, or the voter left (no result event). */
    record ClearClerkSignal() implements Effect {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.clearClerkSignal(this);
        }
    }

    /**
     * Start waiting for a finger on the scanner until a capture succeeds or {@link CancelCapture} →
     * {@link CheckInEvent.FingerCaptured} or {@link CheckInEvent.ScannerFailed}. Asked when the machine starts
     * waiting for a finger; while it waits, the scanner keeps polling.
     */
    record StartCapture() implements DeviceEffect {
    }

    /** Stop a running capture (the voter left, a clerk intervened); no result event. */
    record CancelCapture() implements DeviceEffect {
    }

    /**
     * Print the receipt of a token just shown → {@link CheckInEvent.ReceiptPrinted} or
     * {@link CheckInEvent.PrintFailed}.
     *
     * @param token the token to print
     */
    record PrintReceipt(IssuedBallotToken token) implements DeviceEffect {
        /** @throws NullPointerException on null */
        public PrintReceipt {
            Objects.requireNonNull(token, "token");
        }
    }
}
