package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import kz.sailau.kiosk.audit.AdministrationEvents;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.BiometricWipe;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.audit.DayCounts;
import kz.sailau.kiosk.audit.EndOfDay;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.timeline.PhaseTable;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import kz.sailau.kiosk.ui.DayClosing;

/**
 * The kiosk's end of the day: close ({@link EndOfDay#close}: the signed bundle) and, after the close, the wipe of
 * the biometric data ({@link BiometricWipe#wipe}), which first checks the administrator's passphrase again (a
 * wrong one is recorded as {@code STORE_UNLOCK_FAILED} and nothing is wiped).
 */
final class KioskDayClosing implements DayClosing {

    private final KioskDataDirectory directory;
    private final KioskDatabase database;
    private final Path kioskCertificate;
    private final Clock clock;
    private final SecureRandom random;
    private final Supplier<Optional<KioskCredentials>> credentials;
    private final Supplier<Boolean> testRunning;
    private final Supplier<PhaseTable> waitTimes;

    KioskDayClosing(KioskDataDirectory directory, KioskDatabase database, Path kioskCertificate, Clock clock, SecureRandom random, Supplier<Optional<KioskCredentials>> credentials,
                    Supplier<Boolean> testRunning, Supplier<PhaseTable> waitTimes) {
        this.waitTimes = Objects.requireNonNull(waitTimes, "waitTimes");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.database = Objects.requireNonNull(database, "database");
        this.kioskCertificate = Objects.requireNonNull(kioskCertificate, "kioskCertificate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.testRunning = Objects.requireNonNull(testRunning, "testRunning");
    }

    @Override
    public Path defaultBundlePath() {
        return directory.path().resolve("day-bundle.json");
    }

    @Override
    public boolean dayClosed() {
        return KioskAdministration.closed(database);
    }

    @Override
    public DayClosed closeDay(Path bundle) throws AdministratorException {
        KioskCredentials unlocked = unlocked();
        if (testRunning.get()) {
            // The screens run on the test store: end the pre-election test before the day can be closed.
            throw new AdministratorException("la.error.endFirst", "a pre-election test is running");
        }
        if (!Files.isRegularFile(kioskCertificate)) {
            throw new AdministratorException("admin.error.noKioskCertificate", "no kiosk certificate file");
        }
        try {
            X509Certificate certificate = Pem.readCertificate(MachineFiles.read(kioskCertificate));
            EndOfDay.Written written = EndOfDay.close(database, unlocked, certificate, directory.pinnedAuthority(),
                    directory.profile(), KioskAdministration.software(), waitTimes.get(), bundle, clock, random);
            DayCounts counts = written.content().counts();
            return new DayClosed(written.bundle(), counts.checkIns(), counts.tokensIssued(), counts.tokensVoided(),
                    counts.reconciles());
        } catch (IOException | RuntimeException e) {
            throw new AdministratorException("admin.error.closeDay", "close the day failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public Wiped wipe(char[] passphrase) throws AdministratorException {
        KioskCredentials unlocked = unlocked();
        try {
            directory.unlock(passphrase);
        } catch (KioskCryptoException e) {
            KioskAdministration.record(database, Optional.of(unlocked), AdministrationEvents.unlock(false), clock);
            throw new AdministratorException("admin.error.passphrase", "wipe: passphrase not confirmed");
        } catch (IOException e) {
            throw new AdministratorException("store.error.read", "kiosk keys cannot be read: " + e.getMessage());
        }
        try {
            BiometricWipe.Wiped wiped = BiometricWipe.wipe(database,
                    AuditRecorder.signing(ChainHeadSigner.kiosk(unlocked)), clock);
            return new Wiped(wiped.voters(), wiped.templates(), wiped.checkIns());
        } catch (BiometricWipe.WipeRefusedException e) {
            throw new AdministratorException(e.messageKey().equals("audit.error.alreadyWiped")
                    ? "admin.error.alreadyWiped" : "admin.error.dayNotClosed", e.getMessage());
        } catch (RuntimeException e) {
            throw new AdministratorException("admin.error.wipe", "wipe failed: " + e.getClass().getSimpleName());
        }
    }

    private KioskCredentials unlocked() throws AdministratorException {
        return credentials.get().orElseThrow(() -> new AdministratorException("admin.error.passphrase",
                "not unlocked"));
    }
}
