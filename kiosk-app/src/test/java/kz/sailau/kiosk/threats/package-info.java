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
 *   <li>{@link kz.sailau.kiosk.threats.BadInvocationsIT} — every subcommand with every kind of bad input;</li>
 *   <li>{@link kz.sailau.kiosk.threats.HostileFilesIT} — huge (sparse) certificates, keys, requests and bundles,
 *       certificate files with a second certificate, foreign ledgers, escape sequences in what is printed;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ForgedTypedCodeIT} — made-up typed codes and real ones of another precinct
 *       or election at the ballot desk;</li>
 *   <li>{@link kz.sailau.kiosk.threats.RedeemedNotIssuedIT} — ballots for tokens no kiosk issued, for voided
 *       tokens, or twice at two desks, found by {@code token reconcile};</li>
 *   <li>{@link kz.sailau.kiosk.threats.BundleVerifierAgreementIT} — an altered end-of-day bundle through either
 *       verifier;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ArrivalOrderAtRestIT} — who checked in when, read from the database's
 *       layout;</li>
 *   <li>{@link kz.sailau.kiosk.threats.CheckInWithoutTokenIT} — a crash between a check-in and its token;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ClosedWithoutBundleIT} — the polls closed with no bundle;</li>
 *   <li>{@link kz.sailau.kiosk.threats.MarkedRegisterSwapIT} — another list of who checked in swapped for the
 *       marked-register backup;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ReadyCheckLeavesNothingIT} — a refused {@code start --ready-check} leaving
 *       key files behind;</li>
 *   <li>{@link kz.sailau.kiosk.threats.HeadKeyFromTheDirectoryIT} — the key {@code audit verify --data} checks the
 *       heads with replaced in the directory it checks;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ReportOverAnInputIT} — a report option pointed at an input, a key or the
 *       passphrase file;</li>
 *   <li>{@link kz.sailau.kiosk.threats.TwoInitsAtOnceIT} — two {@code kiosk init} at once on one directory;</li>
 *   <li>{@link kz.sailau.kiosk.threats.HostileAccuracyFoldersIT} — decompression bombs, broken images, bad
 *       {@code dpi} files, misnamed images, links to nowhere and odd fingers handed to {@code accuracy};</li>
 *   <li>{@link kz.sailau.kiosk.threats.DeskCodeVariantsIT} — a genuine code in other forms and look-alikes at the
 *       ballot desk, again after a restart;</li>
 *   <li>{@link kz.sailau.kiosk.threats.ElectionDayFromTheConfigurationIT} — the configuration's election day moved
 *       after voters were judged on it (session H67);</li>
 *   <li>{@link kz.sailau.kiosk.threats.MachineDirectoryFilesIT} — a named pipe, a link to a device or a folder, or a
 *       huge file in place of a machine's own key or certificate file (session H67);</li>
 *   <li>{@link kz.sailau.kiosk.threats.StandaloneKiosksOfOnePrecinctIT} — the kiosks of a precinct package started
 *       standalone, a voter checked in at each (session H67).</li>
 * </ul>
 *
 * Attacks refused by tests that live beside the code they attack (and stay there, as they use its package-private
 * fixtures): {@code audit.AuditTamperingIT} (changed, deleted, inserted, reordered, truncated and rewritten audit
 * logs and bundles), {@code register.RegisterLoadTest} (foreign, rolled back, truncated and misaddressed packages),
 * {@code cli.KillDuringLoadIT} and {@code ledger.CheckInCrashIT} (kill -9 mid-write), {@code token.TokenTest} and
 * {@code token.TokenLedgerIT} (forged and reused tokens), {@code app.LogicAccuracyIT} (test data on election day),
 * {@code clerk.ClerkRosterTest} (PIN guessing, lockout, moved hashes), {@code app.HostileConfigurationTest} (a
 * hostile {@code kiosk.json}), {@code register.RedirectionTest} and {@code register.RegisterBuilderTest} (hostile
 * authority inputs and voter rows), {@code register.RegisterRowsAtRestTest} (who a voter row is, read from its id and
 * the lengths of its encrypted fields without the key) and {@code token.DeskLedgerOrderAtRestIT} (the order of
 * redemptions, read from the ballot desk's ledger).
 */
package kz.sailau.kiosk.threats;
