package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's register port over the real encrypted register store. */
class RegisterVoterDirectoryIT {

    @TempDir
    Path temp;

    /** Scores 100 for byte-identical templates, 0 otherwise. */
    static final class ExactMatcher implements FingerMatcher {
        @Override
        public String extractorVersion() {
            return RegisterFixtures.EXTRACTOR;
        }

        @Override
        public ImageQuality assess(FingerImage image) {
            return ImageQuality.GOOD;
        }

        @Override
        public FingerTemplate extract(FingerImage image) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public PreparedProbe prepare(FingerTemplate probe) {
            return candidate -> Arrays.equals(probe.bytes(), candidate.bytes()) ? 100 : 0;
        }

        @Override
        public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
            Map<K, List<FingerTemplate>> copy = Map.copyOf(enrolled);
            return new Gallery<>() {
                @Override
                public int size() {
                    return copy.size();
                }

                @Override
                public List<SearchHit<K>> search(FingerTemplate probe, double threshold) {
                    List<SearchHit<K>> hits = new ArrayList<>();
                    copy.forEach((k, t) -> {
                        double s = prepare(probe).bestScore(t);
                        if (s >= threshold) {
                            hits.add(new SearchHit<>(k, s));
                        }
                    });
                    hits.sort(Comparator.comparingDouble((SearchHit<K> h) -> h.score()).reversed());
                    return hits;
                }
            };
        }
    }

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
            RegisterVoterDirectory directory = new RegisterVoterDirectory(store, new ExactMatcher());

            RegisterRecord second = contents.records().get(2);
            RegisteredVoter found = directory.find(second.voter().iin()).orElseThrow();
            assertEquals(second.voter(), found.voter());
            assertEquals(2, found.templates().size());
            assertTrue(directory.find(Fixtures.iin(java.time.LocalDate.of(1901, 1, 1), 5)).isEmpty());

            RegisterRecord third = contents.records().get(3);
            FingerTemplate probe = third.fingers().stream()
                    .filter(f -> f.position() == FingerPosition.LEFT_INDEX).findFirst().orElseThrow().template();
            List<FingerMatcher.SearchHit<Iin>> hits = directory.gallery().search(probe, 50);
            assertEquals(List.of(new FingerMatcher.SearchHit<>(third.voter().iin(), 100.0)), hits);
            assertEquals(6, directory.gallery().size());
        }
    }
}
