package kz.sailau.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerImage;
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
import kz.sailau.kiosk.testing.FakeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's register port over the real encrypted register store, and its 1:N gallery prepared ahead on another
 * thread or on the caller's.
 */
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

    @Test
    void aGalleryPreparedAheadIsTheOneEverySearchUses() throws Exception {
        withRegister(6, (store, contents) -> {
            CountingMatcher matcher = new CountingMatcher(false);
            RegisterVoterDirectory directory = new RegisterVoterDirectory(store, matcher);
            List<Runnable> held = heldPreparation(directory);
            directory.prepareGalleryAhead(held::add);
            assertEquals(1, held.size(), "a second call starts no second preparation");
            assertEquals(0, matcher.galleries.get(), "nothing is prepared before the executor runs it");

            Thread preparation = new Thread(held.get(0), "gallery-preparation-test");
            preparation.start();
            preparation.join();
            FingerMatcher.Gallery<Iin> gallery = directory.gallery();
            assertSame(gallery, directory.gallery());
            assertEquals(6, gallery.size());
            assertEquals(1, matcher.galleries.get(), "the gallery was decoded once, on the other thread");
            RegisterRecord fifth = contents.records().get(5);
            assertEquals(List.of(new FingerMatcher.SearchHit<>(fifth.voter().iin(), 100.0)),
                    gallery.search(fifth.fingers().get(0).template(), 50));
        });
    }

    @Test
    void theFirstToAskPreparesTheGalleryAndALatePreparationDoesNothing() throws Exception {
        withRegister(4, (store, contents) -> {
            CountingMatcher matcher = new CountingMatcher(false);
            RegisterVoterDirectory directory = new RegisterVoterDirectory(store, matcher);
            List<Runnable> held = heldPreparation(directory);

            assertEquals(4, directory.gallery().size(), "prepared on the caller's thread");
            held.get(0).run();
            assertEquals(1, matcher.galleries.get(), "the preparation the executor ran late found it done");
        });
    }

    @Test
    void aFailedPreparationIsThrownToTheNextCallerAndTheOneAfterTriesAgain() throws Exception {
        withRegister(3, (store, contents) -> {
            CountingMatcher matcher = new CountingMatcher(true);
            RegisterVoterDirectory directory = new RegisterVoterDirectory(store, matcher);
            List<Runnable> held = heldPreparation(directory);
            held.get(0).run();

            IllegalStateException failure = assertThrows(IllegalStateException.class, directory::gallery);
            assertEquals(CountingMatcher.FAILURE, failure.getMessage());
            assertEquals(3, directory.gallery().size());
            assertEquals(2, matcher.galleries.get());
        });
    }

    @Test
    void aCallerWaitingForThePreparationWaitsThroughAnInterruptAndKeepsIt() throws Exception {
        withRegister(2, (store, contents) -> {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            FingerMatcher exact = FakeMatcher.exact(RegisterFixtures.EXTRACTOR);
            RegisterVoterDirectory directory = new RegisterVoterDirectory(store, new CountingMatcher(false) {
                @Override
                public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("the test's preparation was interrupted", e);
                    }
                    return exact.gallery(enrolled);
                }
            });
            List<Runnable> held = heldPreparation(directory);
            Thread preparation = new Thread(held.get(0), "gallery-preparation-test");
            preparation.start();
            entered.await();
            Thread caller = Thread.currentThread();
            // Lets the preparation finish once this thread waits for it (after the interrupt cut its first wait).
            Thread releaser = new Thread(() -> {
                while (caller.getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
                release.countDown();
            }, "gallery-release-test");
            releaser.start();

            caller.interrupt();
            int size = directory.gallery().size();
            boolean keptInterrupt = Thread.interrupted();
            releaser.join();
            preparation.join();
            assertEquals(2, size);
            assertTrue(keptInterrupt, "the interrupt is kept for the caller");
        });
    }

    /** Asks {@code directory} to prepare its gallery ahead on an executor that only holds the task, to be run later. */
    private static List<Runnable> heldPreparation(RegisterVoterDirectory directory) {
        List<Runnable> held = new ArrayList<>();
        directory.prepareGalleryAhead(held::add);
        return held;
    }

    /** What a test does with a register store of {@code voters} voters (two fingers each) and their records. */
    @FunctionalInterface
    private interface RegisterWork {
        void run(RegisterStore store, RegisterContents contents) throws Exception;
    }

    private void withRegister(int voters, RegisterWork work) throws Exception {
        Path kioskDir = temp.resolve("kiosk");
        RegisterFixtures.initKiosk(kioskDir, RegisterFixtures.PRECINCT);
        KioskDataDirectory dir = KioskDataDirectory.at(kioskDir);
        KioskCredentials credentials = dir.unlock(RegisterFixtures.PASSPHRASE);
        try (KioskDatabase database = KioskDatabase.open(dir.databaseFile(), RegisterStore.MIGRATIONS)) {
            RegisterStore store = new RegisterStore(database, credentials.storeKeys(), RegisterFixtures.RANDOM);
            RegisterContents contents = RegisterFixtures.contents(voters, 1, 42);
            store.replace(contents, "ab".repeat(32), RegisterFixtures.CLOCK, LoadProgress.NONE);
            work.run(store, contents);
        }
    }

    /** The exact fake matcher, counting the galleries it prepares; the first one fails when asked to. */
    private static class CountingMatcher implements FingerMatcher {
        static final String FAILURE = "the first gallery fails (test)";
        private final FingerMatcher exact = FakeMatcher.exact(RegisterFixtures.EXTRACTOR);
        private final boolean firstFails;
        private final AtomicInteger galleries = new AtomicInteger();

        CountingMatcher(boolean firstFails) {
            this.firstFails = firstFails;
        }

        @Override
        public String extractorVersion() {
            return exact.extractorVersion();
        }

        @Override
        public ImageQuality assess(FingerImage image) {
            return exact.assess(image);
        }

        @Override
        public FingerTemplate extract(FingerImage image) {
            return exact.extract(image);
        }

        @Override
        public PreparedProbe prepare(FingerTemplate probe) {
            return exact.prepare(probe);
        }

        @Override
        public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
            if (galleries.incrementAndGet() == 1 && firstFails) {
                throw new IllegalStateException(FAILURE);
            }
            return exact.gallery(enrolled);
        }
    }
}
