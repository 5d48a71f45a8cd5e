/**
 * The pre-election logic-and-accuracy test (decision 0072): a second engine from the one assembly over a
 * separate, wiped-afterwards store, the devices switched to it while it runs, and {@code la status} / {@code la end}.
 * Uses {@code app.assembly}; the real store receives only the test's start and end events.
 */
package kz.sailau.kiosk.app.la;
