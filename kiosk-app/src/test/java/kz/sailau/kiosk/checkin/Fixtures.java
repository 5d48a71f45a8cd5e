package kz.sailau.kiosk.checkin;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.IdentityDocument;
import kz.sailau.kiosk.model.mrz.MrzParser;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.kiosk.testing.ManualClock;
import kz.sailau.kiosk.testing.TestIins;

/**
 * Shared values of the check-in tests: voters, cards, images for {@link FakeMatcher#imageEncoded()} (whose scores are
 * written into the images), a token issuer that can fail, and a clock at election morning.
 */
final class Fixtures {

    static final PrecinctId PRECINCT = new PrecinctId(123);
    static final LocalDate ELECTION_DAY = LocalDate.of(2026, 3, 15);
    static final Instant T0 = ELECTION_DAY.atTime(8, 0).toInstant(ZoneOffset.ofHours(5));
    static final CheckInPolicy POLICY = CheckInPolicy.defaults(PRECINCT, ELECTION_DAY);
    static final ClerkId CLERK = new ClerkId("clerk1");

    /** A clock standing at {@link #T0}, moved by hand. */
    static ManualClock clock() {
        return new ManualClock(T0);
    }

    private Fixtures() {
    }

    /** A valid IIN for a birth date (century digit 3 for the 1900s, 5 for the 2000s) and serial. */
    static Iin iin(LocalDate birth, int serial) {
        return TestIins.of(birth, serial);
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
        return FakeMatcher.template(identity, finger);
    }

    /**
     * A live image of {@code identity}'s finger; {@code strength} is the score it gets against that identity
     * (other identities score 3); {@code quality} is what {@link FakeMatcher#imageEncoded()}'s assessment says.
     */
    static FingerImage image(int identity, int strength, ImageQuality quality) {
        return FakeMatcher.image(identity, strength, quality);
    }

    static FingerImage goodImage(int identity) {
        return image(identity, 120, ImageQuality.GOOD);
    }

    /**
     * An engine over {@code register} and {@code ledger} with the image-encoded fake matcher, {@link #CLERK} with
     * {@code pin}, a fresh token issuer and clock, and {@code devices} running its device effects.
     */
    static CheckInEngine engine(List<RegisteredVoter> register, CheckInLedger ledger, char[] pin,
                                DeviceEffects devices) {
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        return new CheckInEngine(new CheckInMachine(POLICY), new InMemoryVoterDirectory(register, matcher), ledger,
                new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, pin.clone()),
                new FakeTokenIssuer(), matcher, clock(), devices);
    }

    /** Issues tokens T1, T2, ... ; can be told to fail. */
    static final class FakeTokenIssuer implements BallotTokenIssuer {
        int issued;
        boolean failNext;

        @Override
        public PreparedToken prepare() {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("printer on fire");
            }
            issued++;
            return new PreparedToken(String.format("%032x", issued), new IssuedBallotToken("T" + issued,
                    "QR" + issued));
        }
    }
}
