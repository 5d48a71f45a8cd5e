package kz.sailau.kiosk.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.IdentityDocument;
import kz.sailau.kiosk.model.mrz.MrzParser;
import kz.sailau.kiosk.model.mrz.MrzWriter;

/** Shared test values: voters, cards, a fake matcher whose scores are written into the images, fake ports. */
final class Fixtures {

    static final PrecinctId PRECINCT = new PrecinctId(123);
    static final LocalDate ELECTION_DAY = LocalDate.of(2026, 3, 15);
    static final Instant T0 = ELECTION_DAY.atTime(8, 0).toInstant(ZoneOffset.ofHours(5));
    static final CheckInPolicy POLICY = CheckInPolicy.defaults(PRECINCT, ELECTION_DAY);
    static final ClerkId CLERK = new ClerkId("clerk1");

    private Fixtures() {
    }

    /** A valid IIN for a birth date (century digit 3 for the 1900s, 5 for the 2000s) and serial. */
    static Iin iin(LocalDate birth, int serial) {
        String yymmdd = String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth());
        int century = birth.getYear() >= 2000 ? 5 : 3;
        for (int s = serial; s < serial + 1000; s++) {
            String eleven = yymmdd + century + String.format("%04d", s % 10_000);
            int control = Iin.controlDigit(eleven);
            if (control >= 0) {
                return new Iin(eleven + control);
            }
        }
        throw new AssertionError("no IIN");
    }

    /** Register entry number {@code n} (1..200), born 1980 + n days, with two fingers of identity n. */
    static RegisteredVoter voter(int n) {
        return voter(n, LocalDate.of(1980, 1, 1).plusDays(n), PRECINCT);
    }

    static RegisteredVoter voter(int n, LocalDate birth, PrecinctId precinct) {
        Voter v = new Voter(iin(birth, n), "Сейтқали" + (char) ('а' + n % 26), "Асель", "", birth, precinct);
        return new RegisteredVoter(v, Map.of(FingerPosition.RIGHT_INDEX, List.of(template(n, 0)),
                FingerPosition.LEFT_INDEX, List.of(template(n, 1))));
    }

    static IdentityDocument card(RegisteredVoter v, LocalDate expiry) {
        MrzWriter.Card card = new MrzWriter.Card("KAZ", "N" + String.format("%08d", Math.abs(v.voter().iin().hashCode()) % 100_000_000),
                v.voter().iin(), v.voter().birthDate(), Optional.empty(), expiry, "KAZ", v.voter().surname(),
                v.voter().givenName());
        return MrzParser.parse(MrzWriter.text(card), ELECTION_DAY);
    }

    static IdentityDocument card(RegisteredVoter v) {
        return card(v, ELECTION_DAY.plusYears(3));
    }

    // --- a fake matcher: a template is (identity, finger, strength); the image carries the same bytes ---

    static FingerTemplate template(int identity, int finger) {
        return new FingerTemplate(new byte[] {(byte) identity, (byte) finger, 100}, "fake-1");
    }

    /**
     * A live image of {@code identity}'s finger; {@code strength} is the score it gets against that identity
     * (other identities score 3); {@code quality} is what {@link FakeMatcher#assess} says.
     */
    static FingerImage image(int identity, int strength, ImageQuality quality) {
        byte[] pixels = new byte[16 * 16];
        pixels[0] = (byte) identity;
        pixels[1] = (byte) strength;
        pixels[2] = (byte) quality.ordinal();
        return new FingerImage(16, 16, pixels, 500);
    }

    static FingerImage goodImage(int identity) {
        return image(identity, 120, ImageQuality.GOOD);
    }

    static final class FakeMatcher implements FingerMatcher {
        @Override
        public String extractorVersion() {
            return "fake-1";
        }

        @Override
        public ImageQuality assess(FingerImage image) {
            return ImageQuality.values()[image.gray(2, 0)];
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

    /** Issues tokens T1, T2, ... ; can be told to fail. */
    static final class FakeTokenIssuer implements BallotTokenIssuer {
        int issued;
        int voided;
        boolean failNext;
        IssuedBallotToken last;

        @Override
        public IssuedBallotToken issue() {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("printer on fire");
            }
            issued++;
            last = new IssuedBallotToken("T" + issued, "QR" + issued);
            return last;
        }

        @Override
        public void voidLast(IssuedBallotToken token) {
            if (!token.equals(last)) {
                throw new IllegalStateException("not the last token");
            }
            voided++;
            last = null;
        }
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = T0;

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
