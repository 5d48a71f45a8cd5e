package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kz.sailau.fingerprint.emulator.ScannerEmulator;
import kz.sailau.fingerprint.serial.SerialFingerprintScanner;
import kz.sailau.fingerprint.serial.SerialScannerSettings;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.devices.MrzReaderEmulator;
import kz.sailau.kiosk.devices.SerialMrzReader;
import kz.sailau.kiosk.devices.printer.ReceiptPrinterEmulator;
import kz.sailau.kiosk.devices.printer.SerialReceiptPrinter;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.token.KioskTokenIssuer;

/**
 * The kiosk the simulation drives: wired like {@link DemoKiosk} (real engine, store, ledger, token issuer,
 * scanner, MRZ reader and printer drivers on the emulators' pseudo-terminals), but it hands the drivers to the
 * simulation itself instead of to the screens' view model, so that one thread drives every step in order and a
 * run is repeatable from its seed.
 */
final class SimulateKiosk implements AutoCloseable {

    final DemoData data;
    final KioskDatabase database;
    final SqliteCheckInLedger ledger;
    final CheckInEngine engine;
    final MrzReaderEmulator mrzEmulator;
    final SerialMrzReader mrzReader;
    final ScannerEmulator scannerEmulator;
    final SerialFingerprintScanner scanner;
    final ReceiptPrinterEmulator printerEmulator;
    final SerialReceiptPrinter printer;

    private SimulateKiosk(DemoData data, KioskDatabase database, SqliteCheckInLedger ledger,
                          CheckInEngine engine, MrzReaderEmulator mrzEmulator,
                          SerialMrzReader mrzReader, ScannerEmulator scannerEmulator,
                          SerialFingerprintScanner scanner, ReceiptPrinterEmulator printerEmulator,
                          SerialReceiptPrinter printer) {
        this.data = data;
        this.database = database;
        this.ledger = ledger;
        this.engine = engine;
        this.mrzEmulator = mrzEmulator;
        this.mrzReader = mrzReader;
        this.scannerEmulator = scannerEmulator;
        this.scanner = scanner;
        this.printerEmulator = printerEmulator;
        this.printer = printer;
    }

    /** Opens the demo store and starts the emulators (scanner with {@code realtime=false}) and the drivers. */
    static SimulateKiosk start(DemoData data, KioskConfiguration configuration, Clock clock, SecureRandom random,
                               List<Migration> migrations, FingerMatcher matcher) throws IOException {
        KioskDataDirectory kioskDirectory = KioskDataDirectory.at(data.kioskDirectory());
        KioskCredentials credentials = kioskDirectory.unlock(DemoData.PASSPHRASE.toCharArray());
        KioskDatabase database = KioskDatabase.open(kioskDirectory.databaseFile(), migrations, StoreOptions.DEFAULT,
                clock);
        RegisterStore store = new RegisterStore(database, credentials.storeKeys(), random);
        SqliteCheckInLedger ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"),
                clock);
        PrecinctId precinct = new PrecinctId(configuration.precinct());
        CheckInPolicy defaults = CheckInPolicy.defaults(precinct, configuration.electionDay());
        CheckInPolicy policy = new CheckInPolicy(precinct, configuration.electionDay(), defaults.minimumAge(),
                configuration.maxFingerTries(), defaults.threshold(), defaults.overrideCap(),
                Duration.ofSeconds(configuration.idleTimeoutSeconds()));
        Ed25519TokenKeys tokenKeys = Ed25519TokenKeys.generate(random);
        ElectionId election = new ElectionId(configuration.election());
        PrecinctTokenKey typedCodeKey = PrecinctTokenKeys.load(data.kioskDirectory(), credentials, election, precinct);
        CheckInEngine engine = new CheckInEngine(new CheckInMachine(policy), new RegisterVoterDirectory(store, matcher),
                ledger, new InMemoryClerkAuthenticator(random).withClerk(DemoKiosk.CLERK,
                DemoKiosk.CLERK_PIN.toCharArray()),
                new KioskTokenIssuer(election, precinct, tokenKeys::sign, typedCodeKey::mac, random),
                matcher, clock);
        Path devices = data.devicesDirectory();
        MrzReaderEmulator mrzEmulator = MrzReaderEmulator.open(devices.resolve("mrz-reader"));
        SerialMrzReader mrzReader = SerialMrzReader.open(devices.resolve("mrz-reader"),
                configuration.mrzReader().baud(), clock);
        ScannerEmulator scannerEmulator = ScannerEmulator.builder().link(devices.resolve("scanner")).realtime(false)
                .start();
        SerialFingerprintScanner scanner = new SerialFingerprintScanner(
                SerialScannerSettings.of(devices.resolve("scanner"), ScannerEmulator.DEFAULT_BAUD_RATE)
                        .withTargetBaudRate(DemoKiosk.SCANNER_FAST_BAUD));
        ReceiptPrinterEmulator printerEmulator = ReceiptPrinterEmulator.start(devices.resolve("printer"));
        SerialReceiptPrinter printer = new SerialReceiptPrinter(devices.resolve("printer"),
                configuration.printer().baud(), Duration.ofSeconds(2));
        return new SimulateKiosk(data, database, ledger, engine, mrzEmulator, mrzReader, scannerEmulator,
                scanner, printerEmulator, printer);
    }

    /** Releases the drivers, the emulators and the stores. */
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
