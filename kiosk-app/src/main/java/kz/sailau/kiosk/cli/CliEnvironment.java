package kz.sailau.kiosk.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreException;
import kz.sailau.kiosk.store.StoreOptions;

/**
 * What the admin commands get from the wiring: time, randomness, every schema migration of the kiosk, the
 * matcher, and the console streams. Tests pass fixed values.
 *
 * @param clock      time
 * @param random     key and nonce source
 * @param migrations every database migration of the application, in order
 * @param matcher    makes the fingerprint matcher (SourceAFIS is loaded only when needed)
 * @param out        standard output
 * @param err        standard error (progress bars, errors)
 */
public record CliEnvironment(Clock clock, SecureRandom random, List<Migration> migrations,
                             Supplier<FingerMatcher> matcher, PrintStream out, PrintStream err) {

    /** @throws NullPointerException on a null field */
    public CliEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * Opens (creating it when there is none) the kiosk database of {@code directory} with every migration and the
     * default store options: the kiosk's own start and the commands that unlock the store.
     *
     * @throws StoreException when the database cannot be opened or migrated
     */
    public KioskDatabase openDatabase(KioskDataDirectory directory) {
        return KioskDatabase.open(directory.databaseFile(), migrations, StoreOptions.DEFAULT, clock);
    }

    /**
     * Opens the kiosk database of {@code directory} with every migration, for a command that reads it without
     * the passphrase (a status, a list, a check); a missing database is refused, never created.
     *
     * @throws StoreException {@code store.error.noDatabase} when there is none
     */
    public KioskDatabase openExistingDatabase(KioskDataDirectory directory) {
        return KioskDatabase.openExisting(directory.databaseFile(), migrations, StoreOptions.DEFAULT, clock);
    }
}
