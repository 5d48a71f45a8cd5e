/**
 * The serial transport: {@link kz.sailau.fingerprint.serial.SerialFingerprintScanner} speaks the sensor protocol
 * over a jSerialComm port (a USB-UART adapter such as {@code /dev/ttyUSB0}, or the emulator's pseudo-terminal).
 * The only package that imports jSerialComm.
 */
package kz.sailau.fingerprint.serial;
