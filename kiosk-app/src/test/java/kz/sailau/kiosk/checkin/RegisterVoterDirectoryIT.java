package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterRecord;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.testing.FakeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's register port over the real encrypted register store. */
class RegisterVoterDirectoryIT {

    @TempDir
    Path temp;

    @Test
    void findsVotersByIinAndByFinger() throws Exception {
        Path kioskDir = temp.resolve("kiosk");
        RegisterFixtures.initKiosk(kioskDir, RegisterFixtures.PRECINCT);
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(RegisterFixtures.PASSPHRASE);
        try (KioskDatabase database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS)) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), RegisterFixtures.RANDOM);
            RegisterContents contents = RegisterFixtures.contents(6, 1, 42);
            store.replace(contents, "ab".repeat(32), RegisterFixtures.CLOCK, LoadProgress.NONE);
            RegisterVoterDirectory directory = new RegisterVoterDirectory(store,
                    FakeMatcher.exact(RegisterFixtures.EXTRACTOR));

            RegisterRecord second = contents.records().get(2);
            RegisteredVoter found = directory.find(second.voter().iin()).orElseThrow();
            assertEquals(second.voter(), found.voter());
            assertEquals(2, found.templates().size());
            assertTrue(directory.find(Fixtures.iin(LocalDate.of(1901, 1, 1), 5)).isEmpty());

            RegisterRecord third = contents.records().get(3);
            FingerTemplate probe = third.fingers().stream()
                    .filter(f -> f.position() == FingerPosition.LEFT_INDEX).findFirst().orElseThrow().template();
            List<FingerMatcher.SearchHit<Iin>> hits = directory.gallery().search(probe, 50);
            assertEquals(List.of(new FingerMatcher.SearchHit<>(third.voter().iin(), 100.0)), hits);
            assertEquals(6, directory.gallery().size());
        }
    }
}
