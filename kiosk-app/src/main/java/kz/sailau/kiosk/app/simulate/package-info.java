/**
 * {@code simulate}: N voter visits through the demo kiosk, every choice drawn from one seeded random
 * source, acting only as voters, clerks and the hands that unplug or refill the emulated devices, with counts that
 * reconcile and the soak measurements. Uses {@code app.demo} and {@code app.assembly}.
 */
package kz.sailau.kiosk.app.simulate;
