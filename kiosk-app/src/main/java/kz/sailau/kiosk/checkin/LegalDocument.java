package kz.sailau.kiosk.checkin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The document behind a special-list entry: its kind (the legal reason) and its number as printed on it (the
 * absentee certificate's or the court decision's number). The number identifies a person's paper: it is kept
 * encrypted at rest and never reaches the audit log, which records the reason only. {@link #toString()} shows the
 * reason only.
 *
 * @param reason the legal reason (and so the kind of document)
 * @param number the document's number: 1 to 32 of Latin or Cyrillic letters, digits, {@code - / №} and spaces
 */
public record LegalDocument(SpecialListReason reason, String number) {

    private static final Pattern NUMBER = Pattern.compile("[\\p{IsLatin}\\p{IsCyrillic}0-9№/\\- ]{1,32}");

    /** @throws IllegalArgumentException on an empty or malformed number (the message does not quote it) */
    public LegalDocument {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(number, "number");
        number = number.strip();
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a document number is 1 to 32 letters, digits, -, /, № or spaces");
        }
    }

    @Override
    public String toString() {
        return "LegalDocument[" + reason + ", ***]";
    }
}
