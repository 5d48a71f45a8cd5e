package kz.sailau.kiosk.model.mrz;

import java.util.Objects;

/**
 * Thrown when a machine readable zone cannot be read. Names the field that failed (with its message key
 * for the clerk); the technical message names the rule and never contains the field's content.
 */
public final class MrzFormatException extends IllegalArgumentException {

    private final MrzField field;

    /**
     * @param field            the field that failed
     * @param technicalMessage the rule that failed, without personal data
     */
    public MrzFormatException(MrzField field, String technicalMessage) {
        super(Objects.requireNonNull(field, "field") + ": " + technicalMessage);
        this.field = field;
    }

    /** The field that failed. */
    public MrzField field() {
        return field;
    }

    /** Resource-bundle key of the message shown to the clerk. */
    public String messageKey() {
        return field.messageKey();
    }
}
