package kz.sailau.kiosk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.DeviceFault;
import kz.sailau.kiosk.checkin.PaperFormReference;
import kz.sailau.kiosk.checkin.Refusal;

/**
 * Maps the check-in engine's audit events ({@link CheckInAuditEvent} with a detail code and the acting clerk)
 * to catalogue events. Detail codes are parsed into their enums ({@link Refusal}, {@link ClerkReason}); a
 * detail that is no known code is recorded as {@link Unrecognised#UNRECOGNISED}, never as text, so nothing
 * but codes can reach the log.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>engine</th><th>catalogue</th><th>fields</th></tr>
 * <tr><td>record(FINGERPRINT / CARDLESS_FINGERPRINT)</td><td>CHECK_IN_BY_FINGERPRINT</td><td>method, clerk?</td></tr>
 * <tr><td>record(CLERK_OVERRIDE)</td><td>CHECK_IN_BY_OVERRIDE</td><td>method, reason, clerk, form</td></tr>
 * <tr><td>record(FALLBACK)</td><td>CHECK_IN_IN_FALLBACK</td><td>method, clerk, form</td></tr>
 * <tr><td>record(SPECIAL_LIST)</td><td>CHECK_IN_ON_SPECIAL_LIST</td><td>method, reason (legal reason), clerk, form</td></tr>
 * <tr><td>SPECIAL_LIST_REFUSED_CAP / VOTER_ASSISTED</td><td>same names</td><td>clerk</td></tr>
 * <tr><td>REFUSED</td><td>CHECK_IN_REFUSED</td><td>reason</td></tr>
 * <tr><td>recordPaperMark, PAPER_MARK_ENTERED</td><td>PAPER_MARK_ENTERED</td><td>form, clerk</td></tr>
 * <tr><td>PAPER_MARK_REFUSED</td><td>PAPER_MARK_REFUSED</td><td>reason, clerk</td></tr>
 * <tr><td>CLERK_CALLED</td><td>CLERK_CALLED</td><td>reason</td></tr>
 * <tr><td>CLERK_PIN_REJECTED</td><td>CLERK_LOGIN_FAILED</td><td></td></tr>
 * <tr><td>OVERRIDE_REFUSED_CAP / OVERRIDE_CAP_WARNING</td><td>same names</td><td>clerk</td></tr>
 * <tr><td>TOKEN_VOIDED</td><td>TOKEN_VOIDED</td><td>clerk</td></tr>
 * <tr><td>TOKEN_ISSUED / TOKEN_NOT_ISSUED</td><td>same names</td><td></td></tr>
 * <tr><td>FALLBACK_STARTED / FALLBACK_ENDED</td><td>same names</td><td>clerk</td></tr>
 * <tr><td>PAUSED / RESUMED</td><td>KIOSK_PAUSED / KIOSK_RESUMED</td><td>clerk</td></tr>
 * <tr><td>DEVICE_FAILED ({@code DEVICE:KIND})</td><td>DEVICE_STATE_CHANGED</td><td>device, state (the fault kind)</td></tr>
 * <tr><td>DEVICE_RESTORED ({@code DEVICE})</td><td>DEVICE_STATE_CHANGED</td><td>device, state RESTORED</td></tr>
 * <tr><td>CHECKED_IN via audit()</td><td>CHECK_IN_BY_FINGERPRINT etc. from the detail's method</td><td></td></tr>
 * </table>
 */
public final class CheckInAuditMapping {

    /** The code recorded for a detail that is not a known code. */
    public enum Unrecognised {
        /** The engine passed a detail this mapping does not know. */
        UNRECOGNISED
    }

    /** A clerk call that ended without a clerk reason: cancelled by the clerk. */
    public enum ClerkCallOutcome {
        /** The clerk cancelled the call. */
        CANCELLED
    }

    /** The state of a device that works again. */
    public enum DeviceCondition {
        /** The device had failed and works again. */
        RESTORED
    }

    /** The field of a check-in event that holds its paper form reference. */
    public static final String FORM_FIELD = "form";

    private CheckInAuditMapping() {
    }

    /** The catalogue event of a recorded check-in without a paper form reference. */
    public static AuditEvent checkIn(CheckInRecord record) {
        return checkIn(record, Optional.empty());
    }

    /**
     * The catalogue event of a recorded check-in, with the reference of its paper form (field {@code form}) for an
     * override or a fallback check-in.
     */
    public static AuditEvent checkIn(CheckInRecord record, Optional<PaperFormReference> form) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(form, "form");
        List<AuditField> fields = new ArrayList<>();
        form.ifPresent(reference -> fields.add(AuditField.reference(FORM_FIELD, reference.text())));
        fields.add(AuditField.code("method", record.method()));
        record.overrideReason().ifPresent(reason -> fields.add(AuditField.code("reason", reason)));
        // The legal reason only: the document's number is personal and stays in the encrypted special list.
        record.specialList().ifPresent(document -> fields.add(AuditField.code("reason", document.reason())));
        record.clerk().ifPresent(clerk -> fields.add(clerkField(clerk)));
        return new AuditEvent(typeOf(record.method()), fields);
    }

    /** The catalogue type counting a check-in by {@code method}. */
    public static AuditEventType typeOf(CheckInMethod method) {
        return switch (method) {
            case FINGERPRINT, CARDLESS_FINGERPRINT -> AuditEventType.CHECK_IN_BY_FINGERPRINT;
            case CLERK_OVERRIDE -> AuditEventType.CHECK_IN_BY_OVERRIDE;
            case FALLBACK -> AuditEventType.CHECK_IN_IN_FALLBACK;
            case SPECIAL_LIST -> AuditEventType.CHECK_IN_ON_SPECIAL_LIST;
        };
    }

    /**
     * The catalogue event of a paper mark entered after an outage: its paper form reference and the clerk, nothing
     * about the voter.
     */
    public static AuditEvent paperMark(PaperFormReference form, ClerkId clerk) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(clerk, "clerk");
        return new AuditEvent(AuditEventType.PAPER_MARK_ENTERED,
                List.of(AuditField.reference(FORM_FIELD, form.text()), clerkField(clerk)));
    }

    /** The catalogue event of a voided token. */
    public static AuditEvent tokenVoided(Optional<ClerkId> clerk) {
        List<AuditField> fields = new ArrayList<>();
        clerk.ifPresent(c -> fields.add(clerkField(c)));
        return new AuditEvent(AuditEventType.TOKEN_VOIDED, fields);
    }

    /** The catalogue event of an issued token: no fields at all (never its id). */
    public static AuditEvent tokenIssued() {
        return AuditEvent.of(AuditEventType.TOKEN_ISSUED);
    }

    /** The catalogue event of a check-in or replacement for which no token could be made. */
    public static AuditEvent tokenNotIssued() {
        return AuditEvent.of(AuditEventType.TOKEN_NOT_ISSUED);
    }

    /**
     * The catalogue event of an engine audit event.
     *
     * @param detail the engine's detail code ({@code ""} for none)
     */
    public static AuditEvent of(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(clerk, "clerk");
        List<AuditField> fields = new ArrayList<>();
        clerk.ifPresent(c -> fields.add(clerkField(c)));
        AuditEventType type = switch (event) {
            case CHECKED_IN -> {
                Enum<?> method = parse(CheckInMethod.class, detail.contains(":")
                        ? detail.substring(0, detail.indexOf(':')) : detail);
                fields.add(AuditField.code("method", method));
                yield method instanceof CheckInMethod m ? typeOf(m) : AuditEventType.CHECK_IN_BY_FINGERPRINT;
            }
            case REFUSED -> {
                fields.add(AuditField.code("reason", parse(Refusal.class, detail)));
                yield AuditEventType.CHECK_IN_REFUSED;
            }
            case CLERK_CALLED -> {
                fields.add(AuditField.code("reason", ClerkCallOutcome.CANCELLED.name().equals(detail)
                        ? ClerkCallOutcome.CANCELLED : parse(ClerkReason.class, detail)));
                yield AuditEventType.CLERK_CALLED;
            }
            case PAPER_MARK_ENTERED -> {
                try {
                    fields.add(AuditField.reference(FORM_FIELD, PaperFormReference.parse(detail).text()));
                } catch (IllegalArgumentException notAReference) {
                    fields.add(AuditField.code(FORM_FIELD, Unrecognised.UNRECOGNISED));
                }
                yield AuditEventType.PAPER_MARK_ENTERED;
            }
            case PAPER_MARK_REFUSED -> {
                fields.add(AuditField.code("reason", parse(Refusal.class, detail)));
                yield AuditEventType.PAPER_MARK_REFUSED;
            }
            case CLERK_PIN_REJECTED -> AuditEventType.CLERK_LOGIN_FAILED;
            case OVERRIDE_REFUSED_CAP -> AuditEventType.OVERRIDE_REFUSED_CAP;
            case OVERRIDE_CAP_WARNING -> AuditEventType.OVERRIDE_CAP_WARNING;
            case TOKEN_VOIDED -> AuditEventType.TOKEN_VOIDED;
            case TOKEN_ISSUED -> AuditEventType.TOKEN_ISSUED;
            case TOKEN_NOT_ISSUED -> AuditEventType.TOKEN_NOT_ISSUED;
            case FALLBACK_STARTED -> AuditEventType.FALLBACK_STARTED;
            case FALLBACK_ENDED -> AuditEventType.FALLBACK_ENDED;
            case PAUSED -> AuditEventType.KIOSK_PAUSED;
            case RESUMED -> AuditEventType.KIOSK_RESUMED;
            case SPECIAL_LIST_REFUSED_CAP -> AuditEventType.SPECIAL_LIST_REFUSED_CAP;
            case VOTER_ASSISTED -> AuditEventType.VOTER_ASSISTED;
            case DEVICE_FAILED -> {
                int colon = detail.indexOf(':');
                fields.add(AuditField.code("device", parse(DeviceFault.Device.class,
                        colon < 0 ? detail : detail.substring(0, colon))));
                fields.add(AuditField.code("state", parse(DeviceFault.Kind.class,
                        colon < 0 ? "" : detail.substring(colon + 1))));
                yield AuditEventType.DEVICE_STATE_CHANGED;
            }
            case DEVICE_RESTORED -> {
                fields.add(AuditField.code("device", parse(DeviceFault.Device.class, detail)));
                fields.add(AuditField.code("state", DeviceCondition.RESTORED));
                yield AuditEventType.DEVICE_STATE_CHANGED;
            }
        };
        return new AuditEvent(type, fields);
    }

    private static AuditField clerkField(ClerkId clerk) {
        try {
            return AuditField.login("clerk", clerk.value());
        } catch (IllegalArgumentException e) {
            // An all-digit login could be an IIN: keep only that a clerk acted.
            return AuditField.code("clerk", Unrecognised.UNRECOGNISED);
        }
    }

    private static <E extends Enum<E>> Enum<?> parse(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        return Unrecognised.UNRECOGNISED;
    }
}
