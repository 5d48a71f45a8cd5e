package kz.sailau.kiosk.model.mrz;

/**
 * The fields of a TD1 machine readable zone (ICAO Doc 9303, 8th edition, Part 5, section 4.2.2), each with
 * the resource-bundle key of the message shown to the clerk when that field cannot be read.
 */
public enum MrzField {
    /** The whole zone: wrong number of lines, wrong line length or characters outside {@code A-Z 0-9 <}. */
    LAYOUT("mrz.error.layout"),
    /** Line 1, positions 1-2: document code, e.g. {@code ID}. */
    DOCUMENT_CODE("mrz.error.documentCode"),
    /** Line 1, positions 3-5: issuing state (ICAO 9303 Part 3, three-letter code). */
    ISSUING_STATE("mrz.error.issuingState"),
    /** Line 1, positions 6-14 and the check digit at position 15. */
    DOCUMENT_NUMBER("mrz.error.documentNumber"),
    /** Line 1, positions 16-30: optional data; on the Kazakh identity card the IIN in positions 16-27. */
    OPTIONAL_DATA_1("mrz.error.optionalData1"),
    /** The IIN carried in the optional data: twelve digits with a valid IIN control digit. */
    IIN("mrz.error.iin"),
    /** Line 2, positions 1-6 and the check digit at position 7. */
    BIRTH_DATE("mrz.error.birthDate"),
    /** Line 2, position 8: {@code M}, {@code F} or {@code <}. */
    SEX("mrz.error.sex"),
    /** Line 2, positions 9-14 and the check digit at position 15. */
    EXPIRY_DATE("mrz.error.expiryDate"),
    /** Line 2, positions 16-18. */
    NATIONALITY("mrz.error.nationality"),
    /** Line 2, positions 19-29. */
    OPTIONAL_DATA_2("mrz.error.optionalData2"),
    /** Line 2, position 30: the composite check digit. */
    COMPOSITE_CHECK("mrz.error.composite"),
    /** Line 3: primary and secondary identifiers. */
    NAME("mrz.error.name");

    private final String messageKey;

    MrzField(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Resource-bundle key of the message shown to the clerk. */
    public String messageKey() {
        return messageKey;
    }
}
