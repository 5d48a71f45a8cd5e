/**
 * The one election-day assembly ({@code ElectionDayAssembly}): the check-in policy from the configuration,
 * the register, the ledger with its signing audit recorder, the clerk roster, the token issuer and the device
 * runner, built the same way for {@code start}, {@code demo}, {@code simulate} and the pre-election test; and the
 * kiosk's device sets, real ({@code SerialDevices}) or emulated ({@code EmulatedDevices}). The only place that
 * constructs a check-in engine. Uses the layers below {@code app}; not the screens' views.
 */
package kz.sailau.kiosk.app.assembly;
