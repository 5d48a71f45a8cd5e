package kz.sailau.kiosk.ui;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.FingerprintScanner;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.PrecinctNetwork;
import kz.sailau.kiosk.checkin.PrecinctNetworkStatus;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.RegisteredVoter;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.MrzReaderException;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.devices.printer.ReceiptPrinter;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.NodeName;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.checkin.VoterDirectory;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.runner.DeviceRunner;
import kz.sailau.kiosk.runner.KioskDevices;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.RedirectingVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import kz.sailau.kiosk.testing.TestIins;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.timeline.CheckInTimeline;
import kz.sailau.kiosk.token.KioskTokenIssuer;

/**
 * A complete check-in engine for UI tests: demo-looking voters of precinct 101, the shared fake matcher whose
 * verdict is written into the image's first pixels ({@link FakeMatcher#imageEncoded()}), real signed tokens (TEST key generated here), a clerk
 * {@code clerk1} with the TEST PIN 1234, a scanner fed by the test, and a printer that records receipts.
 */
final class UiFixtures {

    static final PrecinctId PRECINCT = new PrecinctId(101);
    static final ElectionId ELECTION = new ElectionId("DEMO-2026");
    static final LocalDate ELECTION_DAY = LocalDate.of(2026, 12, 6);
    static final ClerkId CLERK = new ClerkId("clerk1");
    static final String PIN = "1234";
    /**
     * A voter of precinct 102, whom this register does not hold: refused as of another polling station, whose station
     * the redirection table ({@link #elsewhere}) may name, and whom a clerk may add to the special list.
     */
    static final Voter OUTSIDER = new Voter(iin(LocalDate.of(1985, 4, 4), 77), "Басқа", "Сайлаушы", "",
            LocalDate.of(1985, 4, 4), new PrecinctId(102));

    final ManualClock clock = new ManualClock(ELECTION_DAY.atTime(8, 0).toInstant(ManualClock.ZONE));
    final Ed25519TokenKeys tokenKeys = Ed25519TokenKeys.generate(new SecureRandom());
    /** A test precinct token key, random per fixture. */
    final PrecinctTokenKey typedCodeKey = new PrecinctTokenKey(ELECTION, PRECINCT, new SecureRandom().generateSeed(32));
    final List<RegisteredVoter> voters = new ArrayList<>();
    final InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
    final QueueScanner scanner = new QueueScanner();
    final RecordingPrinter printer = new RecordingPrinter();
    final CheckInPolicy policy = CheckInPolicy.defaults(PRECINCT, ELECTION_DAY);
    final DeviceRunner devices;
    final CheckInEngine engine;

    /** With the {@link QueueScanner} the test feeds. */
    UiFixtures() {
        this(null);
    }

    /**
     * With another scanner (the real driver on an emulator), or the {@link QueueScanner} when null. The engine drives
     * the scanner and the printer through a real {@link DeviceRunner}; cards come through the view model.
     */
    /** The redirection table's answers, by IIN, for voters this register does not hold. */
    final Map<Iin, PollingStation> elsewhere = new java.util.concurrent.ConcurrentHashMap<>();

    UiFixtures(FingerprintScanner otherScanner) {
        this(otherScanner, false, 0);
    }

    /**
     * A standalone kiosk whose voter number 4 bears a name as long as the register's longest (double surname, double
     * given name, patronymic): what the clerk confirms with a card-less voter must show whole.
     */
    static UiFixtures withLongestName() {
        return new UiFixtures(null, false, 0, true);
    }

    /** A kiosk of a 3-node precinct network, with the majority until a test cuts it off ({@link #network}). */
    static UiFixtures onPrecinctNetwork() {
        return new UiFixtures(null, true, 0);
    }

    /** A standalone kiosk whose register holds {@code extra} more voters of precinct 101, numbers 6 and on. */
    static UiFixtures withMoreVoters(int extra) {
        return new UiFixtures(null, false, extra);
    }

    /** This kiosk's node, in reach of all three members, following kiosk-2. */
    static final PrecinctNetworkStatus WITH_MAJORITY = new PrecinctNetworkStatus(new NodeName("kiosk-1"), 3, 3,
            Optional.of(new NodeName("kiosk-2")), true);
    /** The same node alone: cut off. */
    static final PrecinctNetworkStatus CUT_OFF = new PrecinctNetworkStatus(new NodeName("kiosk-1"), 3, 1,
            Optional.empty(), false);
    /** In reach of all three, but the precinct opened with another register version than this kiosk's. */
    static final PrecinctNetworkStatus REGISTER_REFUSED = new PrecinctNetworkStatus(new NodeName("kiosk-1"), 3, 3,
            Optional.of(new NodeName("kiosk-2")), false, true);
    /** The precinct network's state the engine reads on its next tick (precinct fixtures only). */
    volatile PrecinctNetworkStatus network = WITH_MAJORITY;

    private UiFixtures(FingerprintScanner otherScanner, boolean precinctNetwork, int extra) {
        this(otherScanner, precinctNetwork, extra, false);
    }

    private UiFixtures(FingerprintScanner otherScanner, boolean precinctNetwork, int extra, boolean longestName) {
        for (int n = 1; n <= 4; n++) {
            voters.add(longestName && n == 4 ? longestNamed(n) : voter(n, PRECINCT));
        }
        voters.add(voter(5, new PrecinctId(102)));
        for (int n = 6; n < 6 + extra; n++) {
            voters.add(voter(n, PRECINCT));
        }
        devices = new DeviceRunner(new KioskDevices(otherScanner == null ? scanner : otherScanner, () -> {
            throw new MrzReaderException("device.mrz.notFound", "the UI tests feed cards through the view model", null);
        }, printer), new DeviceRunner.Timing(Duration.ofSeconds(20), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        // The register plus the authority's redirection table (decision 0210): the stations in {@link #elsewhere}.
        VoterDirectory directory = new RedirectingVoterDirectory(
                new InMemoryVoterDirectory(voters, FakeMatcher.imageEncoded()), elsewhere);
        engine = new CheckInEngine(new CheckInMachine(policy), directory,
                ledger, new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.toCharArray()),
                new KioskTokenIssuer(ELECTION, PRECINCT, tokenKeys::sign, typedCodeKey::mac, new SecureRandom()),
                FakeMatcher.imageEncoded(), clock, devices, CheckInTimeline.system(),
                precinctNetwork ? Optional.<PrecinctNetwork>of(() -> network) : Optional.empty());
    }

    /** The screens' view model over this engine; receipts are printed in {@code language}, as on the kiosk. */
    CheckInScreenModel model(LanguageViewModel language) {
        return model(language, Platform::runLater);
    }

    /** The view model with its properties changed through {@code fxThread} (a direct executor without a screen). */
    CheckInScreenModel model(LanguageViewModel language, Executor fxThread) {
        devices.drive(engine, token -> Receipts.of(language.messages(), token));
        return new CheckInScreenModel(engine, devices, language, fxThread, ledger::counters, clock);
    }

    /** Stops the device runner. */
    void close() {
        devices.close();
    }

    static RegisteredVoter voter(int n, PrecinctId precinct) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(400L * n);
        Voter v = new Voter(iin(birth, n), "Демо" + (char) ('А' + n), "Сайлаушы", "", birth, precinct);
        return new RegisteredVoter(v, Map.of(FingerPosition.RIGHT_INDEX, List.of(template(n)),
                FingerPosition.LEFT_INDEX, List.of(template(n))));
    }

    /** Voter {@code n} of precinct 101 named as long as a register's longest name. */
    static RegisteredVoter longestNamed(int n) {
        RegisteredVoter plain = voter(n, PRECINCT);
        Voter v = plain.voter();
        return new RegisteredVoter(new Voter(v.iin(), "Мұхамеджанова-Сейітқасымова", "Гүлнұр-Айгерім",
                "Нұрмұхамедқызы", v.birthDate(), PRECINCT), plain.fingers());
    }

    /** The MRZ text of voter number {@code n} (1-based), a card valid until 2030. */
    String mrz(int n) {
        Voter v = voters.get(n - 1).voter();
        return MrzWriter.text(new MrzWriter.Card("KAZ", String.format("N%08d", n), v.iin(), v.birthDate(),
                Optional.empty(), LocalDate.of(2030, 1, 1), "KAZ", "DEMO", "VOTER"));
    }

    /** The MRZ text of any voter's card, valid until 2030. */
    static String mrzOf(Voter v) {
        return MrzWriter.text(new MrzWriter.Card("KAZ", "N00000099", v.iin(), v.birthDate(), Optional.empty(),
                LocalDate.of(2030, 1, 1), "KAZ", "DEMO", "VOTER"));
    }

    static Iin iin(LocalDate birth, int serial) {
        return TestIins.of(birth, serial);
    }

    static FingerTemplate template(int identity) {
        return FakeMatcher.template(identity, 0);
    }

    /** A sensor-sized capture of {@code identity}'s finger that matches with {@code score}. */
    static Capture capture(int identity, int score, ImageQuality quality) {
        byte[] pixels = new byte[Capture.SENSOR_WIDTH * Capture.SENSOR_HEIGHT];
        java.util.Arrays.fill(pixels, (byte) 200);
        pixels[0] = (byte) identity;
        pixels[1] = (byte) score;
        pixels[2] = (byte) quality.ordinal();
        return new Capture(pixels, Capture.SENSOR_WIDTH, Capture.SENSOR_HEIGHT, Capture.SENSOR_DPI, 40_000,
                Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    static Capture goodCapture(int identity) {
        return capture(identity, 150, ImageQuality.GOOD);
    }

    /** A scanner that hands out the captures the test puts in, reporting upload progress in 20 steps. */
    static final class QueueScanner implements FingerprintScanner {
        final BlockingQueue<Capture> fingers = new LinkedBlockingQueue<>();
        private volatile boolean cancelled;

        @Override
        public SensorParameters open() {
            throw new UnsupportedOperationException("not needed by the UI");
        }

        @Override
        public Capture capture(CaptureProgress progress, Duration fingerTimeout) throws ScannerException {
            cancelled = false;
            long deadline = System.nanoTime() + Math.min(fingerTimeout.toNanos(), TimeUnit.MILLISECONDS.toNanos(200));
            while (System.nanoTime() < deadline) {
                if (cancelled) {
                    throw new CaptureCancelledException("cancelled");
                }
                Capture next;
                try {
                    next = fingers.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CaptureCancelledException("interrupted");
                }
                if (next != null) {
                    progress.fingerDetected();
                    for (int i = 1; i <= 20; i++) {
                        progress.bytesReceived(i * 36_864L / 20, 36_864);
                    }
                    return next;
                }
            }
            throw new NoFingerException("no finger");
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void close() {
        }
    }

    /** Records receipts; can be told the paper ran out. */
    static final class RecordingPrinter implements ReceiptPrinter {
        final List<Receipt> printed = new CopyOnWriteArrayList<>();
        volatile boolean paperOut;

        @Override
        public void print(Receipt receipt) throws DeviceException {
            if (paperOut) {
                throw new DeviceException(DeviceException.Kind.OUT_OF_PAPER, "paper out (test)");
            }
            printed.add(receipt);
        }

        @Override
        public void close() {
        }
    }
}
