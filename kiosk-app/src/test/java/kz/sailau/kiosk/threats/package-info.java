/**
 * The hostile regression suite: the threat model as code. One {@code *IT} class per threat, named for it, each
 * attacking through the real command line (or the real loader, where thousands of attempts are needed) and asserting
 * the refusal, its message key and that nothing was changed. {@code docs/threat-model.md} points at each test.
 *
 * <ul>
 *   <li>{@link kz.sailau.kiosk.threats.InsiderRollbackIT} — an insider with {@code sqlite3} rewinds the register
 *       version, the day's phase or the log's end, puts rows back after the wipe, drops triggers, forges the
 *       anchor;</li>
 *   <li>{@link kz.sailau.kiosk.threats.PackageTamperingIT} — any changed byte of a register package;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ConfusableNamesIT} — invisible characters and look-alike names in
 *       {@code voters.csv};</li>
 *   <li>{@link kz.sailau.kiosk.threats.BadInvocationsIT} — every subcommand with every kind of bad input.</li>
 * </ul>
 *
 * Attacks refused by tests that live beside the code they attack (and stay there, as they use its package-private
 * fixtures): {@code audit.AuditTamperingIT} (changed, deleted, inserted, reordered, truncated and rewritten audit
 * logs and bundles), {@code register.RegisterLoadTest} (foreign, rolled back, truncated and misaddressed packages),
 * {@code cli.KillDuringLoadIT} and {@code ledger.CheckInCrashIT} (kill -9 mid-write), {@code token.TokenTest} and
 * {@code token.TokenLedgerIT} (forged and reused tokens), {@code app.LogicAccuracyIT} (test data on election day),
 * {@code clerk.ClerkRosterTest} (PIN guessing, lockout, moved hashes). Classes for forged typed codes, token
 * reconciliation, verifier agreement, arrival order at rest and the atomic check-in with its token are added here by
 * their own work (issue 13).
 */
package kz.sailau.kiosk.threats;
