/**
 * The one-time ballot token: its format and signature, the kiosk's issuer (the adapter of the engine's
 * {@code BallotTokenIssuer} port) over the issued-ids table, the ballot desk's check and redeem-once ledger, and
 * the token's message keys. Nothing in it links a token to a voter. Uses {@code checkin}, {@code crypto} and
 * {@code model}.
 */
package kz.sailau.kiosk.token;
