package kz.sailau.kiosk.clerk;

import java.util.Objects;

/**
 * What a clerk PIN must be: 6 to 12 ASCII digits, not one digit repeated ({@code 111111}), not a run up or
 * down ({@code 123456}, {@code 987654}, also wrapping past 9/0 as {@code 890123}), not a short block repeated
 * ({@code 121212}, {@code 123123}). Each refusal has its own message key; no message holds the PIN.
 *
 * <p>Six digits give 10^6 PINs; with the lockout after {@link ClerkRoster#MAX_FAILED_ATTEMPTS} wrong tries an
 * attacker at the kiosk has a 5 in 10^6 chance per clerk, and the refused patterns are the ones tried first.
 */
public final class PinPolicy {

    /** Fewest digits. */
    public static final int MIN_DIGITS = 6;
    /** Most digits. */
    public static final int MAX_DIGITS = 12;

    private PinPolicy() {
    }

    /**
     * Checks {@code pin} (left untouched; the caller clears it).
     *
     * @throws ClerkException {@code clerk.error.pinNotDigits}, {@code clerk.error.pinTooShort},
     *                        {@code clerk.error.pinTooLong}, {@code clerk.error.pinOneDigit},
     *                        {@code clerk.error.pinSequence} or {@code clerk.error.pinRepeated}
     */
    public static void check(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new ClerkException("clerk.error.pinNotDigits", "a PIN holds digits only");
            }
        }
        if (pin.length < MIN_DIGITS) {
            throw new ClerkException("clerk.error.pinTooShort", "a PIN has at least " + MIN_DIGITS + " digits");
        }
        if (pin.length > MAX_DIGITS) {
            throw new ClerkException("clerk.error.pinTooLong", "a PIN has at most " + MAX_DIGITS + " digits");
        }
        if (steadyStep(pin, 0)) {
            throw new ClerkException("clerk.error.pinOneDigit", "a PIN must not be one digit repeated");
        }
        if (steadyStep(pin, 1) || steadyStep(pin, 9)) {
            throw new ClerkException("clerk.error.pinSequence", "a PIN must not be a run of digits up or down");
        }
        for (int period = 2; period <= 3; period++) {
            if (repeats(pin, period)) {
                throw new ClerkException("clerk.error.pinRepeated", "a PIN must not be a short block repeated");
            }
        }
    }

    /** Every digit is the previous plus {@code step} (mod 10). */
    private static boolean steadyStep(char[] pin, int step) {
        for (int i = 1; i < pin.length; i++) {
            if ((pin[i - 1] - '0' + step) % 10 != pin[i] - '0') {
                return false;
            }
        }
        return true;
    }

    /** The PIN is its first {@code period} digits over and over. */
    private static boolean repeats(char[] pin, int period) {
        for (int i = period; i < pin.length; i++) {
            if (pin[i] != pin[i - period]) {
                return false;
            }
        }
        return true;
    }
}
