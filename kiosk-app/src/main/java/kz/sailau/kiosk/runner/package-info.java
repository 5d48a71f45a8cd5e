/**
 * The device runner beside the check-in engine: it runs the engine's device effects on the kiosk's scanner,
 * card reader and printer (each on its own thread) and feeds their outcomes, the cards read and the clock's ticks
 * back as events. It decides nothing; every rule of when a device acts is in the engine's machine. Uses
 * {@code checkin}, {@code devices}, {@code biometric} and the fingerprint driver's API; used by the wiring and the
 * screens (which observe upload progress and receipts).
 */
package kz.sailau.kiosk.runner;
