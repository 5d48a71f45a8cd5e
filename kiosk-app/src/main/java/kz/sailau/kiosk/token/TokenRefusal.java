package kz.sailau.kiosk.token;

/** Why the ballot desk refuses a token, with the message key shown to the desk clerk. */
public enum TokenRefusal {
    /** Not a token at all: wrong shape, wrong length, characters outside the alphabet. */
    MALFORMED("token.refusal.malformed"),
    /** A typed code whose check character does not match (a typing error). */
    BAD_CHECK_CHARACTER("token.refusal.badCheckCharacter"),
    /**
     * A typed code whose tag is not the one of the precinct token key for this election and precinct: forged,
     * issued at another precinct or for another election, or mistyped in a way the check character missed.
     */
    TYPED_CODE_NOT_VALID("token.refusal.typedCodeNotValid"),
    /** A format version this desk does not know. */
    UNSUPPORTED_VERSION("token.refusal.unsupportedVersion"),
    /** The signature is not the kiosk's. */
    WRONG_SIGNATURE("token.refusal.wrongSignature"),
    /** Issued for another election. */
    OTHER_ELECTION("token.refusal.otherElection"),
    /** Issued at another precinct. */
    OTHER_PRECINCT("token.refusal.otherPrecinct"),
    /** Already redeemed at this desk (on a precinct network: at any desk). */
    ALREADY_REDEEMED("token.refusal.alreadyRedeemed"),
    /** On a precinct network: no kiosk of the precinct issued this token id. */
    NOT_ISSUED("token.refusal.notIssued"),
    /** On a precinct network: the kiosk voided this token (it failed to print and was replaced). */
    VOIDED("token.refusal.voided"),
    /** On a precinct network: the day is sealed, the ledger redeems no more tokens (decision 0471). */
    DAY_SEALED("token.refusal.daySealed"),
    /** A token of the pre-election logic-and-accuracy test ({@code LA-TEST-} election): never valid for a ballot. */
    TEST_TOKEN("token.refusal.testToken");

    private final String messageKey;

    TokenRefusal(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Resource-bundle key of the message for the desk clerk. */
    public String messageKey() {
        return messageKey;
    }
}
