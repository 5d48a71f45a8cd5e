package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadProgress;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterException;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;
import kz.sailau.kiosk.ui.AdministratorActions;

/**
 * The administrator's actions over a kiosk data directory: unlock with the passphrase, load a register
 * package with the register loader (its refusal keys reach the screen unchanged), show device settings.
 * The logic-and-accuracy test and close-the-day export are not in this build and say so.
 */
public final class KioskAdministration implements AdministratorActions {

    private final KioskDataDirectory directory;
    private final KioskDatabase database;
    private final KioskConfiguration configuration;
    private final String extractorVersion;
    private final Clock clock;
    private final java.security.SecureRandom random;
    private final Runnable exit;
    private volatile KioskCredentials credentials;

    /**
     * @param directory        the kiosk data directory
     * @param database         its open database
     * @param configuration    the configuration (device settings)
     * @param extractorVersion the matcher's template version (packages must match it)
     * @param clock            time
     * @param random           randomness for the store
     * @param exit             leaves the kiosk
     */
    public KioskAdministration(KioskDataDirectory directory, KioskDatabase database, KioskConfiguration configuration,
                               String extractorVersion, Clock clock, java.security.SecureRandom random, Runnable exit) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.database = Objects.requireNonNull(database, "database");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.extractorVersion = Objects.requireNonNull(extractorVersion, "extractorVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.exit = Objects.requireNonNull(exit, "exit");
    }

    /** The credentials after a successful unlock. */
    public Optional<KioskCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public void unlock(char[] passphrase) throws AdministratorException {
        try {
            credentials = directory.unlock(passphrase);
        } catch (KioskCryptoException e) {
            throw new AdministratorException(e.messageKey(), e.getMessage());
        } catch (IOException e) {
            throw new AdministratorException("store.error.read", "kiosk keys cannot be read: " + e.getMessage());
        }
    }

    @Override
    public String loadRegister(Path packageFile, DoubleConsumer progress) throws AdministratorException {
        KioskCredentials unlocked = credentials;
        if (unlocked == null) {
            throw new AdministratorException("admin.error.passphrase", "not unlocked");
        }
        try {
            RegisterLoader loader = new RegisterLoader(new RegisterStore(database, unlocked.storeKeys(), random),
                    directory.profile(), directory.pinnedAuthority(), unlocked, extractorVersion, clock,
                    RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES);
            int stages = LoadProgress.Stage.values().length;
            LoadedRegister loaded = loader.load(packageFile, (stage, done, total) ->
                    progress.accept((stage.ordinal() + (double) done / Math.max(1, total)) / stages));
            return loaded.election().value() + ", " + loaded.precinct().number() + ", v" + loaded.version() + ", "
                    + loaded.voterCount();
        } catch (RegisterException e) {
            throw new AdministratorException(e.messageKey(), e.getMessage());
        } catch (KioskCryptoException e) {
            throw new AdministratorException(e.messageKey(), e.getMessage());
        } catch (StoreException e) {
            throw new AdministratorException(e.messageKey(), e.getMessage());
        } catch (IOException e) {
            throw new AdministratorException("register.error.read", e.getMessage());
        }
    }

    @Override
    public List<String> deviceSettings() {
        return List.of(
                "scanner " + configuration.scanner().port() + " @ " + configuration.scanner().baud(),
                "MRZ " + configuration.mrzReader().port() + " @ " + configuration.mrzReader().baud(),
                "printer " + configuration.printer().port() + " @ " + configuration.printer().baud());
    }

    @Override
    public boolean closeDayAvailable() {
        return false;
    }

    @Override
    public boolean logicAndAccuracyAvailable() {
        return false;
    }

    @Override
    public void exitKiosk() {
        exit.run();
    }
}
