package kz.sailau.kiosk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.app.assembly.SerialDevices;
import kz.sailau.kiosk.app.la.LogicAccuracyMode;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.FieldCipher;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.devices.SerialPortList;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.runner.KioskDevices;
import kz.sailau.kiosk.store.AtomicFileReplacement;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.timeline.PhaseTable;
import kz.sailau.kiosk.ui.AdministratorView;
import kz.sailau.kiosk.ui.AudioGuide;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.HeadphoneOutput;
import kz.sailau.kiosk.ui.KioskScreens;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.LanguageViewModel;

/**
 * The production window: full screen, undecorated, the close request ignored (only the administrator's
 * "Exit the kiosk" ends it). It opens on the administrator's passphrase screen; leaving that screen after an
 * unlock starts the real devices and the voter screens.
 *
 * <p>Token key: the kiosk's Ed25519 token key is kept in {@code DATA/token-signing.key}, encrypted with the
 * store's field cipher; it is created at the first start, and its public key written to
 * {@code DATA/token-public.key} (Base64) for the ballot desk. The precinct token key, under which the typed codes
 * are authenticated, comes from the authority in {@code DATA/precinct-token-key.p7m} ({@link PrecinctTokenKeys});
 * without it the kiosk does not start.
 *
 * <p>Precinct network: when {@code kiosk.json} names a node directory ({@link PrecinctKiosk}), the administrator's
 * passphrase also unseals the node key at the unlock, and the election day starts this machine's node (listening
 * only on its configured address) and runs through {@link PrecinctElectionDay#over}; the node is closed when the
 * window closes. Without that entry the kiosk is standalone: no node, no listening port.
 *
 * <p>Clerks: only the clerks in the store's roster ({@code clerk add}, or the administrator's Clerks pane) are
 * accepted ({@link ClerkWiring}); there is no DEMO or built-in clerk. The start checks refuse a roster without an
 * active clerk, and the administrator screen does not open the voter screens while there is none.
 */
final class ProductionWindows {

    /** The kiosk certificate from the authority, in the data directory (as {@code day close} expects it). */
    static final String KIOSK_CERTIFICATE_FILE = "kiosk.crt.pem";

    /**
     * Runs the 1:N gallery's preparation on a daemon thread of its own, begun at the unlock, so that the gallery
     * decodes while the election day is wired (decision 0280); the decoding itself also uses the common pool.
     */
    static final Executor GALLERY_PREPARATION = preparation -> {
        Thread thread = new Thread(preparation, "gallery-preparation");
        thread.setDaemon(true);
        thread.start();
    };

    private ProductionWindows() {
    }

    /**
     * @param configuration the configuration in force
     * @param configFile    the file it was read from (the Devices pane saves device settings into it)
     * @param environment   time, randomness, migrations, matcher and console
     * @param warmUp        the start's warm-up, which goes on while the window opens and the administrator types the
     *                      passphrase, and is stopped when the 1:N gallery is prepared
     */
    static int show(KioskConfiguration configuration, Path configFile, CliEnvironment environment,
                    StartWarmUp warmUp) throws InterruptedException {
        // The display first: a kiosk that cannot open its window has not started, so it opens no database and records
        // no KIOSK_STARTED (a refusal changes nothing; decision 0489).
        try {
            JavaFxToolkit.start();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            environment.err().println("cannot start: no display for the kiosk window (" + e.getMessage()
                    + "): start it in the kiosk's session (sailau-kiosk.service), or check it without a window with "
                    + "--check-only or --ready-check [start.error.noDisplay]");
            warmUp.close();
            return 1;
        }
        KioskDataDirectory directory = KioskDataDirectory.at(configuration.dataDirectory());
        KioskDatabase database = environment.openDatabase(directory);
        KioskAdministration.recordStarted(database, Optional.empty(), environment.clock(),
                configuration.electionDay());
        FingerMatcher matcher = environment.matcher().get();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean devicesOpen = new AtomicBoolean();
        AtomicReference<KioskAdministration> unlocked = new AtomicReference<>();
        ElectionDays days = new ElectionDays(configuration, environment, database, matcher, devicesOpen,
                () -> unlocked.get().nodeCredentials());
        Platform.runLater(() -> {
            Stage stage = new Stage(StageStyle.UNDECORATED);
            stage.setTitle("Sailau kiosk");
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setOnCloseRequest(event -> event.consume());
            stage.setOnHidden(event -> closed.countDown());
            KioskAdministration administration = new KioskAdministration(directory, database, configuration,
                    matcher.extractorVersion(), configuration.dataDirectory().resolve(KIOSK_CERTIFICATE_FILE),
                    environment.clock(), environment.random(),
                    stage::hide);
            unlocked.set(administration);
            administration.withReports(() -> SerialDevices.printer(configuration), ZoneId.systemDefault());
            administration.withDeviceSettings(new KioskDeviceSettings(configFile, configuration,
                    new SerialDeviceProbe(), SerialPortList::present,
                    administration::recordNow, "admin.devices.appliesRestart").withDevicesOpen(devicesOpen::get));
            administration.withWaitTimes(days::waitTimes);
            if (configuration.precinctNode().isPresent()) {
                administration.withPrecinctMembership(new KioskPrecinctNetwork(days::node,
                        administration::recordNow));
            }
            // One election day, built at the first need: the pre-election test (from the first unlock) or the
            // voter screens.
            administration.withLogicAccuracy(credentials -> new LogicAccuracyMode(
                    KioskDataDirectory.at(configuration.dataDirectory()), database, environment.migrations(),
                    new ElectionId(configuration.election()), matcher.extractorVersion(), days.of(credentials),
                    environment.clock(), environment.random()));
            LanguageViewModel language = new LanguageViewModel();
            Scene scene = new Scene(new StackPane(), 1280, 800);
            scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
            AdministratorView unlock = new AdministratorView(administration, language, worker, Platform::runLater,
                    () -> administration.credentials().ifPresent(credentials ->
                            scene.setRoot(voterScreens(database, days.forVoters(credentials, warmUp), language,
                                    administration, worker, warmUp))));
            unlock.setBackWhileLocked(false);
            scene.setRoot(KioskScreens.scrolling(unlock));
            stage.setScene(scene);
            stage.setFullScreen(true);
            stage.show();
        });
        closed.await();
        warmUp.close();
        worker.shutdownNow();
        days.close();
        database.close();
        Platform.exit();
        return 0;
    }

    private static KioskScreens voterScreens(KioskDatabase database, ElectionDayKiosk kiosk,
                                             LanguageViewModel language, KioskAdministration administration,
                                             ExecutorService worker, StartWarmUp warmUp) {
        warmUp.stop();
        worker.execute(kiosk.engine()::prepareGallery);
        kiosk.printIn(language::messages);
        CheckInScreenModel model = new CheckInScreenModel(kiosk.engine(), kiosk.devices().orElseThrow(), language,
                Platform::runLater, kiosk::counters);
        // Audio guidance for every voter step to the headphone jack (decision 0211).
        model.useAudioGuide(new AudioGuide(new HeadphoneOutput()));
        kiosk.startTicking(Duration.ofSeconds(1));
        if (KioskAdministration.closed(database)) {
            model.closePolls();
        }
        return new KioskScreens(model, administration, worker, Platform::runLater);
    }

    /**
     * The window's election day, assembled once over the unlocked store with the serial devices when first needed
     * (the pre-election test or the voter screens); from then on the devices count as open for the Devices pane.
     */
    private static final class ElectionDays implements AutoCloseable {
        private final KioskConfiguration configuration;
        private final CliEnvironment environment;
        private final KioskDatabase database;
        private final FingerMatcher matcher;
        private final AtomicBoolean devicesOpen;
        private final Supplier<Optional<NodeCredentials>> nodeKey;
        private KioskDevices devices;
        private volatile Optional<PrecinctNode> node = Optional.empty();
        private Optional<KioskStatusPublisher> status = Optional.empty();
        private ElectionDayKiosk built;
        private RegisterVoterDirectory register;

        ElectionDays(KioskConfiguration configuration, CliEnvironment environment, KioskDatabase database,
                     FingerMatcher matcher, AtomicBoolean devicesOpen, Supplier<Optional<NodeCredentials>> nodeKey) {
            this.nodeKey = nodeKey;
            this.configuration = configuration;
            this.environment = environment;
            this.database = database;
            this.matcher = matcher;
            this.devicesOpen = devicesOpen;
        }

        synchronized ElectionDayKiosk of(KioskCredentials credentials) {
            if (built == null) {
                if (register == null) {
                    register = ElectionDayAssembly.register(database, credentials, matcher, environment.random());
                }
                if (configuration.precinctNode().isPresent()) {
                    node = Optional.of(startNode());
                }
                devices = SerialDevices.open(configuration, environment.clock());
                built = electionDay(configuration, environment, database, credentials, matcher, Optional.of(devices),
                        node, register);
                // The clerk station sees this kiosk's cases: its status goes into the ledger on every change.
                status = node.map(running -> KioskStatusPublisher.attach(built.engine(), running));
                devicesOpen.set(true);
            }
            return built;
        }

        /**
         * The election day for the voter screens: when it is assembled now (no pre-election test came first), the
         * start's warm-up stops and the 1:N gallery is prepared while the node starts, the devices open and the engine
         * is wired.
         */
        synchronized ElectionDayKiosk forVoters(KioskCredentials credentials, StartWarmUp warmUp) {
            if (built == null) {
                warmUp.stop();
                if (register == null) {
                    register = ElectionDayAssembly.register(database, credentials, matcher, environment.random());
                }
                register.prepareGalleryAhead(GALLERY_PREPARATION);
            }
            return of(credentials);
        }

        /** This kiosk's node of the precinct network once the election day started it (not synchronized: read often). */
        Optional<PrecinctNode> node() {
            return node;
        }

        /** The running engine's check-in timeline table; empty before the election day is assembled. */
        synchronized PhaseTable waitTimes() {
            return built == null ? PhaseTable.EMPTY : built.engine().timeline().table();
        }

        private PrecinctNode startNode() {
            NodeCredentials key = nodeKey.get().orElseThrow(() ->
                    new IllegalStateException("the precinct node key was not unsealed at the unlock"));
            try {
                return PrecinctKiosk.start(configuration, key, environment.random());
            } catch (IOException e) {
                throw new UncheckedIOException("the precinct node directory cannot be read", e);
            }
        }

        @Override
        public synchronized void close() {
            if (built != null) {
                built.close();
                devices.close();
            }
            status.ifPresent(KioskStatusPublisher::close);
            // Leaves the precinct network in order (its peers see it go; its last snapshot is taken).
            node.ifPresent(PrecinctNode::close);
        }
    }

    /**
     * The election day over the unlocked store, through the one {@link ElectionDayAssembly}: the policy from the
     * configuration, the store's register and ledger, the roster, the kiosk's token key (created at the first
     * start) and the precinct token key from the authority (refused with a {@link ConfigurationException} when it
     * is missing or not this kiosk's). Shared by the window (with the serial devices) and {@code start --ready-check} (without).
     * With a running precinct node, the assembly is the precinct's ({@link PrecinctElectionDay#over}). The register
     * ({@link ElectionDayAssembly#register}) is made by the caller, who may have begun preparing its 1:N gallery.
     */
    static ElectionDayKiosk electionDay(KioskConfiguration configuration, CliEnvironment environment,
                                        KioskDatabase database, KioskCredentials credentials, FingerMatcher matcher,
                                        Optional<KioskDevices> devices, Optional<PrecinctNode> node,
                                        RegisterVoterDirectory register) {
        // The precinct token key from the authority is checked first: a start refused for it leaves no token key of
        // its own behind (the kiosk's key files are created only once everything it is checked against is good).
        PrecinctTokenKey typedCodeKey = PrecinctTokenKeys.load(configuration.dataDirectory(), credentials,
                new ElectionId(configuration.election()), new PrecinctId(configuration.precinct()));
        Path data = configuration.dataDirectory();
        boolean created = !hasTokenKey(data);
        Ed25519TokenKeys tokenKeys = tokenKeys(data, credentials, environment);
        try {
            ElectionDayAssembly assembly = ElectionDayAssembly.over(configuration, database, credentials, tokenKeys,
                    typedCodeKey::mac, matcher, environment.clock(), environment.random());
            return node.map(running -> PrecinctElectionDay.over(assembly, running, typedCodeKey)).orElse(assembly)
                    .assemble(devices, register);
        } catch (RuntimeException e) {
            if (created) {
                removeTokenKey(data);
            }
            throw e;
        }
    }

    /** The kiosk's own token signing key, encrypted under the store key (created at the first start). */
    static final String TOKEN_SIGNING_KEY_FILE = "token-signing.key";
    /** Its public half, for the ballot desk. */
    static final String TOKEN_PUBLIC_KEY_FILE = "token-public.key";

    /** Whether the kiosk of {@code data} has its own token signing key yet. */
    static boolean hasTokenKey(Path data) {
        return Files.exists(data.resolve(TOKEN_SIGNING_KEY_FILE));
    }

    /**
     * Removes a token key created by a start that was then refused: no voter was served with it, and a refusal
     * leaves nothing behind. Best effort: the refusal itself is what the administrator reads.
     */
    static void removeTokenKey(Path data) {
        for (String file : new String[] {TOKEN_SIGNING_KEY_FILE, TOKEN_PUBLIC_KEY_FILE}) {
            try {
                Files.deleteIfExists(data.resolve(file));
            } catch (IOException ignored) {
                // An unused key file is harmless; the next start reads or replaces it.
            }
        }
    }

    private static Ed25519TokenKeys tokenKeys(Path data, KioskCredentials credentials, CliEnvironment environment) {
        Path file = data.resolve(TOKEN_SIGNING_KEY_FILE);
        byte[] context = "token-signing-key".getBytes(StandardCharsets.US_ASCII);
        FieldCipher cipher = credentials.storeKeys().fieldCipher(environment.random());
        try {
            if (Files.exists(file)) {
                return Ed25519TokenKeys.fromPrivateKey(cipher.decrypt(MachineFiles.read(file), context));
            }
            Ed25519TokenKeys keys = Ed25519TokenKeys.generate(environment.random());
            AtomicFileReplacement.write(file, cipher.encrypt(keys.privateKey(), context));
            AtomicFileReplacement.write(data.resolve(TOKEN_PUBLIC_KEY_FILE),
                    (Base64.getEncoder().encodeToString(keys.publicKey()) + "\n").getBytes(StandardCharsets.US_ASCII));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("token key cannot be read or written", e);
        }
    }
}
