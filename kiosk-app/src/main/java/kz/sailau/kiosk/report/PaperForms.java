package kz.sailau.kiosk.report;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.audit.AuditEntry;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.CheckInAuditMapping;

/**
 * The day's paper form references as the log holds them ({@code form} field of the override and fallback check-ins),
 * for the slip the clerk matches the paper forms against: each reference with its hour and, for an override, the
 * reason code. Nothing per voter but what the log already says; no time finer than the hour.
 *
 * @param forms the references in log order
 */
public record PaperForms(List<Form> forms) {

    /**
     * One paper form.
     *
     * @param reference the reference, e.g. {@code O-0003}
     * @param hour      the start of the hour of the check-in, at the polling station
     * @param reason    the override reason code; empty for a fallback check-in
     */
    public record Form(String reference, ZonedDateTime hour, Optional<String> reason) {
        /** @throws NullPointerException on null */
        public Form {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(hour, "hour");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Copies the list. */
    public PaperForms {
        forms = List.copyOf(forms);
    }

    /**
     * The references of a log.
     *
     * @param entries the audit log in chain order
     * @param zone    the polling station's time zone
     */
    public static PaperForms of(List<AuditEntry> entries, ZoneId zone) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(zone, "zone");
        List<Form> forms = new ArrayList<>();
        for (AuditEntry entry : entries) {
            AuditEvent event = entry.event();
            String reference = event.field(CheckInAuditMapping.FORM_FIELD);
            if (reference != null) {
                forms.add(new Form(reference, entry.time().atZone(zone).truncatedTo(ChronoUnit.HOURS),
                        Optional.ofNullable(event.field("reason"))));
            }
        }
        return new PaperForms(forms);
    }
}
