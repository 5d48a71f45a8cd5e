package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A case open for a commission member at a kiosk, as the clerk station shows it: the kiosk's own clerk-console
 * wording (what happened, the next step). On the precinct network a case travels as a fixed code,
 * {@code clerk.REASON} for a {@link ClerkReason} or {@code refusal.REFUSAL} for a {@link Refusal}: never anything
 * about the voter.
 *
 * @param messageKey  what the clerk is told (the key the kiosk's console shows)
 * @param nextStepKey the next step
 */
public record OpenCase(String messageKey, String nextStepKey) {

    /** A code this build does not know (a kiosk of a later build): the station sends the clerk to the kiosk. */
    public static final OpenCase UNKNOWN = new OpenCase("station.case.unknown", "station.next.goToKiosk");

    private static final String CLERK = "clerk.";
    private static final String REFUSAL = "refusal.";

    /** @throws NullPointerException on a null key */
    public OpenCase {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(nextStepKey, "nextStepKey");
    }

    /** The code of a wait for a clerk, e.g. {@code clerk.FINGER_NOT_RECOGNISED}. */
    public static String code(ClerkReason reason) {
        return CLERK + reason.name();
    }

    /** The code of a refusal, e.g. {@code refusal.ALREADY_CHECKED_IN}. */
    public static String code(Refusal refusal) {
        return REFUSAL + refusal.name();
    }

    /**
     * The codes of the cases a kiosk in {@code state}, with its clerk-call signal, has open: the wait for a clerk or
     * the refusal on screen, and the reason of a call (the voter pressed "call", a device failed).
     */
    public static SortedSet<String> codes(CheckInState state, Optional<ClerkCall> call) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(call, "call");
        SortedSet<String> codes = new TreeSet<>();
        if (state instanceof CheckInState.NeedsClerk needs) {
            codes.add(code(needs.reason()));
        } else if (state instanceof CheckInState.Refused refused) {
            codes.add(code(refused.refusal()));
        }
        call.ifPresent(c -> codes.add(code(c.reason())));
        return codes;
    }

    /** The case a code names; {@link #UNKNOWN} for a code this build does not know. */
    public static OpenCase of(String code) {
        Objects.requireNonNull(code, "code");
        try {
            if (code.startsWith(CLERK)) {
                ClerkReason reason = ClerkReason.valueOf(code.substring(CLERK.length()));
                return new OpenCase(reason.messageKey(), reason.nextStepKey());
            }
            if (code.startsWith(REFUSAL)) {
                Refusal refusal = Refusal.valueOf(code.substring(REFUSAL.length()));
                return new OpenCase(refusal.messageKey(), refusal.nextStepKey());
            }
        } catch (IllegalArgumentException e) {
            // A kind of a later build: shown as a case to see at the kiosk.
        }
        return UNKNOWN;
    }
}
