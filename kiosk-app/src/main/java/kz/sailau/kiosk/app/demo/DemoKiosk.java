package kz.sailau.kiosk.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.precinct.PrecinctNode;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.app.PrecinctTokenKeys;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.app.ClerkWiring;
import kz.sailau.kiosk.app.KioskAdministration;
import kz.sailau.kiosk.app.KioskPrecinctNetwork;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.app.KioskDeviceSettings;
import kz.sailau.kiosk.app.SerialDeviceProbe;
import kz.sailau.kiosk.app.PrecinctElectionDay;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.app.assembly.EmulatedDevices;
import kz.sailau.kiosk.app.la.LogicAccuracyMode;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.devices.SerialPortList;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.runner.DeviceRunner;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.token.TypedCodeKey;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.LanguageViewModel;

/**
 * The demo kiosk, which {@code demo} shows and {@code simulate} drives: the election day of the one
 * {@link ElectionDayAssembly} over the demo store, with the scanner, MRZ reader and printer emulated on
 * pseudo-terminals whose links live in {@code DIR/devices/} ({@link EmulatedDevices}) and read by the real drivers.
 * The demo data adds a DEMO clerk to the store's roster and a fresh DEMO token key; nothing else differs from
 * {@code start}.
 */
public final class DemoKiosk implements AutoCloseable {

    /**
     * The DEMO clerk login, added to the demo store's clerk roster at every demo start (the same roster and
     * Argon2id PIN check as production; a production kiosk has no such clerk).
     */
    public static final ClerkId CLERK = new ClerkId("clerk1");
    /** The DEMO clerk PIN, shown on the demo panel (six digits: the roster's PIN policy applies to the demo too). */
    public static final String CLERK_PIN = "470213";

    /** How long the demo waits for its emulated card reader to open (seconds on a loaded machine). */
    private static final Duration CARD_READER_OPEN = Duration.ofSeconds(30);

    private final DemoData data;
    private final KioskConfiguration configuration;
    private final KioskDatabase database;
    private final EmulatedDevices devices;
    private final ElectionDayKiosk electionDay;
    private final List<Migration> migrations;
    private Optional<DemoPrecinct> precinct = Optional.empty();

    private DemoKiosk(DemoData data, KioskConfiguration configuration, KioskDatabase database, EmulatedDevices devices,
                      ElectionDayKiosk electionDay, List<Migration> migrations) {
        this.data = data;
        this.configuration = configuration;
        this.database = database;
        this.devices = devices;
        this.electionDay = electionDay;
        this.migrations = List.copyOf(migrations);
    }

    /**
     * The kiosk of {@code demo}: the default configuration, the emulated scanner at true serial speed unless the
     * demo only checks one voter headless ({@code demo --check}).
     */
    public static DemoKiosk forDemo(DemoData data, CliEnvironment environment, boolean realtime) throws IOException {
        return start(data, KioskConfiguration.defaults(), environment.clock(), environment.random(),
                environment.migrations(), environment.matcher().get(), realtime);
    }

    /**
     * The kiosk of {@code demo --precinct}: the demo's, as a node of the DEMO precinct network {@code precinct}
     * (its engine through {@link PrecinctElectionDay#over}); the precinct stays the caller's to close.
     */
    static DemoKiosk forDemo(DemoData data, CliEnvironment environment, boolean realtime, DemoPrecinct precinct)
            throws IOException {
        DemoKiosk kiosk = start(data, KioskConfiguration.defaults(), environment.clock(), environment.random(),
                environment.migrations(), environment.matcher().get(), realtime, UnaryOperator.identity(),
                DeviceRunner.Timing.DEFAULT, Optional.of(precinct.node()));
        kiosk.precinct = Optional.of(precinct);
        return kiosk;
    }

    /** The kiosk of {@code simulate}: the demo's, with image uploads in milliseconds. */
    public static DemoKiosk forSimulate(DemoData data, CliEnvironment environment) throws IOException {
        return start(data, KioskConfiguration.defaults(), environment.clock(), environment.random(),
                environment.migrations(), environment.matcher().get(), false);
    }

    /**
     * The kiosk of {@code simulate --realtime}: the scanner driver raises the line to {@code scannerBaud} (the
     * module's {@value ScannerEmulator#DEFAULT_BAUD_RATE} keeps it) and the emulator paces every byte to it.
     */
    public static DemoKiosk forSimulate(DemoData data, CliEnvironment environment, boolean realtime, int scannerBaud)
            throws IOException {
        int target = scannerBaud == ScannerEmulator.DEFAULT_BAUD_RATE ? 0 : scannerBaud;
        return start(data, KioskConfiguration.defaults(), environment.clock(), environment.random(),
                environment.migrations(), environment.matcher().get(), realtime,
                settings -> settings.withTargetBaudRate(target), DeviceRunner.Timing.DEFAULT);
    }

    /**
     * Opens the demo store and starts the emulated devices.
     *
     * @param data          the created demo data
     * @param configuration the configuration (precinct, election day, idle timeout)
     * @param clock         time
     * @param random        randomness
     * @param migrations    every migration of the kiosk database
     * @param matcher       the fingerprint matcher
     * @param realtime      whether the scanner emulator takes the true serial time to upload an image
     */
    public static DemoKiosk start(DemoData data, KioskConfiguration configuration, Clock clock, SecureRandom random,
                                  List<Migration> migrations, FingerMatcher matcher, boolean realtime)
            throws IOException {
        return start(data, configuration, clock, random, migrations, matcher, realtime, UnaryOperator.identity(),
                DeviceRunner.Timing.DEFAULT);
    }

    /**
     * Opens the demo store and starts the emulated devices with other device waits (tests of device faults).
     *
     * @param scannerSettings adjusts the scanner driver's settings
     * @param deviceTiming    the device runner's waits
     */
    public static DemoKiosk start(DemoData data, KioskConfiguration configuration, Clock clock, SecureRandom random,
                                  List<Migration> migrations, FingerMatcher matcher, boolean realtime,
                                  UnaryOperator<SerialScannerSettings> scannerSettings,
                                  DeviceRunner.Timing deviceTiming) throws IOException {
        return start(data, configuration, clock, random, migrations, matcher, realtime, scannerSettings, deviceTiming,
                Optional.empty());
    }

    private static DemoKiosk start(DemoData data, KioskConfiguration configuration, Clock clock, SecureRandom random,
                                   List<Migration> migrations, FingerMatcher matcher, boolean realtime,
                                   UnaryOperator<SerialScannerSettings> scannerSettings,
                                   DeviceRunner.Timing deviceTiming, Optional<PrecinctNode> node) throws IOException {
        KioskDataDirectory kioskDirectory = KioskDataDirectory.at(data.kioskDirectory());
        KioskCredentials credentials = kioskDirectory.unlock(DemoData.PASSPHRASE.toCharArray());
        KioskDatabase database = KioskDatabase.open(kioskDirectory.databaseFile(), migrations, StoreOptions.DEFAULT,
                clock);
        EmulatedDevices devices = null;
        try {
            KioskAdministration.recordStarted(database, Optional.of(credentials), clock,
                    configuration.electionDay());
            addDemoClerk(database, credentials, random, clock);
            Ed25519TokenKeys tokenKeys = Ed25519TokenKeys.generate(random);
            Files.writeString(data.directory().resolve("DEMO-token-public.key"),
                    Base64.getEncoder().encodeToString(tokenKeys.publicKey()) + "\n", StandardCharsets.US_ASCII);
            devices = EmulatedDevices.start(data.devicesDirectory(), configuration, realtime, scannerSettings);
            PrecinctTokenKey typedCodeKey = PrecinctTokenKeys.load(data.kioskDirectory(), credentials,
                    new ElectionId(configuration.election()), new PrecinctId(configuration.precinct()));
            ElectionDayAssembly standalone = ElectionDayAssembly.over(configuration, database, credentials, tokenKeys,
                    typedCodeKey::mac, matcher, clock, random).withDeviceTiming(deviceTiming);
            ElectionDayKiosk electionDay = node.map(running -> PrecinctElectionDay.over(standalone, running,
                    typedCodeKey)).orElse(standalone).assemble(Optional.of(devices.devices()));
            awaitCardReader(electionDay);
            return new DemoKiosk(data, configuration, database, devices, electionDay, migrations);
        } catch (IOException | RuntimeException e) {
            if (devices != null) {
                devices.close();
            }
            database.close();
            throw e;
        }
    }

    /** Returns once the card reader listens, so that the first demo card is not presented to a closed port. */
    private static void awaitCardReader(ElectionDayKiosk electionDay) throws IOException {
        try {
            if (!electionDay.devices().orElseThrow().awaitCardReaderOpened(CARD_READER_OPEN)) {
                electionDay.close();
                throw new IOException("the emulated card reader did not open within " + CARD_READER_OPEN.toSeconds()
                        + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            electionDay.close();
            throw new IOException("interrupted while the card reader opened", e);
        }
    }

    /** Adds the DEMO clerk to the demo roster unless it is there: the assembly's roster then accepts it. */
    private static void addDemoClerk(KioskDatabase database, KioskCredentials credentials, SecureRandom random,
                                     Clock clock) {
        ClerkRoster roster = ClerkWiring.roster(database, credentials, random, clock);
        if (roster.list().stream().noneMatch(entry -> entry.login().equals(CLERK))) {
            roster.add(CLERK, CLERK_PIN.toCharArray());
        }
    }

    /** Builds the screens' view model over this kiosk; receipts are printed in the screens' language. */
    public CheckInScreenModel model(LanguageViewModel language, Executor fxThread) {
        electionDay.printIn(language::messages);
        CheckInScreenModel model = new CheckInScreenModel(electionDay.engine(), electionDay.devices().orElseThrow(),
                language, fxThread, electionDay::counters);
        if (KioskAdministration.closed(database)) {
            model.closePolls();
        }
        return model;
    }

    /** How long the demo's report printing waits for the emulated printer's status byte. */
    private static final Duration REPORT_PRINTER_TIMEOUT = Duration.ofSeconds(5);

    /** Puts a card on the emulated MRZ reader: it sends the zone over its serial line to the kiosk. */
    public void presentCard(String mrzText) {
        devices.presentCard(mrzText);
    }

    /**
     * The administrator's actions on the demo kiosk (passphrase {@link DemoData#PASSPHRASE}), with the
     * pre-election logic-and-accuracy test enabled: its test package ({@link DemoData#LA_TEST_PACKAGE}, the first
     * {@link DemoData#LA_TEST_VOTERS} demo voters for the test election) is built on first use.
     */
    public KioskAdministration administration(Runnable exit) {
        ElectionDayAssembly assembly = electionDay.assembly();
        Clock clock = assembly.clock();
        SecureRandom random = assembly.random();
        FingerMatcher matcher = assembly.matcher();
        KioskAdministration administration = new KioskAdministration(KioskDataDirectory.at(data.kioskDirectory()),
                database, configuration, matcher.extractorVersion(), data.kioskDirectory().resolve(DemoData.KIOSK_CERTIFICATE),
                clock, random, exit)
                .withDefaultTestPackage(data.directory().resolve(DemoData.LA_TEST_PACKAGE));
        administration.enableLogicAccuracy(new LogicAccuracyMode(KioskDataDirectory.at(data.kioskDirectory()),
                database, migrations, new ElectionId(configuration.election()), matcher.extractorVersion(),
                electionDay, clock, random)
                .withPackageSource(file -> data.writeLogicAccuracyPackage(file, new CliEnvironment(
                        clock, random, migrations, () -> matcher,
                        new PrintStream(OutputStream.nullOutputStream()), System.err))));
        administration.withReports(() -> new SerialReceiptPrinter(devices.printer().devicePath(),
                configuration.printer().baud(), devices.printer().profile(), REPORT_PRINTER_TIMEOUT),
                ZoneId.systemDefault());
        administration.withWaitTimes(() -> electionDay.engine().timeline().table());
        precinct.ifPresent(network -> administration.withPrecinctMembership(new KioskPrecinctNetwork(
                () -> Optional.of(network.node()), administration::recordNow)));
        return administration.withDeviceSettings(deviceSettings(administration));
    }

    /**
     * The demo's Devices pane: the emulated ports (pseudo-terminal links in the demo's devices directory) and
     * the demo's own {@code kiosk.json} in the demo data directory, wiped at each start (never a user's file).
     */
    KioskDeviceSettings deviceSettings(KioskAdministration administration) {
        Path devices = data.devicesDirectory();
        KioskConfiguration emulated = new KioskConfiguration(configuration.dataDirectory(), configuration.election(),
                configuration.precinct(), configuration.electionDay(),
                new KioskConfiguration.SerialPortSetting(devices.resolve("scanner").toString(),
                        ScannerEmulator.DEFAULT_BAUD_RATE),
                new KioskConfiguration.SerialPortSetting(devices.resolve("mrz-reader").toString(),
                        configuration.mrzReader().baud()),
                new KioskConfiguration.SerialPortSetting(devices.resolve("printer").toString(),
                        configuration.printer().baud()),
                configuration.matchThreshold(), configuration.maxFingerTries(), configuration.overrideCapPercent(),
                configuration.overrideWarnPercent(), configuration.idleTimeoutSeconds(), configuration.fullScreen(),
                configuration.removableMedia(), configuration.tokenScreenSeconds());
        return new KioskDeviceSettings(data.directory().resolve(KioskConfiguration.FILE_NAME), emulated,
                new SerialDeviceProbe(), () -> SerialPortList.present(devices, "*"),
                administration::recordNow, "admin.devices.appliesDemo").withDevicesOpen(() -> true);
    }

    /** The demo data. */
    public DemoData data() {
        return data;
    }

    /** The engine. */
    public CheckInEngine engine() {
        return electionDay.engine();
    }

    /** The election day as the one assembly built it. */
    public ElectionDayKiosk electionDay() {
        return electionDay;
    }

    /** The emulated devices (the demo panel and simulate touch fingers and swap paper rolls on them). */
    public EmulatedDevices devices() {
        return devices;
    }

    /** The check-in policy in force. */
    public CheckInPolicy policy() {
        return electionDay.engine().policy();
    }

    /** The emulated scanner (the demo panel presents fingers on it). */
    public ScannerEmulator scannerEmulator() {
        return devices.scanner();
    }

    /** The emulated printer (the demo panel shows what it printed). */
    public ReceiptPrinterEmulator printerEmulator() {
        return devices.printer();
    }

    /** The demo precinct token key, for checking typed codes as the ballot desk does. */
    public TypedCodeKey typedCodeKey() {
        return electionDay.assembly().typedCodeKey();
    }

    /** The DEMO token public key, for checking tokens as the ballot desk does. */
    public byte[] tokenPublicKey() {
        return electionDay.assembly().tokenPublicKey();
    }

    /** The MRZ text of a demo voter's own identity card (number and expiry of {@code documents.csv}). */
    public static String mrz(DemoData.DemoVoter voter) {
        return mrz(voter, voter.documentExpiry());
    }

    /** The MRZ text of a demo voter's identity card, valid until {@code expiry}. */
    public static String mrz(DemoData.DemoVoter voter, LocalDate expiry) {
        Objects.requireNonNull(voter, "voter");
        return MrzWriter.text(new MrzWriter.Card("KAZ", voter.documentNumber(), voter.iin(),
                voter.birthDate(), Optional.empty(), expiry, "KAZ", latin(voter.surname()), latin(voter.givenName())));
    }

    /** The MRZ text of a valid card of someone who is not in this register. */
    public static String strangerMrz() {
        LocalDate birth = LocalDate.of(1985, 5, 5);
        Iin iin = DemoData.iin(birth, true, 9001);
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N99990001", iin, birth, Optional.empty(),
                LocalDate.of(2031, 1, 1), "KAZ", "STRANGER", "DEMO"));
    }

    private static String latin(String name) {
        // MrzWriter transliterates Cyrillic (ICAO 9303 part 3); anything it cannot write falls back to DEMO.
        return name;
    }

    /** The DEMO precinct network this kiosk is a node of ({@code demo --precinct}), if any. */
    Optional<DemoPrecinct> precinct() {
        return precinct;
    }

    /** Stops the election day, then releases the devices and the store. */
    @Override
    public void close() {
        try {
            electionDay.close();
        } finally {
            try {
                devices.close();
            } finally {
                database.close();
            }
        }
    }
}
