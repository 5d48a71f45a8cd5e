package kz.sailau.kiosk.ui;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.sailau.fingerprint.Capture;
import kz.sailau.fingerprint.CaptureCancelledException;
import kz.sailau.fingerprint.CaptureProgress;
import kz.sailau.fingerprint.FingerprintScanner;
import kz.sailau.fingerprint.NoFingerException;
import kz.sailau.fingerprint.ScannerException;
import kz.sailau.fingerprint.SensorParameters;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.InMemoryCheckInLedger;
import kz.sailau.kiosk.checkin.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.checkin.InMemoryVoterDirectory;
import kz.sailau.kiosk.checkin.RegisteredVoter;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.devices.DeviceException;
import kz.sailau.kiosk.devices.printer.Receipt;
import kz.sailau.kiosk.devices.printer.ReceiptPrinter;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.token.IssuedTokens;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import kz.sailau.kiosk.token.TokenId;

/**
 * A complete check-in engine for UI tests: demo-looking voters of precinct 101, a fake matcher whose verdict
 * is written into the image's first pixels, real signed tokens (TEST key generated here), a clerk
 * {@code clerk1} with the TEST PIN 1234, a scanner fed by the test, and a printer that records receipts.
 */
final class UiFixtures {

    static final PrecinctId PRECINCT = new PrecinctId(101);
    static final ElectionId ELECTION = new ElectionId("DEMO-2026");
    static final LocalDate ELECTION_DAY = LocalDate.of(2026, 12, 6);
    static final ClerkId CLERK = new ClerkId("clerk1");
    static final String PIN = "1234";

    final ManualClock clock = new ManualClock(ELECTION_DAY.atTime(8, 0).toInstant(ZoneOffset.ofHours(5)));
    final Ed25519TokenKeys tokenKeys = Ed25519TokenKeys.generate(new SecureRandom());
    final List<RegisteredVoter> voters = new ArrayList<>();
    final InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
    final QueueScanner scanner = new QueueScanner();
    final RecordingPrinter printer = new RecordingPrinter();
    final CheckInPolicy policy = CheckInPolicy.defaults(PRECINCT, ELECTION_DAY);
    final CheckInEngine engine;

    UiFixtures() {
        for (int n = 1; n <= 4; n++) {
            voters.add(voter(n, PRECINCT));
        }
        voters.add(voter(5, new PrecinctId(102)));
        engine = new CheckInEngine(new CheckInMachine(policy), new InMemoryVoterDirectory(voters, new FakeMatcher()),
                ledger, new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.toCharArray()),
                new KioskTokenIssuer(ELECTION, PRECINCT, tokenKeys::sign, new MemoryIssuedTokens(), new SecureRandom()),
                new FakeMatcher(), clock);
    }

    static RegisteredVoter voter(int n, PrecinctId precinct) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(400L * n);
        Voter v = new Voter(iin(birth, n), "Демо" + (char) ('А' + n), "Сайлаушы", "", birth, precinct);
        return new RegisteredVoter(v, Map.of(FingerPosition.RIGHT_INDEX, List.of(template(n)),
                FingerPosition.LEFT_INDEX, List.of(template(n))));
    }

    /** The MRZ text of voter number {@code n} (1-based), a card valid until 2030. */
    String mrz(int n) {
        Voter v = voters.get(n - 1).voter();
        return MrzWriter.text(new MrzWriter.Card("KAZ", String.format("N%08d", n), v.iin(), v.birthDate(),
                Optional.empty(), LocalDate.of(2030, 1, 1), "KAZ", "DEMO", "VOTER"));
    }

    static Iin iin(LocalDate birth, int serial) {
        String yymmdd = String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth());
        for (int s = serial; s < serial + 1000; s++) {
            String eleven = yymmdd + "3" + String.format("%04d", s % 10_000);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
        throw new AssertionError("no IIN");
    }

    static FingerTemplate template(int identity) {
        return new FingerTemplate(new byte[] {(byte) identity, 0, 100}, "fake-1");
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

    /** Matcher whose scores come from the image: identity in pixel 0, score in pixel 1, quality in pixel 2. */
    static final class FakeMatcher implements FingerMatcher {
        @Override
        public String extractorVersion() {
            return "fake-1";
        }

        @Override
        public ImageQuality assess(FingerImage image) {
            int q = image.gray(2, 0);
            return q < ImageQuality.values().length ? ImageQuality.values()[q] : ImageQuality.GOOD;
        }

        @Override
        public FingerTemplate extract(FingerImage image) {
            return new FingerTemplate(new byte[] {(byte) image.gray(0, 0), 0, (byte) image.gray(1, 0)}, "fake-1");
        }

        @Override
        public PreparedProbe prepare(FingerTemplate probe) {
            byte[] p = probe.bytes();
            return candidate -> candidate.bytes()[0] == p[0] ? (p[2] & 0xFF) : 3;
        }

        @Override
        public <K> Gallery<K> gallery(Map<K, List<FingerTemplate>> enrolled) {
            Map<K, List<FingerTemplate>> copy = Map.copyOf(enrolled);
            return new Gallery<>() {
                @Override
                public int size() {
                    return copy.size();
                }

                @Override
                public List<SearchHit<K>> search(FingerTemplate probe, double threshold) {
                    PreparedProbe prepared = prepare(probe);
                    List<SearchHit<K>> hits = new ArrayList<>();
                    copy.forEach((key, templates) -> {
                        double s = prepared.bestScore(templates);
                        if (s >= threshold) {
                            hits.add(new SearchHit<>(key, s));
                        }
                    });
                    hits.sort(Comparator.comparingDouble((SearchHit<K> h) -> h.score()).reversed());
                    return hits;
                }
            };
        }
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

    static final class MemoryIssuedTokens implements IssuedTokens {
        private final Set<TokenId> valid = new HashSet<>();
        private final Set<TokenId> voided = new HashSet<>();

        @Override
        public synchronized void add(TokenId id) {
            valid.add(id);
        }

        @Override
        public synchronized boolean markVoid(TokenId id) {
            if (valid.remove(id)) {
                voided.add(id);
                return true;
            }
            return false;
        }

        @Override
        public synchronized long countValid() {
            return valid.size();
        }

        @Override
        public synchronized long countVoid() {
            return voided.size();
        }
    }

    static final class ManualClock extends Clock {
        volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(5);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
