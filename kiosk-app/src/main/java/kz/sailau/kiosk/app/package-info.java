/**
 * The kiosk program's entry point and wiring: {@code Main} registers every command, {@code start} opens the
 * full-screen kiosk ({@code ProductionWindows}) or checks it ({@code ReadyCheck}, {@code KioskPreflight}), the one
 * typed configuration ({@code KioskConfiguration}) is read here, and the administrator's actions and device
 * settings ({@code KioskAdministration}, {@code KioskDeviceSettings}) are bound to the store. The only package that
 * decides between real and emulated hardware. May use every package below it; nothing uses it. Its topics live in
 * subpackages: {@code assembly} (the one election-day assembly), {@code demo}, {@code simulate} and {@code la}.
 */
package kz.sailau.kiosk.app;
