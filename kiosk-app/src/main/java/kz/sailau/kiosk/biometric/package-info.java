/**
 * Fingerprint matching: SourceAFIS behind one small interface ({@code FingerMatcher}), live images and their
 * quality verdict, templates. The only package that imports SourceAFIS; depends on nothing of the kiosk.
 */
package kz.sailau.kiosk.biometric;
