/**
 * The audit log: the declared event catalogue whose fields cannot hold personal data, the hash chain with
 * heads signed by the kiosk key, observer verification and sampling, the end-of-day bundle, the biometric wipe.
 * Maps the check-in engine's audit events to the catalogue. Uses {@code checkin}, {@code register},
 * {@code crypto} and {@code store}; used by the ledger, the roster, the commands and the wiring.
 */
package kz.sailau.kiosk.audit;
