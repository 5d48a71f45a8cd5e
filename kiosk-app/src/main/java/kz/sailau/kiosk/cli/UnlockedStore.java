package kz.sailau.kiosk.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;

/**
 * The kiosk store as one administrator command uses it: the kiosk keys unlocked with the passphrase (wiped from
 * memory at once, whether the unlock worked or not) and the database opened with every migration. Closing closes
 * the database. Open it only after the command has checked its arguments, so that a refused command has touched
 * nothing.
 *
 * @param credentials the unlocked kiosk keys
 * @param database    the open kiosk database
 */
public record UnlockedStore(KioskCredentials credentials, KioskDatabase database) implements AutoCloseable {

    /** @throws NullPointerException on null */
    public UnlockedStore {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(database, "database");
    }

    /**
     * Reads the administrator's passphrase, unlocks the kiosk keys and opens the database; every command that
     * unlocks the store writes to it, so a read-only data directory is refused first ({@code store.error.readOnly},
     * before the passphrase is read).
     *
     * @throws CliException when no passphrase can be read
     * @throws KioskCryptoException when the passphrase is wrong
     * @throws IOException when the kiosk's key files cannot be read
     */
    public static UnlockedStore open(KioskDataDirectory directory, PassphraseOption passphrase, CliEnvironment env)
            throws IOException {
        KioskDatabase.requireWritable(directory.databaseFile());
        return open(directory, passphrase.read("Kiosk passphrase", false), env);
    }

    /** Unlocks the kiosk keys with {@code passphrase} (then wiped) and opens the database. */
    public static UnlockedStore open(KioskDataDirectory directory, char[] passphrase, CliEnvironment env)
            throws IOException {
        KioskCredentials credentials = unlock(directory, passphrase);
        KioskDatabase.requireWritable(directory.databaseFile());
        return new UnlockedStore(credentials, env.openDatabase(directory));
    }

    /**
     * As {@link #open(KioskDataDirectory, PassphraseOption, CliEnvironment)}, for a command that needs the
     * database to exist already (closing the day): a missing one is refused, never created.
     *
     * @throws StoreException {@code store.error.noDatabase} when there is none
     */
    public static UnlockedStore openExisting(KioskDataDirectory directory, PassphraseOption passphrase,
                                             CliEnvironment env) throws IOException {
        KioskDatabase.requireWritable(directory.databaseFile());
        KioskCredentials credentials = unlock(directory, passphrase.read("Kiosk passphrase", false));
        return new UnlockedStore(credentials, env.openExistingDatabase(directory));
    }

    private static KioskCredentials unlock(KioskDataDirectory directory, char[] passphrase) throws IOException {
        Objects.requireNonNull(directory, "directory");
        try {
            return directory.unlock(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Closes the database. */
    @Override
    public void close() {
        database.close();
    }
}
