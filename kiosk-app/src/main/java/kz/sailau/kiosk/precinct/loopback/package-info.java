/**
 * A precinct of node JVMs on one computer's loopback addresses, behind fault-injecting TCP proxies: what
 * {@code simulate --kiosks N} and the network tests run. Like the device emulators, it is chosen only by the
 * simulation wiring and tests, never by a production start.
 */
package kz.sailau.kiosk.precinct.loopback;
