/**
 * The serial protocol of the R30x / ZFM-20 / AS608 fingerprint sensor family: packets, instructions, confirmation
 * codes, system parameters and the 4-bit image format. Pure: bytes in, values out, no I/O, no threads, no clocks.
 *
 * <p>Source: "ZFM-20 Series Fingerprint Identification Module User Manual" (Hangzhou Zhian, distributed by
 * Adafruit) and the R305/R307 user manuals, which share the same protocol. Section names below are the manual's:
 * "Data package format", "Check and acknowledgement of data package", "Module instruction system".
 */
package kz.sailau.fingerprint.protocol;
