/**
 * The administrator's command line (picocli): key ceremony, register package, clerks, tokens at the ballot desk,
 * closing the day, audit verification, wipe. Each command validates its arguments before it changes anything and
 * refuses in one line with a message key; {@code UnlockedStore} unlocks the store for it. Uses the store, the keys,
 * the register, the audit log, the roster and the tokens; never a screen or a device.
 */
package kz.sailau.kiosk.cli;
