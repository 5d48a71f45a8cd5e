package kz.sailau.kiosk.checkin;

/**
 * The legal reasons for which the commission adds a voter to this precinct's list on election day (the special
 * list: дополнительный список / қосымша тізім), each with the document the clerk checks and records.
 */
public enum SpecialListReason {
    /** The voter brings an absentee certificate (открепительное удостоверение) from another precinct. */
    ABSENTEE_CERTIFICATE("checkin.specialList.absenteeCertificate"),
    /** A court decision orders the voter included in the list. */
    COURT_DECISION("checkin.specialList.courtDecision");

    private final String messageKey;

    SpecialListReason(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Resource-bundle key of the reason's label. */
    public String messageKey() {
        return messageKey;
    }
}
