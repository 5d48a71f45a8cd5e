/**
 * The check-in engine: the flow, hardware included, as one pure state machine ({@code CheckInMachine}:
 * states, events, effects), the engine that runs its effects through ports ({@code VoterDirectory},
 * {@code CheckInLedger}, {@code ClerkAuthenticator}, {@code BallotTokenIssuer}, {@code DeviceEffects}), eligibility,
 * the policy, refusals and clerk reasons with their message keys. No SQL, no JavaFX, no device driver: devices are
 * effects a runner executes. Uses {@code register}, {@code biometric} and {@code model} (and the card reader's
 * message keys of {@code devices}).
 */
package kz.sailau.kiosk.checkin;
