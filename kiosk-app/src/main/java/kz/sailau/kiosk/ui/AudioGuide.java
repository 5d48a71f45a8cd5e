package kz.sailau.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.checkin.CheckInState;
import kz.sailau.kiosk.checkin.Refusal;

/**
 * Audio guidance for voters who cannot read the screen (decision 0211): for every voter step the clip that says
 * what to do, in Kazakh or Russian, played to the headphone jack when the step begins and again when the voter
 * changes the language. The English screen is guided in Russian (the clips exist in the two languages of the
 * law). Nothing spoken is about a voter but the number of the polling station a voter of another precinct is sent
 * to, read digit by digit. Decides nothing: it follows the states the engine shows.
 */
public final class AudioGuide {

    /** Where the clips are on the class path: {@code AUDIO_ROOT + "kk/finger.wav"}. */
    public static final String AUDIO_ROOT = "/kz/sailau/kiosk/ui/audio/";

    private final AudioOutput output;
    private volatile boolean enabled = true;

    /** @param output the headphone output */
    public AudioGuide(AudioOutput output) {
        this.output = Objects.requireNonNull(output, "output");
    }

    /** Turns the guidance on or off (on by default: it plays only into the headphones). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the guidance plays. */
    public boolean enabled() {
        return enabled;
    }

    /** Plays the guidance of {@code state} in {@code language} (when enabled). */
    public void guide(CheckInState state, Language language) {
        if (enabled) {
            output.play(clipsFor(state, language));
        }
    }

    /** The clip names (without language and extension) that guide a state, in order. */
    public static List<String> clipNamesFor(CheckInState state) {
        Objects.requireNonNull(state, "state");
        return state.accept(new CheckInState.Visitor<List<String>>() {
            @Override
            public List<String> awaitingCard(CheckInState.AwaitingCard s) {
                return List.of("card");
            }

            @Override
            public List<String> checkingEligibility(CheckInState.CheckingEligibility s) {
                return List.of("wait");
            }

            @Override
            public List<String> awaitingFinger(CheckInState.AwaitingFinger s) {
                return List.of(s.captures() == 0 && s.countdownUntil().isEmpty() ? "finger" : "finger-again");
            }

            @Override
            public List<String> matching(CheckInState.Matching s) {
                return List.of("wait");
            }

            @Override
            public List<String> recording(CheckInState.Recording s) {
                return List.of("wait");
            }

            @Override
            public List<String> tokenIssued(CheckInState.TokenIssued s) {
                return List.of("token");
            }

            @Override
            public List<String> refused(CheckInState.Refused s) {
                return refusal(s);
            }

            @Override
            public List<String> needsClerk(CheckInState.NeedsClerk s) {
                return List.of("clerk");
            }

            @Override
            public List<String> paused(CheckInState.Paused s) {
                return List.of("paused");
            }

            @Override
            public List<String> fallback(CheckInState.Fallback s) {
                return List.of("fallback");
            }

            @Override
            public List<String> cutOff(CheckInState.CutOff s) {
                // Go to another kiosk or call a commission member: the words of a wait for one.
                return List.of("clerk");
            }
        });
    }

    private static List<String> refusal(CheckInState.Refused s) {
        if (s.refusal() == Refusal.OTHER_PRECINCT && s.station().isPresent()) {
            List<String> clips = new ArrayList<>(List.of("other-precinct"));
            for (char digit : String.valueOf(s.station().get().precinct().number()).toCharArray()) {
                clips.add("digit-" + digit);
            }
            return clips;
        }
        return switch (s.refusal()) {
            case VOTED_EARLY -> List.of("voted-early");
            case VOTED_BY_ABSENTEE_CERTIFICATE -> List.of("absentee");
            case ALREADY_CHECKED_IN -> List.of("already");
            default -> List.of("refused");
        };
    }

    /** The class-path resources that guide a state in a language. */
    public static List<String> clipsFor(CheckInState state, Language language) {
        Objects.requireNonNull(language, "language");
        String folder = language == Language.KAZAKH ? "kk/" : "ru/";
        return clipNamesFor(state).stream().map(name -> AUDIO_ROOT + folder + name + ".wav").toList();
    }
}
