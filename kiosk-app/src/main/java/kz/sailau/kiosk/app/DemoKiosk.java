package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.devices.MrzReaderEmulator;
import kz.sailau.kiosk.devices.SerialMrzReader;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import kz.sailau.kiosk.ui.CheckInScreenModel;
import kz.sailau.kiosk.ui.LanguageViewModel;

/**
 * The demo kiosk: the real engine, store, ledger, token issuer, scanner driver and printer driver, with the
 * scanner, MRZ reader and printer emulated on pseudo-terminals whose links live in {@code DIR/devices/}.
 */
public final class DemoKiosk implements AutoCloseable {

    /**
     * The DEMO clerk login, added to the demo store's clerk roster at every demo start (the same roster and
     * Argon2id PIN check as production; a production kiosk has no such clerk).
     */
    public static final ClerkId CLERK = new ClerkId("clerk1");
    /** The DEMO clerk PIN, shown on the demo panel (six digits: the roster's PIN policy applies to the demo too). */
    public static final String CLERK_PIN = "470213";
    /** Line speed the driver switches the emulated scanner to (the R30x accepts up to 115200). */
    static final int SCANNER_FAST_BAUD = 115_200;

    private final DemoData data;
    private final KioskDatabase database;
    private final SqliteCheckInLedger ledger;
    private final CheckInEngine engine;
    private final ScannerEmulator scannerEmulator;
    private final SerialFingerprintScanner scanner;
    private final ReceiptPrinterEmulator printerEmulator;
    private final SerialReceiptPrinter printer;
    private final Ed25519TokenKeys tokenKeys;
    private final PrecinctTokenKey typedCodeKey;
    private final CheckInPolicy policy;
    private final MrzReaderEmulator mrzEmulator;
    private KioskConfiguration configuration;
    private String matcherVersion;
    private Clock clock;
    private SecureRandom random;
    private final SerialMrzReader mrzReader;
    private FingerMatcher matcher;
    private kz.sailau.kiosk.checkin.ClerkAuthenticator clerks;
    private List<kz.sailau.kiosk.store.Migration> migrations;

    private DemoKiosk(DemoData data, KioskDatabase database, SqliteCheckInLedger ledger, CheckInEngine engine,
                      ScannerEmulator scannerEmulator, SerialFingerprintScanner scanner,
                      ReceiptPrinterEmulator printerEmulator, SerialReceiptPrinter printer,
                      PrecinctTokenKey typedCodeKey, Ed25519TokenKeys tokenKeys, CheckInPolicy policy,
                      MrzReaderEmulator mrzEmulator, SerialMrzReader mrzReader) {
        this.mrzEmulator = mrzEmulator;
        this.mrzReader = mrzReader;
        this.data = data;
        this.database = database;
        this.ledger = ledger;
        this.engine = engine;
        this.scannerEmulator = scannerEmulator;
        this.scanner = scanner;
        this.printerEmulator = printerEmulator;
        this.printer = printer;
        this.typedCodeKey = typedCodeKey;
        this.tokenKeys = tokenKeys;
        this.policy = policy;
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
                                  List<kz.sailau.kiosk.store.Migration> migrations, FingerMatcher matcher,
                                  boolean realtime) throws IOException {
        KioskDataDirectory kioskDirectory = KioskDataDirectory.at(data.kioskDirectory());
        char[] secret = DemoData.PASSPHRASE.toCharArray();
        KioskCredentials credentials = kioskDirectory.unlock(secret);
        KioskDatabase database = KioskDatabase.open(kioskDirectory.databaseFile(), migrations, StoreOptions.DEFAULT,
                clock);
        RegisterStore store = new RegisterStore(database, credentials.storeKeys(), random);
        KioskAdministration.recordStarted(database, Optional.of(credentials), clock);
        SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"), clock,
                AuditRecorder.signing(ChainHeadSigner.kiosk(credentials)));
        PrecinctId precinct = new PrecinctId(configuration.precinct());
        CheckInPolicy defaults = CheckInPolicy.defaults(precinct, configuration.electionDay());
        CheckInPolicy policy = new CheckInPolicy(precinct, configuration.electionDay(), defaults.minimumAge(),
                configuration.maxFingerTries(), defaults.threshold(), defaults.overrideCap(),
                Duration.ofSeconds(configuration.idleTimeoutSeconds()));
        Ed25519TokenKeys tokenKeys = Ed25519TokenKeys.generate(random);
        Files.writeString(data.directory().resolve("DEMO-token-public.key"),
                Base64.getEncoder().encodeToString(tokenKeys.publicKey()) + "\n", StandardCharsets.US_ASCII);
        ElectionId election = new ElectionId(configuration.election());
        PrecinctTokenKey typedCodeKey = PrecinctTokenKeys.load(data.kioskDirectory(), credentials, election, precinct);
        kz.sailau.kiosk.checkin.ClerkAuthenticator clerks = demoClerk(database, credentials, random, clock);
        CheckInEngine engine = new CheckInEngine(new CheckInMachine(policy), new RegisterVoterDirectory(store, matcher),
                ledger, clerks,
                new KioskTokenIssuer(election, precinct, tokenKeys::sign, typedCodeKey::mac, random),
                matcher, clock);

        Path scannerLink = data.devicesDirectory().resolve("scanner");
        Path printerLink = data.devicesDirectory().resolve("printer");
        Path mrzLink = data.devicesDirectory().resolve("mrz-reader");
        MrzReaderEmulator mrzEmulator = MrzReaderEmulator.open(mrzLink);
        SerialMrzReader mrzReader = SerialMrzReader.open(mrzLink, configuration.mrzReader().baud(), clock);
        ScannerEmulator scannerEmulator = ScannerEmulator.builder().link(scannerLink).realtime(realtime).start();
        SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(scannerLink, ScannerEmulator.DEFAULT_BAUD_RATE)
                        .withTargetBaudRate(SCANNER_FAST_BAUD));
        ReceiptPrinterEmulator printerEmulator = ReceiptPrinterEmulator.start(printerLink);
        SerialReceiptPrinter printer = new SerialReceiptPrinter(printerLink, configuration.printer().baud(),
                Duration.ofSeconds(2));
        DemoKiosk kiosk = new DemoKiosk(data, database, ledger, engine, scannerEmulator, scanner, printerEmulator,
                printer, typedCodeKey, tokenKeys, policy, mrzEmulator, mrzReader);
        kiosk.configuration = configuration;
        kiosk.matcherVersion = matcher.extractorVersion();
        kiosk.clock = clock;
        kiosk.random = random;
        kiosk.matcher = matcher;
        kiosk.clerks = clerks;
        kiosk.migrations = List.copyOf(migrations);
        return kiosk;
    }

    /** Adds the DEMO clerk to the demo roster unless it is there, and returns the roster's clerk check. */
    private static kz.sailau.kiosk.checkin.ClerkAuthenticator demoClerk(KioskDatabase database,
                                                                       KioskCredentials credentials,
                                                                       SecureRandom random, Clock clock) {
        kz.sailau.kiosk.clerk.ClerkRoster roster = ClerkWiring.roster(database, credentials, random, clock);
        if (roster.list().stream().noneMatch(entry -> entry.login().equals(CLERK))) {
            roster.add(CLERK, CLERK_PIN.toCharArray());
        }
        return new kz.sailau.kiosk.clerk.RosterClerkAuthenticator(roster);
    }

    /** Builds the screens' view model over this kiosk and starts reading cards from the MRZ reader. */
    public CheckInScreenModel model(LanguageViewModel language, Executor fxThread) {
        CheckInScreenModel model = new CheckInScreenModel(engine, scanner, printer, language, fxThread,
                ledger::counters, Duration.ofSeconds(10));
        model.startReadingCards(mrzReader);
        if (KioskAdministration.closed(database)) {
            model.closePolls();
        }
        return model;
    }

    /** Puts a card on the emulated MRZ reader: it sends the zone over its serial line to the kiosk. */
    public void presentCard(String mrzText) {
        try {
            mrzEmulator.present(List.of(mrzText.strip().split("\\r?\\n")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("MRZ reader emulator failed", e);
        }
    }

    /**
     * The administrator's actions on the demo kiosk (passphrase {@link DemoData#PASSPHRASE}), with the
     * pre-election logic-and-accuracy test enabled: its test package ({@link DemoData#LA_TEST_PACKAGE}, the first
     * {@link DemoData#LA_TEST_VOTERS} demo voters for the test election) is built on first use.
     */
    public KioskAdministration administration(Runnable exit) {
        KioskAdministration administration = new KioskAdministration(KioskDataDirectory.at(data.kioskDirectory()),
                database, configuration, matcherVersion, data.directory().resolve("kiosk.crt.pem"),
                clock, random, exit)
                .withDefaultTestPackage(data.directory().resolve(DemoData.LA_TEST_PACKAGE));
        administration.enableLogicAccuracy(new LogicAccuracyMode(KioskDataDirectory.at(data.kioskDirectory()),
                database, migrations, new ElectionId(configuration.election()), matcherVersion,
                new LogicAccuracyMode.EngineParts(policy, matcher, clerks, tokenKeys::sign, typedCodeKey::mac), clock,
                random)
                .withPackageSource(file -> data.writeLogicAccuracyPackage(file, new kz.sailau.kiosk.cli.CliEnvironment(
                        clock, random, migrations, () -> matcher,
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err))));
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
                configuration.overrideWarnPercent(), configuration.idleTimeoutSeconds(), configuration.fullScreen());
        return new KioskDeviceSettings(data.directory().resolve(KioskConfiguration.FILE_NAME), emulated,
                new SerialDeviceProbe(), () -> kz.sailau.kiosk.devices.SerialPortList.present(devices, "*"),
                administration::recordNow, "admin.devices.appliesDemo").withDevicesOpen(() -> true);
    }

    /** The demo data. */
    public DemoData data() {
        return data;
    }

    /** The engine. */
    public CheckInEngine engine() {
        return engine;
    }

    /** The check-in policy in force. */
    public CheckInPolicy policy() {
        return policy;
    }

    /** The emulated scanner (the demo panel presents fingers on it). */
    public ScannerEmulator scannerEmulator() {
        return scannerEmulator;
    }

    /** The emulated printer (the demo panel shows what it printed). */
    public ReceiptPrinterEmulator printerEmulator() {
        return printerEmulator;
    }

    /** The demo precinct token key, for checking typed codes as the ballot desk does. */
    public PrecinctTokenKey typedCodeKey() {
        return typedCodeKey;
    }

    /** The DEMO token public key, for checking tokens as the ballot desk does. */
    public byte[] tokenPublicKey() {
        return tokenKeys.publicKey();
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

    /** Releases devices and the store. */
    @Override
    public void close() {
        scanner.close();
        printer.close();
        mrzReader.close();
        mrzEmulator.close();
        scannerEmulator.close();
        printerEmulator.close();
        database.close();
    }
}
