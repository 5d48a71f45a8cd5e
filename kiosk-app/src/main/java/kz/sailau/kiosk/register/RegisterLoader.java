package kz.sailau.kiosk.register;

import java.util.HexFormat;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.ElectionId;

/**
 * Loads a register package into the kiosk store with every check of the register issue, in this order:
 * size limit, container layout, manifest signature against the pinned authority, envelope hash, precinct
 * and election, no rollback, decryption for this kiosk, inner signature, records hash, extractor version;
 * only then one write transaction. Any failure before or during the transaction leaves the previous
 * register untouched.
 */
public final class RegisterLoader {

    /** Default upper bound of a package file: 3,000 voters need about 20 MB; anything far larger is refused. */
    public static final long DEFAULT_MAX_PACKAGE_BYTES = 256L * 1024 * 1024;

    private final RegisterStore store;
    private final KioskDataDirectory.KioskProfile profile;
    private final X509Certificate pinnedAuthority;
    private final KioskCredentials credentials;
    private final String extractorVersion;
    private final Clock clock;
    private final long maxPackageBytes;
    private final boolean logicAccuracyTest;
    private final LoadGuard guard;

    /**
     * @param store            the store to replace
     * @param profile          the kiosk's precinct and pinned election
     * @param pinnedAuthority  the authority certificate pinned at {@code kiosk init}
     * @param credentials      the unlocked kiosk keys
     * @param extractorVersion the kiosk matcher's extractor version; templates must carry it
     * @param clock            load time stamp
     * @param maxPackageBytes  upper bound of the package file size
     */
    public RegisterLoader(RegisterStore store, KioskDataDirectory.KioskProfile profile, X509Certificate pinnedAuthority,
                          KioskCredentials credentials, String extractorVersion, Clock clock, long maxPackageBytes) {
        this(store, profile, pinnedAuthority, credentials, extractorVersion, clock, maxPackageBytes, false);
    }

    private RegisterLoader(RegisterStore store, KioskDataDirectory.KioskProfile profile,
                           X509Certificate pinnedAuthority, KioskCredentials credentials, String extractorVersion,
                           Clock clock, long maxPackageBytes, boolean logicAccuracyTest) {
        this(store, profile, pinnedAuthority, credentials, extractorVersion, clock, maxPackageBytes, logicAccuracyTest,
                LoadGuard.NONE);
    }

    private RegisterLoader(RegisterStore store, KioskDataDirectory.KioskProfile profile,
                           X509Certificate pinnedAuthority, KioskCredentials credentials, String extractorVersion,
                           Clock clock, long maxPackageBytes, boolean logicAccuracyTest, LoadGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.logicAccuracyTest = logicAccuracyTest;
        this.store = Objects.requireNonNull(store, "store");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.pinnedAuthority = Objects.requireNonNull(pinnedAuthority, "pinnedAuthority");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.extractorVersion = Objects.requireNonNull(extractorVersion, "extractorVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPackageBytes = maxPackageBytes;
    }

    /**
     * A loader for the separate store of the pre-election logic-and-accuracy test: it accepts only a test
     * package, one built by the authority for the test election {@link ElectionId#logicAccuracyTest()} of
     * {@code election} (and this kiosk's precinct), with every other check of a real load. A real loader
     * refuses such a package ({@code register.error.testPackage}); this one refuses a real package
     * ({@code register.error.notTestPackage}).
     *
     * @param store            the test store (never the kiosk's real store)
     * @param profile          the kiosk's precinct
     * @param election         the real election whose test this is
     * @param pinnedAuthority  the authority certificate pinned at {@code kiosk init}
     * @param credentials      the unlocked kiosk keys
     * @param extractorVersion the kiosk matcher's extractor version
     * @param clock            load time stamp
     * @param maxPackageBytes  upper bound of the package file size
     */
    public static RegisterLoader forLogicAccuracyTest(RegisterStore store, KioskDataDirectory.KioskProfile profile,
                                                      ElectionId election, X509Certificate pinnedAuthority,
                                                      KioskCredentials credentials, String extractorVersion,
                                                      Clock clock, long maxPackageBytes) {
        Objects.requireNonNull(profile, "profile");
        ElectionId test = Objects.requireNonNull(election, "election").logicAccuracyTest();
        return new RegisterLoader(store, new KioskDataDirectory.KioskProfile(profile.precinct(), Optional.of(test)),
                pinnedAuthority, credentials, extractorVersion, clock, maxPackageBytes, true);
    }

    /**
     * This loader with {@code guard}: its {@link LoadGuard#beforeLoad} runs before anything is decrypted and its
     * {@link LoadGuard#commit} in the replacing transaction. The kiosk's real loads are guarded by the audit trail
     * ({@code audit.RegisterLoadAudit}).
     */
    public RegisterLoader guardedBy(LoadGuard guard) {
        return new RegisterLoader(store, profile, pinnedAuthority, credentials, extractorVersion, clock,
                maxPackageBytes, logicAccuracyTest, guard);
    }

    /**
     * Verifies and loads a package file.
     *
     * @return the register now loaded
     * @throws RegisterException                           on a refused package (message key says why)
     * @throws kz.sailau.kiosk.crypto.KioskCryptoException on a bad signature or a package for another kiosk
     * @throws kz.sailau.kiosk.store.StoreException        when the database cannot be written (disk full)
     */
    public LoadedRegister load(Path packageFile, LoadProgress progress) {
        Objects.requireNonNull(packageFile, "packageFile");
        Objects.requireNonNull(progress, "progress");
        progress.update(LoadProgress.Stage.READING, 0, 1);
        byte[] file = read(packageFile);
        progress.update(LoadProgress.Stage.READING, 1, 1);
        return load(file, progress);
    }

    /** Verifies and loads package bytes; see {@link #load(Path, LoadProgress)}. */
    public LoadedRegister load(byte[] file, LoadProgress progress) {
        progress.update(LoadProgress.Stage.VERIFYING, 0, 3);
        PackageManifest manifest = RegisterPackages.inspect(file, pinnedAuthority);
        checkAddressedToThisKiosk(manifest);
        store.beforeLoad(guard, manifest);
        progress.update(LoadProgress.Stage.VERIFYING, 1, 3);
        RegisterPackages.OpenedPackage opened = RegisterPackages.open(file, credentials, pinnedAuthority);
        progress.update(LoadProgress.Stage.VERIFYING, 2, 3);
        RegisterContents contents = opened.contents();
        if (!contents.extractorVersion().equals(extractorVersion) || contents.records().stream()
                .flatMap(r -> r.fingers().stream()).anyMatch(f -> !f.template().extractorVersion().equals(extractorVersion))) {
            throw new RegisterException("register.error.extractorVersion", "package templates were made by "
                    + contents.extractorVersion() + " but this kiosk matches with " + extractorVersion
                    + "; the authority must rebuild the package (re-extract from the enrolment images)", null);
        }
        progress.update(LoadProgress.Stage.VERIFYING, 3, 3);
        store.replace(contents, opened.packageSha256(), clock, progress, guard, pinnedAuthority);
        LoadedRegister loaded = store.current().orElseThrow();
        progress.update(LoadProgress.Stage.DONE, 1, 1);
        return loaded;
    }

    private void checkAddressedToThisKiosk(PackageManifest manifest) {
        boolean testPackage = manifest.election().startsWith(ElectionId.LOGIC_ACCURACY_TEST_PREFIX);
        if (testPackage && !logicAccuracyTest) {
            throw new RegisterException("register.error.testPackage", "package is for the logic-and-accuracy test "
                    + "election " + manifest.election() + "; it is loaded only by the test, never as the register", null);
        }
        if (!testPackage && logicAccuracyTest) {
            throw new RegisterException("register.error.notTestPackage", "package is for election "
                    + manifest.election() + ", not a logic-and-accuracy test package", null);
        }
        String ownKey = HexFormat.of().formatHex(credentials.subjectKeyIdentifier());
        if (manifest.forSeveralKiosks() && !manifest.recipients().contains(ownKey)) {
            throw new KioskCryptoException("register.error.notARecipient", "this precinct package is encrypted to "
                    + manifest.recipients().size() + " kiosks and this kiosk's key " + ownKey + " is not among them; "
                    + "the authority must build it again with this kiosk's certificate", null);
        }
        if (!manifest.forSeveralKiosks() && !ownKey.equals(manifest.kioskKeyId())) {
            throw new KioskCryptoException("register.error.wrongKiosk",
                    "package is encrypted to kiosk key " + manifest.kioskKeyId() + ", not to this kiosk's key", null);
        }
        if (manifest.precinct() != profile.precinct().number()) {
            throw new RegisterException("register.error.wrongPrecinct", "package is for precinct " + manifest.precinct()
                    + " but this kiosk serves precinct " + profile.precinct(), null);
        }
        if (profile.election().isPresent() && !profile.election().get().value().equals(manifest.election())) {
            throw new RegisterException("register.error.wrongElection", "package is for election "
                    + manifest.election() + " but this kiosk is set up for " + profile.election().get(), null);
        }
        store.current().ifPresent(loaded -> {
            if (!loaded.election().value().equals(manifest.election())) {
                throw new RegisterException("register.error.wrongElection", "package is for election "
                        + manifest.election() + " but the kiosk holds election " + loaded.election(), null);
            }
            if (manifest.registerVersion() <= loaded.version()) {
                throw new RegisterException("register.error.rollback", "package version " + manifest.registerVersion()
                        + " is not newer than the loaded version " + loaded.version() + "; rollback refused", null);
            }
        });
    }

    private byte[] read(Path packageFile) {
        try {
            long size = Files.size(packageFile);
            if (size > maxPackageBytes) {
                throw new RegisterException("register.error.oversized", "package file has " + size
                        + " bytes, more than the limit of " + maxPackageBytes, null);
            }
            try (InputStream in = Files.newInputStream(packageFile)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPackageBytes + 1));
                if (bytes.length > maxPackageBytes) {
                    throw new RegisterException("register.error.oversized",
                            "package file grew beyond the limit of " + maxPackageBytes + " bytes while reading", null);
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new RegisterException("register.error.noFile", "package file not found: " + packageFile, e);
        } catch (IOException e) {
            throw new RegisterException("register.error.read", "package file cannot be read: " + e.getMessage(), e);
        }
    }
}
