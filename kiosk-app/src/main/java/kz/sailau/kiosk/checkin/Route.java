package kz.sailau.kiosk.checkin;

/** How the voter's IIN reached the kiosk. */
public enum Route {
    /** Read from the identity card's machine readable zone. */
    CARD,
    /** Typed by an authenticated clerk from the document. */
    CLERK_ENTRY,
    /** Found by fingerprint identification (1:N), no card. */
    CARDLESS,
    /** Typed by a clerk in manual fallback mode. */
    FALLBACK,
    /** Typed by a clerk who adds the voter to the special list with a legal document. */
    SPECIAL_LIST
}
