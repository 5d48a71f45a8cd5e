package kz.sailau.kiosk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.FieldCipher;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.SecureFiles;
import kz.sailau.kiosk.devices.SerialMrzReader;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import kz.sailau.kiosk.token.SqliteIssuedTokens;
import kz.sailau.kiosk.ui.AdministratorView;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.LanguageViewModel;

/**
 * The production window: full screen, undecorated, the close request ignored (only the administrator's
 * "Exit the kiosk" ends it). It opens on the administrator's passphrase screen; leaving that screen after an
 * unlock starts the real devices and the voter screens.
 *
 * <p>Token key: the kiosk's Ed25519 token key is kept in {@code DATA/token-signing.key}, encrypted with the
 * store's field cipher; it is created at the first start, and its public key written to
 * {@code DATA/token-public.key} (Base64) for the ballot desk.
 *
 * <p>Clerks: only the clerks in the store's roster ({@code clerk add}, or the administrator's Clerks pane) are
 * accepted ({@link ClerkWiring}); there is no DEMO or built-in clerk. The start checks refuse a roster without an
 * active clerk, and the administrator screen does not open the voter screens while there is none.
 */
final class ProductionWindows {

    /** The kiosk certificate from the authority, in the data directory (as {@code day close} expects it). */
    static final String KIOSK_CERTIFICATE_FILE = "kiosk.crt.pem";
    /** The issued-tokens file in the data directory (the default of {@code day close --tokens}). */
    static final String TOKENS_FILE = "kiosk-tokens.db";

    private ProductionWindows() {
    }

    /**
     * @param configuration the configuration in force
     * @param configFile    the file it was read from (the Devices pane saves device settings into it)
     * @param environment   time, randomness, migrations, matcher and console
     */
    static int show(KioskConfiguration configuration, Path configFile, CliEnvironment environment)
            throws InterruptedException {
        KioskDataDirectory directory = KioskDataDirectory.at(configuration.dataDirectory());
        KioskDatabase database = KioskDatabase.open(directory.databaseFile(), environment.migrations(),
                StoreOptions.DEFAULT, environment.clock());
        KioskAdministration.recordStarted(database, java.util.Optional.empty(), environment.clock());
        FingerMatcher matcher = environment.matcher().get();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                Stage stage = new Stage(StageStyle.UNDECORATED);
                stage.setTitle("Sailau kiosk");
                stage.setFullScreenExitHint("");
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                stage.setOnCloseRequest(event -> event.consume());
                stage.setOnHidden(event -> closed.countDown());
                KioskAdministration administration = new KioskAdministration(directory, database, configuration,
                        matcher.extractorVersion(), configuration.dataDirectory().resolve(KIOSK_CERTIFICATE_FILE),
                        configuration.dataDirectory().resolve(TOKENS_FILE), environment.clock(), environment.random(),
                        stage::hide);
                java.util.concurrent.atomic.AtomicBoolean devicesOpen = new java.util.concurrent.atomic.AtomicBoolean();
                administration.withDeviceSettings(new KioskDeviceSettings(configFile, configuration,
                        new SerialDeviceProbe(), kz.sailau.kiosk.devices.SerialPortList::present,
                        administration::recordNow, "admin.devices.appliesRestart").withDevicesOpen(devicesOpen::get));
                // One election-day engine, built at the first need: the pre-election test (from the first unlock)
                // or the voter screens.
                ElectionDayEngines engines = new ElectionDayEngines(configuration, environment, database, matcher);
                administration.withLogicAccuracy(credentials -> new LogicAccuracyMode(
                        KioskDataDirectory.at(configuration.dataDirectory()), database, environment.migrations(),
                        new ElectionId(configuration.election()), matcher.extractorVersion(),
                        engines.of(credentials).testParts(), environment.clock(), environment.random()));
                LanguageViewModel language = new LanguageViewModel();
                Scene scene = DemoWindows.styled(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
                AdministratorView unlock = new AdministratorView(administration, language, worker, Platform::runLater,
                        () -> administration.credentials().ifPresent(credentials -> {
                            devicesOpen.set(true);
                            scene.setRoot(voterScreens(configuration, environment, database,
                                    engines.of(credentials), language, administration, worker));
                        }));
                unlock.setBackWhileLocked(false);
                scene.setRoot(KioskScreens.scrolling(unlock));
                stage.setScene(scene);
                stage.setFullScreen(true);
                stage.show();
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            environment.err().println("cannot start: no display for the kiosk window (" + e.getMessage() + ")");
            database.close();
            return 1;
        }
        closed.await();
        worker.shutdownNow();
        database.close();
        Platform.exit();
        return 0;
    }

    private static KioskScreens voterScreens(KioskConfiguration configuration, CliEnvironment environment,
                                             KioskDatabase database, ElectionDayEngine parts,
                                             LanguageViewModel language,
                                             KioskAdministration administration, ExecutorService worker) {
        worker.execute(parts.engine()::prepareGallery);
        SerialFingerprintScanner scanner = new SerialFingerprintScanner(SerialScannerSettings.of(
                Path.of(configuration.scanner().port()), configuration.scanner().baud()));
        SerialReceiptPrinter printer = new SerialReceiptPrinter(Path.of(configuration.printer().port()),
                configuration.printer().baud(), Duration.ofSeconds(2));
        CheckInScreenModel model = new CheckInScreenModel(parts.engine(), scanner, printer, language,
                Platform::runLater, parts.ledger()::counters, Duration.ofSeconds(10));
        model.startReadingCards(SerialMrzReader.open(Path.of(configuration.mrzReader().port()),
                configuration.mrzReader().baud(), environment.clock()));
        model.startTicking(Duration.ofSeconds(1));
        if (KioskAdministration.closed(database)) {
            model.closePolls();
        }
        return new KioskScreens(model, administration, worker, Platform::runLater);
    }

    /** The election-day engine of this window, built once over the unlocked store when first asked for. */
    private static final class ElectionDayEngines {
        private final KioskConfiguration configuration;
        private final CliEnvironment environment;
        private final KioskDatabase database;
        private final FingerMatcher matcher;
        private ElectionDayEngine built;

        ElectionDayEngines(KioskConfiguration configuration, CliEnvironment environment, KioskDatabase database,
                           FingerMatcher matcher) {
            this.configuration = configuration;
            this.environment = environment;
            this.database = database;
            this.matcher = matcher;
        }

        synchronized ElectionDayEngine of(KioskCredentials credentials) {
            if (built == null) {
                built = engine(configuration, environment, database, credentials, matcher);
            }
            return built;
        }
    }

    /** The check-in engine of election day and its ledger, before any device or window is attached. */
    record ElectionDayEngine(CheckInEngine engine, SqliteCheckInLedger ledger,
                             LogicAccuracyMode.EngineParts testParts) {
    }

    /**
     * Wires the election-day check-in engine over the unlocked store: policy from the configuration, the
     * register (through the 1:N-capable directory), the ledger with its signed audit, the clerks, and the
     * token issuer with the kiosk's token key. Shared by the window and {@code start --ready-check}.
     */
    static ElectionDayEngine engine(KioskConfiguration configuration, CliEnvironment environment,
                                    KioskDatabase database, KioskCredentials credentials, FingerMatcher matcher) {
        PrecinctId precinct = new PrecinctId(configuration.precinct());
        CheckInPolicy defaults = CheckInPolicy.defaults(precinct, configuration.electionDay());
        CheckInPolicy policy = new CheckInPolicy(precinct, configuration.electionDay(), defaults.minimumAge(),
                configuration.maxFingerTries(), defaults.threshold(), defaults.overrideCap(),
                Duration.ofSeconds(configuration.idleTimeoutSeconds()));
        Ed25519TokenKeys tokenKeys = tokenKeys(configuration.dataDirectory(), credentials, environment);
        SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"),
                environment.clock(), AuditRecorder.signing(ChainHeadSigner.kiosk(credentials)));
        kz.sailau.kiosk.checkin.ClerkAuthenticator clerks = ClerkWiring.authenticator(database, credentials,
                environment.random(), environment.clock());
        CheckInEngine engine = new CheckInEngine(new CheckInMachine(policy),
                new RegisterVoterDirectory(new RegisterStore(database, credentials.storeKeys(), environment.random()),
                        matcher),
                ledger, clerks,
                new KioskTokenIssuer(new ElectionId(configuration.election()), precinct, tokenKeys::sign,
                        new SqliteIssuedTokens(configuration.dataDirectory().resolve(TOKENS_FILE)), environment.random()),
                matcher, environment.clock());
        return new ElectionDayEngine(engine, ledger, new LogicAccuracyMode.EngineParts(policy, matcher, clerks,
                tokenKeys::sign));
    }

    private static Ed25519TokenKeys tokenKeys(Path data, KioskCredentials credentials, CliEnvironment environment) {
        Path file = data.resolve("token-signing.key");
        byte[] context = "token-signing-key".getBytes(StandardCharsets.US_ASCII);
        FieldCipher cipher = credentials.storeKeys().fieldCipher(environment.random());
        try {
            if (Files.exists(file)) {
                return Ed25519TokenKeys.fromPrivateKey(cipher.decrypt(Files.readAllBytes(file), context));
            }
            Ed25519TokenKeys keys = Ed25519TokenKeys.generate(environment.random());
            SecureFiles.writeAtomically(file, cipher.encrypt(keys.privateKey(), context));
            SecureFiles.writeAtomically(data.resolve("token-public.key"),
                    (Base64.getEncoder().encodeToString(keys.publicKey()) + "\n").getBytes(StandardCharsets.US_ASCII));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("token key cannot be read or written", e);
        }
    }
}
