package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.model.Iin;
import org.junit.jupiter.api.Test;

class CheckInAuditMappingTest {

    private static final ClerkId CLERK = new ClerkId("clerk7");

    @Test
    void everyEngineEventMapsToACatalogueType() {
        for (CheckInAuditEvent event : CheckInAuditEvent.values()) {
            AuditEvent mapped = CheckInAuditMapping.of(event, "", Optional.of(CLERK));
            assertEquals("clerk7", mapped.field("clerk"), event.name());
        }
        assertEquals(AuditEventType.KIOSK_PAUSED,
                CheckInAuditMapping.of(CheckInAuditEvent.PAUSED, "", Optional.empty()).type());
        assertEquals(AuditEventType.CLERK_LOGIN_FAILED,
                CheckInAuditMapping.of(CheckInAuditEvent.CLERK_PIN_REJECTED, "", Optional.empty()).type());
    }

    @Test
    void detailCodesBecomeReasonCodesAndTextNeverPasses() {
        AuditEvent refused = CheckInAuditMapping.of(CheckInAuditEvent.REFUSED, "UNDER_AGE", Optional.empty());
        assertEquals(AuditEventType.CHECK_IN_REFUSED, refused.type());
        assertEquals("UNDER_AGE", refused.field("reason"));
        assertEquals("CANCELLED", CheckInAuditMapping.of(CheckInAuditEvent.CLERK_CALLED, "CANCELLED",
                Optional.empty()).field("reason"));
        assertEquals("UNRECOGNISED", CheckInAuditMapping.of(CheckInAuditEvent.REFUSED, "Иванов 900101300017",
                Optional.empty()).field("reason"));
    }

    @Test
    void checkInsCarryMethodReasonAndClerkButNoIin() {
        Iin iin = new Iin(kz.sailau.kiosk.register.RegisterFixtures.iin(java.time.LocalDate.of(1990, 1, 1), true, 17)
                .digits());
        AuditEvent override = CheckInAuditMapping.checkIn(new CheckInRecord(iin, CheckInMethod.CLERK_OVERRIDE,
                Optional.of(OverrideReason.DISABILITY), Optional.of(CLERK)));
        assertEquals(AuditEventType.CHECK_IN_BY_OVERRIDE, override.type());
        assertEquals("DISABILITY", override.field("reason"));
        AuditEvent cardless = CheckInAuditMapping.checkIn(new CheckInRecord(iin, CheckInMethod.CARDLESS_FINGERPRINT,
                Optional.empty(), Optional.of(CLERK)));
        assertEquals(AuditEventType.CHECK_IN_BY_FINGERPRINT, cardless.type());
        assertEquals("CARDLESS_FINGERPRINT", cardless.field("method"));
        for (AuditField field : override.fields()) {
            assertEquals(-1, field.value().indexOf(iin.digits()));
        }
    }

    @Test
    void allDigitClerkLoginsAndFreeTextAreRefusedByTheFieldTypes() {
        assertThrows(IllegalArgumentException.class, () -> AuditField.login("clerk", "900101300017"));
        assertThrows(IllegalArgumentException.class, () -> new AuditField("note", "Ivanov Ivan"));
        assertThrows(IllegalArgumentException.class, () -> new AuditField("note", "Иванов"));
        assertEquals("UNRECOGNISED", CheckInAuditMapping.of(CheckInAuditEvent.PAUSED, "",
                Optional.of(new ClerkId("900101300017"))).field("clerk"));
    }
}
