package kz.sailau.kiosk.checkin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInMachine.Step;
import kz.sailau.kiosk.checkin.CheckInState.*;

/**
 * The fingerprint's part of the {@link CheckInMachine}: waiting for a finger (with its countdown and the scanner's
 * faults) and judging a capture: 1:1 against the claimed voter at the verify threshold, the 1:N identity-swap
 * check, card-less identification at the identification threshold (decision 0040), and the tries before a clerk
 * is called.
 */
final class FingerTransitions {

    private final CheckInPolicy policy;

    FingerTransitions(CheckInPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    Step fromAwaitingFinger(AwaitingFinger s, CheckInEvent event, Instant now) {
        if (event instanceof FingerCaptured e) {
            return Step.to(new Matching(s.session(), s.captures() + 1),
                    s.session().isPresent()
                            ? new Effect.ScoreCapture(e.image(), s.session().get().voter())
                            : new Effect.IdentifyCapture(e.image()));
        } else if (event instanceof ScannerFailed e) {
            return Step.to(new NeedsClerk(ClerkReason.SCANNER_FAULT, s.session()),
                    CheckInMachine.audit(CheckInAuditEvent.DEVICE_FAILED, e.fault().auditDetail()),
                    CheckInMachine.audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.SCANNER_FAULT.name()),
                    new Effect.SignalClerk(ClerkReason.SCANNER_FAULT, Optional.of(e.fault())));
        } else if (event instanceof Tick) {
            Instant deadline = s.since().plus(policy.idleTimeout());
            if (!now.isBefore(deadline)) {
                return Step.to(AwaitingCard.FRESH);
            }
            if (s.countdownUntil().isEmpty() && !now.isBefore(deadline.minus(policy.fingerCountdown()))) {
                return Step.to(new AwaitingFinger(s.session(), s.captures(), s.hint(), s.since(),
                        Optional.of(deadline)));
            }
        } else if (event instanceof VoterWantsMoreTime && s.countdownUntil().isPresent()) {
            return Step.to(new AwaitingFinger(s.session(), s.captures(), s.hint(), now));
        }
        return Step.to(s);
    }

    Step fromMatching(Matching s, CheckInEvent event, Instant now) {
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
                    CheckInMachine.audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.IDENTITY_SWAP.name()));
        }
        if (e.claimedScore() >= t) {
            return CheckInMachine.record(session, new CheckInRecord(session.iin(), CheckInMethod.FINGERPRINT, Optional.empty(),
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
                    CheckInMachine.audit(CheckInAuditEvent.REFUSED, Refusal.NOT_IDENTIFIED.name()));
        }
        return Step.to(new NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, s.session()),
                CheckInMachine.audit(CheckInAuditEvent.CLERK_CALLED, ClerkReason.FINGER_NOT_RECOGNISED.name()));
    }
}
