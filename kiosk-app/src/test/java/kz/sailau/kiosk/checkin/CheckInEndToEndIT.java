package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.register.SyntheticPrints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine with the real SourceAFIS matcher and the default thresholds on synthetic prints (until the
 * sample-prints demo set is merged): card + own finger checks in, another voter's finger is flagged as an
 * identity swap, a card-less voter is identified. An IT because SourceAFIS extraction takes seconds here.
 */
class CheckInEndToEndIT {

    private static final int VOTERS = 5;
    private static final char[] PIN = "1357".toCharArray();
    private static final SourceAfisMatcher MATCHER = new SourceAfisMatcher();
    private static final List<RegisteredVoter> REGISTER = new ArrayList<>();

    private static long seed(int voter, FingerPosition finger) {
        return 10_000L + voter * 10L + finger.ordinal();
    }

    @BeforeAll
    static void enrol() {
        List<Integer> ids = new ArrayList<>();
        for (int n = 1; n <= VOTERS; n++) {
            ids.add(n);
        }
        ids.parallelStream().map(n -> {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n * 401L);
            Voter v = new Voter(Fixtures.iin(birth, n), "Жанұзақ", "Дана", "", birth, Fixtures.PRECINCT);
            return new RegisteredVoter(v, Map.of(
                    FingerPosition.RIGHT_INDEX, MATCHER.extract(SyntheticPrints.print(seed(n, FingerPosition.RIGHT_INDEX), 0)),
                    FingerPosition.LEFT_INDEX, MATCHER.extract(SyntheticPrints.print(seed(n, FingerPosition.LEFT_INDEX), 0))));
        }).forEachOrdered(REGISTER::add);
    }

    private CheckInEngine engine() {
        return new CheckInEngine(new CheckInMachine(Fixtures.POLICY), new InMemoryVoterDirectory(REGISTER, MATCHER),
                new InMemoryCheckInLedger(), new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK,
                PIN.clone()), new Fixtures.FakeTokenIssuer(), MATCHER, new Fixtures.ManualClock());
    }

    private static String card(int n) {
        Voter v = REGISTER.get(n - 1).voter();
        return MrzWriter.text(new MrzWriter.Card("KAZ", "E" + n, v.iin(), v.birthDate(), Optional.empty(),
                Fixtures.ELECTION_DAY.plusYears(5), "KAZ", v.surname(), v.givenName()));
    }

    private static FingerImage recapture(int n, FingerPosition finger) {
        return SyntheticPrints.print(seed(n, finger), 4);
    }

    @Test
    void ownFingerChecksInWithTheDefaultThreshold() {
        CheckInEngine engine = engine();
        assertInstanceOf(AwaitingFinger.class, engine.submitCard(card(3)));
        TokenIssued issued = assertInstanceOf(TokenIssued.class,
                engine.submit(new FingerCaptured(recapture(3, FingerPosition.LEFT_INDEX))));
        assertEquals(CheckInMethod.FINGERPRINT, issued.method());
    }

    @Test
    void anotherVotersFingerIsAnIdentitySwap() {
        CheckInEngine engine = engine();
        engine.submitCard(card(4));
        NeedsClerk clerk = assertInstanceOf(NeedsClerk.class,
                engine.submit(new FingerCaptured(recapture(2, FingerPosition.RIGHT_INDEX))));
        assertEquals(ClerkReason.IDENTITY_SWAP, clerk.reason());
    }

    @Test
    void cardlessVoterIsIdentified() {
        CheckInEngine engine = engine();
        engine.submit(new CardlessRequested());
        NeedsClerk confirm = assertInstanceOf(NeedsClerk.class,
                engine.submit(new FingerCaptured(recapture(5, FingerPosition.RIGHT_INDEX))));
        assertEquals(ClerkReason.CONFIRM_IDENTITY, confirm.reason());
        assertEquals(REGISTER.get(4).voter().iin(), confirm.session().orElseThrow().iin());
    }
}
