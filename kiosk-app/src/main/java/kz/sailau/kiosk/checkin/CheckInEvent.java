package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.mrz.IdentityDocument;
import kz.sailau.kiosk.model.mrz.MrzField;

/**
 * What can happen to the kiosk: hardware input, voter and clerk actions, results of effects, and clock
 * ticks. Events a clerk causes implement {@link ClerkEvent}; the engine accepts those only with the clerk's
 * PIN.
 */
public sealed interface CheckInEvent {

    /** An event caused by a commission member; accepted only after their PIN is checked. */
    sealed interface ClerkEvent extends CheckInEvent {
        /** The acting clerk. */
        ClerkId clerk();
    }

    /** The MRZ reader read a card. @param document the verified document data */
    record CardRead(IdentityDocument document) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public CardRead {
            Objects.requireNonNull(document, "document");
        }
    }

    /** The MRZ reader sent a zone that cannot be read. @param field the field that failed */
    record CardUnreadable(MrzField field) implements CheckInEvent {
    }

    /** The voter pressed "I have no card": identify by fingerprint. */
    record CardlessRequested() implements CheckInEvent {
    }

    /** The scanner delivered a live image. @param image the image */
    record FingerCaptured(FingerImage image) implements CheckInEvent {
    }

    /**
     * Device outcome: the scanner failed while the kiosk waited for a finger (unplugged, stalled, line errors
     * after the driver's retries). @param fault what failed
     */
    record ScannerFailed(DeviceFault fault) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public ScannerFailed {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** Device outcome: the identity-card reader cannot be read (unplugged, cannot be opened). @param fault what failed */
    record CardReaderFailed(DeviceFault fault) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public CardReaderFailed {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** Device outcome: the identity-card reader works again after a failure. */
    record CardReaderRestored() implements CheckInEvent {
    }

    /** Device outcome: the receipt of {@code token} came out of the printer with paper to spare. @param token the token */
    record ReceiptPrinted(IssuedBallotToken token) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public ReceiptPrinted {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * Device outcome: the receipt of {@code token} was not printed (paper out, printer offline, unplugged).
     *
     * @param token the token whose receipt failed
     * @param fault what failed
     */
    record PrintFailed(IssuedBallotToken token, DeviceFault fault) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public PrintFailed {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** The voter, shown the countdown before the finger prompt gives up, asks for more time. */
    record VoterWantsMoreTime() implements CheckInEvent {
    }

    /** The voter pressed "call a commission member" (from any screen that waits for them). */
    record VoterCallsClerk() implements CheckInEvent {
    }

    /** The voter took the token or read the refusal and left. */
    record Acknowledged() implements CheckInEvent {
    }

    /** The clock advanced; states with an idle timeout may return to idle. */
    record Tick() implements CheckInEvent {
    }

    /**
     * The kiosk cannot reach the majority of its precinct network: from the engine's network port on a tick, or the
     * ledger's answer to a check-in ({@link NetworkCutOffException}; nothing was recorded).
     */
    record NetworkCutOff() implements CheckInEvent {
    }

    /** The kiosk reaches the majority of its precinct network again (the engine's network port, on a tick). */
    record NetworkRestored() implements CheckInEvent {
    }

    /**
     * Effect result: the register, the redirection table and the ledger were asked.
     *
     * @param voter            the entry, if any
     * @param alreadyCheckedIn whether recorded
     * @param elsewhere        for a voter this register does not hold, the polling station the authority's
     *                         redirection table names, if any
     */
    record VoterLookedUp(Optional<RegisteredVoter> voter, boolean alreadyCheckedIn,
                         Optional<PollingStation> elsewhere) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public VoterLookedUp {
            Objects.requireNonNull(voter, "voter");
            Objects.requireNonNull(elsewhere, "elsewhere");
        }

        /** A look-up without a redirection table. */
        public VoterLookedUp(Optional<RegisteredVoter> voter, boolean alreadyCheckedIn) {
            this(voter, alreadyCheckedIn, Optional.empty());
        }
    }

    /** Effect result: the capture is not good enough to match. @param quality the verdict */
    record CaptureRejected(ImageQuality quality) implements CheckInEvent {
    }

    /**
     * Effect result: the capture was matched.
     *
     * @param claimedScore   best score against the claimed voter's enrolled fingers
     * @param bestOtherScore best score against any other voter in the register (0 if none reached the threshold)
     */
    record CaptureScored(double claimedScore, double bestOtherScore) implements CheckInEvent {
    }

    /** Effect result of card-less identification. @param iin the best candidate, if any reached the threshold */
    record Identified(Optional<Iin> iin) implements CheckInEvent {
    }

    /** Effect result: the check-in is durable and a token issued. @param token the token */
    record CheckInRecorded(IssuedBallotToken token) implements CheckInEvent {
    }

    /** Effect result: the ledger already had this voter (a race with another kiosk or a restart). */
    record RecordRefusedAlreadyCheckedIn() implements CheckInEvent {
    }

    /** Effect result: the check-in is durable but no token could be issued. */
    record TokenIssueFailed() implements CheckInEvent {
    }

    /** Effect result: the last token was voided and replaced. @param token the new token */
    record TokenReplaced(IssuedBallotToken token) implements CheckInEvent {
    }

    /**
     * Effect result: a port failed while running an effect (nothing was recorded by it).
     *
     * @param effect the simple name of the effect that failed, for the audit log
     * @param reason why the clerk is called: {@link ClerkReason#STORE_FULL} when the ledger's storage is full, else
     *               {@link ClerkReason#SYSTEM_FAULT}
     */
    record EffectFailed(String effect, ClerkReason reason) implements CheckInEvent {

        /** A port failure of no known kind: {@link ClerkReason#SYSTEM_FAULT}. */
        public EffectFailed(String effect) {
            this(effect, ClerkReason.SYSTEM_FAULT);
        }
    }

    /** A clerk's PIN was wrong; the state stays. */
    record ClerkPinRejected() implements CheckInEvent {
    }

    /** A clerk typed an IIN from the voter's document. @param clerk the clerk @param iin the IIN */
    record ClerkEnteredIin(ClerkId clerk, Iin iin) implements ClerkEvent {
    }

    /** A clerk authorises the check-in after failed fingerprint tries. @param clerk the clerk @param reason why */
    record ClerkOverride(ClerkId clerk, OverrideReason reason) implements ClerkEvent {
    }

    /**
     * A clerk adds a voter who is not in this precinct's register to the special list, with the legal document
     * (absentee certificate, court decision) typed from the paper. {@link #toString()} reveals the reason only.
     *
     * @param clerk    the clerk
     * @param iin      the IIN from the voter's identity document
     * @param document the legal reason and the document's number
     */
    record ClerkAddsToSpecialList(ClerkId clerk, Iin iin, LegalDocument document) implements ClerkEvent {
        /** @throws NullPointerException on null */
        public ClerkAddsToSpecialList {
            Objects.requireNonNull(clerk, "clerk");
            Objects.requireNonNull(iin, "iin");
            Objects.requireNonNull(document, "document");
        }

        @Override
        public String toString() {
            return "ClerkAddsToSpecialList[" + clerk + ", ***, " + document + "]";
        }
    }

    /**
     * A clerk enters a mark made on the printed voter list while the kiosk could not check voters in (an outage):
     * the voter of {@code iin} counts as having voted, with no ballot token. Accepted while the kiosk is paused.
     * {@link #toString()} reveals the clerk only.
     *
     * @param clerk the clerk
     * @param iin   the IIN of the voter marked on the paper list
     */
    record ClerkEntersPaperMark(ClerkId clerk, Iin iin) implements ClerkEvent {
        /** @throws NullPointerException on null */
        public ClerkEntersPaperMark {
            Objects.requireNonNull(clerk, "clerk");
            Objects.requireNonNull(iin, "iin");
        }

        @Override
        public String toString() {
            return "ClerkEntersPaperMark[" + clerk + ", ***]";
        }
    }

    /** Effect result: the paper mark is durable. @param reference its paper form reference ({@code P-nnnn}) */
    record PaperMarkRecorded(PaperFormReference reference) implements CheckInEvent {
        /** @throws NullPointerException on null */
        public PaperMarkRecorded {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * A clerk helps a voter who cannot use the kiosk alone (cannot see the screen, cannot read): the help is
     * recorded as such, without anything about the voter. @param clerk the clerk
     */
    record ClerkAssistsVoter(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk lets the voter try the fingerprint again from the start. @param clerk the clerk */
    record ClerkAllowsRetry(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk confirmed name and birth date of a voter identified without a card. @param clerk the clerk */
    record ClerkConfirmedIdentity(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk voids the token just issued (it failed to print); a new one is issued. @param clerk the clerk */
    record ClerkVoidsToken(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk abandons the current voter and returns to idle. @param clerk the clerk */
    record ClerkCancels(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk pauses the kiosk. @param clerk the clerk */
    record ClerkPauses(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk resumes the kiosk. @param clerk the clerk */
    record ClerkResumes(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk starts manual fallback mode (hardware failed). @param clerk the clerk */
    record ClerkStartsFallback(ClerkId clerk) implements ClerkEvent {
    }

    /** A clerk ends manual fallback mode. @param clerk the clerk */
    record ClerkEndsFallback(ClerkId clerk) implements ClerkEvent {
    }
}
