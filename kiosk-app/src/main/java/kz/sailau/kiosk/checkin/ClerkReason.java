package kz.sailau.kiosk.checkin;

/** Why the kiosk waits for a commission member (комиссия мүшесі), with what they are asked to do. */
public enum ClerkReason {
    /** All fingerprint tries failed: the clerk checks the document and may override with a reason. */
    FINGER_NOT_RECOGNISED("checkin.clerk.fingerNotRecognised", "checkin.next.checkDocumentThenOverride"),
    /** The live finger matches another voter better than the claimed one. */
    IDENTITY_SWAP("checkin.clerk.identitySwap", "checkin.next.checkDocumentCarefully"),
    /** The card could not be read: the clerk types the IIN from the document. */
    CARD_UNREADABLE("checkin.clerk.cardUnreadable", "checkin.next.enterIinByHand"),
    /** Card-less identification found a voter: the clerk confirms name and birth date with the voter. */
    CONFIRM_IDENTITY("checkin.clerk.confirmIdentity", "checkin.next.confirmNameAndBirthDate"),
    /** The override cap is reached: no more overrides without the chair of the commission. */
    OVERRIDE_CAP_REACHED("checkin.clerk.overrideCapReached", "checkin.next.callChairOfCommission"),
    /** The check-in was recorded but no token could be issued: the clerk issues a paper ballot slip. */
    TOKEN_NOT_ISSUED("checkin.clerk.tokenNotIssued", "checkin.next.issueByHand"),
    /**
     * The register, the ledger or the matcher failed (disk full, damaged template): nothing was recorded for
     * this voter; the clerk cancels and, if it repeats, switches to manual fallback mode.
     */
    SYSTEM_FAULT("checkin.clerk.systemFault", "checkin.next.cancelThenFallback");

    private final String messageKey;
    private final String nextStepKey;

    ClerkReason(String messageKey, String nextStepKey) {
        this.messageKey = messageKey;
        this.nextStepKey = nextStepKey;
    }

    /** Resource-bundle key of the message shown on the kiosk. */
    public String messageKey() {
        return messageKey;
    }

    /** Resource-bundle key of the next step shown to the clerk. */
    public String nextStepKey() {
        return nextStepKey;
    }
}
