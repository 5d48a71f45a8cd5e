package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterFixtures;
import org.junit.jupiter.api.Test;

/**
 * The largest {@code REGISTER_LOADED}, a precinct package's with every field, is one audit event: the fields of
 * decisions 0492 (kiosks) and 0506 (election, precinct, extractor), each fine alone, came together to 9 and were
 * refused by the event's old bound of 8, so no precinct package could be loaded.
 */
class RegisterLoadedEventTest {

    @Test
    void aPrecinctPackagesLoadWithEveryFieldIsOneEvent() throws Exception {
        LoadedRegister loaded = new LoadedRegister(RegisterFixtures.ELECTION, RegisterFixtures.PRECINCT, 3,
                "ab".repeat(32), Instant.EPOCH, Instant.EPOCH, 40, "sourceafis-3.18.1");
        AuditEvent event = AdministrationEvents.registerLoaded(loaded, 80, 3,
                RegisterFixtures.authority().certificate());
        assertEquals(List.of("authority", "election", "extractorHash", "kiosks", "packageHash", "precinct",
                "templates", "version", "voters"), event.fields().stream().map(AuditField::name).toList());
        assertEquals(Integer.toString(RegisterFixtures.PRECINCT.number()), event.field("precinct"));
        assertEquals("3", event.field(AdministrationEvents.KIOSKS_FIELD));
    }
}
