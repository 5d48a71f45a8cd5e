package kz.sailau.kiosk.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.sailau.kiosk.audit.DayFixture;
import kz.sailau.kiosk.audit.RegisterLoadAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threat: the kiosks a precinct package was built for (decision 0250) started standalone, each with its own ledger,
 * so that a voter checks in at one and again at the other — two ballots — and every observer's check passes: each
 * kiosk's bundle reconciles, and {@code token reconcile} over both finds each redeemed id issued once, since the two
 * ids are different tokens (session H67). Only the authority, decrypting both marked registers, could see the voter
 * twice. Now the package's kiosk count is signed into {@code REGISTER_LOADED}, and a kiosk whose configuration
 * names no precinct network refuses to start on a precinct package (decision 0492).
 */
class StandaloneKiosksOfOnePrecinctIT {

    private static final LocalDate ELECTION_DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path root;

    @Test
    void aKioskOfAPrecinctPackageDoesNotStartStandaloneAndItsOwnPackageStillDoes() throws Exception {
        List<DayFixture> kiosks = DayFixture.openPrecinct(List.of(root.resolve("kiosk-1"), root.resolve("kiosk-2")),
                16);
        try {
            for (DayFixture kiosk : kiosks) {
                // The same voters at both: nothing between two standalone kiosks stops the second check-in.
                kiosk.simulate(3);
                assertEquals(2, kiosk.database.read(RegisterLoadAudit::kiosksOfTheLoadedRegister));
            }
        } finally {
            kiosks.forEach(DayFixture::close);
        }
        for (String name : List.of("kiosk-1", "kiosk-2")) {
            String start = ThreatWorld.checkOnlyOfFixture(root.resolve(name), ELECTION_DAY);
            assertTrue(start.contains("register: the loaded package was built for 2 kiosks of the precinct, which "
                    + "check voters in as one precinct network"), start);
            assertTrue(start.contains("[register.error.precinctPackageStandalone]"), start);
            assertFalse(start.contains("\tat "), "no stack trace");
        }
        try (DayFixture alone = DayFixture.open(root.resolve("kiosk-alone"), 16)) {
            assertEquals(1, alone.database.read(RegisterLoadAudit::kiosksOfTheLoadedRegister));
        }
        String own = ThreatWorld.checkOnlyOfFixture(root.resolve("kiosk-alone"), ELECTION_DAY);
        assertTrue(own.startsWith("cannot start:"), own);
        assertFalse(own.contains("precinctPackageStandalone"), "a kiosk's own package starts standalone: " + own);
    }
}
