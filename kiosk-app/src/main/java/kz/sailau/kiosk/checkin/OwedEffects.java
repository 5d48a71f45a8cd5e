package kz.sailau.kiosk.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInEvent.ClerkEvent;
import kz.sailau.kiosk.checkin.CheckInMachine.Step;
import kz.sailau.kiosk.checkin.CheckInState.*;

/**
 * The effects every transition of {@link CheckInMachine} owes, whatever its own rule: the scanner runs exactly
 * while the machine waits for a finger, every token shown is printed, and the clerk-call signal goes up when the
 * machine starts waiting for a clerk and comes down when a clerk acts or the voter leaves. Kept apart from the
 * states' own transitions so that none of them can forget these.
 */
final class OwedEffects {

    private OwedEffects() {
    }

    /**
     * Adds the device and signal effects every transition owes: cancel a capture the
     * machine no longer waits for and lower the signal first, then the transition's own effects, then start a
     * capture, print a new token and raise the signal for a new wait for a clerk.
     */
    static Step add(CheckInState before, CheckInEvent event, Step step) {
        CheckInState after = step.state();
        boolean changed = !after.equals(before);
        List<Effect> effects = new ArrayList<>();
        if (before instanceof AwaitingFinger && !(after instanceof AwaitingFinger || after instanceof Matching)) {
            effects.add(new Effect.CancelCapture());
        }
        boolean clerkActed = event instanceof ClerkEvent && (changed || !step.effects().isEmpty());
        boolean voterLeft = isIdle(after) && !isIdle(before)
                || before instanceof TokenIssued && after instanceof CheckingEligibility;
        if (clerkActed || voterLeft) {
            effects.add(new Effect.ClearClerkSignal());
        }
        effects.addAll(step.effects());
        if (after instanceof AwaitingFinger && !(before instanceof AwaitingFinger)) {
            effects.add(new Effect.StartCapture());
        }
        if (after instanceof TokenIssued issued && issued.printout() instanceof Printout.Printing
                && !(before instanceof TokenIssued shown && shown.token().equals(issued.token()))) {
            effects.add(new Effect.PrintReceipt(issued.token()));
        }
        if (after instanceof NeedsClerk needs && changed
                && step.effects().stream().noneMatch(Effect.SignalClerk.class::isInstance)) {
            effects.add(new Effect.SignalClerk(needs.reason(), Optional.empty()));
        }
        return new Step(after, effects);
    }

    /** The idle screens: no voter at the kiosk. */
    static boolean isIdle(CheckInState state) {
        return state instanceof AwaitingCard || state instanceof Fallback;
    }
}
