package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.app.assembly.EngineWatch;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.ClerkReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The screens' view model without a screen (its properties changed on the calling thread): it mirrors the engine's
 * state and clerk call and forwards the voter's taps; the voter's language goes back to Kazakh whenever a voter
 * leaves, also when the next card clears the token screen.
 */
class CheckInScreenModelTest {

    private static final Duration STEP = Duration.ofSeconds(10);

    private final UiFixtures fixtures = new UiFixtures();
    private final LanguageViewModel language = new LanguageViewModel();
    private final CheckInScreenModel model = fixtures.model(language, Runnable::run);
    private final EngineWatch watch = EngineWatch.on(fixtures.engine);

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    @Test
    void theNextCardClearsTheTokenAndTheNextVoterStartsInKazakh() throws Exception {
        model.submitCard(fixtures.mrz(1)).get(10, TimeUnit.SECONDS);
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        watch.await("the printed token", s -> s instanceof CheckInState.TokenIssued t
                && t.printout() == CheckInState.Printout.PRINTED, STEP);
        language.choose(Language.RUSSIAN);

        CheckInState next = model.submitCard(fixtures.mrz(2)).get(10, TimeUnit.SECONDS);
        assertInstanceOf(CheckInState.AwaitingFinger.class, next, "the next voter's card was read at once");
        assertEquals(Language.KAZAKH, language.languageProperty().get());
        assertEquals(1, fixtures.printer.printed.size());
    }

    @Test
    void theVoterCallsAClerkAndTheModelMirrorsTheCall() throws Exception {
        model.callClerk().get(10, TimeUnit.SECONDS);
        assertEquals(ClerkReason.VOTER_REQUEST, model.clerkCallProperty().get().orElseThrow().reason());
        assertTrue(model.clerkCalledProperty().get());
        assertEquals(new CheckInScreenModel.ClerkNotice("checkin.clerk.voterRequest", "checkin.next.helpTheVoter"),
                model.notices().get(0));
        model.submitAsClerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(10, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), model.clerkCallProperty().get(), "the clerk acted");
    }

    @Test
    void theFingerPromptCountsDownAndTheVoterTakesMoreTime() throws Exception {
        model.submitCard(fixtures.mrz(3)).get(10, TimeUnit.SECONDS);
        fixtures.clock.advance(fixtures.policy.idleTimeout().minus(fixtures.policy.fingerCountdown()));
        CheckInState.AwaitingFinger counting = (CheckInState.AwaitingFinger) model.tick().get(10, TimeUnit.SECONDS);
        assertTrue(counting.countdownUntil().isPresent(), "the countdown is shown");
        CheckInState.AwaitingFinger more = (CheckInState.AwaitingFinger) model.moreTime().get(10, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), more.countdownUntil());
        assertEquals(fixtures.clock.instant(), more.since());
    }
}
