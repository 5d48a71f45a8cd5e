package kz.sailau.kiosk.checkin;

/**
 * Why a voter cannot be checked in at this kiosk, with the message the voter sees and the next step the
 * clerk takes. Each eligibility rule of the issue has its own reason.
 */
public enum Refusal {
    /** The IIN is not in this precinct's register. */
    NOT_IN_REGISTER("checkin.refusal.notInRegister", "checkin.next.sendToCommissionForRegisterCheck"),
    /**
     * The voter is registered in another precinct: the authority's redirection table names it, and the voter and the
     * clerk are told its number and address ({@code CheckInState.Refused#station()}).
     */
    OTHER_PRECINCT("checkin.refusal.otherPrecinct", "checkin.next.directToOwnPrecinct"),
    /**
     * The register marks the voter as having voted early (мерзімінен бұрын дауыс берген / проголосовал досрочно):
     * the clerk shows the chair, who checks the early-voting list.
     */
    VOTED_EARLY("checkin.refusal.votedEarly", "checkin.next.checkPriorVoteList"),
    /**
     * The register marks the voter as having taken an absentee certificate to vote elsewhere: at this precinct the
     * voter votes only on the special list, with the certificate, if the commission adds them.
     */
    VOTED_BY_ABSENTEE_CERTIFICATE("checkin.refusal.absenteeCertificate", "checkin.next.checkPriorVoteList"),
    /**
     * A clerk tried to add to the special list a voter who is in this precinct's register: the voter checks in with
     * the card and finger as everyone else.
     */
    ON_THIS_REGISTER("checkin.refusal.onThisRegister", "checkin.next.checkInAsUsual"),
    /** The voter has already been checked in today (сайлаушы тіркеліп қойған). */
    ALREADY_CHECKED_IN("checkin.refusal.alreadyCheckedIn", "checkin.next.callChairOfCommission"),
    /** Younger than the minimum voting age on election day. */
    UNDER_AGE("checkin.refusal.underAge", "checkin.next.explainAgeRule"),
    /** The identity card has expired before or on election day. */
    DOCUMENT_EXPIRED("checkin.refusal.documentExpired", "checkin.next.askForValidDocument"),
    /** The card's birth date disagrees with the register entry of its IIN. */
    DOCUMENT_MISMATCH("checkin.refusal.documentMismatch", "checkin.next.checkDocumentByHand"),
    /**
     * Card-less identification found nobody in the register by fingerprint (the 1:N threshold is strict, see
     * decision 0040): the clerk checks the identity document by hand and types the IIN, and the finger is then
     * verified 1:1 against that voter.
     */
    NOT_IDENTIFIED("checkin.refusal.notIdentified", "checkin.next.checkDocumentThenEnterIin");

    private final String messageKey;
    private final String nextStepKey;

    Refusal(String messageKey, String nextStepKey) {
        this.messageKey = messageKey;
        this.nextStepKey = nextStepKey;
    }

    /** Resource-bundle key of the message shown to the voter. */
    public String messageKey() {
        return messageKey;
    }

    /** Resource-bundle key of the next step shown to the clerk. */
    public String nextStepKey() {
        return nextStepKey;
    }
}
