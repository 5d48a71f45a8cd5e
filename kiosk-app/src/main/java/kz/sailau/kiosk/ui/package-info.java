/**
 * The JavaFX screens: the voter's views rendered from the engine's state through its exhaustive visitor, the
 * clerk console, the administrator's panes, the language and the message bundles (Kazakh, Russian, English). View
 * models expose read-only properties and forward taps; they decide nothing and hold no nodes. Uses the engine, the
 * device runner (progress, receipts) and the roster; of the devices only the receipt value.
 */
package kz.sailau.kiosk.ui;
