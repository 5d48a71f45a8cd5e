package kz.sailau.kiosk.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.model.PrecinctId;

/**
 * The rules of one kiosk on one election day, part of the typed configuration.
 *
 * @param precinct        this kiosk's precinct
 * @param electionDay     election day (сайлау күні): age and document validity are judged on it
 * @param minimumAge      minimum age on election day, 18 by the Constitution of Kazakhstan, art. 33
 * @param maxCaptures     fingerprint captures per voter before the clerk is called, default 3
 * @param threshold       the decision thresholds
 * @param overrideCap     the override limit
 * @param idleTimeout     how long a finger prompt or refusal stays before the kiosk returns to idle
 * @param tokenDisplay    how long the token screen stays once its receipt printed (the next card clears it sooner)
 * @param fingerCountdown how long before the finger prompt's idle timeout its countdown is shown (less than
 *                        {@code idleTimeout})
 */
public record CheckInPolicy(PrecinctId precinct, LocalDate electionDay, int minimumAge, int maxCaptures,
                            MatchThreshold threshold, OverrideCap overrideCap, Duration idleTimeout,
                            Duration tokenDisplay, Duration fingerCountdown) {

    /** Token screen default: long enough to read the code, short enough that the next voter never sees it. */
    public static final Duration DEFAULT_TOKEN_DISPLAY = Duration.ofSeconds(15);
    /** Countdown default: the last 15 s of the finger prompt (at most half of the idle timeout). */
    public static final Duration DEFAULT_FINGER_COUNTDOWN = Duration.ofSeconds(15);

    /** @throws IllegalArgumentException on an implausible value */
    public CheckInPolicy {
        Objects.requireNonNull(precinct, "precinct");
        Objects.requireNonNull(electionDay, "electionDay");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(overrideCap, "overrideCap");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(tokenDisplay, "tokenDisplay");
        Objects.requireNonNull(fingerCountdown, "fingerCountdown");
        if (minimumAge < 0 || maxCaptures < 1 || !positive(idleTimeout) || !positive(tokenDisplay)
                || !positive(fingerCountdown) || fingerCountdown.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("need minimumAge >= 0, maxCaptures >= 1, positive timeouts and a "
                    + "finger countdown shorter than the idle timeout");
        }
    }

    /**
     * The verify threshold for one voter: the larger of the configured {@link MatchThreshold#verify()} and the
     * threshold that keeps the system false-accept rate at {@link MatchThreshold#TARGET_SYSTEM_FAR} when an
     * impostor gets every one of the voter's enrolled templates compared with each of {@link #maxCaptures()}
     * captures (decision 0040). Two templates and three captures give the default, 48; two impressions of two
     * fingers, 51.
     */
    public double verifyThreshold(RegisteredVoter voter) {
        Objects.requireNonNull(voter, "voter");
        return threshold.verifyFor(voter.templateCount(), maxCaptures);
    }

    /**
     * The threshold of card-less 1:N identification over a gallery of {@code galleryTemplates} templates: the
     * larger of the configured {@link MatchThreshold#identify()} and the one derived for every template times
     * every capture.
     */
    public double identifyThreshold(long galleryTemplates) {
        return threshold.identifyFor(galleryTemplates, maxCaptures);
    }

    /** A policy with the default token display and a countdown of at most half the idle timeout. */
    public CheckInPolicy(PrecinctId precinct, LocalDate electionDay, int minimumAge, int maxCaptures,
                         MatchThreshold threshold, OverrideCap overrideCap, Duration idleTimeout) {
        this(precinct, electionDay, minimumAge, maxCaptures, threshold, overrideCap, idleTimeout,
                DEFAULT_TOKEN_DISPLAY, countdownFor(idleTimeout));
    }

    /** The defaults for a precinct and day: age 18, 3 captures, derived thresholds, 5 % cap, 60 s timeout. */
    public static CheckInPolicy defaults(PrecinctId precinct, LocalDate electionDay) {
        return new CheckInPolicy(precinct, electionDay, 18, 3, MatchThreshold.DEFAULT, OverrideCap.DEFAULT,
                Duration.ofSeconds(60));
    }

    /** The same policy with another token display time. */
    public CheckInPolicy withTokenDisplay(Duration display) {
        return new CheckInPolicy(precinct, electionDay, minimumAge, maxCaptures, threshold, overrideCap, idleTimeout,
                display, fingerCountdown);
    }

    /**
     * When the token screen {@code shown} clears itself: {@link #tokenDisplay()} after the token was issued, or never
     * (empty) while its receipt did not print, for a clerk acts then. The machine clears the screen on the first tick
     * at or after this moment; the screen counts down to it.
     *
     * @throws NullPointerException on a null state
     */
    public Optional<Instant> tokenClearsAt(CheckInState.TokenIssued shown) {
        Objects.requireNonNull(shown, "shown");
        if (shown.printout() instanceof CheckInState.Printout.NotPrinted) {
            return Optional.empty();
        }
        return Optional.of(shown.since().plus(tokenDisplay));
    }

    /** The default countdown for an idle timeout: 15 s, or half the timeout when that is shorter. */
    static Duration countdownFor(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Duration half = idleTimeout.dividedBy(2);
        return half.compareTo(DEFAULT_FINGER_COUNTDOWN) < 0 ? half : DEFAULT_FINGER_COUNTDOWN;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
