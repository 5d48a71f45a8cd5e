package kz.sailau.kiosk.checkin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The kiosk is calling a commission member: the signal a screen turns into a banner and a sound. Raised by the
 * machine ({@link Effect.SignalClerk}) whenever it waits for a clerk, a device fails or the voter presses "call a
 * commission member"; lowered ({@link Effect.ClearClerkSignal}) when a clerk acts or the voter leaves. Only
 * fixed codes and message keys: nothing about a voter.
 *
 * @param reason why, with the clerk's message and next step
 * @param fault  the device fault behind the call, if a device failed
 * @param since  when the call was raised
 */
public record ClerkCall(ClerkReason reason, Optional<DeviceFault> fault, Instant since) {

    /** @throws NullPointerException on a null field */
    public ClerkCall {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(since, "since");
    }

    /** The key of what the clerk reads first: the device's own message when a device failed, else the reason's. */
    public String messageKey() {
        return fault.map(DeviceFault::messageKey).orElse(reason.messageKey());
    }
}
