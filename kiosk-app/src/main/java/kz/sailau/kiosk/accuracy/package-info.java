/**
 * The authority's accuracy measurement ({@code sailau-kiosk accuracy}, issue 16, decision 0143): competition-layout
 * print sets read with their resolution, enrolled as {@code register build} enrols, seen through the sensor's
 * window and 4-bit transfer, captured as the check-in engine's capture policy asks, and reported as pass rates,
 * impostor histograms and DET curves. Uses {@code register}, {@code checkin}, {@code biometric}, {@code model} and the
 * fingerprint driver's API (the sensor's geometry); only {@code cli} uses it, and it keeps no database or screen.
 */
package kz.sailau.kiosk.accuracy;
