package kz.sailau.kiosk.checkin;

/** How a voter's identity was established; reports count each method separately. */
public enum CheckInMethod {
    /** Card (or IIN typed by a clerk) and a live fingerprint matched the same register entry. */
    FINGERPRINT,
    /** Found by fingerprint 1:N without a card; a clerk confirmed name and birth date. */
    CARDLESS_FINGERPRINT,
    /** Fingerprint failed; a clerk checked the document and authorised with a reason. */
    CLERK_OVERRIDE,
    /** Manual fallback mode (hardware failed): clerk-only check-in by IIN, marked in reports. */
    FALLBACK,
    /**
     * Not in this precinct's register: the commission added the voter to the special list with a legal reason
     * (absentee certificate, court decision); a clerk recorded the document. Marked in reports.
     */
    SPECIAL_LIST
}
