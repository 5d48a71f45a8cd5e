package kz.sailau.kiosk.checkin;

/**
 * Why the kiosk calls a commission member (комиссия мүшесі), with what they are told and asked to do, and what
 * the voter reads meanwhile. The voter's text never names another voter: a finger that matches someone else
 * is the clerk's to read ({@link #messageKey()}), the voter sees only that a clerk will check the document
 * ({@link #voterMessageKey()}).
 */
public enum ClerkReason {
    /** All fingerprint tries failed: the clerk checks the document and may override with a reason. */
    FINGER_NOT_RECOGNISED("checkin.clerk.fingerNotRecognised", "checkin.next.checkDocumentThenOverride",
            "checkin.clerk.fingerNotRecognised"),
    /** The live finger matches another voter better than the claimed one (told to the clerk only). */
    IDENTITY_SWAP("checkin.clerk.identitySwap", "checkin.next.checkDocumentCarefully",
            "checkin.voter.documentCheck"),
    /** The card could not be read: the clerk types the IIN from the document. */
    CARD_UNREADABLE("checkin.clerk.cardUnreadable", "checkin.next.enterIinByHand", "checkin.clerk.cardUnreadable"),
    /** Card-less identification found a voter: the clerk confirms name and birth date with the voter. */
    CONFIRM_IDENTITY("checkin.clerk.confirmIdentity", "checkin.next.confirmNameAndBirthDate",
            "checkin.clerk.confirmIdentity"),
    /** The override cap is reached: no more overrides without the chair of the commission. */
    OVERRIDE_CAP_REACHED("checkin.clerk.overrideCapReached", "checkin.next.callChairOfCommission",
            "checkin.clerk.overrideCapReached"),
    /** The special-list cap is reached: the chair of the commission takes further voters on the paper list. */
    SPECIAL_LIST_CAP_REACHED("checkin.clerk.specialListCapReached", "checkin.next.callChairOfCommission",
            "checkin.clerk.specialListCapReached"),
    /** The check-in was recorded but no token could be issued: the clerk issues a paper ballot slip. */
    TOKEN_NOT_ISSUED("checkin.clerk.tokenNotIssued", "checkin.next.issueByHand", "checkin.clerk.tokenNotIssued"),
    /**
     * The register, the ledger or the matcher failed (disk full, damaged template): nothing was recorded for
     * this voter; the clerk cancels and, if it repeats, switches to manual fallback mode.
     */
    SYSTEM_FAULT("checkin.clerk.systemFault", "checkin.next.cancelThenFallback", "checkin.clerk.systemFault"),
    /**
     * The kiosk's disk is full ({@link LedgerFullException}): nothing was recorded for this voter; the administrator
     * frees space, then the clerk cancels and the voter checks in again (decision 0450).
     */
    STORE_FULL("checkin.clerk.storeFull", "checkin.next.freeSpaceThenCancel", "checkin.voter.storeFull"),
    /** The voter pressed "call a commission member". */
    VOTER_REQUEST("checkin.clerk.voterRequest", "checkin.next.helpTheVoter", "clerk.coming"),
    /**
     * The fingerprint scanner failed while the kiosk waited for a finger (unplugged, stalled, line errors): the
     * clerk checks the scanner and lets the voter try again, or cancels and starts manual check-in.
     */
    SCANNER_FAULT("checkin.clerk.scannerFault", "checkin.next.checkScannerThenRetry", "checkin.voter.scannerFault"),
    /** The identity-card reader failed: the clerk checks its cable or types IINs by hand. */
    CARD_READER_FAULT("checkin.clerk.cardReaderFault", "clerk.next.checkCardReader", "checkin.voter.cardReaderFault"),
    /** The receipt of an issued token was not printed: the clerk fixes the printer, voids the token and reprints. */
    PRINTER_FAULT("checkin.clerk.printerFault", "clerk.next.voidAndReprint", "checkin.voter.printerFault");

    private final String messageKey;
    private final String nextStepKey;
    private final String voterMessageKey;

    ClerkReason(String messageKey, String nextStepKey, String voterMessageKey) {
        this.messageKey = messageKey;
        this.nextStepKey = nextStepKey;
        this.voterMessageKey = voterMessageKey;
    }

    /** Resource-bundle key of what the clerk is told. */
    public String messageKey() {
        return messageKey;
    }

    /** Resource-bundle key of the next step shown to the clerk. */
    public String nextStepKey() {
        return nextStepKey;
    }

    /** Resource-bundle key of what the voter reads while waiting; never about another voter. */
    public String voterMessageKey() {
        return voterMessageKey;
    }
}
