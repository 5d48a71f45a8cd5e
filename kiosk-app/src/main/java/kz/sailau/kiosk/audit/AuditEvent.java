package kz.sailau.kiosk.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An event to record in the audit log: a catalogue type and fields that cannot hold personal data
 * (see {@link AuditField}). Fields are kept sorted by name so that the encoding is canonical.
 *
 * @param type   the catalogue type
 * @param fields the fields, at most {@value #MAX_FIELDS}, names unique
 */
public record AuditEvent(AuditEventType type, List<AuditField> fields) {

    /**
     * The most fields one event carries: a bound on an entry's size, not a schema. The largest is a precinct package's
     * {@code REGISTER_LOADED} with 9 (decisions 0461, 0492, 0506).
     */
    public static final int MAX_FIELDS = 12;

    /** Validates and sorts the fields. */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fields, "fields");
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("an audit event has at most " + MAX_FIELDS + " fields");
        }
        fields = fields.stream().sorted(Comparator.comparing(AuditField::name)).toList();
        for (int i = 1; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fields.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate audit field " + fields.get(i).name());
            }
        }
    }

    /** An event of the given type with the given fields. */
    public static AuditEvent of(AuditEventType type, AuditField... fields) {
        return new AuditEvent(type, List.of(fields));
    }

    /** The value of a field, or null when absent. */
    public String field(String name) {
        for (AuditField field : fields) {
            if (field.name().equals(name)) {
                return field.value();
            }
        }
        return null;
    }
}
