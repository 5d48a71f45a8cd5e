/**
 * The printed reports of the election day and the turnout by the hour: the opening (zero) report, the closing tally
 * and the hourly turnout slip, each computed from the audit log alone (so an observer recomputes every number from
 * the signed bundle), and their receipt layouts in the kiosk's language. Knows the audit log and the receipt value;
 * no printer I/O, no JavaFX, no SQL.
 */
package kz.sailau.kiosk.report;
