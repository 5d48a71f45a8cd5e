package kz.sailau.kiosk.model;

/**
 * Thrown when text is not a valid IIN. The message names the rule that failed and never contains the
 * digits themselves.
 */
public final class InvalidIinException extends IllegalArgumentException {

    /** Which rule the text broke; each has a user-facing message key. */
    public enum Reason {
        /** Not exactly twelve characters. */
        LENGTH("iin.error.length", "IIN must have exactly 12 digits"),
        /** A character other than 0-9. */
        NOT_DIGITS("iin.error.digits", "IIN must contain digits only"),
        /** The control digit does not match the first eleven digits. */
        CONTROL_DIGIT("iin.error.control", "IIN control digit is wrong");

        private final String messageKey;
        private final String technicalMessage;

        Reason(String messageKey, String technicalMessage) {
            this.messageKey = messageKey;
            this.technicalMessage = technicalMessage;
        }

        /** Resource-bundle key of the message shown to the clerk. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    /** Creates the exception for the given broken rule. */
    public InvalidIinException(Reason reason) {
        super(reason.technicalMessage);
        this.reason = reason;
    }

    /** The rule that failed. */
    public Reason reason() {
        return reason;
    }
}
