package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.PaperMarkEntry;
import kz.sailau.kiosk.checkin.CheckInEvent;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.ClerkReason;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.checkin.LegalDocument;
import kz.sailau.kiosk.checkin.Refusal;
import kz.sailau.kiosk.checkin.Route;
import kz.sailau.kiosk.checkin.Session;
import kz.sailau.kiosk.checkin.SpecialListReason;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.model.PollingStation;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.testing.TestIins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Audio guidance (decision 0211): the right clip is requested for each voter step, in Kazakh or Russian, every clip
 * it can request is a WAV that plays, and the screens' model requests them as the engine moves and as the voter
 * changes the language; large text follows the voter and goes back to normal when they leave.
 */
class AudioGuideTest {

    private static final Instant T = Instant.parse("2026-03-15T03:00:00Z");
    private static final Iin IIN = TestIins.of(LocalDate.of(1980, 2, 2), 7);
    private static final ClerkId CLERK = new ClerkId("clerk1");
    private static final PollingStation ELSEWHERE = new PollingStation(new PrecinctId(102), "№14 мектеп, Абай көшесі 5",
            "Школа №14, ул. Абая 5", "School 14, Abai Street 5");

    /** One sample of every state, with the clips it must get. */
    static Map<CheckInState, List<String>> samples() {
        Session session = Session.specialList(IIN, new PrecinctId(101), CLERK);
        Map<CheckInState, List<String>> samples = new LinkedHashMap<>();
        samples.put(CheckInState.AwaitingCard.FRESH, List.of("card"));
        samples.put(new CheckInState.CheckingEligibility(Route.CARD, IIN, Optional.empty(), Optional.empty()),
                List.of("wait"));
        samples.put(new CheckInState.AwaitingFinger(Optional.of(session), 0, Optional.empty(), T), List.of("finger"));
        samples.put(new CheckInState.AwaitingFinger(Optional.of(session), 1, Optional.empty(), T),
                List.of("finger-again"));
        samples.put(new CheckInState.Matching(Optional.of(session), 1), List.of("wait"));
        samples.put(new CheckInState.Recording(session, new CheckInRecord(IIN, CheckInMethod.SPECIAL_LIST,
                Optional.empty(), Optional.of(CLERK), Optional.of(new LegalDocument(SpecialListReason.COURT_DECISION,
                "2-1/2026")))), List.of("wait"));
        samples.put(new CheckInState.TokenIssued(new IssuedBallotToken("ABCD", "QR"), CheckInMethod.FINGERPRINT, false,
                T), List.of("token"));
        samples.put(new CheckInState.Refused(Refusal.OTHER_PRECINCT, false, T, Optional.of(ELSEWHERE)),
                List.of("other-precinct", "digit-1", "digit-0", "digit-2"));
        samples.put(new CheckInState.Refused(Refusal.OTHER_PRECINCT, false, T), List.of("refused"));
        samples.put(new CheckInState.Refused(Refusal.VOTED_EARLY, false, T), List.of("voted-early"));
        samples.put(new CheckInState.Refused(Refusal.VOTED_BY_ABSENTEE_CERTIFICATE, false, T), List.of("absentee"));
        samples.put(new CheckInState.Refused(Refusal.ALREADY_CHECKED_IN, false, T), List.of("already"));
        samples.put(new CheckInState.Refused(Refusal.NOT_IN_REGISTER, false, T), List.of("refused"));
        samples.put(new CheckInState.NeedsClerk(ClerkReason.FINGER_NOT_RECOGNISED, Optional.empty()),
                List.of("clerk"));
        samples.put(new CheckInState.Paused(false), List.of("paused"));
        samples.put(new CheckInState.Fallback(Optional.empty()), List.of("fallback"));
        samples.put(new CheckInState.CutOff(false), List.of("clerk"));
        return samples;
    }

    @Test
    void everyVoterStepGetsItsClipInKazakhAndRussian() {
        Map<CheckInState, List<String>> samples = samples();
        Set<Class<?>> covered = samples.keySet().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(CheckInState.class.getPermittedSubclasses()), covered, "a sample of every state");
        samples.forEach((state, clips) -> {
            assertEquals(clips, AudioGuide.clipNamesFor(state), state.getClass().getSimpleName());
            assertEquals(clips.stream().map(c -> AudioGuide.AUDIO_ROOT + "kk/" + c + ".wav").toList(),
                    AudioGuide.clipsFor(state, Language.KAZAKH));
            assertEquals(clips.stream().map(c -> AudioGuide.AUDIO_ROOT + "ru/" + c + ".wav").toList(),
                    AudioGuide.clipsFor(state, Language.RUSSIAN));
            assertEquals(AudioGuide.clipsFor(state, Language.RUSSIAN), AudioGuide.clipsFor(state, Language.ENGLISH),
                    "the English screen is guided in Russian");
        });
        for (Refusal refusal : Refusal.values()) {
            assertFalse(AudioGuide.clipNamesFor(new CheckInState.Refused(refusal, false, T)).isEmpty());
        }
    }

    @Test
    void everyClipIsAShortWavThatJavaSoundReads() throws Exception {
        List<String> names = new ArrayList<>(List.of("card", "wait", "finger", "finger-again", "token", "refused",
                "other-precinct", "voted-early", "absentee", "already", "clerk", "paused", "fallback"));
        for (int digit = 0; digit <= 9; digit++) {
            names.add("digit-" + digit);
        }
        for (String language : List.of("kk", "ru")) {
            for (String name : names) {
                String resource = AudioGuide.AUDIO_ROOT + language + "/" + name + ".wav";
                try (InputStream in = AudioGuide.class.getResourceAsStream(resource)) {
                    assertNotNull(in, "missing clip " + resource);
                    try (AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in))) {
                        AudioFormat format = audio.getFormat();
                        assertEquals(11025f, format.getSampleRate(), resource);
                        assertEquals(1, format.getChannels(), resource);
                        double seconds = audio.getFrameLength() / format.getFrameRate();
                        assertTrue(seconds > 0.2 && seconds < 8, resource + " lasts " + seconds + " s");
                    }
                }
            }
        }
    }

    // --- through the screens' model ---

    private final UiFixtures fixtures = new UiFixtures();
    private final LanguageViewModel language = new LanguageViewModel();
    private final CheckInScreenModel model = fixtures.model(language, Runnable::run);
    private final List<List<String>> played = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        model.close();
        fixtures.close();
    }

    private List<String> last() {
        return played.get(played.size() - 1).stream()
                .map(p -> p.substring(AudioGuide.AUDIO_ROOT.length())).toList();
    }

    @Test
    void theModelPlaysEachStepAndReplaysItInTheChosenLanguage() throws Exception {
        java.util.concurrent.CountDownLatch token = new java.util.concurrent.CountDownLatch(1);
        model.useAudioGuide(new AudioGuide(clips -> {
            played.add(clips);
            if (clips.get(0).endsWith("/token.wav")) {
                token.countDown();
            }
        }));
        assertEquals(List.of("kk/card.wav"), last(), "the idle screen at once");
        model.submitCard(fixtures.mrz(1)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("kk/finger.wav"), last());
        language.choose(Language.RUSSIAN);
        assertEquals(List.of("ru/finger.wav"), last(), "the same step again in Russian");
        model.toggleLargeText();
        assertTrue(model.largeTextProperty().get());
        fixtures.scanner.fingers.add(UiFixtures.goodCapture(1));
        assertTrue(token.await(10, TimeUnit.SECONDS), "the token step was guided");
        assertTrue(played.stream().anyMatch(p -> p.equals(List.of(AudioGuide.AUDIO_ROOT + "ru/token.wav"))));
        model.submit(new kz.sailau.kiosk.checkin.CheckInEvent.Acknowledged()).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("kk/card.wav"), last(), "the next voter is greeted in Kazakh");
        assertFalse(model.largeTextProperty().get(), "large text ends with the voter");

        model.audioGuide().setEnabled(false);
        int before = played.size();
        model.submitCard(fixtures.mrz(2)).get(10, TimeUnit.SECONDS);
        assertEquals(before, played.size(), "silent when switched off");
        assertTrue(Arrays.asList("kk", "ru").contains(last().get(0).substring(0, 2)));
    }

    @Test
    void paperMarksEnteredAtThePausedKioskDoNotRepeatThePausedPrompt() throws Exception {
        model.useAudioGuide(new AudioGuide(played::add));
        model.submitAsClerk(new CheckInEvent.ClerkPauses(UiFixtures.CLERK), UiFixtures.PIN.toCharArray())
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of("kk/paused.wav"), last());
        int before = played.size();
        CheckInState marked = model.submitAsClerk(new CheckInEvent.ClerkEntersPaperMark(UiFixtures.CLERK,
                fixtures.voters.get(0).voter().iin()), UiFixtures.PIN.toCharArray()).get(10, TimeUnit.SECONDS);
        assertInstanceOf(PaperMarkEntry.Entered.class, ((CheckInState.Paused) marked).paperMark().orElseThrow());
        assertEquals(before, played.size(), "the mark shows on the console only: nothing new to say");
    }
}
