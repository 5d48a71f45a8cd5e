package kz.sailau.kiosk.precinct;

import java.util.Objects;

/**
 * The administrator asked for a membership change that would harm the precinct network, refused before anything
 * was committed: withdrawing this machine itself ({@value #WITHDRAW_SELF}), withdrawing a machine when the rest
 * could no longer reach a majority of their own ({@value #WITHDRAW_MAJORITY}), or admitting a machine that is
 * already a voting member ({@value #ALREADY_MEMBER}). The message key is for the administrator; the technical
 * message names machines only.
 */
public final class PrecinctMembershipException extends RuntimeException {

    /** Withdrawing the machine the administrator works at. */
    public static final String WITHDRAW_SELF = "node.refused.withdrawSelf";
    /** The remaining members would not reach a majority of themselves: nothing could be decided any more. */
    public static final String WITHDRAW_MAJORITY = "node.refused.withdrawMajority";
    /** The certificate names a machine that is already a voting member. */
    public static final String ALREADY_MEMBER = "node.refused.alreadyMember";

    private final String messageKey;

    /**
     * @param messageKey       one of the keys above
     * @param technicalMessage for the log, machine names only
     */
    public PrecinctMembershipException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** The message key for the administrator. */
    public String messageKey() {
        return messageKey;
    }
}
