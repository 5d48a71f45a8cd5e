/**
 * The precinct network: one check-in ledger replicated by Raft (JGroups Raft, docs/decisions/0170) across the
 * kiosks, the clerk station and the ballot desk of one polling station, over mutual TLS with node certificates.
 * The only package that imports JGroups. It owns the replicated commands and their conditional outcomes
 * ({@link kz.sailau.kiosk.precinct.PrecinctCommand}), the state they build
 * ({@link kz.sailau.kiosk.precinct.PrecinctLedgerState}, kept on disk only as a canonical, time-free snapshot),
 * and one node ({@link kz.sailau.kiosk.precinct.PrecinctNode}). It may use {@code crypto} and {@code model}, and
 * {@code audit} only to verify the kiosks' own day bundles it joins with the precinct's at the end of the day
 * ({@link kz.sailau.kiosk.precinct.PrecinctBundleVerifier}); the check-in engine reaches it only through its ports.
 */
package kz.sailau.kiosk.precinct;
