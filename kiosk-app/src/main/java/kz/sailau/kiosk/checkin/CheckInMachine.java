package kz.sailau.kiosk.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged;
import kz.sailau.kiosk.checkin.CheckInEvent.CaptureRejected;
import kz.sailau.kiosk.checkin.CheckInEvent.CaptureScored;
import kz.sailau.kiosk.checkin.CheckInEvent.CardRead;
import kz.sailau.kiosk.checkin.CheckInEvent.CardUnreadable;
import kz.sailau.kiosk.checkin.CheckInEvent.CardlessRequested;
import kz.sailau.kiosk.checkin.CheckInEvent.CheckInRecorded;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkAllowsRetry;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkCancels;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkConfirmedIdentity;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkEndsFallback;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkEnteredIin;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkOverride;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkPauses;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkPinRejected;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkResumes;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkStartsFallback;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkVoidsToken;
import kz.sailau.kiosk.checkin.CheckInEvent.FingerCaptured;
import kz.sailau.kiosk.checkin.CheckInEvent.Identified;
import kz.sailau.kiosk.checkin.CheckInEvent.RecordRefusedAlreadyCheckedIn;
import kz.sailau.kiosk.checkin.CheckInEvent.Tick;
import kz.sailau.kiosk.checkin.CheckInEvent.TokenIssueFailed;
import kz.sailau.kiosk.checkin.CheckInEvent.TokenReplaced;
import kz.sailau.kiosk.checkin.CheckInEvent.VoterLookedUp;
import kz.sailau.kiosk.checkin.CheckInState.AwaitingCard;
import kz.sailau.kiosk.checkin.CheckInState.AwaitingFinger;
import kz.sailau.kiosk.checkin.CheckInState.CheckingEligibility;
import kz.sailau.kiosk.checkin.CheckInState.Fallback;
import kz.sailau.kiosk.checkin.CheckInState.Matching;
import kz.sailau.kiosk.checkin.CheckInState.NeedsClerk;
import kz.sailau.kiosk.checkin.CheckInState.Paused;
import kz.sailau.kiosk.checkin.CheckInState.Recording;
import kz.sailau.kiosk.checkin.CheckInState.Refused;
import kz.sailau.kiosk.checkin.CheckInState.TokenIssued;
import kz.sailau.kiosk.biometric.ImageQuality;

/**
 * The check-in flow as one pure function: {@link #next} computes the next state and the effects to run from
 * the current state, an event, the time and the ledger's counters. No I/O, no clock, no randomness here:
 * {@link CheckInEngine} supplies them, so every transition is tested with plain values.
 *
 * <p>An event that does not apply to the current state leaves it unchanged with no effects.
 */
public final class CheckInMachine {

    /** The message key shown after a wrong clerk PIN. */
    public static final String CLERK_PIN_REJECTED_KEY = "checkin.clerk.pinRejected";

    private final CheckInPolicy policy;

    /** A machine for one kiosk's policy. */
    public CheckInMachine(CheckInPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy this machine applies. */
    public CheckInPolicy policy() {
        return policy;
    }

    /**
     * The result of one transition.
     *
     * @param state   the next state
     * @param effects the effects to run, in order
     */
    public record Step(CheckInState state, List<Effect> effects) {
        /** Copies the effects. */
        public Step {
            Objects.requireNonNull(state, "state");
            effects = List.copyOf(effects);
        }

        static Step to(CheckInState state, Effect... effects) {
            return new Step(state, List.of(effects));
        }
    }

    /**
     * The next state and effects.
     *
     * @param state    the current state
     * @param event    what happened
     * @param now      the current time (for idle timeouts)
     * @param counters the ledger's counters now (for the override cap)
     */
    public Step next(CheckInState state, CheckInEvent event, Instant now, Counters counters) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(counters, "counters");
        if (event instanceof CheckInEvent.EffectFailed failed) {
            return Step.to(new NeedsClerk(ClerkReason.SYSTEM_FAULT, sessionOf(state)),
                    audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.SYSTEM_FAULT.name()));
        }
        if (event instanceof ClerkCancels cancel && !(state instanceof AwaitingCard || state instanceof Fallback
                || state instanceof Paused || state instanceof Recording)) {
            return Step.to(idle(isFallback(state)), audit(CheckInAuditEvent.CLERK_CALLED, "CANCELLED", cancel.clerk()));
        }
        if (state instanceof AwaitingCard s) {
            return fromAwaitingCard(s, event, now);
        } else if (state instanceof CheckingEligibility s) {
            return fromCheckingEligibility(s, event, now);
        } else if (state instanceof AwaitingFinger s) {
            return fromAwaitingFinger(s, event, now);
        } else if (state instanceof Matching s) {
            return fromMatching(s, event, now);
        } else if (state instanceof Recording s) {
            return fromRecording(s, event, now);
        } else if (state instanceof TokenIssued s) {
            return fromTokenIssued(s, event, now);
        } else if (state instanceof Refused s) {
            return fromRefused(s, event, now);
        } else if (state instanceof NeedsClerk s) {
            return fromNeedsClerk(s, event, now, counters);
        } else if (state instanceof Paused s) {
            return fromPaused(s, event);
        } else if (state instanceof Fallback s) {
            return fromFallback(s, event);
        }
        throw new IllegalStateException("unknown state " + state.getClass().getSimpleName());
    }

    private Step fromAwaitingCard(AwaitingCard s, CheckInEvent event, Instant now) {
        if (event instanceof CardRead e) {
            return Step.to(new CheckingEligibility(Route.CARD, e.document().iin(), Optional.of(e.document()),
                    Optional.empty()), new Effect.LookUpVoter(e.document().iin()));
        } else if (event instanceof CardUnreadable e) {
            return s.unreadableCards() >= 1
                    ? Step.to(new NeedsClerk(ClerkReason.CARD_UNREADABLE, Optional.empty()),
                            audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.CARD_UNREADABLE.name()))
                    : Step.to(new AwaitingCard(Optional.of(e.field().messageKey()), s.unreadableCards() + 1));
        } else if (event instanceof ClerkEnteredIin e) {
            return Step.to(new CheckingEligibility(Route.CLERK_ENTRY, e.iin(), Optional.empty(),
                    Optional.of(e.clerk())), new Effect.LookUpVoter(e.iin()));
        } else if (event instanceof CardlessRequested) {
            return Step.to(new AwaitingFinger(Optional.empty(), 0, Optional.empty(), now));
        } else if (event instanceof ClerkPauses e) {
            return Step.to(new Paused(false), audit(CheckInAuditEvent.PAUSED, "", e.clerk()));
        } else if (event instanceof ClerkStartsFallback e) {
            return Step.to(new Fallback(Optional.empty()), audit(CheckInAuditEvent.FALLBACK_STARTED, "", e.clerk()));
        } else if (event instanceof ClerkPinRejected) {
            return Step.to(new AwaitingCard(Optional.of(CLERK_PIN_REJECTED_KEY), s.unreadableCards()),
                    audit(CheckInAuditEvent.CLERK_PIN_REJECTED, ""));
        }
        return Step.to(s);
    }

    private Step fromCheckingEligibility(CheckingEligibility s, CheckInEvent event, Instant now) {
        if (!(event instanceof VoterLookedUp e)) {
            return Step.to(s);
        }
        boolean fallback = s.route() == Route.FALLBACK;
        Optional<Refusal> refusal = Eligibility.check(e.voter(), e.alreadyCheckedIn(), s.document(), policy);
        if (refusal.isPresent()) {
            return Step.to(new Refused(refusal.get(), fallback, now),
                    audit(CheckInAuditEvent.REFUSED, refusal.get().name()));
        }
        Session session = new Session(s.route(), e.voter().orElseThrow(), s.document(), s.clerk());
        switch (s.route()) {
            case CARD:
            case CLERK_ENTRY:
                return Step.to(new AwaitingFinger(Optional.of(session), 0, Optional.empty(), now));
            case CARDLESS:
                return Step.to(new NeedsClerk(ClerkReason.CONFIRM_IDENTITY, Optional.of(session)),
                        audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.CONFIRM_IDENTITY.name()));
            case FALLBACK:
                return record(session, new CheckInRecord(session.iin(), CheckInMethod.FALLBACK, Optional.empty(),
                        s.clerk()));
            default:
                throw new IllegalStateException("unknown route " + s.route());
        }
    }

    private Step fromAwaitingFinger(AwaitingFinger s, CheckInEvent event, Instant now) {
        if (event instanceof FingerCaptured e) {
            return Step.to(new Matching(s.session(), s.captures() + 1),
                    s.session().isPresent()
                            ? new Effect.ScoreCapture(e.image(), s.session().get().voter())
                            : new Effect.IdentifyCapture(e.image()));
        } else if (event instanceof Tick && timedOut(s.since(), now)) {
            return Step.to(AwaitingCard.FRESH);
        }
        return Step.to(s);
    }

    private Step fromMatching(Matching s, CheckInEvent event, Instant now) {
        if (event instanceof CaptureRejected e) {
            return failedCapture(s, Optional.of(e.quality()), now);
        } else if (event instanceof CaptureScored e) {
            return scored(s, e, now);
        } else if (event instanceof Identified e) {
            return identified(s, e, now);
        }
        return Step.to(s);
    }

    private Step scored(Matching s, CaptureScored e, Instant now) {
        if (s.session().isEmpty()) {
            return Step.to(s);
        }
        Session session = s.session().get();
        double t = policy.verifyThreshold(session.voter());
        if (e.bestOtherScore() >= t && e.bestOtherScore() > e.claimedScore()) {
            return Step.to(new NeedsClerk(ClerkReason.IDENTITY_SWAP, s.session()),
                    audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.IDENTITY_SWAP.name()));
        }
        if (e.claimedScore() >= t) {
            return record(session, new CheckInRecord(session.iin(), CheckInMethod.FINGERPRINT, Optional.empty(),
                    Optional.empty()));
        }
        return failedCapture(s, Optional.empty(), now);
    }

    private Step identified(Matching s, Identified e, Instant now) {
        if (s.session().isPresent()) {
            return Step.to(s);
        }
        if (e.iin().isPresent()) {
            return Step.to(new CheckingEligibility(Route.CARDLESS, e.iin().get(), Optional.empty(), Optional.empty()),
                    new Effect.LookUpVoter(e.iin().get()));
        }
        return failedCapture(s, Optional.empty(), now);
    }

    private Step failedCapture(Matching s, Optional<ImageQuality> hint, Instant now) {
        if (s.captures() < policy.maxCaptures()) {
            return Step.to(new AwaitingFinger(s.session(), s.captures(), hint, now));
        }
        if (s.session().isEmpty()) {
            return Step.to(new Refused(Refusal.NOT_IDENTIFIED, false, now),
                    audit(CheckInAuditEvent.REFUSED, Refusal.NOT_IDENTIFIED.name()));
        }
        return Step.to(new NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, s.session()),
                audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.FINGER_NOT_RECOGNISED.name()));
    }

    private Step fromRecording(Recording s, CheckInEvent event, Instant now) {
        boolean fallback = s.session().fallback();
        if (event instanceof CheckInRecorded e) {
            return Step.to(new TokenIssued(e.token(), s.record().method(), fallback, now));
        } else if (event instanceof RecordRefusedAlreadyCheckedIn) {
            return Step.to(new Refused(Refusal.ALREADY_CHECKED_IN, fallback, now),
                    audit(CheckInAuditEvent.REFUSED, Refusal.ALREADY_CHECKED_IN.name()));
        } else if (event instanceof TokenIssueFailed) {
            return Step.to(new NeedsClerk(ClerkReason.TOKEN_NOT_ISSUED, Optional.of(s.session())),
                    audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.TOKEN_NOT_ISSUED.name()));
        }
        return Step.to(s);
    }

    private Step fromTokenIssued(TokenIssued s, CheckInEvent event, Instant now) {
        if (event instanceof Acknowledged || (event instanceof Tick && timedOut(s.since(), now))) {
            return Step.to(idle(s.fallback()));
        } else if (event instanceof ClerkVoidsToken e) {
            return Step.to(s, new Effect.ReplaceToken(s.token(), e.clerk()));
        } else if (event instanceof TokenReplaced e) {
            return Step.to(new TokenIssued(e.token(), s.method(), s.fallback(), now));
        } else if (event instanceof TokenIssueFailed) {
            return Step.to(new NeedsClerk(ClerkReason.TOKEN_NOT_ISSUED, Optional.empty()),
                    audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.TOKEN_NOT_ISSUED.name()));
        }
        return Step.to(s);
    }

    private Step fromRefused(Refused s, CheckInEvent event, Instant now) {
        if (event instanceof Acknowledged || (event instanceof Tick && timedOut(s.since(), now))) {
            return Step.to(idle(s.fallback()));
        }
        if (event instanceof ClerkEnteredIin e && s.refusal() == Refusal.NOT_IDENTIFIED && !s.fallback()) {
            // A card-less miss goes to the clerk, who checks the document and types the IIN; the finger is then
            // verified 1:1 against that voter at the verify threshold (decision 0040), not identified 1:N.
            return Step.to(new CheckingEligibility(Route.CLERK_ENTRY, e.iin(), Optional.empty(),
                    Optional.of(e.clerk())), new Effect.LookUpVoter(e.iin()));
        }
        return Step.to(s);
    }

    private Step fromNeedsClerk(NeedsClerk s, CheckInEvent event, Instant now, Counters counters) {
        Optional<Session> session = s.session();
        boolean fingerFailed = session.isPresent() && (s.reason() == ClerkReason.FINGER_NOT_RECOGNISED
                || s.reason() == ClerkReason.IDENTITY_SWAP);
        if (event instanceof ClerkOverride e && fingerFailed) {
            return override(s, e, counters);
        } else if (event instanceof ClerkAllowsRetry && fingerFailed) {
            return Step.to(new AwaitingFinger(session, 0, Optional.empty(), now));
        } else if (event instanceof ClerkConfirmedIdentity e && session.isPresent()
                && s.reason() == ClerkReason.CONFIRM_IDENTITY) {
            return record(session.get(), new CheckInRecord(session.get().iin(), CheckInMethod.CARDLESS_FINGERPRINT,
                    Optional.empty(), Optional.of(e.clerk())));
        } else if (event instanceof ClerkEnteredIin e && s.reason() == ClerkReason.CARD_UNREADABLE) {
            return Step.to(new CheckingEligibility(Route.CLERK_ENTRY, e.iin(), Optional.empty(), Optional.of(e.clerk())),
                    new Effect.LookUpVoter(e.iin()));
        } else if (event instanceof ClerkPinRejected) {
            return Step.to(s, audit(CheckInAuditEvent.CLERK_PIN_REJECTED, ""));
        }
        return Step.to(s);
    }

    private Step override(NeedsClerk s, ClerkOverride e, Counters counters) {
        Session session = s.session().orElseThrow();
        if (!policy.overrideCap().allows(counters)) {
            return Step.to(new NeedsClerk(ClerkReason.OVERRIDE_CAP_REACHED, s.session()),
                    audit(CheckInAuditEvent.OVERRIDE_REFUSED_CAP, "", e.clerk()));
        }
        Step step = record(session, new CheckInRecord(session.iin(), CheckInMethod.CLERK_OVERRIDE,
                Optional.of(e.reason()), Optional.of(e.clerk())));
        if (policy.overrideCap().warns(counters)) {
            return new Step(step.state(), List.of(audit(CheckInAuditEvent.OVERRIDE_CAP_WARNING, "", e.clerk()),
                    step.effects().get(0)));
        }
        return step;
    }

    private Step fromPaused(Paused s, CheckInEvent event) {
        if (event instanceof ClerkResumes e) {
            return Step.to(idle(s.fallback()), audit(CheckInAuditEvent.RESUMED, "", e.clerk()));
        }
        return Step.to(s);
    }

    private Step fromFallback(Fallback s, CheckInEvent event) {
        if (event instanceof ClerkEnteredIin e) {
            return Step.to(new CheckingEligibility(Route.FALLBACK, e.iin(), Optional.empty(), Optional.of(e.clerk())),
                    new Effect.LookUpVoter(e.iin()));
        } else if (event instanceof ClerkEndsFallback e) {
            return Step.to(AwaitingCard.FRESH, audit(CheckInAuditEvent.FALLBACK_ENDED, "", e.clerk()));
        } else if (event instanceof ClerkPauses e) {
            return Step.to(new Paused(true), audit(CheckInAuditEvent.PAUSED, "", e.clerk()));
        } else if (event instanceof ClerkPinRejected) {
            return Step.to(new Fallback(Optional.of(CLERK_PIN_REJECTED_KEY)),
                    audit(CheckInAuditEvent.CLERK_PIN_REJECTED, ""));
        }
        return Step.to(s);
    }

    private static Step record(Session session, CheckInRecord record) {
        return Step.to(new Recording(session, record), new Effect.RecordCheckIn(record));
    }

    private boolean timedOut(Instant since, Instant now) {
        return !now.isBefore(since.plus(policy.idleTimeout()));
    }

    private static CheckInState idle(boolean fallback) {
        return fallback ? new Fallback(Optional.empty()) : AwaitingCard.FRESH;
    }

    private static Optional<Session> sessionOf(CheckInState state) {
        if (state instanceof AwaitingFinger s) {
            return s.session();
        } else if (state instanceof Matching s) {
            return s.session();
        } else if (state instanceof Recording s) {
            return Optional.of(s.session());
        } else if (state instanceof NeedsClerk s) {
            return s.session();
        }
        return Optional.empty();
    }

    private static boolean isFallback(CheckInState state) {
        if (state instanceof CheckingEligibility s) {
            return s.route() == Route.FALLBACK;
        } else if (state instanceof Recording s) {
            return s.session().fallback();
        } else if (state instanceof TokenIssued s) {
            return s.fallback();
        } else if (state instanceof Refused s) {
            return s.fallback();
        } else if (state instanceof NeedsClerk s) {
            return s.session().map(Session::fallback).orElse(false);
        } else if (state instanceof AwaitingFinger || state instanceof Matching) {
            return false;
        }
        return state instanceof Fallback || state instanceof Paused p && p.fallback();
    }

    private static Effect audit(CheckInAuditEvent event, String detail) {
        return new Effect.Audit(event, detail, Optional.empty());
    }

    private static Effect audit(CheckInAuditEvent event, String detail, ClerkId clerk) {
        return new Effect.Audit(event, detail, Optional.of(clerk));
    }
}
