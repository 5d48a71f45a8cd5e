/**
 * The clerk roster: the commission members who may act at the kiosk, each with a kiosk login (a badge code
 * such as {@code C01}, never a name or an IIN) and a PIN kept only as an Argon2id hash, encrypted in the kiosk
 * store. Checks PINs for the check-in engine (with a lockout after repeated wrong PINs) and records added,
 * removed, reset and locked-out clerks in the audit log. Sits above {@code store} and beside {@code ledger}.
 */
package kz.sailau.kiosk.clerk;
