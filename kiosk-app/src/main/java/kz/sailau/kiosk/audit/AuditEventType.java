package kz.sailau.kiosk.audit;

/**
 * The declared catalogue of audit events. Each type lists the only fields its events may carry; none of
 * them can hold personal data, a biometric or a token id (see {@link AuditEvent}).
 */
public enum AuditEventType {
    /** The kiosk program started. Fields: software version. */
    KIOSK_STARTED,
    /** The administrator unlocked the kiosk store. */
    STORE_UNLOCKED,
    /** Unlocking the store failed (wrong passphrase). */
    STORE_UNLOCK_FAILED,
    /**
     * A register package was loaded. Fields: register version, package hash, voter count, template count (since
     * decision 0461), SHA-256 of the authority certificate it was verified with.
     */
    REGISTER_LOADED,
    /** A register package was refused. Fields: refusal code. */
    REGISTER_REFUSED,
    /**
     * Pre-election logic-and-accuracy test started on a separate test store. Fields: test package hash, test
     * voter count ({@link LogicAccuracyEvents}).
     */
    LA_TEST_STARTED,
    /**
     * Logic-and-accuracy test ended, its store wiped and its counters reset. Fields: check-ins, refusals,
     * overrides and tokens issued during the test ({@link LogicAccuracyEvents}).
     */
    LA_TEST_ENDED,
    /** A voter was checked in after a fingerprint match. */
    CHECK_IN_BY_FINGERPRINT,
    /** A clerk checked a voter in by override. Fields: override reason code. */
    CHECK_IN_BY_OVERRIDE,
    /** A clerk checked a voter in during manual fallback. */
    CHECK_IN_IN_FALLBACK,
    /** A check-in was refused. Fields: refusal reason code. */
    CHECK_IN_REFUSED,
    /**
     * A ballot token was issued (the count only: never its id). No fields; stamped with the day only
     * ({@link #dayOnly()}). Written in the same transaction as the check-in or the void it belongs to.
     */
    TOKEN_ISSUED,
    /** The last ballot token was voided by a clerk (it failed to print). Fields: clerk. Stamped with the day only. */
    TOKEN_VOIDED,
    /**
     * No token could be made for a check-in or a replacement; the clerk serves the voter by hand. No fields;
     * stamped with the day only. Written in the same transaction as the check-in or the void it belongs to.
     */
    TOKEN_NOT_ISSUED,
    /** A clerk credential was refused. */
    CLERK_LOGIN_FAILED,
    /** The kiosk called a clerk. Fields: reason code (a clerk reason, or CANCELLED). */
    CLERK_CALLED,
    /** An override was refused because the override cap is reached. Fields: clerk. */
    OVERRIDE_REFUSED_CAP,
    /** Overrides are approaching the cap. Fields: clerk. */
    OVERRIDE_CAP_WARNING,
    /** The kiosk was paused by a clerk. */
    KIOSK_PAUSED,
    /** The kiosk was resumed by a clerk. */
    KIOSK_RESUMED,
    /** Manual fallback mode began. Fields: cause code. */
    FALLBACK_STARTED,
    /** Manual fallback mode ended. */
    FALLBACK_ENDED,
    /** A hardware device failed or came back. Fields: device code, state code. */
    DEVICE_STATE_CHANGED,
    /** The chain head was signed by the kiosk key. Fields: head sequence, head hash, signature (base64). */
    CHAIN_HEAD_SIGNED,
    /** The polls were closed; no more check-ins. Fields: the day's counts. */
    DAY_CLOSED,
    /** Biometric and personal data were wiped. */
    WIPE_DONE,
    /** The administrator added a clerk to the roster. Fields: clerk (the login code only). */
    CLERK_ADDED,
    /** The administrator removed a clerk from the roster. Fields: clerk (the login code only). */
    CLERK_REMOVED,
    /** The administrator set a new PIN for a clerk and unlocked it. Fields: clerk (the login code only). */
    CLERK_PIN_RESET,
    /** A clerk was locked after too many wrong PINs in a row. Fields: clerk (the login code only). */
    CLERK_LOCKED_OUT,
    /**
     * The administrator saved the device settings. Fields: per device ({@code scanner}, {@code mrzReader},
     * {@code printer}) CHANGED or UNCHANGED, and its speed ({@code scannerBaud} ...); never the port paths.
     */
    DEVICES_CONFIGURED,
    /**
     * A clerk checked in a voter the commission added to the special list (not in this precinct's register).
     * Fields: method, reason code (the legal reason: absentee certificate, court decision), clerk; never the
     * document's number.
     */
    CHECK_IN_ON_SPECIAL_LIST,
    /** A special-list entry was refused because the day's cap is reached. Fields: clerk. */
    SPECIAL_LIST_REFUSED_CAP,
    /** A clerk helped a voter who cannot use the kiosk alone (clerk-assisted mode). Fields: clerk. */
    VOTER_ASSISTED,
    /**
     * The administrator admitted a machine to the precinct network from this kiosk (a spare or a replacement).
     * Fields: member (the machine's name, e.g. {@code kiosk-4}), role, certificate (its SHA-256).
     */
    PRECINCT_MEMBER_ADMITTED,
    /** The administrator withdrew a machine from the precinct network from this kiosk. Fields: member. */
    PRECINCT_MEMBER_WITHDRAWN,
    /**
     * A membership change the administrator asked for at this kiosk was refused or not committed. Fields: action
     * (ADMIT, WITHDRAW, REPLACE), refusal (the message key, e.g. {@code node.refused.otherPrecinct}).
     */
    PRECINCT_MEMBERSHIP_REFUSED,
    /**
     * A clerk entered a mark made on the printed voter list during an outage: the voter counts as having voted, with
     * no ballot token. Fields: form (the mark's paper form reference, {@code P-nnnn}), clerk; never the voter.
     */
    PAPER_MARK_ENTERED,
    /** A paper mark a clerk entered was not recorded. Fields: reason (the refusal code), clerk. */
    PAPER_MARK_REFUSED;

    /**
     * Whether entries of this type carry only the day (UTC midnight) instead of the minute: the token events, so
     * that nothing but their place in the chain relates them to a check-in (decision 0121).
     */
    public boolean dayOnly() {
        return this == TOKEN_ISSUED || this == TOKEN_VOIDED || this == TOKEN_NOT_ISSUED;
    }
}
