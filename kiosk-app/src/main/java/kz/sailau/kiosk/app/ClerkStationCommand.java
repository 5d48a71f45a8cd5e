package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.cli.CliException;
import kz.sailau.kiosk.cli.NodeCommands;
import kz.sailau.kiosk.cli.PassphraseOption;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.NodeCertificates;
import kz.sailau.kiosk.crypto.NodeCredentials;
import kz.sailau.kiosk.crypto.NodeIdentity;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.model.NodeRole;
import kz.sailau.kiosk.precinct.NodeBindException;
import kz.sailau.kiosk.precinct.NodeLedgerException;
import kz.sailau.kiosk.precinct.RejoinGuard;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.precinct.PrecinctUnavailableException;
import kz.sailau.kiosk.ui.ClerkStationModel;
import kz.sailau.kiosk.ui.ClerkStationUnlock;
import kz.sailau.kiosk.ui.ClerkStationView;
import kz.sailau.kiosk.ui.KioskView;
import kz.sailau.kiosk.ui.LanguageViewModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sailau-kiosk clerk-station --dir DIR}: the clerk station, a machine of the precinct network with the role
 * {@code clerk-station}. Checks the node directory (as {@code node run}, and that its certificate is a clerk
 * station's) before anything else, then opens the station's window: the node passphrase on its first screen
 * ({@link ClerkStationUnlock}; or from {@code --passphrase-file}, before the window), then joins the network as a
 * node and shows every kiosk's cases in the kiosk consoles' words ({@link ClerkStationView}). A command of its own, not
 * {@code node run --screen}: {@code node run} is an administrator command without a screen (the command line layer
 * has no JavaFX), and the station is a screen first; the node console is not served here.
 */
@Command(name = "clerk-station", mixinStandardHelpOptions = true,
        description = {"Open the clerk station: join the precinct network (DIR/precinct.json) with this machine's "
                + "clerk-station certificate and show every kiosk's open cases until the window is closed. The node "
                + "passphrase is typed on the station's first screen, or read from --passphrase-file.",
                "The consensus log and snapshot live in DIR/ledger."})
public final class ClerkStationCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ClerkStationCommand.class);
    /** How often the screen reads the station's replica. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final CliEnvironment environment;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Node directory.")
    Path directory;

    @Option(names = "--check-only", description = "Only check the node directory, then exit.")
    boolean checkOnly;

    @Mixin
    PassphraseOption passphrase = new PassphraseOption();

    /** @param environment time, randomness and console */
    public ClerkStationCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrecinctNodeSettings settings = checkedSettings(directory, environment.clock());
        if (checkOnly) {
            environment.out().println("clerk station " + settings.name().value() + " is ready to join the precinct "
                    + "network on " + settings.listen().getAddress().getHostAddress());
            return 0;
        }
        if (passphrase.fromFile()) {
            // Unlocked and joined before any window opens: a wrong passphrase is one line and exit 1.
            PrecinctNode node;
            try {
                node = join(settings, passphrase.read("Node passphrase", false));
            } catch (PrecinctUnavailableException e) {
                throw new CliException(e.messageKey(), e.getMessage());
            }
            try (node) {
                showUntilClosed(Optional.of(node), settings);
            }
        } else {
            showUntilClosed(Optional.empty(), settings);
        }
        return 0;
    }

    /**
     * Unseals the node key with {@code secret} (cleared) and joins the network.
     *
     * @throws KioskCryptoException         {@code crypto.error.wrongPassphrase} and the like
     * @throws PrecinctUnavailableException when the listener cannot be bound
     */
    private PrecinctNode join(PrecinctNodeSettings settings, char[] secret) throws IOException {
        return PrecinctNode.start(directory, settings, secret, environment.random());
    }

    /**
     * Opens the station's window until it is closed: the kiosks at once when {@code joined}, else first the
     * passphrase screen ({@link ClerkStationUnlock}), which joins on a worker thread and then shows the kiosks.
     */
    private void showUntilClosed(Optional<PrecinctNode> joined, PrecinctNodeSettings settings)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ClerkStationModel model = new ClerkStationModel();
        LanguageViewModel language = new LanguageViewModel();
        AtomicReference<PrecinctNode> node = new AtomicReference<>(joined.orElse(null));
        AtomicReference<ClerkStation> station = new AtomicReference<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "clerk-station-unlock");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setTitle("Sailau clerk station " + settings.name().value());
                ClerkStationView view = new ClerkStationView(model, language);
                Scene scene = new Scene(joined.isPresent() ? view : new ClerkStationUnlock(language, secret ->
                        CompletableFuture.supplyAsync(() -> {
                            try {
                                PrecinctNode started = join(settings, secret);
                                node.set(started);
                                station.set(ClerkStation.follow(started, model, Platform::runLater, REFRESH));
                                Platform.runLater(() -> stage.getScene().setRoot(view));
                                return Optional.<String>empty();
                            } catch (KioskCryptoException e) {
                                return Optional.of(e.messageKey());
                            } catch (NodeBindException | NodeLedgerException | RejoinGuard.Refused e) {
                                LOG.warn("clerk station: {}", e.getMessage());
                                return Optional.of(e.messageKey());
                            } catch (IOException | RuntimeException e) {
                                LOG.warn("clerk station: cannot join the precinct network: {}", e.toString());
                                return Optional.of("station.error.join");
                            }
                        }, worker), Platform::runLater), 1280, 800);
                scene.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
                stage.setScene(scene);
                stage.setMaximized(true);
                stage.setOnHidden(event -> closed.countDown());
                stage.show();
            });
            joined.ifPresent(started -> station.set(ClerkStation.follow(started, model, Platform::runLater,
                    REFRESH)));
            closed.await();
        } finally {
            worker.shutdownNow();
            Optional.ofNullable(station.get()).ifPresent(ClerkStation::close);
            if (joined.isEmpty()) {
                Optional.ofNullable(node.get()).ifPresent(PrecinctNode::close);
            }
            Platform.exit();
        }
    }

    /**
     * The node directory's settings, after checking it holds a certified clerk station's key of the name the
     * settings give.
     *
     * @throws CliException {@code node.error.noSettings}, {@code node.error.settings},
     *                      {@code node.error.notInitialised}, {@code node.error.role},
     *                      {@code node.error.certificateMismatch}, {@code node.error.certificateTime} or the
     *                      certificate's own key
     */
    static PrecinctNodeSettings checkedSettings(Path directory, Clock clock) {
        PrecinctNodeSettings settings = NodeCommands.settingsOf(directory);
        NodeIdentity identity;
        try {
            if (!Files.isRegularFile(directory.resolve(NodeCredentials.CERTIFICATE_FILE))
                    || !Files.isRegularFile(directory.resolve(NodeCredentials.AUTHORITY_FILE))
                    || !Files.isRegularFile(directory.resolve(NodeCredentials.SEALED_KEY_FILE))) {
                throw new CliException("node.error.notInitialised", "no node key or certificate in " + directory
                        + " (run 'node init', 'authority certify-node' and 'node install')");
            }
            X509Certificate authority;
            try {
                authority = NodeCredentials.authorityOf(directory);
            } catch (KioskCryptoException e) {
                throw new CliException(e.messageKey(), "the pinned authority certificate "
                        + NodeCredentials.AUTHORITY_FILE + " cannot be used: " + e.getMessage());
            }
            Path file = directory.resolve(NodeCredentials.CERTIFICATE_FILE);
            X509Certificate certificate = Pem.readCertificate(MachineFiles.read(file));
            NodeCommands.validNow(certificate, "the installed node certificate " + file, clock);
            identity = NodeCertificates.identify(certificate, authority);
        } catch (KioskCryptoException e) {
            throw new CliException(e.messageKey(), "the node certificate cannot be used: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliException refusal) {
                throw refusal;
            }
            throw new CliException("node.error.certificate", "the node certificates cannot be read as PEM");
        }
        if (identity.role() != NodeRole.CLERK_STATION) {
            throw new CliException("node.error.role", "the node certificate is for a " + identity.role().label()
                    + ", not a clerk-station");
        }
        if (!identity.name().equals(settings.name())) {
            throw new CliException("node.error.certificateMismatch", PrecinctNodeSettings.FILE + " names "
                    + settings.name().value() + " but the certificate " + identity.name().value());
        }
        return settings;
    }
}
