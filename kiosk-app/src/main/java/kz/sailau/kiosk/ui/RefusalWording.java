package kz.sailau.kiosk.ui;

import java.util.Objects;
import kz.sailau.kiosk.checkin.Refusal;

/**
 * What a refused voter reads as their next step, worded by who acts next. Where the voter acts (goes to the
 * commission members' desk, to the chair, to their own polling station), the screen says where and offers "I
 * understand"; where a commission member must act at the kiosk (a card-less voter not found by fingerprint: the clerk
 * types the IIN from the document here), the screen asks the voter to call one and has no button that dismisses it.
 * Presentation only: the engine's rules are in {@link Refusal} and the check-in machine.
 */
final class RefusalWording {

    private RefusalWording() {
    }

    /** The message key of the voter's next step after {@code refusal}; every one is a whole sentence. */
    static String nextStepKey(Refusal refusal) {
        Objects.requireNonNull(refusal, "refusal");
        return switch (refusal) {
            case NOT_IN_REGISTER, DOCUMENT_MISMATCH, ON_THIS_REGISTER -> "refusal.next.goToDesk";
            case OTHER_PRECINCT -> "refusal.next.ownPrecinct";
            case ALREADY_CHECKED_IN, VOTED_EARLY, VOTED_BY_ABSENTEE_CERTIFICATE -> "refusal.next.chair";
            case UNDER_AGE -> "refusal.next.underAge";
            case DOCUMENT_EXPIRED -> "refusal.next.validDocument";
            case NOT_IDENTIFIED -> "refusal.next.callClerk";
        };
    }

    /**
     * The message key of the clerk console's heading of {@code refusal}: the case in the clerk's words ("The voter is
     * on another precinct's list"), where the voter's screen addresses the voter ("You are registered at another
     * polling station"); decision 0416.
     */
    static String clerkHeadingKey(Refusal refusal) {
        Objects.requireNonNull(refusal, "refusal");
        return switch (refusal) {
            case NOT_IN_REGISTER -> "clerk.refusal.notInRegister";
            case OTHER_PRECINCT -> "clerk.refusal.otherPrecinct";
            case VOTED_EARLY -> "clerk.refusal.votedEarly";
            case VOTED_BY_ABSENTEE_CERTIFICATE -> "clerk.refusal.absenteeCertificate";
            case ON_THIS_REGISTER -> "clerk.refusal.onThisRegister";
            case ALREADY_CHECKED_IN -> "clerk.refusal.alreadyCheckedIn";
            case UNDER_AGE -> "clerk.refusal.underAge";
            case DOCUMENT_EXPIRED -> "clerk.refusal.documentExpired";
            case DOCUMENT_MISMATCH -> "clerk.refusal.documentMismatch";
            case NOT_IDENTIFIED -> "clerk.refusal.notIdentified";
        };
    }

    /** Whether the voter acts next (and may leave the screen with "I understand"), rather than a commission member. */
    static boolean voterActsNext(Refusal refusal) {
        return refusal != Refusal.NOT_IDENTIFIED;
    }
}
