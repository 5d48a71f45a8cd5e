/**
 * The machine-readable zone of the identity card (ICAO 9303 TD1): the parser with every check digit, the
 * writer of demo cards with ICAO transliteration, the fields and their message keys. Pure values.
 */
package kz.sailau.kiosk.model.mrz;
