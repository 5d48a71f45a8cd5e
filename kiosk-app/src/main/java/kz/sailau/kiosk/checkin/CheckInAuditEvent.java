package kz.sailau.kiosk.checkin;

/**
 * The check-in engine's audit events. An event carries only its kind and a fixed detail code (an enum
 * constant name such as a {@link Refusal} or {@link OverrideReason}) and the clerk's id where a clerk acted:
 * by construction no IIN, name, date or biometric value can be written with it.
 */
public enum CheckInAuditEvent {
    /** A voter was checked in; detail: the {@link CheckInMethod}. Written by the ledger's record call. */
    CHECKED_IN,
    /** A voter was refused; detail: the {@link Refusal}. */
    REFUSED,
    /**
     * A mark made on the printed voter list was entered; detail: its {@link PaperFormReference} ({@code P-nnnn}).
     * Written by the ledger's recordPaperMark call.
     */
    PAPER_MARK_ENTERED,
    /** A paper mark a clerk entered was not recorded; detail: the {@link Refusal}. */
    PAPER_MARK_REFUSED,
    /** The kiosk called a clerk; detail: the {@link ClerkReason}. */
    CLERK_CALLED,
    /** A clerk PIN was wrong; detail: none. */
    CLERK_PIN_REJECTED,
    /** An override was refused because the cap is reached; detail: none. */
    OVERRIDE_REFUSED_CAP,
    /** Overrides are approaching the cap; detail: none. */
    OVERRIDE_CAP_WARNING,
    /** The last token was voided; detail: none. Written by the ledger's replaceToken call. */
    TOKEN_VOIDED,
    /**
     * A ballot token was issued (never its id); detail: none. Written by the ledger with the check-in or the
     * replacement it belongs to.
     */
    TOKEN_ISSUED,
    /**
     * No token could be made for a check-in or a replacement (the clerk serves the voter by hand); detail: none.
     * Written by the ledger in the same atomic step.
     */
    TOKEN_NOT_ISSUED,
    /** Manual fallback mode began; detail: none. */
    FALLBACK_STARTED,
    /** Manual fallback mode ended; detail: none. */
    FALLBACK_ENDED,
    /** The kiosk was paused by a clerk; detail: none. */
    PAUSED,
    /** The kiosk was resumed by a clerk; detail: none. */
    RESUMED,
    /** A device failed; detail: {@link DeviceFault#auditDetail()} ({@code DEVICE:KIND}). */
    DEVICE_FAILED,
    /** A device that had failed works again; detail: the {@link DeviceFault.Device}. */
    DEVICE_RESTORED,
    /** A special-list entry was refused because the cap is reached; detail: none. */
    SPECIAL_LIST_REFUSED_CAP,
    /** A clerk helps a voter who cannot use the kiosk alone (clerk-assisted mode); detail: none. */
    VOTER_ASSISTED
}
