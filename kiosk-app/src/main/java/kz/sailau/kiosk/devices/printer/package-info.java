/**
 * The ESC/POS receipt printer: the receipt value, the encoder and parser of the command subset, the serial
 * driver that checks the paper before and after each receipt, and the emulator that parses what it receives.
 */
package kz.sailau.kiosk.devices.printer;
