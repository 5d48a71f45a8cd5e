/**
 * The identity-card MRZ reader and the serial line under the peripherals: the real jSerialComm drivers and
 * their emulators on pseudo-terminals, behind small interfaces. The only package that imports jSerialComm; the
 * real drivers never use the emulators. Depends on nothing of the kiosk above {@code model}.
 */
package kz.sailau.kiosk.devices;
