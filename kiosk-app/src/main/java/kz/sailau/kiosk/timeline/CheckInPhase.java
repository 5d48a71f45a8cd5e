package kz.sailau.kiosk.timeline;

import java.util.Locale;

/**
 * The measured phases of a check-in, in the order a visit goes through them. Each has a message key for the
 * administrator's screen ({@code timeline.phase.<name in lower case>}).
 */
public enum CheckInPhase {
    /** The card's zone text reached the engine → the voter was found in the register (and the ledger asked). */
    CARD_TO_VOTER,
    /** The machine's eligibility decision on the voter found (precinct, age, already checked in). */
    ELIGIBILITY,
    /** One capture's upload on the serial line: the finger seen by the sensor → the whole image received. */
    CAPTURE_WIRE,
    /** The quality check of a live image (contrast, contact area). */
    QUALITY_CHECK,
    /** Template extraction from a live image. */
    EXTRACTION,
    /** 1:1: the live template against the claimed voter's enrolled templates. */
    VERIFY,
    /**
     * 1:N: the identity-swap search over the whole register after a 1:1 (skipped when the claimed voter reaches the
     * identification threshold, decision 0191: {@link #VERIFY} minus this count is how often).
     */
    SWAP_SEARCH,
    /** 1:N: card-less identification over the whole register. */
    IDENTIFICATION,
    /** The durable commit of the check-in with its token id, counters and audit entries. */
    DURABLE_COMMIT,
    /** Making and signing the ballot token. */
    TOKEN_SIGNING,
    /** Laying out and printing the receipt (after the token is on screen). */
    RECEIPT_PRINTING,
    /** Handing a new state to the screens (the engine's state listeners). */
    SCREEN_UPDATE,
    /**
     * What the voter feels: the finger seen by the sensor → the token handed to the screen, for a check-in by
     * fingerprint (the capture that led to the token). Includes {@link #CAPTURE_WIRE}.
     */
    FINGER_TO_TOKEN;

    /** The resource bundle key of the phase's name. */
    public String messageKey() {
        return "timeline.phase." + name().toLowerCase(Locale.ROOT);
    }
}
