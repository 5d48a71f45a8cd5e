package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.FakeMatcher;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A headless election day through the real engine (fake matcher, in-memory ports): voters with good and
 * failing fingers, poor captures, another precinct's voters, expired cards, minors and repeat visitors. The
 * counts must reconcile for every seed.
 */
class CheckInSimulationTest {

    private static final char[] PIN = "2468".toCharArray();

    @Property(tries = 12)
    void aDayReconciles(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        List<RegisteredVoter> register = new ArrayList<>();
        for (int n = 1; n <= 120; n++) {
            boolean elsewhere = n % 17 == 0;
            boolean minor = n % 23 == 0;
            register.add(minor ? Fixtures.voter(n, Fixtures.ELECTION_DAY.minusYears(17), Fixtures.PRECINCT)
                    : Fixtures.voter(n, java.time.LocalDate.of(1960, 1, 1).plusDays(n * 97L),
                            elsewhere ? new PrecinctId(999) : Fixtures.PRECINCT));
        }
        FakeMatcher matcher = FakeMatcher.imageEncoded();
        InMemoryCheckInLedger ledger = new InMemoryCheckInLedger();
        Fixtures.FakeTokenIssuer tokens = new Fixtures.FakeTokenIssuer();
        CheckInEngine engine = new CheckInEngine(new CheckInMachine(Fixtures.POLICY),
                new InMemoryVoterDirectory(register, matcher), ledger,
                new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK, PIN.clone()), tokens, matcher,
                Fixtures.clock());

        Map<Refusal, Integer> refused = new EnumMap<>(Refusal.class);
        int visits = 0;
        int checkedIn = 0;
        int overrideRefused = 0;
        int repeatsOfCheckedIn = 0;
        java.util.Set<Integer> done = new java.util.HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (int n = 1; n <= register.size(); n++) {
            order.add(n);
            if (random.nextInt(10) == 0) {
                order.add(n);   // a repeat visitor
            }
        }
        java.util.Collections.shuffle(order, random);
        for (int n : order) {
            visits++;
            RegisteredVoter v = register.get(n - 1);
            boolean expired = random.nextInt(40) == 0;
            String zone = MrzWriter.text(new MrzWriter.Card("KAZ", "D" + n, v.voter().iin(), v.voter().birthDate(),
                    java.util.Optional.empty(), expired ? Fixtures.ELECTION_DAY.minusDays(1)
                            : Fixtures.ELECTION_DAY.plusYears(1), "KAZ", v.voter().surname(), v.voter().givenName()));
            CheckInState state = engine.submitCard(zone);
            boolean badFinger = random.nextInt(12) == 0;
            while (state instanceof AwaitingFinger) {
                ImageQuality q = random.nextInt(5) == 0 ? ImageQuality.SMALL_CONTACT : ImageQuality.GOOD;
                state = engine.submit(new FingerCaptured(Fixtures.image(n, badFinger ? 30 : 150, q)));
            }
            if (state instanceof NeedsClerk clerk && clerk.reason() == ClerkReason.FINGER_NOT_RECOGNISED) {
                state = engine.submitAsClerk(new ClerkOverride(CLERK, OverrideReason.WORN_FINGERPRINTS), PIN.clone());
                if (state instanceof NeedsClerk capped && capped.reason() == ClerkReason.OVERRIDE_CAP_REACHED) {
                    overrideRefused++;
                    state = engine.submitAsClerk(new ClerkCancels(CLERK), PIN.clone());
                }
            }
            if (done.contains(n)) {
                repeatsOfCheckedIn++;
                assertEquals(new Refused(Refusal.ALREADY_CHECKED_IN, false, state instanceof Refused r0 ? r0.since()
                        : null), state, "a checked-in voter coming back");
            }
            if (state instanceof TokenIssued) {
                done.add(n);
                checkedIn++;
            } else if (state instanceof Refused r) {
                refused.merge(r.refusal(), 1, Integer::sum);
            } else if (!(state instanceof AwaitingCard)) {
                throw new AssertionError("unexpected end state " + state.getClass().getSimpleName());
            }
            engine.submit(new Acknowledged());
        }
        Counters c = ledger.counters();
        int refusedTotal = refused.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(visits, checkedIn + refusedTotal + overrideRefused, "every visit ends one way");
        assertEquals(checkedIn, c.checkIns());
        assertEquals(checkedIn, tokens.issued);
        assertTrue(c.overrides() <= Math.max(2, Math.floor(0.05 * c.checkIns())), c.toString());
        assertEquals(repeatsOfCheckedIn, refused.getOrDefault(Refusal.ALREADY_CHECKED_IN, 0),
                "exactly the repeat visits of checked-in voters are refused as already checked in");
        assertTrue(refused.getOrDefault(Refusal.OTHER_PRECINCT, 0) >= 7, refused.toString());
        assertTrue(refused.getOrDefault(Refusal.UNDER_AGE, 0) >= 5, refused.toString());
    }
}
