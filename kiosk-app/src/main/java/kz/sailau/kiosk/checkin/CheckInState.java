package kz.sailau.kiosk.checkin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.mrz.IdentityDocument;

/**
 * The states of the check-in flow. Only {@link CheckInMachine#next} moves from one to the next. The UI renders
 * the current state through {@link #accept(Visitor)}: Java 17 has no final pattern {@code switch}, and a
 * visitor makes a forgotten state a compile error all the same. No state's {@code toString} reveals personal
 * data.
 */
public sealed interface CheckInState {

    /**
     * One method per state, so that a renderer handles every state or does not compile.
     *
     * @param <R> the result, e.g. a view model
     */
    interface Visitor<R> {
        /** @param s the state @return the result */
        R awaitingCard(AwaitingCard s);

        /** @param s the state @return the result */
        R checkingEligibility(CheckingEligibility s);

        /** @param s the state @return the result */
        R awaitingFinger(AwaitingFinger s);

        /** @param s the state @return the result */
        R matching(Matching s);

        /** @param s the state @return the result */
        R recording(Recording s);

        /** @param s the state @return the result */
        R tokenIssued(TokenIssued s);

        /** @param s the state @return the result */
        R refused(Refused s);

        /** @param s the state @return the result */
        R needsClerk(NeedsClerk s);

        /** @param s the state @return the result */
        R paused(Paused s);

        /** @param s the state @return the result */
        R fallback(Fallback s);

        /** @param s the state @return the result */
        R cutOff(CutOff s);
    }

    /** Calls the visitor's method for this state. */
    <R> R accept(Visitor<R> visitor);

    /**
     * Idle: waiting for an identity card, a clerk's IIN entry or the card-less button.
     *
     * @param hintKey         message key after an unreadable card, empty otherwise
     * @param unreadableCards unreadable reads in a row (the second one calls a clerk)
     * @param since           when the hint was shown: a voter's hint (an unreadable card, a clerk's PIN refused) goes
     *                        at the idle timeout after it, with the count (decision 0518)
     */
    record AwaitingCard(Optional<String> hintKey, int unreadableCards, Instant since) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.awaitingCard(this);
        }

        /** The fresh idle state. */
        public static final AwaitingCard FRESH = new AwaitingCard(Optional.empty(), 0);

        /** @throws NullPointerException on a null hint or time */
        public AwaitingCard {
            Objects.requireNonNull(hintKey, "hintKey");
            Objects.requireNonNull(since, "since");
        }

        /** An idle state whose hint, if any, never times out (a device's): since the epoch. */
        public AwaitingCard(Optional<String> hintKey, int unreadableCards) {
            this(hintKey, unreadableCards, Instant.EPOCH);
        }
    }

    /**
     * The register and the ledger are being asked about an IIN.
     *
     * @param route    how the IIN arrived
     * @param iin      the IIN
     * @param document the card, if read
     * @param clerk    the clerk who typed the IIN, if one did
     * @param specialList the legal document, for {@link Route#SPECIAL_LIST}
     */
    record CheckingEligibility(Route route, Iin iin, Optional<IdentityDocument> document, Optional<ClerkId> clerk,
                               Optional<LegalDocument> specialList) implements CheckInState {
        /** A check that is not for the special list. */
        public CheckingEligibility(Route route, Iin iin, Optional<IdentityDocument> document,
                                   Optional<ClerkId> clerk) {
            this(route, iin, document, clerk, Optional.empty());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.checkingEligibility(this);
        }

        @Override
        public String toString() {
            return "CheckingEligibility[" + route + ", ***]";
        }
    }

    /**
     * Waiting for a live finger; the scanner polls meanwhile. Shortly before the idle timeout the prompt enters
     * its countdown: {@code countdownUntil} is then the moment the kiosk gives up and returns to idle, and the
     * voter may ask for more time ({@link CheckInEvent.VoterWantsMoreTime}).
     *
     * @param session        the claimed voter, empty for card-less identification
     * @param captures       captures already taken for this voter
     * @param hint           the quality hint of the previous capture, if it was poor
     * @param since          when the kiosk started waiting (for the idle timeout)
     * @param countdownUntil in the countdown phase, when the wait ends; empty before it
     */
    record AwaitingFinger(Optional<Session> session, int captures, Optional<ImageQuality> hint, Instant since,
                          Optional<Instant> countdownUntil) implements CheckInState {
        /** @throws NullPointerException on a null field */
        public AwaitingFinger {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(countdownUntil, "countdownUntil");
        }

        /** Waiting, not yet in the countdown phase. */
        public AwaitingFinger(Optional<Session> session, int captures, Optional<ImageQuality> hint, Instant since) {
            this(session, captures, hint, since, Optional.empty());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.awaitingFinger(this);
        }

        /** The finger the voter is asked to place on this capture ({@link CapturePolicy}). */
        public FingerPosition requestedFinger() {
            return CapturePolicy.fingerFor(session.map(v -> v.voter().enrolledFingers()).orElse(Set.of()), captures);
        }

    }

    /**
     * A capture is being judged and matched (1:1 with the 1:N identity-swap check, or 1:N identification).
     *
     * @param session  the claimed voter, empty for card-less identification
     * @param captures captures taken including this one
     */
    record Matching(Optional<Session> session, int captures) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.matching(this);
        }

    }

    /**
     * The check-in is being committed and the token issued.
     *
     * @param session the voter
     * @param record  what is being recorded
     */
    record Recording(Session session, CheckInRecord record) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recording(this);
        }

    }

    /**
     * Done: the voter takes the token to the ballot desk. The screen clears itself a short while after the
     * receipt printed ({@link CheckInPolicy#tokenDisplay()}) or when the next card arrives; a receipt that did not
     * print keeps the token on screen until a clerk voids and reprints it (or cancels).
     *
     * @param token    the token shown and printed
     * @param method   how the voter was checked in
     * @param fallback whether the kiosk is in manual fallback mode
     * @param since    when the token was issued (for the timeout)
     * @param printout how far its receipt is
     */
    record TokenIssued(IssuedBallotToken token, CheckInMethod method, boolean fallback, Instant since,
                       Printout printout) implements CheckInState {
        /** @throws NullPointerException on a null field */
        public TokenIssued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(printout, "printout");
        }

        /** A token just issued, its receipt being printed. */
        public TokenIssued(IssuedBallotToken token, CheckInMethod method, boolean fallback, Instant since) {
            this(token, method, fallback, since, Printout.PRINTING);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tokenIssued(this);
        }

    }

    /** How far the receipt of an issued token is. */
    sealed interface Printout {
        /** Sent to the printer, no answer yet. */
        Printout PRINTING = new Printing();
        /** Printed. */
        Printout PRINTED = new Printed();

        /** Sent to the printer, no answer yet. */
        record Printing() implements Printout {
        }

        /** The receipt came out. */
        record Printed() implements Printout {
        }

        /** The receipt did not print. @param fault what failed */
        record NotPrinted(DeviceFault fault) implements Printout {
            /** @throws NullPointerException on null */
            public NotPrinted {
                Objects.requireNonNull(fault, "fault");
            }
        }
    }

    /**
     * The voter cannot be checked in here.
     *
     * @param refusal  the reason, with the voter's message and the clerk's next step
     * @param fallback whether the kiosk is in manual fallback mode
     * @param since    when the refusal was shown (for the idle timeout)
     * @param station  for {@link Refusal#OTHER_PRECINCT}, the voter's own polling station when the authority's
     *                 redirection table names it (public data: number and address, nothing about the voter)
     */
    record Refused(Refusal refusal, boolean fallback, Instant since, Optional<PollingStation> station)
            implements CheckInState {
        /** @throws NullPointerException on null */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(station, "station");
        }

        /** A refusal that names no other polling station. */
        public Refused(Refusal refusal, boolean fallback, Instant since) {
            this(refusal, fallback, since, Optional.empty());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }

    }

    /**
     * Waiting for a commission member.
     *
     * @param reason  why, with the clerk's next step
     * @param session the voter concerned, if any
     */
    record NeedsClerk(ClerkReason reason, Optional<Session> session) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.needsClerk(this);
        }

    }

    /**
     * Paused by a clerk; no voter is accepted until a clerk resumes. Meanwhile a clerk may enter the marks made on
     * the printed voter list during an outage, one IIN at a time ({@link CheckInEvent.ClerkEntersPaperMark}).
     *
     * @param fallback  whether to resume into manual fallback mode
     * @param paperMark the paper mark being entered or the outcome of the last one, if any since the pause
     */
    record Paused(boolean fallback, Optional<PaperMarkEntry> paperMark) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paused(this);
        }

        /** @throws NullPointerException on null */
        public Paused {
            Objects.requireNonNull(paperMark, "paperMark");
        }

        /** Paused, no paper mark entered since. */
        public Paused(boolean fallback) {
            this(fallback, Optional.empty());
        }
    }

    /**
     * Manual fallback mode (hardware failed): waiting for a clerk to type an IIN.
     *
     * @param hintKey message key of the last problem, if any
     */
    record Fallback(Optional<String> hintKey) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fallback(this);
        }

        /** @throws NullPointerException on a null hint */
        public Fallback {
            Objects.requireNonNull(hintKey, "hintKey");
        }
    }

    /**
     * The kiosk has lost its precinct network (it does not reach the majority of the precinct's machines): no
     * check-in can be committed here, the voter is asked to go to another kiosk or to call a commission member.
     * Nothing is recorded for a voter refused this way. The kiosk returns to its idle screen by itself when the
     * network is back ({@link CheckInEvent.NetworkRestored}). A standalone kiosk never enters this state.
     *
     * @param fallback whether the kiosk was in manual fallback mode (it returns to it)
     */
    record CutOff(boolean fallback) implements CheckInState {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cutOff(this);
        }
    }
}
