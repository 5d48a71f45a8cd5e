package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import kz.sailau.kiosk.biometric.FingerImage;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.checkin.CheckInEvent.*;
import kz.sailau.kiosk.checkin.CheckInState.*;
import kz.sailau.kiosk.model.FingerPosition;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.model.Voter;
import kz.sailau.kiosk.model.mrz.MrzWriter;
import kz.sailau.kiosk.testing.InMemoryCheckInLedger;
import kz.sailau.kiosk.testing.InMemoryClerkAuthenticator;
import kz.sailau.kiosk.testing.InMemoryVoterDirectory;
import kz.sailau.prints.DemoSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine with SourceAFIS, the default thresholds and the sample-prints demo register (enrolment images
 * and separate live captures): every voter's own live finger checks in, another voter's finger is flagged,
 * a card-less voter is identified.
 */
class DemoSetCheckInIT {

    private static final int VOTERS = 8;
    private static final char[] PIN = "9753".toCharArray();
    private static final SourceAfisMatcher MATCHER = new SourceAfisMatcher();
    private static final List<String> KEYS = new ArrayList<>();
    private static final List<RegisteredVoter> REGISTER = new ArrayList<>();
    private static CheckInPolicy policy;

    static FingerImage image(String path) {
        try (InputStream in = DemoSet.open(path)) {
            BufferedImage img = ImageIO.read(in);
            byte[] pixels = new byte[img.getWidth() * img.getHeight()];
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    pixels[y * img.getWidth() + x] = (byte) (((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3);
                }
            }
            return new FingerImage(img.getWidth(), img.getHeight(), pixels, 500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void enrol() throws IOException {
        policy = CheckInPolicy.defaults(new PrecinctId(DemoSet.PRECINCT), Fixtures.ELECTION_DAY);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(DemoSet.open("voters.csv"),
                StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null && rows.size() < VOTERS) {
                rows.add(line.split(",", -1));
            }
        }
        rows.parallelStream().map(f -> new RegisteredVoter(
                new Voter(new Iin(f[1]), f[2], f[3], f[4], LocalDate.parse(f[5]), new PrecinctId(Integer.parseInt(f[7]))),
                Map.of(FingerPosition.RIGHT_INDEX,
                        List.of(MATCHER.extract(image("prints/" + f[0] + "/right_index_enrol.png"))),
                        FingerPosition.LEFT_INDEX,
                        List.of(MATCHER.extract(image("prints/" + f[0] + "/left_index_enrol.png"))))))
                .forEachOrdered(REGISTER::add);
        rows.forEach(f -> KEYS.add(f[0]));
    }

    private CheckInEngine engine() {
        return new CheckInEngine(new CheckInMachine(policy), new InMemoryVoterDirectory(REGISTER, MATCHER),
                new InMemoryCheckInLedger(), new InMemoryClerkAuthenticator(new SecureRandom()).withClerk(CLERK,
                PIN.clone()), new Fixtures.FakeTokenIssuer(), MATCHER, Fixtures.clock());
    }

    private static String card(int i) {
        Voter v = REGISTER.get(i).voter();
        return MrzWriter.text(new MrzWriter.Card("KAZ", "K" + i, v.iin(), v.birthDate(), Optional.empty(),
                Fixtures.ELECTION_DAY.plusYears(5), "KAZ", v.surname(), v.givenName()));
    }

    private static FingerImage live(int i, int capture) {
        return image("prints/" + KEYS.get(i) + "/right_index_live_" + capture + ".png");
    }

    @Test
    void noImpostorReachesTheVerifyThreshold() {
        StringBuilder out = new StringBuilder("DemoSet scores (right index live vs enrolled):\n");
        double maxImpostor = 0;
        for (int i = 0; i < VOTERS; i++) {
            for (int c = 1; c <= 1; c++) {
                var probe = MATCHER.prepare(MATCHER.extract(live(i, c)));
                out.append(String.format("v%d c%d genuine %.1f%n", i, c, probe.bestScore(REGISTER.get(i).templates())));
                for (int j = 0; j < VOTERS; j++) {
                    if (j != i) {
                        maxImpostor = Math.max(maxImpostor, probe.bestScore(REGISTER.get(j).templates()));
                    }
                }
            }
        }
        out.append("max impostor ").append(maxImpostor);
        System.out.println(out);
        assertTrue(maxImpostor < policy.threshold().verify(), "no impostor comparison reaches the threshold: " + out);
    }

    @Test
    void eachAdultChecksInWithOwnLiveFingerWithinThreeCaptures() {
        CheckInEngine engine = engine();
        int checkedIn = 0;
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            CheckInState state = engine.submitCard(card(i));
            for (int capture = 1; capture <= 3 && state instanceof AwaitingFinger; capture++) {
                state = engine.submit(new FingerCaptured(live(i, capture)));
            }
            if (state instanceof TokenIssued) {
                checkedIn++;
            }
            ends.add(i + ":" + state);
            engine.submit(new Acknowledged());
            if (state instanceof NeedsClerk) {
                engine.submitAsClerk(new ClerkCancels(CLERK), PIN.clone());
            }
        }
        long adults = REGISTER.stream().filter(v -> v.voter().ageOn(policy.electionDay()) >= 18).count();
        assertTrue(adults >= VOTERS - 2, "fixture: mostly adults");
        assertEquals(adults, checkedIn, "every adult checked in at the default threshold: " + ends);
    }

    @Test
    void anotherVotersFingerIsFlagged() {
        CheckInEngine engine = engine();
        engine.submitCard(card(0));
        CheckInState state = engine.submit(new FingerCaptured(live(4, 1)));
        assertTrue(state instanceof NeedsClerk n && n.reason() == ClerkReason.IDENTITY_SWAP, state.toString());
    }

    @Test
    void cardlessVoterIsIdentified() {
        CheckInEngine engine = engine();
        engine.submit(new CardlessRequested());
        CheckInState state = AwaitingCard.FRESH;
        for (int capture = 1; capture <= 3; capture++) {
            state = engine.submit(new FingerCaptured(live(4, capture)));
            if (!(state instanceof AwaitingFinger)) {
                break;
            }
        }
        assertTrue(state instanceof NeedsClerk n && n.reason() == ClerkReason.CONFIRM_IDENTITY
                && n.session().orElseThrow().iin().equals(REGISTER.get(4).voter().iin()), state.toString());
    }
}
