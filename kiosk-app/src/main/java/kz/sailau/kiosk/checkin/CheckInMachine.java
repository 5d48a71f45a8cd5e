package kz.sailau.kiosk.checkin;

import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.PollingStation;

/**
 * The check-in flow, hardware included, as one pure function: {@link #next} computes the next state and the
 * effects to run from the current state, an event, the time and the ledger's counters. No I/O, no clock, no
 * randomness here: {@link CheckInEngine} supplies them, so every transition is tested with plain values.
 *
 * <p>Each state has its own transition method, chosen through the state's {@link CheckInState.Visitor} (a new
 * state does not compile until it has one); the fingerprint's states, with the thresholds and tries of decision
 * 0040, are in {@link FingerTransitions}. Three rules hold for every transition and are added to its effects
 * in one place ({@link OwedEffects}), so that no transition can forget them:
 * <ul>
 *   <li>the scanner runs exactly while the machine waits for a finger: entering {@link AwaitingFinger} asks for
 *       {@link Effect.StartCapture}, leaving it for anything but {@link Matching} for {@link Effect.CancelCapture};</li>
 *   <li>every token shown is printed: a new token in {@link TokenIssued} asks for {@link Effect.PrintReceipt};</li>
 *   <li>the clerk-call signal ({@link ClerkCall}) goes up when the machine starts waiting for a clerk
 *       ({@link NeedsClerk}) and comes down when a clerk acts or the voter leaves.</li>
 * </ul>
 *
 * <p>An event that does not apply to the current state leaves it unchanged with no effects.
 */
public final class CheckInMachine {

    /** The message key shown after a wrong clerk PIN. */
    public static final String CLERK_PIN_REJECTED_KEY = "checkin.clerk.pinRejected";

    private final CheckInPolicy policy;
    private final SpecialListCap specialListCap;
    private final FingerTransitions fingers;

    /** A machine for one kiosk's policy, with the default special-list cap. */
    public CheckInMachine(CheckInPolicy policy) {
        this(policy, SpecialListCap.DEFAULT);
    }

    /** A machine for one kiosk's policy and special-list cap. */
    public CheckInMachine(CheckInPolicy policy, SpecialListCap specialListCap) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.specialListCap = Objects.requireNonNull(specialListCap, "specialListCap");
        this.fingers = new FingerTransitions(policy);
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
        return OwedEffects.add(state, event, flow(state, event, now, counters));
    }

    /** Events that apply in (almost) every state, then the state's own transitions. */
    private Step flow(CheckInState state, CheckInEvent event, Instant now, Counters counters) {
        if (event instanceof EffectFailed && state instanceof Paused p
                && p.paperMark().orElse(null) instanceof PaperMarkEntry.Pending) {
            // The mark was not recorded (the port failed): the kiosk stays paused and the clerk is told.
            return Step.to(new Paused(p.fallback(), Optional.of(new PaperMarkEntry.NotEntered(
                    ClerkReason.SYSTEM_FAULT.messageKey(), ClerkReason.SYSTEM_FAULT.nextStepKey()))),
                    audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.SYSTEM_FAULT.name()));
        }
        if (event instanceof EffectFailed failed) {
            return Step.to(new NeedsClerk(failed.reason(), sessionOf(state)),
                    audit(CheckInAuditEvent.CLERK_CALLED, failed.reason().name()));
        }
        if (event instanceof NetworkCutOff && (state instanceof Recording || OwedEffects.isIdle(state))) {
            // Before a voter starts, or the ledger's answer to a check-in: nothing was recorded for anyone.
            return Step.to(new CutOff(isFallback(state)));
        }
        if (event instanceof ClerkCancels cancel && !(state instanceof AwaitingCard || state instanceof Fallback
                || state instanceof Paused || state instanceof Recording || state instanceof CutOff)) {
            return Step.to(idle(isFallback(state)), audit(CheckInAuditEvent.CLERK_CALLED, "CANCELLED", cancel.clerk()));
        }
        if (event instanceof CardReaderFailed e) {
            CheckInState shown = state instanceof AwaitingCard s
                    ? new AwaitingCard(Optional.of(ClerkReason.CARD_READER_FAULT.voterMessageKey()),
                            s.unreadableCards(), s.since())
                    : state;
            return deviceFault(shown, ClerkReason.CARD_READER_FAULT, e.fault());
        }
        if (event instanceof CardReaderRestored) {
            CheckInState shown = state instanceof AwaitingCard s
                    && s.hintKey().equals(Optional.of(ClerkReason.CARD_READER_FAULT.voterMessageKey()))
                    ? new AwaitingCard(Optional.empty(), s.unreadableCards(), s.since()) : state;
            return Step.to(shown, audit(CheckInAuditEvent.DEVICE_RESTORED, DeviceFault.Device.CARD_READER.name()));
        }
        if (event instanceof PrintFailed e && !(state instanceof TokenIssued s && s.token().equals(e.token()))) {
            // The voter already left the token screen: the receipt is lost all the same, the clerk must know.
            return deviceFault(state, ClerkReason.PRINTER_FAULT, e.fault());
        }
        if (event instanceof ClerkAssistsVoter e && waitsForVoter(state) && !(state instanceof Paused)) {
            return Step.to(state, audit(CheckInAuditEvent.VOTER_ASSISTED, "", e.clerk()));
        }
        if (event instanceof ClerkAddsToSpecialList e && (state instanceof AwaitingCard || state instanceof Fallback
                || state instanceof Refused r && SPECIAL_LIST_AFTER.contains(r.refusal()))) {
            return Step.to(new CheckingEligibility(Route.SPECIAL_LIST, e.iin(), Optional.empty(),
                    Optional.of(e.clerk()), Optional.of(e.document())), new Effect.LookUpVoter(e.iin()));
        }
        if (event instanceof VoterCallsClerk && waitsForVoter(state)) {
            CheckInState shown = state instanceof AwaitingFinger s
                    ? new AwaitingFinger(s.session(), s.captures(), s.hint(), now) : state;
            return Step.to(shown, audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.VOTER_REQUEST.name()),
                    new Effect.SignalClerk(ClerkReason.VOTER_REQUEST, Optional.empty()));
        }
        return state.accept(new CheckInState.Visitor<Step>() {
            @Override
            public Step awaitingCard(AwaitingCard s) {
                return fromAwaitingCard(s, event, now);
            }

            @Override
            public Step checkingEligibility(CheckingEligibility s) {
                return s.route() == Route.SPECIAL_LIST ? specialList(s, event, now, counters)
                        : fromCheckingEligibility(s, event, now);
            }

            @Override
            public Step awaitingFinger(AwaitingFinger s) {
                return fingers.fromAwaitingFinger(s, event, now);
            }

            @Override
            public Step matching(Matching s) {
                return fingers.fromMatching(s, event, now);
            }

            @Override
            public Step recording(Recording s) {
                return fromRecording(s, event, now);
            }

            @Override
            public Step tokenIssued(TokenIssued s) {
                return fromTokenIssued(s, event, now);
            }

            @Override
            public Step refused(Refused s) {
                return fromRefused(s, event, now);
            }

            @Override
            public Step needsClerk(NeedsClerk s) {
                return fromNeedsClerk(s, event, now, counters);
            }

            @Override
            public Step paused(Paused s) {
                return fromPaused(s, event);
            }

            @Override
            public Step fallback(Fallback s) {
                return fromFallback(s, event);
            }

            @Override
            public Step cutOff(CutOff s) {
                return fromCutOff(s, event);
            }
        });
    }

    private Step fromAwaitingCard(AwaitingCard s, CheckInEvent event, Instant now) {
        if (event instanceof CardRead e) {
            return Step.to(new CheckingEligibility(Route.CARD, e.document().iin(), Optional.of(e.document()),
                    Optional.empty()), new Effect.LookUpVoter(e.document().iin()));
        } else if (event instanceof CardUnreadable e) {
            return s.unreadableCards() >= 1
                    ? Step.to(new NeedsClerk(ClerkReason.CARD_UNREADABLE, Optional.empty()),
                            audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.CARD_UNREADABLE.name()))
                    : Step.to(new AwaitingCard(Optional.of(e.field().messageKey()), s.unreadableCards() + 1, now));
        } else if (event instanceof ClerkEnteredIin e) {
            return Step.to(new CheckingEligibility(Route.CLERK_ENTRY, e.iin(), Optional.empty(),
                    Optional.of(e.clerk())), new Effect.LookUpVoter(e.iin()));
        } else if (event instanceof CardlessRequested) {
            return Step.to(new AwaitingFinger(Optional.empty(), 0, Optional.empty(), now));
        } else if (event instanceof ClerkPauses e) {
            return Step.to(new Paused(false), audit(CheckInAuditEvent.PAUSED, "", e.clerk()));
        } else if (event instanceof ClerkStartsFallback e) {
            return Step.to(new Fallback(Optional.empty()), audit(CheckInAuditEvent.FALLBACK_STARTED, "", e.clerk()));
        } else if (event instanceof Tick && timedOut(s.since(), now) && (s.unreadableCards() > 0
                || s.hintKey().equals(Optional.of(CLERK_PIN_REJECTED_KEY)))) {
            // The voter who left after an unreadable card (or the clerk after a refused PIN) is gone: the next voter
            // reads no hint of theirs, and their first unreadable card is their first (decision 0518). A card
            // reader's fault stays until the reader is back.
            Optional<String> readerFault = s.hintKey()
                    .filter(ClerkReason.CARD_READER_FAULT.voterMessageKey()::equals);
            return Step.to(readerFault.isEmpty() ? AwaitingCard.FRESH : new AwaitingCard(readerFault, 0, s.since()));
        } else if (event instanceof ClerkPinRejected) {
            return Step.to(new AwaitingCard(Optional.of(CLERK_PIN_REJECTED_KEY), s.unreadableCards(), now),
                    audit(CheckInAuditEvent.CLERK_PIN_REJECTED, ""));
        }
        return Step.to(s);
    }

    private Step fromCheckingEligibility(CheckingEligibility s, CheckInEvent event, Instant now) {
        if (!(event instanceof VoterLookedUp e)) {
            return Step.to(s);
        }
        boolean fallback = s.route() == Route.FALLBACK;
        Optional<Refusal> refusal = Eligibility.check(e.voter(), e.alreadyCheckedIn(), e.elsewhere(), s.document(),
                policy);
        if (refusal.isPresent()) {
            Optional<PollingStation> station = refusal.get() == Refusal.OTHER_PRECINCT ? e.elsewhere()
                    : Optional.empty();
            return Step.to(new Refused(refusal.get(), fallback, now, station),
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

    /** The refusals after which a clerk may add the voter to the special list. */
    private static final Set<Refusal> SPECIAL_LIST_AFTER = EnumSet.of(Refusal.NOT_IN_REGISTER,
            Refusal.OTHER_PRECINCT);

    /**
     * The special list: a voter this register does not hold, not yet checked in, of voting age by the IIN's birth
     * date, within the day's cap, is recorded with the clerk and the legal document. A voter the register holds is
     * refused with the register's own reason (e.g. {@link Refusal#VOTED_BY_ABSENTEE_CERTIFICATE}) or sent to check
     * in as usual ({@link Refusal#ON_THIS_REGISTER}).
     */
    private Step specialList(CheckingEligibility s, CheckInEvent event, Instant now, Counters counters) {
        if (!(event instanceof VoterLookedUp e)) {
            return Step.to(s);
        }
        ClerkId clerk = s.clerk().orElseThrow();
        Optional<Refusal> refusal;
        if (e.voter().isPresent()) {
            refusal = Optional.of(Eligibility.check(e.voter(), e.alreadyCheckedIn(), Optional.empty(), policy)
                    .orElse(Refusal.ON_THIS_REGISTER));
        } else if (e.alreadyCheckedIn()) {
            refusal = Optional.of(Refusal.ALREADY_CHECKED_IN);
        } else if (s.iin().birthDate().map(birth -> Period.between(birth, policy.electionDay()).getYears()
                < policy.minimumAge()).orElse(true)) {
            refusal = Optional.of(Refusal.UNDER_AGE);
        } else {
            refusal = Optional.empty();
        }
        if (refusal.isPresent()) {
            return Step.to(new Refused(refusal.get(), false, now),
                    audit(CheckInAuditEvent.REFUSED, refusal.get().name()));
        }
        if (!specialListCap.allows(counters)) {
            return Step.to(new NeedsClerk(ClerkReason.SPECIAL_LIST_CAP_REACHED, Optional.empty()),
                    audit(CheckInAuditEvent.SPECIAL_LIST_REFUSED_CAP, "", clerk),
                    audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.SPECIAL_LIST_CAP_REACHED.name()));
        }
        Session session = Session.specialList(s.iin(), policy.precinct(), clerk);
        return record(session, new CheckInRecord(s.iin(), CheckInMethod.SPECIAL_LIST, Optional.empty(),
                Optional.of(clerk), s.specialList()));
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
        boolean printed = s.printout() instanceof Printout.Printed;
        if (event instanceof Acknowledged
                || (event instanceof Tick && policy.tokenClearsAt(s).filter(at -> !now.isBefore(at)).isPresent())) {
            return Step.to(idle(s.fallback()));
        } else if ((event instanceof CardRead || event instanceof CardUnreadable) && printed && !s.fallback()) {
            // The next voter's card clears the token screen and is read as on the idle screen.
            return fromAwaitingCard(AwaitingCard.FRESH, event, now);
        } else if (event instanceof ReceiptPrinted e && e.token().equals(s.token())) {
            return Step.to(new TokenIssued(s.token(), s.method(), s.fallback(), s.since(), Printout.PRINTED));
        } else if (event instanceof PrintFailed e) {
            return deviceFault(new TokenIssued(s.token(), s.method(), s.fallback(), s.since(),
                    new Printout.NotPrinted(e.fault())), ClerkReason.PRINTER_FAULT, e.fault());
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
        if ((event instanceof CardRead || event instanceof CardUnreadable) && s.refusal() != Refusal.NOT_IDENTIFIED
                && !s.fallback()) {
            // A refusal the voter leaves (to the desk, the chair, their own polling station) is the last voter's:
            // the next voter's card clears it and is read as on the idle screen, as on the token screen (decision
            // 0517). A card-less voter not identified waits for the clerk who types the IIN here; nothing clears it.
            return fromAwaitingCard(AwaitingCard.FRESH, event, now);
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
        } else if (event instanceof ClerkAllowsRetry && (fingerFailed || s.reason() == ClerkReason.SCANNER_FAULT)) {
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
        } else if (event instanceof ClerkEntersPaperMark e) {
            return Step.to(new Paused(s.fallback(), Optional.of(new PaperMarkEntry.Pending(e.iin(), e.clerk()))),
                    new Effect.LookUpVoter(e.iin()));
        } else if (s.paperMark().orElse(null) instanceof PaperMarkEntry.Pending pending) {
            return paperMark(s, pending, event);
        } else if (event instanceof ClerkPinRejected) {
            // The last paper mark's outcome goes: the console must not show it as the answer to this attempt.
            return Step.to(new Paused(s.fallback()), audit(CheckInAuditEvent.CLERK_PIN_REJECTED, ""));
        }
        return Step.to(s);
    }

    /**
     * A paper mark being entered at the paused kiosk: a voter of this register who has not voted (not checked in,
     * not marked, no early or absentee vote in the register) is recorded as marked, with no token; anyone else is
     * refused for their own reason and nothing is recorded, and a kiosk cut off from its precinct's majority records
     * nothing either. The kiosk stays paused throughout.
     */
    private Step paperMark(Paused s, PaperMarkEntry.Pending pending, CheckInEvent event) {
        if (event instanceof VoterLookedUp e) {
            Optional<Refusal> refusal = e.voter().isEmpty()
                    ? Optional.of(e.alreadyCheckedIn() ? Refusal.ALREADY_CHECKED_IN : Refusal.NOT_IN_REGISTER)
                    : Eligibility.check(e.voter(), e.alreadyCheckedIn(), Optional.empty(), policy);
            if (refusal.isPresent()) {
                return paperMarkRefused(s, pending, refusal.get());
            }
            return Step.to(s, new Effect.RecordPaperMark(pending.iin(), pending.clerk()));
        } else if (event instanceof PaperMarkRecorded e) {
            return Step.to(new Paused(s.fallback(), Optional.of(new PaperMarkEntry.Entered(e.reference()))));
        } else if (event instanceof RecordRefusedAlreadyCheckedIn) {
            return paperMarkRefused(s, pending, Refusal.ALREADY_CHECKED_IN);
        } else if (event instanceof NetworkCutOff) {
            return Step.to(new Paused(s.fallback(), Optional.of(PaperMarkEntry.NotEntered.CUT_OFF)));
        }
        return Step.to(s);
    }

    private static Step paperMarkRefused(Paused s, PaperMarkEntry.Pending pending, Refusal refusal) {
        return Step.to(new Paused(s.fallback(), Optional.of(PaperMarkEntry.NotEntered.refused(refusal))),
                audit(CheckInAuditEvent.PAPER_MARK_REFUSED, refusal.name(), pending.clerk()));
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

    /**
     * Cut off from the precinct network: back to the idle screen by itself when the network is back; a clerk may
     * pause the kiosk meanwhile (the precinct's paper procedure).
     */
    private Step fromCutOff(CutOff s, CheckInEvent event) {
        if (event instanceof NetworkRestored) {
            return Step.to(idle(s.fallback()));
        } else if (event instanceof ClerkPauses e) {
            return Step.to(new Paused(s.fallback()), audit(CheckInAuditEvent.PAUSED, "", e.clerk()));
        } else if (event instanceof ClerkPinRejected) {
            return Step.to(s, audit(CheckInAuditEvent.CLERK_PIN_REJECTED, ""));
        }
        return Step.to(s);
    }

    static Step record(Session session, CheckInRecord record) {
        return Step.to(new Recording(session, record), new Effect.RecordCheckIn(record));
    }

    /** A device failed: logged as the device's fault and as a clerk call, and the clerk is signalled. */
    static Step deviceFault(CheckInState shown, ClerkReason reason, DeviceFault fault) {
        return Step.to(shown, audit(CheckInAuditEvent.DEVICE_FAILED, fault.auditDetail()),
                audit(CheckInAuditEvent.CLERK_CALLED, reason.name()),
                new Effect.SignalClerk(reason, Optional.of(fault)));
    }

    private boolean timedOut(Instant since, Instant now) {
        return !now.isBefore(since.plus(policy.idleTimeout()));
    }

    private static CheckInState idle(boolean fallback) {
        return fallback ? new Fallback(Optional.empty()) : AwaitingCard.FRESH;
    }

    /** The screens on which a voter can ask for a commission member (not those already waiting for one). */
    private static boolean waitsForVoter(CheckInState state) {
        return state instanceof AwaitingCard || state instanceof AwaitingFinger || state instanceof Refused
                || state instanceof TokenIssued || state instanceof Paused || state instanceof Fallback
                || state instanceof CutOff;
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
        } else if (state instanceof CutOff s) {
            return s.fallback();
        }
        return state instanceof Fallback || state instanceof Paused p && p.fallback();
    }

    static Effect audit(CheckInAuditEvent event, String detail) {
        return new Effect.Audit(event, detail, Optional.empty());
    }

    private static Effect audit(CheckInAuditEvent event, String detail, ClerkId clerk) {
        return new Effect.Audit(event, detail, Optional.of(clerk));
    }
}
